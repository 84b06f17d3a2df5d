/**
 * Offset-keeping XML scanning. fast-xml-parser checks that a file is well-formed, but does not
 * say where elements are; to splice edits into the original bytes (so that everything that was
 * not selected comes out unchanged) this scanner walks the validated text and reports each
 * element with its offsets. It never expands entities.
 */
import { XMLValidator } from 'fast-xml-parser';
import type { Mask } from './types.js';

/** A malformed or refused XML document. */
export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

/** An element as the scanner sees it when it closes. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  /** Offset of `<` of the start tag. */
  start: number;
  /** Offset just after the start tag (`>`), where the content begins. */
  contentStart: number;
  /** Offset of `<` of the end tag (equals `contentStart` for `<x/>`). */
  contentEnd: number;
  /** Offset just after the end tag. */
  end: number;
}

export interface XmlScanHandlers {
  /** An element opened; `ancestors` are the open elements around it, outermost first. */
  open?(element: Omit<XmlElement, 'contentEnd' | 'end'>, ancestors: readonly XmlOpenElement[]): void;
  /** An element closed. */
  close?(element: XmlElement, ancestors: readonly XmlOpenElement[]): void;
}

/** An element still open during the scan. */
export interface XmlOpenElement {
  name: string;
  attributes: Record<string, string>;
  start: number;
  contentStart: number;
}

const attributePattern = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Check well-formedness with fast-xml-parser and refuse entity declarations (billion laughs, external entities). */
export function validateXml(text: string): void {
  const result = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (result !== true) {
    const { msg, line, col } = result.err;
    throw new XmlError(`malformed XML at line ${line}, column ${col}: ${msg}`);
  }
  const doctype = /<!DOCTYPE\b/i.exec(text);
  if (doctype && /<!ENTITY\b/.test(text.slice(doctype.index))) {
    throw new XmlError('XML with entity declarations (<!ENTITY ...>) is refused: entities are never expanded');
  }
}

/** Where the tag starting at `start` (`<`) ends: the offset just after its `>`, honouring quoted attribute values. */
function tagEnd(text: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  throw new XmlError('unterminated tag');
}

function skipPast(text: string, from: number, marker: string, what: string): number {
  const at = text.indexOf(marker, from);
  if (at < 0) throw new XmlError(`unterminated ${what}`);
  return at + marker.length;
}

/** The end of a `<!DOCTYPE ...>` declaration, internal subset included. */
function doctypeEnd(text: string, start: number): number {
  let depth = 0;
  let quote = '';
  for (let i = start + 2; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth === 0) return i + 1;
  }
  throw new XmlError('unterminated DOCTYPE');
}

function parseAttributes(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of tag.matchAll(attributePattern)) attributes[match[1]!] = match[2] ?? match[3] ?? '';
  return attributes;
}

/** Walk a well-formed XML text (call `validateXml` first), reporting elements with their offsets. */
export function scanXml(text: string, handlers: XmlScanHandlers): void {
  const stack: XmlOpenElement[] = [];
  let i = text.indexOf('<');
  while (i >= 0 && i < text.length) {
    let next: number;
    if (text.startsWith('<!--', i)) next = skipPast(text, i + 4, '-->', 'comment');
    else if (text.startsWith('<![CDATA[', i)) next = skipPast(text, i + 9, ']]>', 'CDATA section');
    else if (text.startsWith('<?', i)) next = skipPast(text, i + 2, '?>', 'processing instruction');
    else if (text.startsWith('<!', i)) next = doctypeEnd(text, i);
    else if (text[i + 1] === '/') {
      next = tagEnd(text, i);
      const open = stack.pop();
      if (!open) throw new XmlError(`unexpected end tag at offset ${i}`);
      handlers.close?.({ ...open, contentEnd: i, end: next }, stack);
    } else {
      next = tagEnd(text, i);
      const tag = text.slice(i + 1, next - 1);
      const name = /^[^\s/>]+/.exec(tag)?.[0] ?? '';
      const selfClosing = tag.endsWith('/');
      const element: XmlOpenElement = { name, attributes: parseAttributes(tag), start: i, contentStart: next };
      handlers.open?.(element, stack);
      if (selfClosing) handlers.close?.({ ...element, contentEnd: next, end: next }, stack);
      else stack.push(element);
    }
    i = text.indexOf('<', next);
  }
}

/**
 * Markup inside an element's content: tags, comments, processing instructions and CDATA markers
 * split prose; entity references are masked without splitting (they decode into the prose).
 * Elements named in `codeElements` (TMX/XLIFF `bpt`, `ph`...) hold native code: masked whole.
 * Offsets are relative to `start`.
 */
export function markupMasks(text: string, start: number, end: number, codeElements: ReadonlySet<string> = new Set()): Mask[] {
  const masks: Mask[] = [];
  const push = (from: number, to: number, split: boolean): void => {
    const last = masks[masks.length - 1];
    if (last && last.end >= from - start && last.split === split) last.end = to - start;
    else masks.push({ start: from - start, end: to - start, split });
  };
  let codeDepth = 0;
  let codeFrom = 0;
  let i = start;
  while (i < end) {
    const c = text[i]!;
    if (c === '<') {
      let next: number;
      if (text.startsWith('<!--', i)) next = skipPast(text, i + 4, '-->', 'comment');
      else if (text.startsWith('<![CDATA[', i)) {
        // The markers are markup; the content is prose (its own escaping rules aside).
        const close = text.indexOf(']]>', i + 9);
        if (close < 0) throw new XmlError('unterminated CDATA section');
        if (codeDepth === 0) {
          push(i, i + 9, true);
          push(close, close + 3, true);
        }
        i = close + 3;
        continue;
      } else if (text.startsWith('<?', i)) next = skipPast(text, i + 2, '?>', 'processing instruction');
      else {
        next = tagEnd(text, i);
        const closing = text[i + 1] === '/';
        const tag = text.slice(i + (closing ? 2 : 1), next - 1);
        const name = /^[^\s/>]+/.exec(tag)?.[0] ?? '';
        if (codeElements.has(name) && !tag.endsWith('/')) {
          if (!closing && codeDepth++ === 0) codeFrom = i;
          if (closing && --codeDepth === 0) {
            push(codeFrom, next, true);
            i = next;
            continue;
          }
        }
      }
      if (codeDepth === 0) push(i, next, true);
      i = next;
    } else if (c === '&' && codeDepth === 0) {
      const semi = text.indexOf(';', i);
      const next = semi >= 0 && semi < end ? semi + 1 : i + 1;
      push(i, next, false);
      i = next;
    } else i++;
  }
  return masks;
}

const predefined: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decode the predefined and numeric character references of raw XML text (others stay as written). */
export function decodeXmlText(raw: string): string {
  return raw
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
      if (ref.startsWith('#x')) return safeCodePoint(parseInt(ref.slice(2), 16)) ?? whole;
      if (ref.startsWith('#')) return safeCodePoint(parseInt(ref.slice(1), 10)) ?? whole;
      return predefined[ref] ?? whole;
    });
}

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/** Escape text for XML content. */
export function encodeXmlText(plain: string): string {
  return plain.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
