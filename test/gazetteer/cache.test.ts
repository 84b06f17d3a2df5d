import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { deserializeFromCache, pack, serializeForCache, unpack } from '../../src/gazetteer/cache.js';

describe('packed strings', () => {
  it('unpack gives back the strings in their order, ASCII or not', () => {
    const lists = [
      [],
      [''],
      ['', ''],
      ['Bishkek', 'Бишкек', '', 'Ош', 'Osh', 'Žaparov', 'Ašgabat', "Bukhoro'", 'z'],
      ['Тараз', 'Шымкент'],
      Array.from({ length: 37 }, (_, i) => (i % 5 === 0 ? `Алматы ${i}` : `Almaty ${i}`)),
    ];
    for (const list of lists) expect(unpack(pack(list))).toEqual(list);
  });

  it('decodes ASCII strings as one-byte strings apart from the others', () => {
    const packed = pack(['Osh', 'Ош', 'Naryn']);
    expect([packed.asciiCount, packed.otherCount]).toEqual([2, 1]);
    expect(Buffer.from(packed.other).toString('utf8')).toBe('Ош');
  });

  it('refuses a string holding U+0000', () => {
    expect(() => pack(['a\u0000b'])).toThrow('U+0000');
  });
});

describe('cache file serialization', () => {
  const value = {
    name: 'index',
    bytes: Uint8Array.of(1, 2, 3),
    ints: Int32Array.of(-1, 2 ** 31 - 1, 7),
    shorts: Uint16Array.of(65535, 1),
    prior: Float64Array.of(0.5, 1e-9),
    empty: new Int32Array(0),
    nested: { list: [Uint32Array.of(4, 5), 'text'], buffer: Buffer.from('Ош') },
  };

  it('round-trips values with typed arrays', () => {
    const restored = deserializeFromCache(serializeForCache(value)) as typeof value;
    expect(restored.name).toBe('index');
    expect([...restored.bytes]).toEqual([1, 2, 3]);
    expect(restored.ints).toEqual(value.ints);
    expect(restored.shorts).toEqual(value.shorts);
    expect(restored.prior).toEqual(value.prior);
    expect(restored.empty).toEqual(new Int32Array(0));
    expect(restored.nested.list).toEqual([Uint32Array.of(4, 5), 'text']);
    expect(Buffer.from(restored.nested.buffer).toString('utf8')).toBe('Ош');
  });

  it('views typed arrays in the file rather than copying them, also from a misaligned buffer', () => {
    const file = serializeForCache(value);
    const restored = deserializeFromCache(file) as typeof value;
    expect(restored.ints.buffer).toBe(file.buffer);
    expect(restored.prior.buffer).toBe(file.buffer);
    // A file at an odd offset in memory is copied once to an aligned buffer.
    const shifted = Buffer.alloc(file.byteLength + 1);
    file.copy(shifted, 1);
    const fromShifted = deserializeFromCache(shifted.subarray(1)) as typeof value;
    expect(fromShifted.ints).toEqual(value.ints);
    expect(fromShifted.prior).toEqual(value.prior);
  });

  it('throws on a file that is not one, truncated, or with arrays out of bounds', () => {
    const file = serializeForCache(value);
    expect(() => deserializeFromCache(Buffer.from('not a cache file'))).toThrow();
    expect(() => deserializeFromCache(serialize(value))).toThrow();
    expect(() => deserializeFromCache(file.subarray(0, file.byteLength - 8))).toThrow(RangeError);
    expect(() => deserializeFromCache(Buffer.alloc(2))).toThrow(RangeError);
  });
});
