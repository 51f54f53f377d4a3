/**
 * Hostile and odd pages (issue 6), with the built extension in real Chromium and real Firefox: numbers in
 * form fields, editors, scripts, styles, code, SVG, frames and shadow roots; a 1 MB text node; 100,000 text
 * nodes; a number rewritten 1,000 times a second; a page that hides or removes highlights; a strict
 * Content-Security-Policy; right-to-left text; markup and script payloads in the text.
 *
 * Each page (tests/fixtures/pages/hostile/) checks itself: fixture.js records its text and editable
 * content before any content script runs (at the end of parsing) and `__fixture.check()` reports whether
 * the page's own script still behaves, its text is what the page expects and editable content is as it
 * was. Here, for each page: the extension has run (a known figure is highlighted, or the page saw one
 * appear), then settles — highlights stop changing and the page gets its idle time back — and then the
 * page's check passes, no highlight sits in an excluded element, and neither the page nor the extension
 * reported an error.
 */
import { describe, expect, test } from 'vitest';
import { BROWSERS, poll, sleep, type TestBrowser, type TestPage } from './support/browser.ts';
import { readCard } from './support/reading.ts';
import { useSession } from './support/session.ts';

interface HostilePage {
  file: string;
  /** What makes the page odd, for the test name. */
  what: string;
  /** Figures that must be highlighted once the extension has settled (text of the highlight). */
  highlighted: string[];
  /** A figure to hover: the card must open and hold no markup from the page. */
  hover?: string;
  /** The page keeps its own script busy: its CPU use is measured first with the extension off. */
  busy?: boolean;
  /** Also turn Figure Check off for the site once settled: every highlight goes, the page is as it was. */
  switchOff?: boolean;
}

const PAGES: readonly HostilePage[] = [
  {
    file: 'editable.html',
    what: 'numbers in input, textarea, select, button and contenteditable',
    highlighted: ['1,179', 'more than 9,000'],
    switchOff: true,
  },
  {
    file: 'code.html',
    what: 'numbers in script, style, noscript, template, code, pre, SVG text and MathML',
    highlighted: ['1,179', 'about 160,000'],
  },
  {
    file: 'frames.html',
    what: 'same-origin, cross-origin and srcdoc iframes',
    highlighted: ['1,179', 'about 160,000'],
  },
  { file: 'shadow.html', what: 'open and closed shadow roots', highlighted: ['1,179', 'about 160,000'] },
  // Highlights are written near the viewport only: the figures in the giant node, not those after it.
  {
    file: 'big-node.html',
    what: 'a single 1 MB text node',
    highlighted: ['1,179', 'More than 3.8 million'],
    switchOff: true,
  },
  { file: 'many-nodes.html', what: '100,000 small text nodes', highlighted: ['1,179'] },
  {
    file: 'ticker.html',
    what: 'a number rewritten 1,000 times a second',
    highlighted: ['1,179'],
    busy: true,
    switchOff: true,
  },
  { file: 'restyle.html', what: 'a page that hides highlights (display: none)', highlighted: ['1,179'] },
  { file: 'unwrap.html', what: 'a page that removes every highlight', highlighted: [] },
  {
    file: 'csp.html',
    what: 'a strict Content-Security-Policy',
    highlighted: ['1,179', 'About 2,500'],
    hover: 'About 2,500',
  },
  { file: 'rtl.html', what: 'right-to-left text', highlighted: ['1,179'] },
  {
    file: 'payloads.html',
    what: 'HTML and script payloads next to numbers',
    highlighted: ['1,179', 'About 2,500'],
    hover: 'About 2,500',
  },
];

/**
 * CPU the extension may still use once settled, as a share of one core over SETTLE_MS: measured as CPU
 * time (not wall time) of the page's renderer thread (Chromium) or Firefox's content processes, so other
 * load on the machine does not count. A page that keeps itself busy is first measured with Figure Check
 * off for the site, and that is allowed on top.
 */
const CPU_ALLOWED = 0.08;
const SETTLE_MS = 1_500;

