/**
 * The built extension over real pages saved from the web (tests/e2e/support/real-pages.ts), in real
 * Chromium and real Firefox: pages nobody wrote to test it, with their odd markup, huge navigation, cookie
 * banners and comment threads. For each page: the extension settles (highlights stop changing and the page
 * gets its idle time back), the page's text and editable content are as they were before it ran, no
 * highlight sits in an excluded element, and nothing reported an error.
 *
 * `npm test` runs a fixed sample of REAL_PAGES_SAMPLE pages in each browser; `npm run test:real-pages` runs
 * every page.
 */
import { describe, expect, test } from 'vitest';
import { BROWSERS, poll } from './support/browser.ts';
import { useSession } from './support/session.ts';
import { CPU_ALLOWED, marksInExcluded, readMarks, settle } from './support/settle.ts';
import {
  REAL_PAGES_DIR,
  isPageOwnLoadError,
  realPageNames,
  samplePages,
  serveRealPages,
} from './support/real-pages.ts';

const REAL_PAGES_SAMPLE = 12;
const names = realPageNames();
const pages = samplePages(names, REAL_PAGES_SAMPLE, process.env.FIGURE_CHECK_REAL_PAGES_ALL === '1');

type Checked = { ok: boolean; problems: string[] };

describe('the saved real pages are there', () => {
  test(`${REAL_PAGES_DIR} holds the saved pages`, () => {
    expect(names.length, `no .html pages in ${REAL_PAGES_DIR}`).toBeGreaterThan(0);
  });
});

describe.each(BROWSERS)('real pages in %s', (browserName) => {
  const session = useSession(browserName, { serve: serveRealPages });

  test.each(pages)('%s', { timeout: 120_000 }, async (name) => {
    const { server, browser, page } = session;
    const problemsBefore = browser.problems.length;
    await page.goto(`${server.url}${encodeURIComponent(name)}`);
    const started = await poll(
      () =>
        page.evaluate(
          () => (window as unknown as { __fixture?: { started: boolean } }).__fixture?.started ?? false,
          null,
        ),
      (s) => s,
      20_000,
    );
    expect(started, 'the page recorded its text before the extension ran').toBe(true);

    const settled = await settle(page, CPU_ALLOWED);
    expect(settled.cpu, `CPU once settled (${settled.windows.join('; ')})`).toBeLessThanOrEqual(CPU_ALLOWED);
    const checked = await page.evaluate(
      () => (window as unknown as { __fixture: { check(): Promise<Checked> } }).__fixture.check(),
      null,
    );
    expect(checked.problems, `${name}: its text and editable content`).toEqual([]);
    expect(await page.evaluate(marksInExcluded, null), `${name}: highlights in excluded elements`).toEqual(
      [],
    );
    // Every highlight is one the reader can see as a whole figure: never an empty mark.
    const { marks } = await page.evaluate(readMarks, null);
    expect(marks.filter((m) => m.trim() === '')).toEqual([]);
    const errors = browser.problems.slice(problemsBefore).filter((p) => !isPageOwnLoadError(p));
    expect(errors, `${name}: errors while on the page`).toEqual([]);
  });
});
