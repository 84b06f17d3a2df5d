/**
 * XML gazetteers through `fast-xml-parser`, with entity expansion off (no DOCTYPE entities, so no
 * billion-laughs and no external entities; only the five predefined entities and character
 * references are decoded).
 *
 * Two dialects are read:
 *
 * - the **transnorm XML gazetteer** (written by `export --format xml`, documented in
 *   docs/gazetteer-maintenance.md):
 *   ```xml
 *   <gazetteer>
 *     <entry id="kg-jogorku-kenesh" name="Zhogorku Kenesh" kind="legislature" country="KG" prominence="1">
 *       <name lang="ky" script="Cyrl" type="official" source="curated">Жогорку Кеңеш</name>
 *       <context>parliament</context>
 *       <id scheme="wikidata">Q1519390</id>
 *       <source>curated</source>
 *       <note>…</note>
 *       <merged>old-id</merged>
 *     </entry>
 *   </gazetteer>
 *   ```
 * - **TEI** `listPlace`/`place` (nested places become parents) and `listOrg`/`org`, with
 *   `placeName`/`orgName` (`xml:lang`, `type`), `country`/`@key`, `idno` (`@type`), `note`, `@xml:id`.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { ENTITY_KINDS, NAME_TYPES, type EntityKind, type EntryName, type GazetteerEntry, type NameType } from '../types.js';
import { canonicalEntry } from '../jsonl.js';
import { detectScript, mergeNames, slugId } from '../edit/names.js';
import { importError, languageTag, tidyEntry, type ImportResult } from './common.js';

const ARRAY_TAGS = new Set(['entry', 'name', 'context', 'id', 'source', 'merged', 'listPlace', 'place', 'placeName', 'listOrg', 'org', 'orgName', 'idno', 'country', 'note']);

type Node = Record<string, unknown>;

/** Decode the predefined entities and character references (all that XML allows without a DTD). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/gu, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[ref] ?? whole;
  });
}

/** Parse well-formed XML into plain objects (attributes as `@_name`, text as `#text`). */
function parseXml(text: string, label: string): Node {
  // Entities declared in a DTD are never expanded; refuse them outright rather than keep `&name;` as text.
  if (/<!ENTITY/iu.test(text)) throw importError(label, 'the document declares DTD entities (<!ENTITY>); entity expansion is off, remove the DOCTYPE declarations');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw importError(`${label}:${valid.err.line}:${valid.err.col}`, `malformed XML (${valid.err.msg})`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    removeNSPrefix: false,
    isArray: (name) => ARRAY_TAGS.has(name),
    tagValueProcessor: (_name, value) => decodeEntities(value),
    attributeValueProcessor: (_name, value) => decodeEntities(value),
  });
  return parser.parse(text) as Node;
}

function textOf(node: unknown): string {
  if (typeof node === 'string') return node.trim();
  if (typeof node === 'number') return String(node);
  if (typeof node === 'object' && node !== null) {
    const value = (node as Node)['#text'];
    return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  }
  return '';
}

