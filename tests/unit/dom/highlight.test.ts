// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readPageText, type PageText } from '../../../lib/dom/page-text.ts';
import { Highlighter, removeStrayMarks, type FigureToMark } from '../../../lib/dom/highlight.ts';
import type { Verdict } from '../../../lib/types.ts';

function load(html: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...document.importNode(parsed.body, true).childNodes);
  return document.body;
}

/** The figures to mark: every match of `pattern` in the page text (stands in for readFigures here). */
function figuresOf(pt: PageText, pattern: RegExp, verdict: Verdict = 'differs'): FigureToMark[] {
  return [...pt.text.matchAll(pattern)].map((m, index) => ({
    index,
    verdict,
    text: m[0],
    slices: pt.locate(m.index, m.index + m[0].length),
  }));
}

/** What a reader sees highlighted: the text of each figure's marks joined, by data-fc-index. */
function marked(root: Element): string[] {
  const byIndex = new Map<string, string>();
  for (const el of root.querySelectorAll('fc-mark')) {
    const i = el.getAttribute('data-fc-index')!;
    byIndex.set(i, (byIndex.get(i) ?? '') + (byIndex.has(i) ? '|' : '') + el.textContent);
  }
  return [...byIndex.values()];
}

/** A snapshot of the page's own nodes and text, to compare after unhighlighting. */
function snapshot(root: Element): { nodes: Node[]; data: string[]; html: string } {
  const nodes: Node[] = [];
  const walker = document.createTreeWalker(root, 0xffffffff);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
  return { nodes, data: nodes.map((n) => (n.nodeType === 3 ? (n as Text).data : '')), html: serialize(root) };
}
const serialize = (root: Element) => new XMLSerializer().serializeToString(root);

const NUMBER = /(?:more than |about )?\d[\d,.]*(?: million)?/g;

