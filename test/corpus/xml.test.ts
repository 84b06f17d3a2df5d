import { describe, expect, it } from 'vitest';
import { XmlError, decodeXmlText, encodeXmlText, markupMasks, scanXml, validateXml } from '../../src/corpus/xml-scan.js';
import { compileXmlPath } from '../../src/corpus/xml-path.js';
import { xmlSegments } from '../../src/corpus/formats/xml.js';
import { LineIndex } from '../../src/corpus/locate.js';

describe('scanXml', () => {
  it('reports elements with their offsets, skipping comments, CDATA, PIs and the DOCTYPE', () => {
    const text = '<?xml version="1.0"?>\n<!DOCTYPE a>\n<a x="1>2"><!-- <b> --><b>t</b><![CDATA[<c>]]><d/></a>';
    const seen: Array<[string, number, number, number, number, string[]]> = [];
    scanXml(text, { close: (el, ancestors) => seen.push([el.name, el.start, el.contentStart, el.contentEnd, el.end, ancestors.map((a) => a.name)]) });
    const b = text.indexOf('<b>t');
    const d = text.indexOf('<d/>');
    const a = text.indexOf('<a ');
    expect(seen).toEqual([
      ['b', b, b + 3, b + 4, b + 8, ['a']],
      ['d', d, d + 4, d + 4, d + 4, ['a']],
      ['a', a, text.indexOf('<!--'), text.length - 4, text.length, []],
    ]);
  });

  it('refuses malformed XML and entity declarations', () => {
    expect(() => validateXml('<a><b></a>')).toThrow(new XmlError("malformed XML at line 1, column 7: Expected closing tag 'b' (opened in line 1, col 4) instead of closing tag 'a'."));
    expect(() => validateXml('<!DOCTYPE a SYSTEM "file:///etc/passwd" [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>')).toThrow(
      'XML with entity declarations (<!ENTITY ...>) is refused: entities are never expanded',
    );
    expect(() => validateXml('<a>ok</a>')).not.toThrow();
  });
});

describe('markupMasks', () => {
  it('masks tags (splitting prose), entity references (not splitting) and code elements whole', () => {
    const text = '<seg>A &amp; B <ph x="1">&lt;br/&gt;</ph>C<hi>D</hi></seg>';
    const start = 5;
    const end = text.length - 6;
    const masks = markupMasks(text, start, end, new Set(['ph']));
    const slices = masks.map((m) => [text.slice(start + m.start, start + m.end), m.split]);
    expect(slices).toEqual([
      ['&amp;', false],
      ['<ph x="1">&lt;br/&gt;</ph>', true],
      ['<hi>', true],
      ['</hi>', true],
    ]);
  });

  it('decodes and encodes character references', () => {
    expect(decodeXmlText('A &amp; B &#x416; &#1046; &lt;x&gt; &unknown; <![CDATA[<c>]]>')).toBe('A & B Ж Ж <x> &unknown; <c>');
    expect(encodeXmlText('A & <B>')).toBe('A &amp; &lt;B&gt;');
  });
});

describe('compileXmlPath', () => {
  const chain = (...names: string[]) => names.map((name) => ({ name, attributes: (name === 'div' ? { type: 'article' } : {}) as Record<string, string> }));
  it('matches child and descendant steps from the root, by qualified or local name', () => {
    const path = compileXmlPath('TEI/text/body//p');
    expect(path.matches(chain('TEI', 'text', 'body', 'p'))).toBe(true);
    expect(path.matches(chain('TEI', 'text', 'body', 'div', 'div', 'p'))).toBe(true);
    expect(path.matches(chain('TEI', 'text', 'front', 'p'))).toBe(false);
    expect(path.matches(chain('x', 'TEI', 'text', 'body', 'p'))).toBe(false);
    expect(compileXmlPath('//p').matches(chain('a', 'b', 'p'))).toBe(true);
    expect(compileXmlPath('a/*/c').matches(chain('a', 'tei:b', 'c'))).toBe(true);
    expect(compileXmlPath('a/b').matches(chain('a', 'tei:b'))).toBe(true);
  });
  it('supports attribute predicates and rejects what it cannot read', () => {
    expect(compileXmlPath("//div[@type='article']//p").matches(chain('TEI', 'div', 'p'))).toBe(true);
    expect(compileXmlPath("//div[@type='note']//p").matches(chain('TEI', 'div', 'p'))).toBe(false);
    expect(() => compileXmlPath('a/')).toThrow("--xml-text-path 'a/' ends with '/'");
    expect(() => compileXmlPath('a/[x]')).toThrow("--xml-text-path: cannot read step '[x]' of 'a/[x]' (use a/b//c, *, [@attr='value'])");
  });
});

