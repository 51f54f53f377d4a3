/**
 * Hostile and odd pages, with the built extension in real Chromium and real Firefox: numbers in
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
import { BROWSERS, poll } from './support/browser.ts';
import { readCard } from './support/reading.ts';
import { useSession } from './support/session.ts';
import { CPU_ALLOWED, marksInExcluded, readMarks, setDisabledSites, settle } from './support/settle.ts';

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
