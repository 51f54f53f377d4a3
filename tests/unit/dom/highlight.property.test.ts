// @vitest-environment happy-dom
/**
 * Property: for random DOM trees — blocks, inline elements, adjacent text nodes, and the
 * excluded places (form fields, editors, code, scripts, styles, SVG, buttons) — the real path of the
 * content script (readPageText → readFigures → Highlighter) never throws, never changes the page's text,
 * never writes inside an excluded element, and unhighlighting gives back exactly the DOM it started from:
 * the same nodes, the same text in each, the same markup.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Highlighter, type FigureToMark } from '../../../lib/dom/highlight.ts';
import { readPageText } from '../../../lib/dom/page-text.ts';
import { readFigures } from '../../../lib/figures/index.ts';

/** Text pieces that make figures, non-figures and awkward splits when put side by side. */
const CHUNKS = [
  'Officials said ',
  'more than ',
  'about ',
  'nearly ',
  '1,200',
  '3.8',
  ' million',
  '5.000',
  ' people',
  ' civilians had been killed',
  ' have fled abroad',
  ' in Mariupol',
  ' in Kyiv',
  ', the UN said. ',
  'On March 2, 2022, ',
  'the 34th day. ',
  'four children',
  ' between 5,000 and 6,000',
  ' <img src=x onerror=alert(1)> ',
  '\n\n',
  '  ',
  '\u00a0',
  '1,',
  '200',
  ' ',
  '.',
  'שלום 1,179 ',
];
const chunk = fc.constantFrom(...CHUNKS);
const words = fc.array(chunk, { minLength: 1, maxLength: 5 }).map((a) => a.join(''));

type Tree =
  | { kind: 'text'; text: string }
  | { kind: 'element'; tag: string; children: Tree[] }
  | { kind: 'excluded'; tag: string; text: string };

const INLINE_OR_BLOCK = ['p', 'div', 'span', 'b', 'i', 'li', 'section', 'a', 'h2', 'td'];
/** Excluded places, each built with text inside (see `build`). */
const EXCLUDED = [
  'input',
  'textarea',
  'code',
  'pre',
  'script',
  'style',
  'button',
  'editable',
  'svg',
  'noscript',
];

const treeArb: fc.Arbitrary<Tree> = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    words.map((text): Tree => ({ kind: 'text', text })),
    fc.record({
      kind: fc.constant('element' as const),
      tag: fc.constantFrom(...INLINE_OR_BLOCK),
      children: fc.array(tie('tree') as fc.Arbitrary<Tree>, { maxLength: 4 }),
    }),
    fc.record({ kind: fc.constant('excluded' as const), tag: fc.constantFrom(...EXCLUDED), text: words }),
  ),
})).tree;

function build(parent: Node, t: Tree): void {
  const doc = document;
  if (t.kind === 'text') {
    parent.appendChild(doc.createTextNode(t.text));
    return;
  }
  if (t.kind === 'element') {
    const el = doc.createElement(t.tag);
    for (const c of t.children) build(el, c);
    parent.appendChild(el);
    return;
  }
  let el: Element;
  if (t.tag === 'editable') {
    el = doc.createElement('div');
    el.setAttribute('contenteditable', 'true');
    el.appendChild(doc.createElement('p')).appendChild(doc.createTextNode(t.text));
  } else if (t.tag === 'svg') {
    el = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
    el.appendChild(doc.createElementNS('http://www.w3.org/2000/svg', 'text')).appendChild(
      doc.createTextNode(t.text),
    );
  } else if (t.tag === 'input') {
    el = doc.createElement('input');
    el.setAttribute('value', t.text);
  } else {
    el = doc.createElement(t.tag);
    el.appendChild(doc.createTextNode(t.text));
  }
  parent.appendChild(el);
}

const EXCLUDED_SELECTOR =
  'input, textarea, code, pre, script, style, button, [contenteditable], svg, noscript';

/** Every node under `root` in order, with its text (text nodes) — identity and content. */
function nodesOf(root: Node): { nodes: Node[]; data: (string | null)[] } {
  const nodes: Node[] = [];
  const walker = document.createTreeWalker(root, 0xffffffff);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
  return { nodes, data: nodes.map((n) => (n.nodeType === 3 ? (n as Text).data : null)) };
}

const serialize = (el: Element): string => new XMLSerializer().serializeToString(el);

/** The figures the content script would mark: readFigures over the page text, mapped back to the DOM. */
function figuresToMark(root: Element): FigureToMark[] {
  const pt = readPageText(root);
  return readFigures(pt.text, { date: '2022-03-29' }).map((r, index) => ({
    index,
    verdict: 'differs',
    text: pt.text.slice(r.start, r.end),
    slices: pt.locate(r.start, r.end),
  }));
}

const PROPERTY_RUNS = 1_000;

describe('highlighting random pages', () => {
  test('never throws, keeps the text, stays out of excluded places, and unhighlighting restores the DOM', () => {
    let marked = 0;
    fc.assert(
      fc.property(fc.array(treeArb, { minLength: 1, maxLength: 6 }), (trees) => {
        document.body.replaceChildren();
        for (const t of trees) build(document.body, t);
        const before = nodesOf(document.body);
        const markup = serialize(document.body);
        const text = document.body.textContent;
        const excluded = [...document.body.querySelectorAll(EXCLUDED_SELECTOR)].map(serialize);

        const h = new Highlighter();
        const figures = figuresToMark(document.body);
        const done = h.highlight(figures);
        marked += done.length;

        expect(document.body.textContent).toBe(text);
        expect(
          [...document.body.querySelectorAll('fc-mark')].filter((m) => m.closest(EXCLUDED_SELECTOR)),
        ).toEqual([]);
        // Excluded places are untouched, markup and all (our marks would show in their serialisation).
        expect([...document.body.querySelectorAll(EXCLUDED_SELECTOR)].map(serialize)).toEqual(excluded);
        // Each figure's pieces read as the figure (white space aside).
        const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
        for (const i of done) {
          const pieces = [...document.body.querySelectorAll(`fc-mark[data-fc-index="${i}"]`)];
          expect(squash(pieces.map((p) => p.textContent).join(' '))).toBe(squash(figures[i]!.text));
        }

        h.unhighlight();
        expect(document.body.querySelectorAll('fc-mark')).toHaveLength(0);
        const after = nodesOf(document.body);
        expect(after.nodes).toEqual(before.nodes);
        expect(after.data).toEqual(before.data);
        expect(serialize(document.body)).toBe(markup);
      }),
      { numRuns: PROPERTY_RUNS },
    );
    // The trees do reach the highlighter: figures were found and marked in them.
    expect(marked).toBeGreaterThan(PROPERTY_RUNS / 4);
  });
});

/**
 * A page that unwraps our mark and keeps its text (`mark.replaceWith(...mark.childNodes)`, as frameworks that
 * own their DOM do) leaves the figure's text node in place: switching off must not write the original text
 * back into the split node as well (the figure would show twice). tests/e2e/hostile.test.ts does it in browsers.
 */
test('unhighlighting after the page unwrapped a mark leaves the text as the page has it', () => {
  document.body.replaceChildren();
  const p = document.body.appendChild(document.createElement('p'));
  p.textContent = 'Officials said 1,200 civilians had been killed in Kyiv.';
  const h = new Highlighter();
  expect(h.highlight(figuresToMark(document.body))).toHaveLength(1);
  const mark = p.querySelector('fc-mark')!;
  mark.replaceWith(...mark.childNodes);
  h.unhighlight();
  expect(p.textContent).toBe('Officials said 1,200 civilians had been killed in Kyiv.');
});