describe('xmlSegments', () => {
  const options = { format: 'xml' as const, target: 'en' };
  const texts = (xml: string, extra: Partial<Parameters<typeof xmlSegments>[1]> = {}) =>
    xmlSegments(xml, { ...options, ...extra }, new LineIndex(xml)).segments.map((s) => [s.text, s.language ?? null, s.at, s.fill ? 'fill' : 'edit', s.translate ?? true]);

  it('selects the TMX <seg> of the chosen language', () => {
    const tmx = '<tmx><body><tu><tuv xml:lang="ru"><seg>Привет</seg></tuv><tuv xml:lang="EN-GB"><seg>Hello</seg></tuv></tu></body></tmx>';
    expect(texts(tmx)).toEqual([['Hello', 'EN-GB', { segment: 0, line: 1, column: tmx.indexOf('Hello') + 1 }, 'edit', false]]);
    expect(texts(tmx, { tuvLang: 'ru' })).toEqual([['Привет', 'ru', { segment: 0, line: 1, column: tmx.indexOf('Привет') + 1 }, 'edit', false]]);
  });

  it('selects XLIFF targets and fills missing or empty ones from the source', () => {
    const xlf = [
      '<xliff version="1.2"><file source-language="ru" target-language="en"><body>',
      '<trans-unit id="1"><source>Да</source><target>Yes</target></trans-unit>',
      '<trans-unit id="2"><source>Нет</source></trans-unit>',
      '<trans-unit id="3"><source>Может</source><target/></trans-unit>',
      '</body></file></xliff>',
    ].join('\n');
    const segments = xmlSegments(xlf, options, new LineIndex(xlf)).segments;
    expect(segments.map((s) => [s.text, s.language, s.fill ? xlf.slice(s.fill.start, s.fill.end) : null, s.fill?.wrap('T') ?? null])).toEqual([
      ['Yes', 'en', null, null],
      ['Нет', 'ru', '', '<target state="needs-review-translation">T</target>'],
      ['Может', 'ru', '<target/>', '<target>T</target>'],
    ]);
  });

  it('reads XLIFF 2.0 languages from srcLang/trgLang and leaves other target languages alone', () => {
    const xlf = '<xliff version="2.0" srcLang="ru" trgLang="de"><file><unit id="1"><segment><source>Да</source></segment></unit></file></xliff>';
    expect(texts(xlf)).toEqual([]);
  });

  it('refuses XML it cannot place', () => {
    expect(() => texts('<notes><n>x</n></notes>')).toThrow('no text to select in an XML file with root <notes>: give --xml-text-path (e.g. TEI/text/body//p)');
    expect(() => texts('<TEI/>', { format: 'tmx' })).toThrow('not a TMX file: the root element is <TEI>');
  });

  it('takes the outermost match of a text path, with the inherited xml:lang', () => {
    const tei = '<TEI xml:lang="en"><text><body><p>One <p>inner</p> two</p><div xml:lang="ru"><p>Три</p></div></body></text></TEI>';
    expect(texts(tei).map((s) => [s[0], s[1]])).toEqual([
      ['One <p>inner</p> two', 'en'],
      ['Три', 'ru'],
    ]);
  });
});
