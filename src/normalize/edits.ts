/** Applying the normalizer's changes to a text. */

/** An edit: replace `[start, end)` of the text by `to`. */
export interface Edit {
  start: number;
  end: number;
  to: string;
}

/**
 * Apply non-overlapping edits (in any order) to a text. Throws a RangeError when edits overlap or
 * fall outside the text: that would be a bug in whoever produced them.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at || edit.end < edit.start || edit.end > text.length) throw new RangeError(`edit [${edit.start}, ${edit.end}) overlaps another or leaves the text`);
    out += text.slice(at, edit.start) + edit.to;
    at = edit.end;
  }
  return out + text.slice(at);
}
