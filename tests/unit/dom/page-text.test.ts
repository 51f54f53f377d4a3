// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readPageText, PageTextReader } from '../../../lib/dom/page-text.ts';
import { exclusionReason } from '../../../lib/dom/exclusions.ts';

/**
 * Loads `html` as the page and returns its body. Parsed with DOMParser (never innerHTML), then imported into
 * the test's document, whose Ranges work in happy-dom (a DOMParser document's do not).
 */
function body(html: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(
    `<!doctype html><html><head><title>T 99</title></head><body>${html}</body></html>`,
    'text/html',
  );
  document.head.replaceChildren(...document.importNode(parsed.head, true).childNodes);
  document.body.replaceChildren(...document.importNode(parsed.body, true).childNodes);
  return document.body;
}

const squash = (s: string) => s.replace(/[ \t\n\r\f]+/g, ' ').trim();

describe('readPageText: the visible text, blocks as paragraphs', () => {
  test.each([
    [
      'inline markup joins',
      '<p>More than <b>3.8</b> million people fled.</p>',
      'More than 3.8 million people fled.',
    ],
    ['blocks become paragraphs', '<p>One 12.</p><p>Two 13.</p>', 'One 12.\n\nTwo 13.'],
    ['nested blocks, one separator', '<div><div><p>A</p></div></div><div><p>B</p></div>', 'A\n\nB'],
    [
      'source whitespace collapses',
      '<div>\n  <p>\n    Hello   \t world\n  </p>\n  <p>Two</p>\n</div>',
      'Hello world\n\nTwo',
    ],
    [
      'no space invented between inline elements',
      '<p><span>1</span><span>23</span> killed</p>',
      '123 killed',
    ],
    ['space between inline elements kept once', '<p>a <em>b</em> <i> c</i></p>', 'a b c'],
    ['br separates', '<p>Kyiv: 12<br>Kharkiv: 7</p>', 'Kyiv: 12\n\nKharkiv: 7'],
    [
      'table cells separate',
      '<table><tr><td>Killed</td><td>1,200</td></tr><tr><th>Hurt</th></tr></table>',
      'Killed\n\n1,200\n\nHurt',
    ],
    ['list items separate', '<ul><li>a 1</li><li>b 2</li></ul>', 'a 1\n\nb 2'],
    ['headings separate', '<h1>Title</h1>Loose text<h2>Sub</h2>', 'Title\n\nLoose text\n\nSub'],
    ['no-break space kept (thousands separator)', '<p>9\u00a0000 people</p>', '9\u00a0000 people'],
    ['entities decoded', '<p>5&nbsp;000 &amp; more</p>', '5\u00a0000 & more'],
    ['comments ignored', '<p>12<!-- 34 --> people</p>', '12 people'],
    ['empty blocks add nothing', '<p></p><div> </div><p>x</p><p>\n</p>', 'x'],
    [
      'aria-hidden text is read (it is visible)',
      '<p><span aria-hidden="true">3.8m</span> fled</p>',
      '3.8m fled',
    ],
    ['contenteditable="false" is read', '<p contenteditable="false">12 killed</p>', '12 killed'],
    ['excluded inline element leaves one space', '<p>killed <code>x = 5</code> people</p>', 'killed people'],
    ['excluded block still ends the paragraph', '<p>a</p><pre>5 6</pre>b', 'a\n\nb'],
  ])('%s', (_name, html, expected) => {
    expect(readPageText(body(html)).text).toBe(expected);
  });

  test.each([
    ['input', '<input value="500">'],
    ['textarea', '<textarea>500 killed</textarea>'],
    ['select/option', '<select><option>500</option></select>'],
    ['button', '<button>Load 500 more</button>'],
    ['contenteditable', '<div contenteditable>500 <b>killed</b></div>'],
    ['contenteditable=true', '<div contenteditable="true"><p>500 killed</p></div>'],
    ['contenteditable=plaintext-only', '<div contenteditable="plaintext-only">500 killed</div>'],
    [
      'contenteditable=false island inside editor',
      '<div contenteditable><span contenteditable="false">500</span></div>',
    ],
    ['script', '<script>var n = 500;</script>'],
    ['style', '<style>.x{width:500px}</style>'],
    ['noscript', '<noscript>500 people</noscript>'],
    ['template', '<template><p>500 people</p></template>'],
    ['code', '<code>500</code>'],
    ['kbd', '<kbd>500</kbd>'],
    ['pre', '<pre>500 killed</pre>'],
    ['svg text', '<svg><text x="1" y="2">500 killed</text></svg>'],
    ['math', '<math><mn>500</mn></math>'],
    ['iframe fallback', '<iframe>500 killed</iframe>'],
    ['canvas fallback', '<canvas>500 killed</canvas>'],
    ['video fallback', '<video>500 killed</video>'],
    ['hidden', '<div hidden><p>500 killed</p></div>'],
    ['inert', '<div inert>500 killed</div>'],
    ['our highlight', '<fc-mark class="figure-check-mark">500</fc-mark>'],
    ['our card', '<figure-check-card>500</figure-check-card>'],
    ['our UI marker', '<div data-figure-check-ui>500</div>'],
  ])('never reads %s', (_name, html) => {
    const root = body(`<p>Before 1.</p>${html}<p>After 2.</p>`);
    const { text } = readPageText(root);
    expect(text).toBe('Before 1.\n\nAfter 2.');
    expect(text).not.toContain('500');
  });

  test('the title and head are not page text', () => {
    const root = body('<p>x</p>');
    expect(readPageText(root.ownerDocument.documentElement).text).toBe('x');
  });

  test('a root inside an excluded element reads nothing', () => {
    const root = body('<div contenteditable><p id="in">500 killed</p></div>');
    expect(readPageText(root.querySelector('#in')!).text).toBe('');
  });

  test('every excluded element says why', () => {
    const root = body('<textarea></textarea><div contenteditable></div><div hidden></div><svg><g></g></svg>');
    for (const el of root.querySelectorAll('textarea, div, svg, g')) expect(exclusionReason(el)).toBeTruthy();
    expect(exclusionReason(root)).toBeNull();
  });
});

