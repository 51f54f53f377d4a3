/**
 * `npm run bench -- --wrapping`: why the content script wraps figures itself instead of with mark.js.
 *
 * The same figures (three per paragraph, 3,000 paragraphs) are wrapped in real Chromium three ways, each
 * on a fresh copy of the page, then the page does its own DOM work (adds and removes 3,000 nodes):
 *   - direct:       what lib/dom/highlight.ts does (one fragment per text node);
 *   - mark.js:      `new Mark(textNode).markRanges(…)` per text node, the way mark.js is meant to be used;
 *   - mark.js, off-page: mark.js run on a copy in a scratch document, the result moved into the page (keeps
 *                   mark.js's live NodeIterators off the page's document).
 * mark.js creates a NodeIterator per call; Chromium visits every live iterator on each node removal until
 * garbage collection, so the page's own DOM work slows down after mark.js has run, not only the wrapping.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

const VARIANTS = ['direct', 'mark.js', 'mark.js, off-page'] as const;
type Variant = (typeof VARIANTS)[number];

interface WrapRun {
  variant: Variant;
  marks: number;
  wrapMs: number;
  pageDomMs: number;
}

const PAGE = `<!doctype html><body>${Array.from(
  { length: 3000 },
  (_, i) =>
    `<p>Entry ${i}: officials said ${i * 7 + 100} people were killed and ${i * 3 + 20} injured, and ${i + 5} buildings destroyed.</p>`,
).join('')}</body>`;

export async function compareWrapping(options: { chromium: string; root: string; repeats: number }) {
  const markJs = await readFile(path.join(options.root, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
  const browser = await chromium.launch({ executablePath: options.chromium, args: ['--no-sandbox'] });
  const runs: WrapRun[] = [];
  try {
    const page = await browser.newPage();
    for (let r = 0; r < options.repeats; r++) {
      for (const variant of VARIANTS) {
        await page.setContent(PAGE);
        await page.addScriptTag({ content: markJs });
        // tsx keeps function names with a `__name` helper that the page lacks.
        await page.addScriptTag({ content: 'window.__name = (f) => f;' });
        runs.push(await page.evaluate(wrapInPage, variant));
      }
    }
  } finally {
    await browser.close();
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rows = VARIANTS.map((variant) => {
    const mine = runs.filter((x) => x.variant === variant);
    return {
      variant,
      marks: mine[0]!.marks,
      wrapMs: median(mine.map((x) => x.wrapMs)),
      pageDomMs: median(mine.map((x) => x.pageDomMs)),
    };
  });
  const direct = rows[0]!;
  console.log('Wrapping 3 figures in each of 3,000 paragraphs, then the page adds and removes 3,000 nodes');
  console.log(`(median of ${options.repeats}; ratios to direct wrapping)\n`);
  console.log('variant              marks   wrap ms   ×direct   page DOM ms   ×direct');
  for (const row of rows) {
    console.log(
      `${row.variant.padEnd(20)} ${String(row.marks).padStart(5)} ${row.wrapMs.toFixed(1).padStart(9)} ${(
        row.wrapMs / direct.wrapMs
      )
        .toFixed(1)
        .padStart(9)} ${row.pageDomMs.toFixed(1).padStart(13)} ${(row.pageDomMs / direct.pageDomMs)
        .toFixed(1)
        .padStart(9)}`,
    );
  }
  return rows;
}

/** Runs in the page (serialised by playwright: self-contained). */
function wrapInPage(variant: Variant): WrapRun {
  const Mark = (
    window as unknown as { Mark: new (ctx: Node) => { markRanges(r: unknown, o: unknown): void } }
  ).Mark;
  const nodes = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
  const scratch = document.implementation.createHTMLDocument('');
  let count = 0;
  const each = (el: Element) => el.setAttribute('data-fc-index', String(count++));
  const options = { element: 'fc-mark', className: 'figure-check-mark', each };
  const t0 = performance.now();
  for (const node of nodes) {
    const ranges = [...node.data.matchAll(/\b\d{2,}\b/g)]
      .filter((m) => m.index > 12)
      .map((m) => ({ start: m.index, length: m[0].length }));
    if (variant === 'direct') {
      const data = node.data;
      const fragment = document.createDocumentFragment();
      ranges.forEach((r, i) => {
        const mark = document.createElement('fc-mark');
        mark.className = 'figure-check-mark';
        mark.textContent = data.slice(r.start, r.start + r.length);
        each(mark);
        fragment.append(mark, data.slice(r.start + r.length, ranges[i + 1]?.start ?? data.length));
      });
      node.data = data.slice(0, ranges[0]!.start);
      node.after(fragment);
    } else if (variant === 'mark.js') {
      new Mark(node).markRanges(ranges, options);
    } else {
      const copy = scratch.createTextNode(node.data);
      scratch.body.replaceChildren(copy);
      new Mark(copy).markRanges(ranges, options);
      const fragment = document.createDocumentFragment();
      while (copy.nextSibling) fragment.append(copy.nextSibling);
      node.data = copy.data;
      node.after(fragment);
    }
  }
  const t1 = performance.now();
  const box = document.createElement('div');
  document.body.append(box);
  for (let i = 0; i < 3000; i++) box.append(document.createElement('span'));
  while (box.firstChild) box.firstChild.remove();
  const t2 = performance.now();
  return { variant, marks: document.querySelectorAll('fc-mark').length, wrapMs: t1 - t0, pageDomMs: t2 - t1 };
}
