import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, readTextInput, writeFileSafely } from '../src/io.js';
import { InputError } from '../src/errors.js';

describe('decodeText', () => {
  it('decodes UTF-8 text', () => {
    expect(decodeText(Buffer.from('Жогорку Кеңеш'), 'x')).toBe('Жогорку Кеңеш');
  });
  it.each([
    [Buffer.from([0x48, 0x00, 0x49]), "'x' looks like a binary file, not text", 'ERR_BINARY'],
    [Buffer.from([0x48, 0xff, 0x49]), "'x' is not valid UTF-8 text", 'ERR_ENCODING'],
    [Buffer.from('  \n '), "'x' is empty", 'ERR_EMPTY'],
  ])('rejects bad input %#', (bytes, message, code) => {
    let error: unknown;
    try {
      decodeText(bytes, 'x');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ message, code, exitCode: 1 });
  });
  it('enforces a size limit', () => {
    expect(() => decodeText(Buffer.from('abcdef'), 'x', { maxBytes: 3 })).toThrow("'x' is too large: 6 bytes (limit 3, see --max-bytes)");
  });
  it('accepts empty input when asked', () => {
    expect(decodeText(Buffer.from(''), 'x', { allowEmpty: true })).toBe('');
  });
});

describe('readTextInput and writeFileSafely', () => {
  const dir = mkdtempSync(join(tmpdir(), 'transnorm-io-'));
  it('reads a file and names it', async () => {
    const path = join(dir, 'a.txt');
    writeFileSync(path, 'Termez');
    expect(await readTextInput(path)).toEqual({ text: 'Termez', label: path });
  });
  it('refuses directories and missing files with one clear line', async () => {
    await expect(readTextInput(dir)).rejects.toThrow(`cannot read '${dir}': is a directory`);
    await expect(readTextInput(join(dir, 'nope.txt'))).rejects.toThrow(`cannot read '${join(dir, 'nope.txt')}': no such file or directory`);
  });
  it('writes atomically, leaving no temp files', async () => {
    const path = join(dir, 'out.txt');
    await writeFileSafely(path, 'one');
    await writeFileSafely(path, 'two');
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(readdirSync(dir).filter((f) => f.startsWith('out.txt'))).toEqual(['out.txt']);
  });
});
