/**
 * The JSON Schema of a gazetteer entry (one line of `gazetteers/*.jsonl`), compiled with ajv.
 * Built from the same constants as the TypeScript types, so the two cannot drift apart.
 */
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ENTITY_KINDS, NAME_TYPES, type GazetteerEntry } from './types.js';

const TRIMMED = '^\\S(?:[\\s\\S]*\\S)?$';

/** JSON Schema (draft-07) of one name of an entry. */
export const NAME_SCHEMA = {
  type: 'object',
  required: ['text', 'lang', 'script', 'type'],
  additionalProperties: false,
  properties: {
    text: { type: 'string', minLength: 1, pattern: TRIMMED, description: 'The name as written.' },
    lang: { type: 'string', pattern: '^(?:[a-z]{2,3}|und)(?:-[A-Za-z0-9]{2,8})*$', description: 'BCP-47 language tag (`ru`, `uz-Latn`, `und`).' },
    script: { type: 'string', pattern: '^[A-Z][a-z]{3}$', description: 'ISO 15924 script code (`Latn`, `Cyrl`).' },
    type: { enum: [...NAME_TYPES] },
    source: { type: 'string', minLength: 1 },
  },
} as const;

/**
 * JSON Schema (draft-07) of a gazetteer entry. Unknown top-level keys are allowed by the schema
 * (the file format keeps them) and reported as warnings by validation.
 */
export const ENTRY_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/transnorm/transnorm/schemas/gazetteer-entry.json',
  title: 'transnorm gazetteer entry',
  type: 'object',
  required: ['id', 'name', 'kind', 'names'],
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[^\\s]+$', description: 'Stable id: `wof:85680397`, `geonames:1215957`, or a slug.' },
    name: { type: 'string', minLength: 1, pattern: TRIMMED, description: 'Canonical English name.' },
    kind: { enum: [...ENTITY_KINDS] },
    country: { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2.' },
    parent: { type: 'string', minLength: 1, pattern: '^[^\\s]+$' },
    names: { type: 'array', items: NAME_SCHEMA },
    context: { type: 'array', items: { type: 'string', minLength: 1 } },
    prominence: { type: 'number', minimum: 0 },
    ids: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
    sources: { type: 'array', items: { type: 'string', minLength: 1 } },
    note: { type: 'string' },
    merged: { type: 'array', items: { type: 'string', minLength: 1, pattern: '^[^\\s]+$' } },
  },
} as const;

/** The keys the schema describes; any other top-level key draws a warning. */
export const KNOWN_ENTRY_KEYS: ReadonlySet<string> = new Set(Object.keys(ENTRY_SCHEMA.properties));

let validator: ValidateFunction<GazetteerEntry> | undefined;

/** The compiled ajv validator (compiled once per process). */
export function entryValidator(): ValidateFunction<GazetteerEntry> {
  if (validator === undefined) {
    // ajv is CommonJS; createRequire sidesteps its default-export interop under NodeNext.
    const Ajv = createRequire(import.meta.url)('ajv') as typeof import('ajv').default;
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: false });
    validator = ajv.compile<GazetteerEntry>(ENTRY_SCHEMA);
  }
  return validator;
}

/** One ajv error as a short sentence: `/names/0/lang must match pattern "..."`. */
export function describeSchemaError(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'entry' : error.instancePath;
  if (error.keyword === 'enum') return `${where} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  if (error.keyword === 'additionalProperties') return `${where} has unknown property '${(error.params as { additionalProperty: string }).additionalProperty}'`;
  return `${where} ${error.message ?? 'is invalid'}`;
}