describe('highlight', () => {
  test.each([
    ['one figure in a paragraph', '<p>At least 1,252 people died.</p>', ['1,252']],
    ['qualifier included', '<p>It took in more than 3.8 million people.</p>', ['more than 3.8 million']],
    ['figure across <b> and a text node', '<p>Some <b>3.8</b> million fled.</p>', ['3.8| million']],
    ['figure across two inline elements', '<p>About <b>3.8</b> <i>million</i> fled.</p>', ['3.8|million']],
    ['several figures in one text node', '<p>12 killed, 34 hurt and 56 missing.</p>', ['12', '34', '56']],
    [
      'collapsed source whitespace inside a figure',
      '<p>about\n   1,000\n    killed</p>',
      ['about\n   1,000'],
    ],
    ['figures in separate blocks', '<ul><li>Kyiv 100</li><li>Kharkiv 200</li></ul>', ['100', '200']],
    ['nothing in excluded places', '<p>7 <code>88</code> <textarea>99</textarea></p>', ['7']],
  ])('%s', (_name, html, expected) => {
    const root = load(html);
    const before = snapshot(root);
    const pt = readPageText(root);
    const h = new Highlighter();
    h.highlight(figuresOf(pt, NUMBER));
    expect(marked(root)).toEqual(expected);
    // The page's text is unchanged by highlighting...
    expect(readAllText(root)).toBe(before.data.join(''));
    // ...and unhighlighting restores exactly: same nodes (identity), same data, same markup.
    h.unhighlight();
    expect(root.querySelectorAll('fc-mark')).toHaveLength(0);
    const after = snapshot(root);
    expect(after.html).toBe(before.html);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.data).toEqual(before.data);
  });

  test('the DOM contract: element, class, verdict, index, tabindex on the first piece only', () => {
    const root = load('<p>Some <b>3.8</b> million fled; 12 died.</p>');
    const pt = readPageText(root);
    new Highlighter().highlight(figuresOf(pt, NUMBER, 'agrees'));
    const [a, b, c] = root.querySelectorAll('fc-mark');
    expect(a!.className).toBe('figure-check-mark');
    expect(a!.getAttribute('data-fc-verdict')).toBe('agrees');
    expect(a!.getAttribute('data-fc-index')).toBe('0');
    expect(a!.getAttribute('tabindex')).toBe('0');
    expect(a!.getAttribute('data-fc-text')).toBe('3.8 million');
    expect(b!.getAttribute('data-fc-index')).toBe('0');
    expect(b!.hasAttribute('tabindex')).toBe(false);
    expect(b!.hasAttribute('data-fc-continued')).toBe(true);
    expect(c!.getAttribute('data-fc-index')).toBe('1');
    expect(c!.textContent).toBe('12');
  });

  test('marks inside aria-hidden regions are not keyboard stops', () => {
    const root = load('<div aria-hidden="true"><p>12 died</p></div>');
    new Highlighter().highlight(figuresOf(readPageText(root), NUMBER));
    expect(root.querySelector('fc-mark')!.getAttribute('tabindex')).toBe('-1');
  });

  test('a figure the page changed since reading is skipped', () => {
    const root = load('<p>12 died</p>');
    const pt = readPageText(root);
    (root.querySelector('p')!.firstChild as Text).data = 'nobody died';
    expect(new Highlighter().highlight(figuresOf(pt, NUMBER))).toEqual([]);
    expect(root.querySelectorAll('fc-mark')).toHaveLength(0);
  });

  test('highlighting a node in two batches (two windows) works on the pieces', () => {
    const root = load('<p>12 killed and 34 hurt</p>');
    const pt = readPageText(root);
    const figs = figuresOf(pt, NUMBER);
    const h = new Highlighter();
    expect(h.highlight([figs[1]!])).toEqual([1]);
    expect(h.highlight([figs[0]!])).toEqual([0]);
    expect(h.highlight([figs[0]!])).toEqual([]);
    expect(marked(root)).toEqual(['12', '34']);
    h.unhighlight();
    expect(root.querySelector('p')!.childNodes).toHaveLength(1);
    expect(root.textContent).toBe('12 killed and 34 hurt');
  });

  test('unhighlight(scope) removes only the marks under scope', () => {
    const root = load('<p id="a">12 killed</p><p id="b">34 hurt</p>');
    const h = new Highlighter();
    h.highlight(figuresOf(readPageText(root), NUMBER));
    expect(h.unhighlight(root.querySelector('#a')!)).toEqual([0]);
    expect(marked(root)).toEqual(['34']);
    expect(h.indexes()).toEqual([1]);
  });

  test('when the page rewrites a text node we split, our stale pieces go', () => {
    const root = load('<p>Toll: 12 killed</p>');
    const h = new Highlighter();
    h.highlight(figuresOf(readPageText(root), NUMBER));
    const p = root.querySelector('p')!;
    const original = p.firstChild as Text;
    expect(original.data).toBe('Toll: ');
    original.data = 'Toll: 15 killed'; // what a framework does: it holds the node and sets its text
    expect(h.pageChanged(original)).toEqual([0]);
    expect(p.textContent).toBe('Toll: 15 killed');
    expect(p.childNodes).toHaveLength(1);
  });

  test('when the page removes a text node we split, our pieces go and the node gets its text back', () => {
    const root = load('<p>Toll: 12 killed</p>');
    const h = new Highlighter();
    h.highlight(figuresOf(readPageText(root), NUMBER));
    const p = root.querySelector('p')!;
    const original = p.firstChild as Text;
    p.removeChild(original);
    h.pageChanged(original);
    expect(p.childNodes).toHaveLength(0);
    expect(original.data).toBe('Toll: 12 killed');
    expect(h.pageChanged(original)).toEqual([]);
  });

  test('many figures in one big text node read its text a bounded number of times', () => {
    // Firefox copies a text node's whole string on every read of `data`: a read per figure made 8,000
    // figures in a 1 MB node freeze the page for 40 s there. The count of reads must not grow with figures.
    const root = load(`<p>${'Officials said 1,200 civilians were killed. '.repeat(4000)}</p>`);
    const node = root.querySelector('p')!.firstChild as Text;
    const pt = readPageText(root);
    const figures = figuresOf(pt, /1,200/g);
    expect(figures).toHaveLength(4000);
    const proto = Object.getPrototypeOf(Object.getPrototypeOf(node)) as object;
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'data')!;
    let reads = 0;
    Object.defineProperty(node, 'data', {
      configurable: true,
      get() {
        reads++;
        return descriptor.get!.call(this) as string;
      },
      set(value: string) {
        descriptor.set!.call(this, value);
      },
    });
    try {
      expect(new Highlighter().highlight(figures)).toHaveLength(4000);
    } finally {
      delete (node as unknown as { data?: string }).data;
    }
    expect(root.querySelectorAll('fc-mark')).toHaveLength(4000);
    expect(reads).toBeLessThan(10);
  });

  test('stray marks from an earlier instance are unwrapped', () => {
    const root = load('<p>a <fc-mark class="figure-check-mark">12</fc-mark> b</p>');
    expect(removeStrayMarks(root)).toBe(1);
    expect(root.querySelector('p')!.childNodes).toHaveLength(1);
    expect(root.textContent).toBe('a 12 b');
  });
});

