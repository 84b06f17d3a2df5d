import { describe, expect, it } from 'vitest';
import { findJsonField, encodeJsonText } from '../../src/corpus/json-field.js';
import { markdownSegments } from '../../src/corpus/formats/text.js';
import { maskText, prosePieces, applyEdits } from '../../src/corpus/segments.js';

describe('findJsonField', () => {
  it('finds nested string fields with their raw offsets', () => {
    const raw = '{"a": {"b": {"c": "x\\"y\\u0416z"}}, "text": "t"}';
    const found = findJsonField(raw, ['a', 'b', 'c']);
    expect(found.kind).toBe('string');
    if (found.kind !== 'string') return;
    expect(found.field.value).toBe('x"yЖz');
    expect(raw.slice(found.field.start, found.field.end)).toBe('"x\\"y\\u0416z"');
    expect(Array.from(found.field.rawOffsets).map((o) => raw[o])).toEqual(['x', '\\', 'y', '\\', 'z', '"']);
  });

  it('takes the last duplicate key, indexes arrays, and says what is missing or not text', () => {
    const raw = '{"text": "first", "list": [{"t": "a"}, {"t": "b"}], "text": "second", "n": 1}';
    const last = findJsonField(raw, ['text']);
    expect(last.kind === 'string' && last.field.value).toBe('second');
    const second = findJsonField(raw, ['list', '1', 't']);
    expect(second.kind === 'string' && second.field.value).toBe('b');
    expect(findJsonField(raw, ['nope'])).toEqual({ kind: 'missing' });
    expect(findJsonField(raw, ['n'])).toEqual({ kind: 'not-string', type: 'number' });
    expect(findJsonField(raw, ['list'])).toEqual({ kind: 'not-string', type: 'array' });
    expect(findJsonField('[]', ['text'])).toEqual({ kind: 'missing' });
  });

  it('escapes only what JSON needs', () => {
    expect(encodeJsonText('Жогорку "K"\n\\')).toBe('Жогорку \\"K\\"\\n\\\\');
  });
});

describe('markdownSegments', () => {
  it('masks everything but prose', () => {
    const md = '---\nt: Zogorku\n---\n# Zogorku\n\nSee `Zogorku` at <https://x.y/Zogorku> or [Zogorku](https://x.y/Zogorku) and https://x.y/Z.\n\n```\nZogorku\n```\n\n<div>Zogorku</div>\n\n![Zogorku](z.png)\n';
    const [segment] = markdownSegments(md);
    const masked = maskText(segment!.text, segment!.masks);
    const visible = masked.split(/\s+/).filter(Boolean);
    expect(visible).toEqual(['Zogorku', 'See', 'at', 'or', 'Zogorku', 'and', '.']);
    expect(masked.length).toBe(md.length);
  });

  it('keeps a byte-order mark out of the pipeline', () => {
    const [segment] = markdownSegments('\uFEFFHello');
    expect(segment!.masks).toEqual([{ start: 0, end: 1, split: true }]);
  });
});

describe('prosePieces and applyEdits', () => {
  it('splits at splitting masks only and trims white space', () => {
    const text = 'A &amp; B <x/> C ';
    const pieces = prosePieces(text, [
      { start: 2, end: 7, split: false },
      { start: 10, end: 14, split: true },
    ]);
    expect(pieces.map((p) => text.slice(p.start, p.end))).toEqual(['A &amp; B', 'C']);
  });
  it('applies edits in order', () => {
    expect(applyEdits('abcdef', [{ start: 4, end: 5, text: 'E' }, { start: 0, end: 1, text: 'AA' }])).toBe('AAbcdEf');
  });
});
