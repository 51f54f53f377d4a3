/**
 * The benchmark's pages, generated from a seed so every run measures the same bytes. Each page is a
 * plain HTML file served from 127.0.0.1; the benchmark's own probes are injected by the runner
 * (bench/browser.ts), never written into the page, so the same file serves the extension, the baseline
 * and the bare run.
 */
import { createRng, type Rng } from './prng.ts';
import {
  clock,
  count,
  figureSentence,
  headline,
  otherNumberSentence,
  paragraph,
  plainSentence,
} from './text.ts';

export type PageName = 'short-article' | 'live-blog' | 'big-text' | 'table-heavy' | 'live-page' | 'popup-500';

export interface PageSizes {
  /** Entries of the live blog (2,000: about 1 MB of text). */
  liveBlogEntries: number;
  /** Characters of text of the big page (5 MB). */
  bigTextChars: number;
  /** Elements of the table-heavy page (50,000). */
  tableElements: number;
  /** Entries the live page appends, one every `liveIntervalMs` (200 × 100 ms = 20 s). */
  liveEntries: number;
  liveIntervalMs: number;
  /** Figures on the popup's page (500). */
  popupFigures: number;
}

export const FULL_SIZES: PageSizes = {
  liveBlogEntries: 2_000,
  bigTextChars: 5_000_000,
  tableElements: 50_000,
  liveEntries: 200,
  liveIntervalMs: 100,
  popupFigures: 500,
};