function attr(node: unknown, name: string): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const value = (node as Node)[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

function children(node: unknown, name: string): unknown[] {
  if (typeof node !== 'object' || node === null) return [];
  const value = (node as Node)[name];
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** Entries of the transnorm XML gazetteer format. */
function readSimple(root: Node, label: string): ImportResult {
  const entries: GazetteerEntry[] = [];
  const warnings: string[] = [];
  children(root, 'entry').forEach((node, i) => {
    const where = `${label}: entry ${i + 1}`;
    const id = attr(node, 'id');
    const name = attr(node, 'name');
    const kind = attr(node, 'kind');
    if (!id || !name || !kind) throw importError(where, 'an <entry> needs id, name and kind attributes');
    if (!(ENTITY_KINDS as readonly string[]).includes(kind)) throw importError(where, `unknown kind '${kind}'`);
    const names: EntryName[] = children(node, 'name').map((nameNode) => {
      const text = textOf(nameNode);
      const type = attr(nameNode, 'type') ?? 'variant';
      if (!(NAME_TYPES as readonly string[]).includes(type)) throw importError(where, `name '${text}': unknown type '${type}'`);
      const entryName: EntryName = { text, lang: attr(nameNode, 'lang') ?? 'und', script: attr(nameNode, 'script') ?? detectScript(text), type: type as NameType };
      const source = attr(nameNode, 'source');
      if (source !== undefined) entryName.source = source;
      return entryName;
    });
    const ids: Record<string, string> = {};
    for (const idNode of children(node, 'id')) {
      const scheme = attr(idNode, 'scheme');
      if (scheme) ids[scheme] = textOf(idNode);
    }
    const prominenceText = attr(node, 'prominence');
    const prominence = prominenceText === undefined ? undefined : Number(prominenceText);
    if (prominence !== undefined && !Number.isFinite(prominence)) throw importError(where, `prominence must be a number, got '${prominenceText}'`);
    entries.push(tidyEntry({
      id, name, kind: kind as EntityKind, country: attr(node, 'country'), parent: attr(node, 'parent'), names,
      context: children(node, 'context').map(textOf), prominence, ids, sources: children(node, 'source').map(textOf),
      note: children(node, 'note').map(textOf)[0], merged: children(node, 'merged').map(textOf),
    } as GazetteerEntry));
  });
  return { entries, warnings };
}

/** TEI `type` values → our kinds (anything else: `defaultKind`). */
const TEI_KINDS: Record<string, EntityKind> = { state: 'country', nation: 'country', province: 'region', oblast: 'region', county: 'district', municipality: 'town', settlement: 'town' };

/** Entries from TEI `listPlace`/`listOrg` anywhere in the document. */
function readTei(root: Node, label: string, defaultPlaceKind: EntityKind): ImportResult {
  const entries: GazetteerEntry[] = [];
  const warnings: string[] = [];
  let counter = 0;
  const visit = (node: unknown, path: string[]): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node as Node)) {
      if (key.startsWith('@_') || key === '#text') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (key === 'place' || key === 'org') readItem(child, key, undefined);
        else visit(child, [...path, key]);
      }
    }
  };
  const readItem = (node: unknown, tag: 'place' | 'org', parent: string | undefined): void => {
    counter++;
    const nameNodes = children(node, tag === 'place' ? 'placeName' : 'orgName');
    const where = `${label}: <${tag}> ${counter}`;
    const names: EntryName[] = [];
    for (const nameNode of nameNodes) {
      const text = textOf(nameNode);
      if (text === '') continue;
      const lang = languageTag(attr(nameNode, 'xml:lang') ?? '') ?? 'und';
      const typeAttr = attr(nameNode, 'type');
      const type: NameType = typeAttr && (NAME_TYPES as readonly string[]).includes(typeAttr) ? (typeAttr as NameType) : typeAttr === 'short' || typeAttr === 'abbr' ? 'abbreviation' : 'variant';
      names.push({ text, lang, script: detectScript(text), type, source: 'tei' });
    }
    const english = names.find((name) => name.lang === 'en') ?? names.find((name) => name.script === 'Latn') ?? names[0];
    if (!english) { warnings.push(`${where}: skipped (no ${tag === 'place' ? 'placeName' : 'orgName'})`); return; }
    const countryNode = children(node, 'country')[0];
    const country = (attr(countryNode, 'key') ?? textOf(countryNode)).toUpperCase();
    const id = attr(node, 'xml:id') ?? slugId(english.text, /^[A-Z]{2}$/u.test(country) ? country : undefined);
    if (!id) throw importError(where, `no xml:id and no Latin name to make an id from`);
    const typeAttr = (attr(node, 'type') ?? '').toLowerCase();
    const kind: EntityKind = (ENTITY_KINDS as readonly string[]).includes(typeAttr) ? (typeAttr as EntityKind) : TEI_KINDS[typeAttr] ?? (tag === 'org' ? 'org' : defaultPlaceKind);
    const ids: Record<string, string> = {};
    for (const idno of children(node, 'idno')) {
      const scheme = (attr(idno, 'type') ?? '').toLowerCase();
      const value = textOf(idno);
      if (scheme !== '' && value !== '') ids[scheme] = value;
    }
    const entry = tidyEntry({
      id, name: english.text, kind, country: /^[A-Z]{2}$/u.test(country) ? country : undefined, parent,
      names: mergeNames([], names.filter((name) => name !== english || name.lang !== 'en')), ids,
      note: children(node, 'note').map(textOf).filter(Boolean)[0], sources: ['tei'],
    } as GazetteerEntry);
    entries.push(entry);
    if (tag === 'place') for (const inner of children(node, 'place')) readItem(inner, 'place', entry.id);
    for (const list of children(node, tag === 'place' ? 'listPlace' : 'listOrg')) for (const inner of children(list, tag)) readItem(inner, tag, entry.id);
  };
  visit(root, []);
  return { entries, warnings };
}

/** Parse an XML gazetteer: the transnorm format (root `<gazetteer>`) or TEI (`listPlace`/`listOrg`). */
export function parseXmlGazetteer(text: string, label: string, options: { defaultPlaceKind?: EntityKind } = {}): ImportResult {
  const document = parseXml(text, label);
  const gazetteer = document.gazetteer;
  if (gazetteer !== undefined) return readSimple((typeof gazetteer === 'object' && gazetteer !== null ? gazetteer : {}) as Node, label);
  if (/<(listPlace|listOrg)[\s>]/u.test(text)) return readTei(document, label, options.defaultPlaceKind ?? 'other');
  throw importError(label, 'not a gazetteer: expected a <gazetteer> root or TEI <listPlace>/<listOrg>');
}

/** Write entries in the transnorm XML gazetteer format, sorted by id. */
export function formatXmlGazetteer(entries: readonly GazetteerEntry[]): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true, processEntities: true });
  const entryNodes = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((raw) => {
    const entry = canonicalEntry(raw);
    const node: Node = { '@_id': entry.id, '@_name': entry.name, '@_kind': entry.kind };
    if (entry.country !== undefined) node['@_country'] = entry.country;
    if (entry.parent !== undefined) node['@_parent'] = entry.parent;
    if (entry.prominence !== undefined) node['@_prominence'] = String(entry.prominence);
    if (entry.names.length > 0) {
      node.name = entry.names.map((name) => {
        const nameNode: Node = { '@_lang': name.lang, '@_script': name.script, '@_type': name.type, '#text': name.text };
        if (name.source !== undefined) nameNode['@_source'] = name.source;
        return nameNode;
      });
    }
    if (entry.context?.length) node.context = entry.context;
    if (entry.ids && Object.keys(entry.ids).length > 0) node.id = Object.entries(entry.ids).map(([scheme, value]) => ({ '@_scheme': scheme, '#text': value }));
    if (entry.sources?.length) node.source = entry.sources;
    if (entry.note !== undefined) node.note = entry.note;
    if (entry.merged?.length) node.merged = entry.merged;
    return node;
  });
  const body = builder.build({ gazetteer: { entry: entryNodes } }) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body.endsWith('\n') ? body : `${body}\n`}`;
}
