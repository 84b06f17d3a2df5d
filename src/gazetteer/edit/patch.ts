/**
 * Patch files: JSON Lines, one {@link GazetteerOperation} per line, written by `gazetteer suggest
 * --write` and applied by `gazetteer apply`. Curators review a patch by deleting the lines they
 * reject (or editing them). Blank lines and lines starting with `#` are skipped. Extra fields
 * (`confidence`, `count`, `examples`, `reason`) document a suggestion and are ignored when applying.
 */
import { InputError } from '../../errors.js';
import { OPERATION_NAMES, type GazetteerOperation } from './index.js';

function need(record: Record<string, unknown>, field: string, where: string): void {
  if (typeof record[field] !== 'string' || (record[field] as string).trim() === '') throw new InputError(`${where}: "${field}" must be a non-empty string`, { code: 'ERR_PATCH' });
}

/** Parse and shape-check a patch file's text. `label` names it in errors (`patch.jsonl:3: ...`). */
export function parsePatch(text: string, label: string): GazetteerOperation[] {
  const operations: GazetteerOperation[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const where = `${label}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new InputError(`${where}: not valid JSON (${(error as Error).message})`, { cause: error, code: 'ERR_PATCH' });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(`${where}: expected a JSON object`, { code: 'ERR_PATCH' });
    const record = value as Record<string, unknown>;
    if (!(OPERATION_NAMES as readonly unknown[]).includes(record.op)) throw new InputError(`${where}: "op" must be one of ${OPERATION_NAMES.join(', ')}`, { code: 'ERR_PATCH' });
    switch (record.op) {
      case 'add':
      case 'upsert':
        if (typeof record.entry !== 'object' || record.entry === null) throw new InputError(`${where}: "entry" must be an object`, { code: 'ERR_PATCH' });
        break;
      case 'set':
        need(record, 'id', where);
        if (typeof record.set !== 'object' || record.set === null || Object.values(record.set).some((v) => typeof v !== 'string')) throw new InputError(`${where}: "set" must map fields to strings`, { code: 'ERR_PATCH' });
        break;
      case 'alias-add':
        need(record, 'id', where);
        need(record, 'text', where);
        for (const field of ['lang', 'script', 'type', 'source']) if (record[field] !== undefined) need(record, field, where);
        break;
      case 'alias-remove':
        need(record, 'id', where);
        need(record, 'text', where);
        break;
      case 'remove':
        need(record, 'id', where);
        break;
      case 'merge':
        need(record, 'keep', where);
        need(record, 'other', where);
        break;
    }
    operations.push(record as unknown as GazetteerOperation);
  }
  return operations;
}

/** One patch line per record, in the given order (objects keep their key order). */
export function formatPatch(records: readonly object[]): string {
  return records.map((record) => JSON.stringify(record)).join('\n') + (records.length > 0 ? '\n' : '');
}
