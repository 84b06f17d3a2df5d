/**
 * Plain text and Markdown. A file is one segment; in Markdown only prose (the text of
 * paragraphs, headings, list items, table cells, link texts...) is open to the pipeline:
 * code blocks, inline code, URLs, autolinks, link targets, HTML, front matter and images
 * are masked. Markdown is parsed with micromark (`mdast-util-from-markdown`, GFM and front
 * matter extensions), which gives exact source offsets for every node.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import type { Mask, Range, Segment } from '../types.js';

const identity = (text: string): string => text;

/** A byte-order mark at the start of a file is kept as it is and hidden from the pipeline. */
function bomMask(text: string): Mask[] {
  return text.charCodeAt(0) === 0xfeff ? [{ start: 0, end: 1, split: true }] : [];
}

/** The one segment of a plain-text file. */
export function textSegments(text: string): Segment[] {
  return [{ text, masks: bomMask(text), toRaw: (offset) => offset, decode: identity, encode: identity }];
}

interface MdNode {
  type: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/** Ranges of a Markdown text that are prose (the source of `text` nodes outside autolinks). */
export function markdownProse(text: string): Range[] {
  const tree = fromMarkdown(text, {
    extensions: [gfm(), frontmatter(['yaml', 'toml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])],
  }) as MdNode;
  const prose: Range[] = [];
  const walk = (node: MdNode): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'text') {
      prose.push({ start, end });
      return;
    }
    // An autolink (`<https://…>`, or a bare URL/e-mail under GFM) shows its target as its text.
    if (node.type === 'link' && text[start] !== '[') return;
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return prose.sort((a, b) => a.start - b.start);
}

/** The one segment of a Markdown file: everything but prose is masked. */
export function markdownSegments(text: string): Segment[] {
  const masks: Mask[] = [];
  let cursor = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (cursor === 1) masks.push({ start: 0, end: 1, split: true });
  // micromark drops a byte-order mark and counts offsets without it.
  const prose = cursor === 1 ? markdownProse(text.slice(1)).map((r) => ({ start: r.start + 1, end: r.end + 1 })) : markdownProse(text);
  for (const range of prose) {
    if (range.start > cursor) masks.push({ start: cursor, end: range.start, split: true });
    cursor = Math.max(cursor, range.end);
  }
  if (cursor < text.length) masks.push({ start: cursor, end: text.length, split: true });
  // Merge a BOM mask with a mask right after it.
  const merged: Mask[] = [];
  for (const mask of masks) {
    const last = merged[merged.length - 1];
    if (last && last.end >= mask.start) last.end = Math.max(last.end, mask.end);
    else merged.push({ ...mask });
  }
  return [{ text, masks: merged, toRaw: (offset) => offset, decode: identity, encode: identity }];
}
