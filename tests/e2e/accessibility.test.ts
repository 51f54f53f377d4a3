/**
 * Accessibility and looks, in real Chromium and Firefox, in light and in dark mode: the hover card (with
 * its timeline), the popup (a timeline per figure with reports), the options page and the document page
 * pass axe-core with no violation, and the card and popup are saved as screenshots in test-results/
 * (<browser>-card-<scheme>.png, <browser>-popup-<scheme>.png).
 * Needs `npm run build` first; `npm test` does that.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  BROWSERS,
  RESULTS_DIR,
  poll,
  type ColorScheme,
  type TestBrowser,
  type TestPage,
} from './support/browser.ts';
import { accessibilityViolations } from './support/axe.ts';
import { useSession } from './support/session.ts';
import { describeFigures, readCard, readHighlights, readPopup } from './support/reading.ts';

const SCHEMES: readonly ColorScheme[] = ['light', 'dark'];
/** On article.html (2022-03-29): the UN's 1,179 civilian deaths, with four other UN and officials' counts. */
const FIGURE = { figure: '1,179', in: 'confirmed 1,179 civilian deaths' };

interface Looks {
  /** Computed colours: text and background. */
  color: string;
  background: string;
}

interface CardLooks extends Looks {
  /** Report marks drawn in the timeline, and whether the page's figure is placed among them. */
  marks: number;
  page: boolean;
  /** The timeline's accessible name. */
  label: string | null;
}

/** In the page: the open card's colours and its timeline. */
function readCardLooks(): CardLooks | null {
  const dialog = document.querySelector('figure-check-card')?.shadowRoot?.querySelector('[role="dialog"]');
  if (!dialog) return null;
  const style = getComputedStyle(dialog);
  const svg = dialog.querySelector('[data-testid="timeline"] svg');
  return {
    color: style.color,
    background: style.backgroundColor,
    marks: svg?.querySelectorAll('.fc-timeline-marks > g').length ?? 0,
    page: svg?.querySelector('.fc-timeline-page') != null,
    label: svg?.getAttribute('aria-label') ?? null,
  };
}