/** In the page: the text of every highlight, and whether the extension has shown it ran. */
function readMarks(): { marks: string[]; ran: boolean } {
  const fixture = (window as unknown as { __fixture?: { marksSeen: number } }).__fixture;
  const marks = [...document.querySelectorAll('fc-mark')].map((m) => m.textContent ?? '');
  return { marks, ran: marks.length > 0 || (fixture?.marksSeen ?? 0) > 0 };
}

interface Settled {
  marks: string[];
  /** CPU share of one core in the last window, and each window's, for the failure message. */
  cpu: number;
  windows: string[];
}

/** Waits until highlights stop changing and the CPU is quiet over a whole window; gives up after 40 s. */
async function settle(page: TestPage, allowed: number): Promise<Settled> {
  const deadline = Date.now() + 40_000;
  const windows: string[] = [];
  let previous: string[] | null = null;
  for (;;) {
    const cpuBefore = await page.cpuTime();
    const started = Date.now();
    await sleep(SETTLE_MS);
    const cpu = (await page.cpuTime()) - cpuBefore;
    const share = cpu / (Date.now() - started);
    const { marks } = await page.evaluate(readMarks, null);
    windows.push(`${marks.length} marks, CPU ${Math.round(share * 100)}%`);
    const stable = previous !== null && JSON.stringify(previous) === JSON.stringify(marks);
    if ((stable && share <= allowed) || Date.now() > deadline) return { marks, cpu: share, windows };
    previous = marks;
  }
}

/** Sets the list of sites Figure Check is off for, from an extension page (as the popup's switch does). */
async function setDisabledSites(browser: TestBrowser, sites: string[]): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.goto(`${browser.extensionBase}popup.html`);
    await page.evaluate(async (list) => {
      type Storage = { storage: { local: { set(items: object): Promise<void> } } };
      const scope = globalThis as unknown as { browser?: Storage; chrome?: Storage };
      await (scope.browser ?? scope.chrome)?.storage.local.set({ disabledSites: list });
    }, sites);
  } finally {
    await page.close();
  }
}

/** In the page: highlights inside anything that must never hold one (editable, code, foreign, frames). */
function marksInExcluded(): string[] {
  const EXCLUDED =
    'input, textarea, select, option, button, [contenteditable]:not([contenteditable="false"]), script, style, ' +
    'noscript, template, code, pre, kbd, samp, svg, math, iframe, head, title';
  return [...document.querySelectorAll('fc-mark')]
    .filter((m) => m.parentElement?.closest(EXCLUDED))
    .map((m) => `${m.textContent} in <${m.parentElement?.closest(EXCLUDED)?.localName}>`);
}

