/** Normalizing a long text in paragraph-aligned chunks, with offsets into the whole text. */
import type { Change, Suggestion } from '../document.js';
import type { NameIndex } from './name-index.js';
import { normalizeText, type NormalizeOptions, type NormalizeResult } from './normalizer.js';

/** Default chunk size in UTF-16 code units: a chunk ends at the first blank line past it. */
export const DEFAULT_CHUNK_SIZE = 64 * 1024;

/** Split a text at paragraph breaks into chunks of about `size` code units (never inside a paragraph). */
export function paragraphChunks(text: string, size = DEFAULT_CHUNK_SIZE): Array<{ start: number; text: string }> {
  const chunks: Array<{ start: number; text: string }> = [];
  let start = 0;
  while (start < text.length) {
    let end = text.length;
    if (text.length - start > size) {
      const breakAt = /\n[ \t]*\n/gu;
      breakAt.lastIndex = start + size;
      const match = breakAt.exec(text);
      end = match ? match.index + match[0].length : text.length;
    }
    chunks.push({ start, text: text.slice(start, end) });
    start = end;
  }
  return chunks;
}

/**
 * Normalize chunk by chunk (document context is per chunk), calling `onChunk` with each
 * chunk's output as soon as it is ready; returns the whole result with offsets into `text`.
 */
export function normalizeChunks(
  text: string,
  index: NameIndex,
  options: NormalizeOptions = {},
  onChunk?: (output: string) => void,
  size = DEFAULT_CHUNK_SIZE,
): NormalizeResult {
  const changes: Change[] = [];
  const suggestions: Suggestion[] = [];
  let out = '';
  for (const chunk of paragraphChunks(text, size)) {
    const result = normalizeText(chunk.text, index, options);
    for (const change of result.changes) changes.push({ ...change, start: change.start + chunk.start, end: change.end + chunk.start });
    for (const suggestion of result.suggestions) suggestions.push({ ...suggestion, start: suggestion.start + chunk.start, end: suggestion.end + chunk.start });
    out += result.text;
    onChunk?.(result.text);
  }
  return { text: out, changes, suggestions };
}