describe.each(BROWSERS)('accessibility and colour schemes in %s', (browserName) => {
  const card: Partial<Record<ColorScheme, CardLooks>> = {};
  const popup: Partial<Record<ColorScheme, Looks>> = {};

  describe.each(SCHEMES)('%s mode', (scheme) => {
    const session = useSession(browserName, { colorScheme: scheme });
    let browser: TestBrowser;
    let article: TestPage;
    let documentHref: string | null = null;

    beforeAll(async () => {
      await mkdir(RESULTS_DIR, { recursive: true });
      ({ browser, page: article } = session);
      await article.goto(`${session.server.url}article.html`);
      const want = [`${FIGURE.figure} → highlighted`];
      const snapshot = await poll(
        () => article.evaluate(readHighlights, null),
        (s) => JSON.stringify(describeFigures(s, [FIGURE])) === JSON.stringify(want),
      );
      expect(describeFigures(snapshot, [FIGURE])).toEqual(want);
    });
    test('the hover card shows a timeline and passes axe', async () => {
      const tagged = await article.evaluate((text) => {
        const mark = [...document.querySelectorAll('fc-mark')].find((m) => m.textContent === text);
        mark?.setAttribute('data-e2e-target', '');
        return mark !== undefined;
      }, FIGURE.figure);
      expect(tagged).toBe(true);
      await article.bringToFront();
      await article.hover('fc-mark[data-e2e-target]');
      const open = await poll(
        () => article.evaluate(readCard, null),
        (c) => c.settled,
        5_000,
      );
      expect(open.settled, 'card open and drawn').toBe(true);
      expect(open.label).toContain('1,179');
      // Each report says in words how it stands in time against the page's date (2022-03-29).
      expect(open.reports.length).toBeGreaterThan(1);
      for (const report of open.reports)
        expect(report).toMatch(/\b(\d+ days|a day) (earlier|later|before|after)|the same day/);

      const looks = await article.evaluate(readCardLooks, null);
      expect(looks, 'the card').not.toBeNull();
      card[scheme] = looks!;
      expect(looks!.marks, 'a mark per dated report in the timeline').toBe(open.reports.length);
      expect(looks!.page, "the page's figure placed in the timeline").toBe(true);
      expect(looks!.label).toMatch(/^Timeline of \d+ reports and this page's figure/);
      await article.screenshot(path.join(RESULTS_DIR, `${browserName}-card-${scheme}.png`));

      // axe works out colours on a grid that starts at <body>; the card's host sits outside it, on <html>
      // (out of reach of the body's styles). Checked inside <body>, once its fade-in is over again.
      await article.evaluate(() => document.body.append(document.querySelector('figure-check-card')!), null);
      const again = await poll(
        () => article.evaluate(readCard, null),
        (c) => c.settled,
        5_000,
      );
      expect(again.settled, 'card still open in <body>').toBe(true);
      expect(await accessibilityViolations(article, 'figure-check-card')).toEqual([]);
    });

    test('the popup shows a timeline per figure with reports and passes axe', async () => {
      const page = await browser.openPopup(article);
      try {
        await page.setViewport(420, 900);
        const shown = await poll(
          () => page.evaluate(readPopup, null),
          (p) => p.groups.length > 0,
        );
        expect(shown.groups.length).toBeGreaterThan(0);
        await page.bringToFront();
        const state = await page.evaluate(() => {
          const figures = [...document.querySelectorAll('[data-testid="figure"]')];
          const style = getComputedStyle(document.body);
          return {
            color: style.color,
            background: style.backgroundColor,
            withReports: figures.filter((f) => f.querySelector('[data-testid="report"]')).length,
            withTimeline: figures.filter((f) => f.querySelector('[data-testid="timeline"] svg[role="img"]'))
              .length,
            reports: document.querySelectorAll('[data-testid="report"]').length,
            linked: document.querySelectorAll('[data-testid="report"] a[data-testid="show-in-document"]')
              .length,
            href: document.querySelector('[data-testid="show-in-document"]')?.getAttribute('href') ?? null,
          };
        }, null);
        popup[scheme] = { color: state.color, background: state.background };
        expect(state.withReports).toBeGreaterThan(0);
        expect(state.withTimeline, 'every figure with reports has its timeline').toBe(state.withReports);
        expect(state.linked, 'every report links to its document').toBe(state.reports);
        documentHref = state.href;
        await page.screenshot(path.join(RESULTS_DIR, `${browserName}-popup-${scheme}.png`));

        expect(await accessibilityViolations(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });

    test('the options page passes axe', async () => {
      const page = await browser.newPage();
      try {
        await page.goto(`${browser.extensionBase}options.html`);
        const claims = await poll(
          () => page.evaluate(() => document.querySelectorAll('[data-testid="claim"]').length, null),
          (n) => n > 0,
        );
        expect(claims, 'the library lists claims').toBeGreaterThan(0);
        expect(await accessibilityViolations(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });

    test('the document page, at the claim a report links to, passes axe', async () => {
      expect(documentHref, 'a report link from the popup').toMatch(/^document\.html\?id=/);
      const page = await browser.newPage();
      try {
        await page.goto(`${browser.extensionBase}${documentHref}`);
        const highlighted = await poll(
          () => page.evaluate(() => document.querySelector('[data-testid="highlight"]') !== null, null),
          (found) => found,
        );
        expect(highlighted, 'the claim highlighted in its document').toBe(true);
        expect(await accessibilityViolations(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });

    test('no page or extension page reported an error', () => {
      expect(browser.problems).toEqual([]);
    });
  });

  test('the card and the popup follow the colour scheme', () => {
    expect(card.light && card.dark, 'both schemes were shown').toBeTruthy();
    expect(card.dark!.color, 'card text colour, dark vs light').not.toBe(card.light!.color);
    expect(card.dark!.background, 'card background, dark vs light').not.toBe(card.light!.background);
    expect(popup.dark!.color, 'popup text colour, dark vs light').not.toBe(popup.light!.color);
    expect(popup.dark!.background, 'popup background, dark vs light').not.toBe(popup.light!.background);
  });
});