export interface BenchPage {
  name: PageName;
  file: string;
  title: string;
  /** What the page is, for the report. */
  description: string;
  html: string;
  /** Characters of visible text (roughly: the text the generator wrote). */
  textChars: number;
  /** Elements in the body as generated. */
  elements: number;
  /** Live page: entries appended after load. */
  live?: { entries: number; intervalMs: number };
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Builds HTML while counting text characters and elements. */
class Html {
  private parts: string[] = [];
  text = 0;
  elements = 0;
  open(tag: string, attrs = ''): this {
    this.parts.push(`<${tag}${attrs ? ` ${attrs}` : ''}>`);
    this.elements++;
    return this;
  }
  close(tag: string): this {
    this.parts.push(`</${tag}>`);
    return this;
  }
  el(tag: string, text: string, attrs = ''): this {
    this.open(tag, attrs);
    this.t(text);
    return this.close(tag);
  }
  t(text: string): this {
    this.parts.push(esc(text));
    this.text += text.length;
    return this;
  }
  raw(html: string): this {
    this.parts.push(html);
    return this;
  }
  toString(): string {
    return this.parts.join('');
  }
}

function document(title: string, body: Html, extraHead = ''): string {
  return (
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta property="article:published_time" content="2022-03-10T09:00:00Z">` +
    `<title>${esc(title)}</title>` +
    `<style>body{font:16px/1.5 Georgia,serif;max-width:760px;margin:0 auto;padding:0 16px}` +
    `table{border-collapse:collapse;font:13px sans-serif}td{padding:2px 6px;border-bottom:1px solid #ddd}` +
    `.meta,footer{color:#666;font-size:13px}</style>${extraHead}</head><body>` +
    body.toString() +
    `</body></html>\n`
  );
}

/** The page furniture of a news site: nav, byline, date, read time, share counts. */
function masthead(h: Html, rng: Rng, title: string): void {
  h.open('header')
    .open('nav')
    .el('a', 'World', 'href="#"')
    .t(' · ')
    .el('a', 'Europe', 'href="#"')
    .t(' · ')
    .el('a', 'Live', 'href="#"')
    .close('nav')
    .el('h1', title)
    .open('p', 'class="meta"')
    .t(`By Staff Reporter · Updated ${clock(rng)} GMT, March 10, 2022 · ${rng.int(3, 12)} min read · `)
    .t(`${rng.int(20, 4000).toLocaleString('en-US')} comments · Share ${rng.int(10, 900)}`)
    .close('p')
    .close('header');
}

function shortArticle(rng: Rng): BenchPage {
  const title = 'Civilian toll rises as evacuations stall';
  const h = new Html();
  masthead(h, rng, title);
  h.open('article');
  // About a seed document: 4 KB of text, ~10 figures among other numbers.
  for (let i = 0; i < 18; i++) h.el('p', paragraph(rng, 3, 0.6, 0.35));
  h.close('article');
  h.open('footer')
    .t(`© 2022 Example News · Page 1 of 1 · ${rng.int(100, 999)} shares`)
    .close('footer');
  return page('short-article', title, 'a news article the size of a seed document (~4 KB of text)', h);
}

function liveEntry(h: Html, rng: Rng, i: number, figureShare: number): void {
  const time = clock(rng);
  h.open('article', `class="entry" id="entry-${i}"`)
    .open('header', 'class="meta"')
    .el('time', time, `datetime="2022-03-10T${time}:00Z"`)
    .t(` · ${headline(rng)}`)
    .close('header')
    .el('p', paragraph(rng, 3, figureShare, 0.6))
    .el('p', paragraph(rng, 3, 0, 0.6))
    .open('footer')
    .t(`Share ${rng.int(1, 400)} · ${rng.int(0, 250)} comments · ${rng.int(1, 9)} min read`)
    .close('footer')
    .close('article');
}

function liveBlog(rng: Rng, entries: number): BenchPage {
  const title = 'Ukraine war live: latest updates';
  const h = new Html();
  masthead(h, rng, title);
  // Live blogs open with a summary of the key figures, then the entries, newest first.
  h.open('ul', 'class="key-points"');
  for (let i = 0; i < 3; i++) h.el('li', figureSentence(rng));
  h.close('ul');
  h.open('main', 'id="live"');
  for (let i = 0; i < entries; i++) liveEntry(h, rng, i, 0.4);
  h.close('main');
  return page(
    'live-blog',
    title,
    `a live blog: ${entries.toLocaleString('en-US')} timestamped entries, mostly numbers that are not figures`,
    h,
  );
}

function bigText(rng: Rng, chars: number): BenchPage {
  const title = 'Archive: every report since February 24';
  const h = new Html();
  masthead(h, rng, title);
  h.open('div', 'id="archive"');
  h.el('p', `${figureSentence(rng)} ${plainSentence(rng)} ${figureSentence(rng)}`);
  let section = 0;
  while (h.text < chars) {
    h.el('h2', `Report ${++section}: ${headline(rng)}`);
    for (let i = 0; i < 10 && h.text < chars; i++) h.el('p', paragraph(rng, 4, 0.3, 0.4));
  }
  h.close('div');
  return page('big-text', title, `a ${(chars / 1e6).toFixed(1)} MB text page (an archive of reports)`, h);
}

const NAMES = [
  'Oleksandr',
  'Iryna',
  'Mykola',
  'Olena',
  'Taras',
  'Sofia',
  'Andriy',
  'Kateryna',
  'Petro',
  'Yulia',
];
const STATUS = ['open', 'closed', 'pending', 'confirmed', 'unknown', 'moved'];
const KINDS = ['shelter', 'clinic', 'school', 'depot', 'station', 'office', 'market'];

function tableHeavy(rng: Rng, elements: number): BenchPage {
  const title = 'Directory of shelters and services';
  const h = new Html();
  masthead(h, rng, title);
  h.el('p', `${figureSentence(rng)} ${plainSentence(rng)} ${figureSentence(rng)}`);
  h.el('p', `${otherNumberSentence(rng)} ${figureSentence(rng)}`);
  h.open('table').open('tbody');
  // Nine elements a row (tr, five td, a, two span); a number in about one row in a hundred.
  for (let row = 0; h.elements + 9 <= elements; row++) {
    h.open('tr')
      .open('td')
      .el('a', `${rng.pick(NAMES)} ${rng.pick(KINDS)}`, 'href="#"')
      .close('td')
      .open('td')
      .el('span', rng.pick(STATUS))
      .close('td')
      .el('td', rng.pick(['Kyiv', 'Lviv', 'Dnipro', 'Odesa', 'Sumy']))
      .open('td')
      .el('span', rng.pick(KINDS))
      .close('td')
      .el('td', rng.chance(0.01) ? `updated ${rng.int(2, 9)} days ago` : rng.pick(STATUS))
      .close('tr');
    void row;
  }
  h.close('tbody').close('table');
  return page(
    'table-heavy',
    title,
    `a directory table: ${elements.toLocaleString('en-US')} elements, few numbers`,
    h,
  );
}

/**
 * A live page: an article, then `entries` entries added at the top of the feed, one every `intervalMs`,
 * the way live blogs push updates. Each entry records when it appeared (window.__fcBenchLive) so the
 * runner can measure how long each took to be highlighted.
 */
function livePage(rng: Rng, entries: number, intervalMs: number): BenchPage {
  const title = 'Live: the situation in Kyiv';
  const h = new Html();
  masthead(h, rng, title);
  for (let i = 0; i < 3; i++) h.el('p', paragraph(rng, 3, 0.6, 0.4));
  h.open('section', 'id="feed"').close('section');
  const feed = Array.from({ length: entries }, () => {
    const figure = rng.chance(0.7);
    const text = figure
      ? `${plainSentence(rng)} ${figureSentence(rng)} ${otherNumberSentence(rng)}`
      : `${otherNumberSentence(rng)} ${plainSentence(rng)}`;
    return { time: clock(rng), title: headline(rng), text, figure };
  });
  // JSON in a script: "<" escaped so no entry can close the script element.
  const data = JSON.stringify(feed).replace(/</g, '\\u003c');
  const script =
    `<script>(() => {` +
    `const feed = ${data}; const box = document.getElementById('feed'); const log = (window.__fcBenchLive = []);` +
    `let i = 0; const add = () => { const e = feed[i++];` +
    `const a = document.createElement('article'); a.className = 'entry'; a.dataset.benchFigure = e.figure ? '1' : '0';` +
    `const t = document.createElement('time'); t.textContent = e.time; const h2 = document.createElement('h2'); h2.textContent = e.title;` +
    `const p = document.createElement('p'); p.textContent = e.text; a.append(t, h2, p); box.prepend(a);` +
    `log.push({ t: performance.now(), el: a, figure: e.figure });` +
    `if (i >= feed.length) { clearInterval(timer); window.__fcBenchLiveDone = performance.now(); } };` +
    `const timer = setInterval(add, ${intervalMs}); })();</script>`;
  h.raw(script);
  const p = page(
    'live-page',
    title,
    `a live page adding an entry every ${intervalMs} ms for ${((entries * intervalMs) / 1000).toFixed(0)} s`,
    h,
  );
  return { ...p, live: { entries, intervalMs } };
}

function popupPage(rng: Rng, figures: number): BenchPage {
  const title = 'Every figure, one per line';
  const h = new Html();
  masthead(h, rng, title);
  for (let i = 0; i < figures; i++) h.el('p', figureSentence(rng));
  return page('popup-500', title, `a page with ${figures} figure sentences, for the popup`, h);
}

function page(name: PageName, title: string, description: string, h: Html): BenchPage {
  return {
    name,
    file: `${name}.html`,
    title,
    description,
    html: document(title, h),
    textChars: h.text,
    elements: h.elements,
  };
}

/** Every benchmark page, from one seed: the same sizes and seed give the same bytes. */
export function generatePages(sizes: PageSizes = FULL_SIZES, seed = 20220224): BenchPage[] {
  // One generator per page, so resizing one page leaves the others' bytes unchanged.
  const rng = (n: number) => createRng(seed + n);
  return [
    shortArticle(rng(1)),
    liveBlog(rng(2), sizes.liveBlogEntries),
    bigText(rng(3), sizes.bigTextChars),
    tableHeavy(rng(4), sizes.tableElements),
    livePage(rng(5), sizes.liveEntries, sizes.liveIntervalMs),
    popupPage(rng(6), sizes.popupFigures),
  ];
}

export { count };