function readAllText(root: Element): string {
  let out = '';
  const walker = document.createTreeWalker(root, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out += (n as Text).data;
  return out;
}

// Random pages: highlighting any number-like spans never throws and never changes the text.
const chunk = fc.oneof(
  fc.stringMatching(/^[a-z ]{0,5}$/),
  fc.stringMatching(/^\d{1,3}(,\d{3})?$/),
  fc.constantFrom(' ', '\n  ', ' million ', 'more than '),
);
interface Tree {
  tag: string | null;
  text: string;
  children: readonly Tree[];
}
const treeArb: fc.Arbitrary<Tree> = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      tag: fc.constant(null),
      text: fc.array(chunk, { maxLength: 4 }).map((a) => a.join('')),
      children: fc.constant([]),
    }),
    fc.record({
      tag: fc.constantFrom('p', 'div', 'span', 'b', 'i', 'li', 'br', 'code'),
      text: fc.constant(''),
      children: fc.array(tie('tree') as fc.Arbitrary<Tree>, { maxLength: 4 }),
    }),
  ),
})).tree;
function build(parent: Node, t: Tree): void {
  if (t.tag === null) {
    parent.appendChild(document.createTextNode(t.text));
    return;
  }
  const el = document.createElement(t.tag);
  if (t.tag !== 'br') for (const c of t.children) build(el, c);
  parent.appendChild(el);
}

describe('properties on random pages', () => {
  test('highlight then unhighlight: text unchanged throughout, nodes restored exactly', () => {
    fc.assert(
      fc.property(fc.array(treeArb, { maxLength: 5 }), (trees) => {
        document.body.replaceChildren();
        for (const t of trees) build(document.body, t);
        const before = snapshot(document.body);
        const text = readAllText(document.body);
        const pt = readPageText(document.body);
        const h = new Highlighter();
        const figs = figuresOf(pt, NUMBER);
        h.highlight(figs);
        expect(readAllText(document.body)).toBe(text);
        for (const el of document.body.querySelectorAll('fc-mark')) {
          expect(el.closest('code')).toBeNull();
          expect(el.textContent!.trim()).not.toBe('');
        }
        // Each highlighted figure's pieces read as the figure.
        for (const f of figs) {
          const pieces = [...document.body.querySelectorAll(`fc-mark[data-fc-index="${f.index}"]`)];
          if (pieces.length === 0) continue;
          expect(
            pieces
              .map((e) => e.textContent)
              .join(' ')
              .replace(/\s+/g, ' ')
              .trim(),
          ).toBe(f.text.replace(/\s+/g, ' ').trim());
        }
        h.unhighlight();
        const after = snapshot(document.body);
        expect(after.nodes).toEqual(before.nodes);
        expect(after.data).toEqual(before.data);
      }),
      { numRuns: 300 },
    );
  });
});