describe('the offset map', () => {
  test('a figure across <b> and a text node maps to both nodes', () => {
    const root = body('<p>More than <b>3.8</b> million people fled.</p>');
    const pt = readPageText(root);
    const start = pt.text.indexOf('3.8');
    const slices = pt.locate(start, start + '3.8 million'.length);
    expect(slices.map((s) => s.node.data.slice(s.start, s.end))).toEqual(['3.8', ' million']);
    expect(pt.range(start, start + 11)!.toString()).toBe('3.8 million');
  });

  test('collapsed whitespace maps back to the source characters', () => {
    const root = body('<p>about\n      1,252\n   killed</p>');
    const pt = readPageText(root);
    expect(pt.text).toBe('about 1,252 killed');
    const [slice] = pt.locate(6, 11);
    expect(slice!.node.data.slice(slice!.start, slice!.end)).toBe('1,252');
    const all = pt.locate(0, pt.text.length);
    expect(all).toHaveLength(1);
    expect(squash(all[0]!.node.data.slice(all[0]!.start, all[0]!.end))).toBe(pt.text);
  });

  test('position() gives the node and offset; separators map to nothing', () => {
    const root = body('<p>ab</p><p>cd</p>');
    const pt = readPageText(root);
    expect(pt.text).toBe('ab\n\ncd');
    expect(pt.position(1)).toMatchObject({ offset: 1 });
    expect(pt.position(1)!.node.data).toBe('ab');
    expect(pt.position(2)).toBeNull();
    expect(pt.position(4)!.node.data).toBe('cd');
    expect(pt.position(99)).toBeNull();
  });

  test('locateAll agrees with locate for sorted and unsorted spans', () => {
    const root = body('<p>12 and <i>34</i> and 56</p><p>78 <b>9</b>0</p>');
    const pt = readPageText(root);
    const spans = [...pt.text.matchAll(/\d+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const one = spans.map((s) => pt.locate(s.start, s.end));
    expect(pt.locateAll(spans)).toEqual(one);
    expect(pt.locateAll([...spans].reverse())).toEqual([...one].reverse());
    expect(one.map((sl) => sl.map((s) => s.node.data.slice(s.start, s.end)).join(''))).toEqual([
      '12',
      '34',
      '56',
      '78',
      '90',
    ]);
  });

  test('a 1 MB text node is read in slices too, with the same result', () => {
    const root = body('<p></p>');
    const words = Array.from({ length: 120_000 }, (_, i) => (i % 13 === 0 ? `${i}  \n ` : 'word '));
    root.querySelector('p')!.append(document.createTextNode(words.join('')));
    const whole = readPageText(root);
    const reader = new PageTextReader(root);
    let slices = 0;
    while (!reader.read(() => true)) slices++;
    expect(slices).toBeGreaterThan(20);
    const sliced = reader.result();
    expect(sliced.text).toBe(whole.text);
    expect(sliced.text).not.toMatch(/ {2}|\n/);
    expect(sliced.locate(0, sliced.text.length)).toEqual(whole.locate(0, whole.text.length));
  });

  test('reading in slices gives the same text and map as reading at once', () => {
    const html = Array.from({ length: 300 }, (_, i) => `<p>Entry ${i}: <b>${i * 7}</b> people</p>`).join('');
    const root = body(html);
    const whole = readPageText(root);
    const reader = new PageTextReader(root);
    let slices = 0;
    while (!reader.read(() => true)) slices++;
    expect(slices).toBeGreaterThan(3);
    const sliced = reader.result();
    expect(sliced.text).toBe(whole.text);
    expect(sliced.locate(0, sliced.text.length)).toEqual(whole.locate(0, whole.text.length));
  });
});

// Random pages: any tree of blocks, inline elements, excluded elements and text with odd whitespace.
const word = fc.stringMatching(/^[a-z0-9,.]{1,6}$/);
const textArb = fc
  .array(fc.oneof(word, fc.constantFrom(' ', '  ', '\n', '\t ', '\u00a0')), { maxLength: 6 })
  .map((parts) => parts.join(''));
interface Tree {
  tag: string | null;
  text: string;
  children: readonly Tree[];
}
const treeArb: fc.Arbitrary<Tree> = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ tag: fc.constant(null), text: textArb, children: fc.constant([]) }),
    fc.record({
      tag: fc.constantFrom('p', 'div', 'span', 'b', 'li', 'td', 'br', 'code', 'textarea', 'em'),
      text: fc.constant(''),
      children: fc.array(tie('tree') as fc.Arbitrary<Tree>, { maxLength: 4 }),
    }),
  ),
})).tree;

function build(doc: Document, parent: Node, t: Tree): void {
  if (t.tag === null) {
    parent.appendChild(doc.createTextNode(t.text));
    return;
  }
  const el = doc.createElement(t.tag);
  if (t.tag !== 'br') for (const c of t.children) build(doc, el, c);
  parent.appendChild(el);
}

describe('properties on random pages', () => {
  test('every word of the text maps back to the same characters in the DOM', () => {
    fc.assert(
      fc.property(fc.array(treeArb, { maxLength: 5 }), (trees) => {
        const root = body('');
        for (const t of trees) build(root.ownerDocument, root, t);
        const pt = readPageText(root);
        expect(pt.text).toBe(pt.text.replace(/^[ \t\n\r\f]+|[ \t\n\r\f]+$/g, ''));
        expect(pt.text).not.toMatch(/\n\n\n| {2}| \n|\n /);
        for (const m of pt.text.matchAll(/[^ \n]+/g)) {
          const got = pt
            .locate(m.index, m.index + m[0].length)
            .map((s) => s.node.data.slice(s.start, s.end))
            .join('');
          expect(got).toBe(m[0]);
        }
        // Text from excluded elements never appears.
        for (const t of pt.nodes()) expect(t.parentElement?.closest('code, textarea')).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