describe.each(BROWSERS)('hostile pages in %s', (browserName) => {
  const session = useSession(browserName);

  test.each(PAGES)('$file: $what', { timeout: 90_000 }, async (fixture) => {
    const { server, browser, page } = session;
    const url = `${server.url}hostile/${fixture.file}`;
    const problemsBefore = browser.problems.length;
    await page.goto(url);

    // The page's own CPU use, with Figure Check off for the site (only pages that keep themselves busy).
    let baseline = 0;
    if (fixture.busy) {
      await setDisabledSites(browser, [new URL(url).hostname]);
      try {
        await page.goto(url);
        baseline = (await settle(page, 1)).cpu;
        expect((await page.evaluate(readMarks, null)).ran, 'no highlights with the site switched off').toBe(
          false,
        );
      } finally {
        await setDisabledSites(browser, []);
      }
      await page.goto(url);
    }

    // The extension has run, then settles: highlights stop changing and the CPU goes quiet.
    const ran = await poll(
      () => page.evaluate(readMarks, null),
      (s) => s.ran,
      30_000,
    );
    expect(ran.ran, `the extension highlighted something on ${fixture.file}`).toBe(true);
    const settled = await settle(page, baseline + CPU_ALLOWED);
    expect(
      settled.cpu,
      `CPU after settling, page's own ${Math.round(baseline * 100)}% (${settled.windows.join('; ')})`,
    ).toBeLessThanOrEqual(baseline + CPU_ALLOWED);
    for (const figure of fixture.highlighted)
      expect(settled.marks, `"${figure}" highlighted on ${fixture.file}`).toContain(figure);

    // The page's own checks: its script behaves, its text and its editable content are as it expects.
    const result = await page.evaluate(
      () =>
        (
          window as unknown as { __fixture: { check(): Promise<{ ok: boolean; problems: string[] }> } }
        ).__fixture.check(),
      null,
    );
    expect(result.problems, `${fixture.file} checks itself`).toEqual([]);
    expect(await page.evaluate(marksInExcluded, null)).toEqual([]);

    if (fixture.hover) {
      const found = await page.evaluate((text) => {
        const mark = [...document.querySelectorAll('fc-mark')].find((m) => m.textContent === text);
        mark?.setAttribute('data-e2e-target', '');
        return mark !== undefined;
      }, fixture.hover);
      expect(found, `a highlight reading "${fixture.hover}"`).toBe(true);
      await page.hover('fc-mark[data-e2e-target]');
      const card = await poll(
        () => page.evaluate(readCard, null),
        (c) => c.visible,
        10_000,
      );
      expect(card.visible, 'the hover card opens').toBe(true);
      expect(card.label).toContain(fixture.hover);
      const markup = await page.evaluate(() => {
        const root = document.querySelector('figure-check-card')?.shadowRoot;
        const bad = root
          ? [...root.querySelectorAll('img, script, iframe, object, embed, [onerror], [onload]')]
          : [];
        return {
          bad: bad.map((e) => e.localName),
          pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
          styled: root ? root.adoptedStyleSheets.length + root.querySelectorAll('style').length : 0,
        };
      }, null);
      expect(markup).toMatchObject({ bad: [], pwned: null });
      expect(markup.styled, 'the card has its style sheet').toBeGreaterThan(0);
      await page.moveMouse(2, 2);
      await poll(
        () => page.evaluate(readCard, null),
        (c) => !c.visible,
        5_000,
      );
      const after = await page.evaluate(
        () =>
          (
            window as unknown as { __fixture: { check(): Promise<{ ok: boolean; problems: string[] }> } }
          ).__fixture.check(),
        null,
      );
      expect(after.problems, `${fixture.file} after hovering`).toEqual([]);
    }

    if (fixture.switchOff) {
      await setDisabledSites(browser, [new URL(url).hostname]);
      try {
        const off = await poll(
          () => page.evaluate(readMarks, null),
          (m) => m.marks.length === 0,
          10_000,
        );
        expect(off.marks, 'highlights taken off with the site switched off').toEqual([]);
        const restored = await page.evaluate(
          () =>
            (
              window as unknown as { __fixture: { check(): Promise<{ ok: boolean; problems: string[] }> } }
            ).__fixture.check(),
          null,
        );
        expect(restored.problems, `${fixture.file} with Figure Check switched off`).toEqual([]);
      } finally {
        await setDisabledSites(browser, []);
      }
    }

    expect(browser.problems.slice(problemsBefore), 'errors while on the page').toEqual([]);
  });

  /**
   * When the page takes our <fc-mark> out and keeps its text (replaceWith(...mark.childNodes), as unwrap.html
   * does), turning the site off must leave that text alone, not write the figure once more per highlight the
   * page removed ("…in Ukraine.1,1791,179…", as an earlier highlighter did).
   */
  test('a page that removed highlights keeps its text when Figure Check is switched off', async () => {
    const { server, browser, page } = session;
    const url = `${server.url}hostile/unwrap.html`;
    await page.goto(url);
    await poll(
      () => page.evaluate(readMarks, null),
      (s) => s.ran,
      30_000,
    );
    await settle(page, CPU_ALLOWED);
    await setDisabledSites(browser, [new URL(url).hostname]);
    try {
      const restored = await poll(
        () =>
          page.evaluate(
            () =>
              (
                window as unknown as {
                  __fixture: { check(): Promise<{ ok: boolean; problems: string[] }> };
                }
              ).__fixture.check(),
            null,
          ),
        (r) => r.ok,
        5_000,
      );
      expect(restored.problems).toEqual([]);
    } finally {
      await setDisabledSites(browser, []);
    }
  });

  test('the strict policy page is served with its Content-Security-Policy', async () => {
    const { server } = session;
    const response = await fetch(`${server.url}hostile/csp.html`);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self'/);
  });

  test('no page or extension page reported an error', () => {
    const { browser } = session;
    expect(browser.problems).toEqual([]);
  });
});
