/**
 * Finding a field in a JSON Lines record without re-serializing the record: the runner edits
 * the raw string literal in place, so key order, spacing and the escapes of everything it does
 * not change come out as they went in.
 */

/** A string value found in a raw JSON text. */
export interface JsonStringField {
  /** Offset of the opening quote. */
  start: number;
  /** Offset just after the closing quote. */
  end: number;
  /** The decoded value. */
  value: string;
  /** `rawOffsets[i]` is the offset in the raw text of decoded character `i` (`rawOffsets[value.length]` = closing quote). */
  rawOffsets: Int32Array;
}

/** What the path points at. */
export type JsonFieldLookup = { kind: 'string'; field: JsonStringField } | { kind: 'missing' } | { kind: 'not-string'; type: string };

/** Split `a.b.c` into keys; numeric keys index arrays. */
export function parseFieldPath(path: string): string[] {
  return path.split('.');
}

const whitespace = new Set([' ', '\t', '\n', '\r']);

class Scanner {
  pos = 0;
  constructor(readonly text: string) {}
  skipWhitespace(): void {
    while (whitespace.has(this.text[this.pos]!)) this.pos++;
  }
  /** Skip any value, returning its kind. */
  skipValue(): string {
    this.skipWhitespace();
    const c = this.text[this.pos];
    if (c === '"') {
      this.readString();
      return 'string';
    }
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      this.pos++;
      this.skipWhitespace();
      if (this.text[this.pos] === close) {
        this.pos++;
        return c === '{' ? 'object' : 'array';
      }
      for (;;) {
        if (c === '{') {
          this.skipWhitespace();
          this.readString();
          this.skipWhitespace();
          this.pos++; // ':'
        }
        this.skipValue();
        this.skipWhitespace();
        const sep = this.text[this.pos++];
        if (sep === close) return c === '{' ? 'object' : 'array';
      }
    }
    const literal = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(this.text.slice(this.pos, this.pos + 64));
    if (!literal) throw new Error(`unexpected JSON at offset ${this.pos}`);
    this.pos += literal[0].length;
    return literal[0] === 'null' ? 'null' : literal[0] === 'true' || literal[0] === 'false' ? 'boolean' : 'number';
  }
  /** Read a string literal at `pos` (a `"`), decoding it and mapping offsets. */
  readString(): JsonStringField {
    const start = this.pos;
    const text = this.text;
    let i = start + 1;
    let value = '';
    const offsets: number[] = [];
    for (;;) {
      const c = text[i];
      if (c === undefined) throw new Error('unterminated JSON string');
      if (c === '"') break;
      if (c === '\\') {
        const e = text[i + 1];
        offsets.push(i);
        if (e === 'u') {
          value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          value += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '/': '/', '\\': '\\', '"': '"' } as Record<string, string>)[e!] ?? e;
          i += 2;
        }
      } else {
        offsets.push(i);
        value += c;
        i++;
      }
    }
    offsets.push(i);
    this.pos = i + 1;
    return { start, end: i + 1, value, rawOffsets: Int32Array.from(offsets) };
  }
}

/**
 * Find the value at `path` in a raw JSON text that `JSON.parse` accepts. With duplicate keys the
 * last one wins, as in `JSON.parse`.
 */
export function findJsonField(raw: string, path: readonly string[]): JsonFieldLookup {
  const scanner = new Scanner(raw);
  const descend = (depth: number): JsonFieldLookup => {
    scanner.skipWhitespace();
    const c = raw[scanner.pos];
    if (depth === path.length) {
      if (c === '"') return { kind: 'string', field: scanner.readString() };
      return { kind: 'not-string', type: scanner.skipValue() };
    }
    const key = path[depth]!;
    let found: JsonFieldLookup = { kind: 'missing' };
    if (c === '{') {
      scanner.pos++;
      scanner.skipWhitespace();
      if (raw[scanner.pos] === '}') {
        scanner.pos++;
        return found;
      }
      for (;;) {
        scanner.skipWhitespace();
        const name = scanner.readString().value;
        scanner.skipWhitespace();
        scanner.pos++; // ':'
        if (name === key) found = descend(depth + 1);
        else scanner.skipValue();
        scanner.skipWhitespace();
        if (raw[scanner.pos++] === '}') return found;
      }
    }
    if (c === '[' && /^\d+$/.test(key)) {
      const wanted = Number(key);
      scanner.pos++;
      scanner.skipWhitespace();
      if (raw[scanner.pos] === ']') {
        scanner.pos++;
        return found;
      }
      for (let index = 0; ; index++) {
        if (index === wanted) found = descend(depth + 1);
        else scanner.skipValue();
        scanner.skipWhitespace();
        if (raw[scanner.pos++] === ']') return found;
      }
    }
    scanner.skipValue();
    return found;
  };
  return descend(0);
}

/** Escape text for the inside of a JSON string literal (non-ASCII stays as it is). */
export function encodeJsonText(plain: string): string {
  return JSON.stringify(plain).slice(1, -1);
}
