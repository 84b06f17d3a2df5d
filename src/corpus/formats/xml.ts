/**
 * XML formats: TMX, XLIFF 1.2 and 2.0, and any XML with a text path (TEI...). The file is
 * validated with fast-xml-parser (entities never expanded, entity declarations refused), then
 * scanned with offsets so that edits are spliced into the original text: structure, attributes,
 * comments, inline tags and unselected elements come out exactly as they went in.
 */
import { primaryLanguage } from '../../pipeline.js';
import type { LineIndex } from '../locate.js';
import type { Segment } from '../types.js';
import { compileXmlPath, localName, type XmlPath } from '../xml-path.js';
import { XmlError, decodeXmlText, encodeXmlText, markupMasks, scanXml, validateXml, type XmlElement, type XmlOpenElement } from '../xml-scan.js';

/** Options for choosing the XML text to normalize. */
export interface XmlSelectOptions {
  /** What the file was named as: `tmx`, `xliff`, or `xml` (decided by the root element). */
  format: 'tmx' | 'xliff' | 'xml';
  /** The pipeline's target language. */
  target: string;
  /** TMX: the language of the `<tuv>` to normalize. */
  tuvLang?: string;
  /** Generic XML: which elements hold text. */
  xmlTextPath?: string;
}

/** Default text path for TEI documents. */
export const TEI_TEXT_PATH = 'TEI/text/body//p';

/** TMX and XLIFF 1.2 inline elements whose content is native code, not prose. */
const CODE_ELEMENTS = new Set(['bpt', 'ept', 'it', 'ph', 'ut']);
const NO_CODE = new Set<string>();

function lang(attributes: Record<string, string>): string | undefined {
  return attributes['xml:lang'] ?? attributes.lang;
}

function sameLanguage(a: string, b: string): boolean {
  return primaryLanguage(a) === primaryLanguage(b);
}

/** The nearest `xml:lang` on the element or its ancestors. */
function inheritedLang(element: XmlOpenElement, ancestors: readonly XmlOpenElement[]): string | undefined {
  const own = element.attributes['xml:lang'];
  if (own) return own;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const value = ancestors[i]!.attributes['xml:lang'];
    if (value) return value;
  }
  return undefined;
}

/** The segments of an XML file to normalize (and XLIFF targets to fill). Throws XmlError for bad files. */
export function xmlSegments(text: string, options: XmlSelectOptions, lines: LineIndex): { segments: Segment[]; kind: string } {
  validateXml(text);
  const segments: Segment[] = [];
  let root: XmlOpenElement | undefined;
  let kind = '';
  let path: XmlPath | undefined;
  /** Depth of selected elements we are inside (nested matches belong to the outer one). */
  let selectedDepth = 0;
  let xliffVersion = 1;
  /** Open XLIFF units (1.2 `trans-unit`, 2.0 `segment`) and what they hold so far. */
  const units = new Map<XmlOpenElement, { source?: XmlElement; target?: XmlElement }>();

  const addSegment = (element: XmlElement, language: string | undefined, codeElements: ReadonlySet<string>, translate = true): void => {
    const { contentStart: start, contentEnd: end } = element;
    const at = lines.locate(start, segments.length);
    const segment: Segment = {
      text: text.slice(start, end),
      masks: markupMasks(text, start, end, codeElements),
      toRaw: (offset) => start + offset,
      decode: decodeXmlText,
      encode: encodeXmlText,
      at,
    };
    if (language) segment.language = language;
    if (!translate) segment.translate = false;
    segments.push(segment);
  };

  /** An XLIFF unit closed: a missing (or empty) target is made from the source. */
  const fillTarget = (unit: { source?: XmlElement; target?: XmlElement }, sourceLang: string | undefined, targetLang: string | undefined): void => {
    const source = unit.source;
    if (!source) return;
    const target = unit.target;
    if (target && /[^\s]/.test(text.slice(target.contentStart, target.contentEnd))) return;
    if (targetLang && !sameLanguage(targetLang, options.target)) return;
    const { contentStart: start, contentEnd: end } = source;
    const before = text.slice(text.lastIndexOf('>', source.start - 1) + 1, source.start);
    const indent = /^\s*$/.test(before) ? before : '';
    const targetName = source.name.replace(/source$/, 'target');
    const attributes = xliffVersion < 2 ? ' state="needs-review-translation"' : '';
    const segment: Segment = {
      text: text.slice(start, end),
      masks: markupMasks(text, start, end, xliffVersion < 2 ? CODE_ELEMENTS : NO_CODE),
      toRaw: (offset) => start + offset,
      decode: decodeXmlText,
      encode: encodeXmlText,
      at: lines.locate(start, segments.length),
      fill: target
        ? { start: target.start, end: target.end, wrap: (raw) => `<${target.name}${tagAttributes(text, target)}>${raw}</${target.name}>` }
        : { start: source.end, end: source.end, wrap: (raw) => `${indent}<${targetName}${attributes}>${raw}</${targetName}>` },
    };
    if (sourceLang) segment.language = sourceLang;
    segments.push(segment);
  };

  scanXml(text, {
    open(element, ancestors) {
      if (ancestors.length === 0) {
        root = element;
        kind = decideKind(element, options);
        if (kind === 'xliff') xliffVersion = Number.parseFloat(element.attributes.version ?? '1.2') >= 2 ? 2 : 1;
        if (kind === 'xml') path = compileXmlPath(options.xmlTextPath ?? TEI_TEXT_PATH);
      }
      const name = localName(element.name);
      if (kind === 'xliff' && ((xliffVersion < 2 && name === 'trans-unit') || (xliffVersion >= 2 && name === 'segment'))) units.set(element as XmlOpenElement, {});
      if (kind === 'xml' && selectedDepth > 0) selectedDepth++;
      else if (kind === 'xml' && path!.matches([...ancestors, element])) selectedDepth = 1;
    },
    close(element, ancestors) {
      const name = localName(element.name);
      const parent = ancestors[ancestors.length - 1];
      if (kind === 'tmx') {
        if (name === 'seg' && parent && localName(parent.name) === 'tuv') {
          const tuvLang = lang(parent.attributes);
          const wanted = options.tuvLang ?? options.target;
          if (tuvLang && sameLanguage(tuvLang, wanted)) addSegment(element, tuvLang, CODE_ELEMENTS, false);
        }
      } else if (kind === 'xliff') {
        const unit = parent ? units.get(parent) : undefined;
        if (unit && (name === 'source' || name === 'target')) unit[name] = element;
        if (name === 'target' && unit && /[^\s]/.test(text.slice(element.contentStart, element.contentEnd))) {
          addSegment(element, inheritedLang(element as XmlOpenElement, ancestors) ?? xliffTargetLang(ancestors, xliffVersion), xliffVersion < 2 ? CODE_ELEMENTS : NO_CODE, false);
        }
        const key = findKey(units, element);
        const own = key ? units.get(key) : undefined;
        if (key && own) {
          fillTarget(own, xliffSourceLang(ancestors, xliffVersion, own.source), xliffTargetLang(ancestors, xliffVersion));
          units.delete(key);
        }
      } else if (kind === 'xml' && selectedDepth > 0) {
        selectedDepth--;
        if (selectedDepth === 0) addSegment(element, inheritedLang(element as XmlOpenElement, ancestors), NO_CODE);
      }
    },
  });
  if (!root) throw new XmlError('no root element');
  return { segments: segments.sort((a, b) => a.toRaw(0) - b.toRaw(0)).map((segment, index) => (segment.at ? { ...segment, at: { ...segment.at, segment: index } } : segment)), kind: kind === 'xliff' ? `xliff${xliffVersion >= 2 ? '2' : '1'}` : kind };
}

/** The unit entry for a closing element (the scanner hands back a copy, so match by start offset). */
function findKey(units: Map<XmlOpenElement, unknown>, element: XmlElement): XmlOpenElement | undefined {
  for (const key of units.keys()) if (key.start === element.start) return key;
  return undefined;
}

/** The start tag's attributes text of an element (`<target state="x">` → ` state="x"`), self-closing slash dropped. */
function tagAttributes(text: string, element: XmlElement): string {
  const tag = text.slice(element.start + 1 + element.name.length, element.contentStart - 1);
  return tag.replace(/\s*\/$/, '');
}

function xliffSourceLang(ancestors: readonly XmlOpenElement[], version: number, source: XmlElement | undefined): string | undefined {
  const own = source?.attributes['xml:lang'];
  if (own) return own;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const attributes = ancestors[i]!.attributes;
    const value = version < 2 ? attributes['source-language'] : attributes.srcLang;
    if (value) return value;
  }
  return undefined;
}

function xliffTargetLang(ancestors: readonly XmlOpenElement[], version: number): string | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const attributes = ancestors[i]!.attributes;
    const value = version < 2 ? attributes['target-language'] : attributes.trgLang;
    if (value) return value;
  }
  return undefined;
}

/** Which XML dialect a file is, from its root element and what it was named as. */
function decideKind(root: XmlOpenElement, options: XmlSelectOptions): string {
  const name = localName(root.name);
  if (options.xmlTextPath !== undefined) return 'xml';
  if (name === 'tmx') return 'tmx';
  if (name === 'xliff') return 'xliff';
  if (options.format === 'tmx' || options.format === 'xliff') {
    throw new XmlError(`not a ${options.format.toUpperCase()} file: the root element is <${root.name}>`);
  }
  if (name === 'TEI' || name === 'teiCorpus') return 'xml';
  throw new XmlError(`no text to select in an XML file with root <${root.name}>: give --xml-text-path (e.g. ${TEI_TEXT_PATH})`);
}
