/**
 * The built extension in real Chromium and real Firefox, on fixture news pages served from 127.0.0.1:
 * highlights, the hover card, the popup and the site switch, as a reader meets them.
 * Needs `npm run build` (or build:chrome / build:firefox) first; `npm test` does that.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveFixtures, type FixtureServer } from '../../scripts/serve.ts';
import {
  BROWSERS,
  RESULTS_DIR,
  launch,
  poll,
  sleep,
  type TestBrowser,
  type TestPage,
} from './support/browser.ts';
import {
  describeFigures,
  readCard,
  readHighlights,
  readPopup,
  readServedText,
  wronglyHighlighted,
  type FigureExpectation,
  type NumberExpectation,
  type PageSnapshot,
} from './support/reading.ts';

/**
 * tests/fixtures/pages/article.html, dated 2022-03-29, against the seed corpus:
 * the mayor of Mariupol's "Nearly 5.000" dead (VOI, 2022-03-29) differs from the page's "About 2,500";
 * "more than 3.8 million" fled abroad, "about 160.000" trapped in Mariupol and Klitschko's 100 dead in Kyiv,
 * four of them children, are the same reports; nothing in the corpus counts buildings destroyed in Kharkiv.
 */
const ARTICLE_FIGURES: readonly FigureExpectation[] = [
  {
    figure: 'more than 3.8 million',
    in: 'driven more than 3.8 million people to flee abroad',
    verdict: 'agrees',
  },
  { figure: 'About 2,500', in: 'About 2,500 people have died in Mariupol', verdict: 'differs' },
  { figure: 'Some 160,000', in: 'Some 160,000 people remain trapped in Mariupol', verdict: 'agrees' },
  { figure: '100', in: 'said 100 people had died in the capital', verdict: 'agrees' },
  { figure: 'four', in: 'including four children', verdict: 'agrees' },
  {
    figure: '1,143',
    in: 'In Kharkiv, 1,143 residential buildings have been destroyed',
    verdict: 'no-reports',
  },
  // The UN's own earlier counts (780 and 1,252 on March 18) are another date's: context, not agreement.
  { figure: '1,179', in: 'confirmed 1,179 civilian deaths', verdict: 'other-dates' },
  { figure: '1,860', in: '1,860 civilian injuries', verdict: 'other-dates' },
];

/** Numbers on article.html that are not figures, and numbers a reader typed into the comment form. */
const ARTICLE_NOT_FIGURES: readonly NumberExpectation[] = [
  { number: '2022', in: 'March 29, 2022' },
  { number: '29', in: 'March 29, 2022' },
  { number: '14:05', in: 'Updated 14:05 GMT' },
  { number: '5', in: '5 min read' },
  { number: '1.2K', in: 'Share 1.2K' },
  { number: '348', in: 'Tweet 348' },
  { number: '86', in: '86 comments' },
  { number: 'two', in: 'in more than two weeks' },
  { number: '34th', in: 'the 34th day of the invasion' },
  { number: '24', in: 'began on February 24' },
  { number: '27', in: 'in Mariupol on March 27' },
  { number: '62', in: 'A 62-year-old resident' },
  { number: '1987', in: 'since 1987' },
  { number: '24', in: 'in the past 24 hours' },
  { number: '44 million', in: "Ukraine's 44 million people" },
  { number: '2014', in: 'Crimea in 2014' },
  { number: '7946', in: '+44 20 7946 0321' },
  { number: '900', in: 'I read that 900 people were evacuated from Sumy today.' },
  { number: '350', in: 'My neighbour says 350 people fled the village.' },
  { number: '48213', in: 'window.pageViews = 48213' },
  { number: '2022', in: '© 2022 The Meridian Ledger' },
];

const DIFFERING = ARTICLE_FIGURES.find((f) => f.verdict === 'differs')!;
/** CSS cannot select by text, so a test first tags the highlight it means (markTarget) and uses this. */
const TARGET = 'fc-mark[data-e2e-target]';

describe.each(BROWSERS)('Figure Check in %s', (browserName) => {
  let server: FixtureServer;
  let browser: TestBrowser;
  let article: TestPage;

  beforeAll(async () => {
    await mkdir(RESULTS_DIR, { recursive: true });
    server = await serveFixtures();
    browser = await launch(browserName); // afterAll closes both, whatever fails here
    article = await browser.newPage();
  });

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await server?.close();
    }
  });

  const articleUrl = (): string => `${server.url}article.html`;

  /** Waits until every expected figure is highlighted with its verdict; fails showing what differs if not. */
  async function settledHighlights(
    page: TestPage,
    expected: readonly FigureExpectation[],
  ): Promise<PageSnapshot> {
    const want = expected.map((e) => `${e.figure} → ${e.verdict ?? 'highlighted'}`);
    const snapshot = await poll(
      () => page.evaluate(readHighlights, null),
      (s) => JSON.stringify(describeFigures(s, expected)) === JSON.stringify(want),
    );
    expect(describeFigures(snapshot, expected), `highlights on ${page.url()}`).toEqual(want);
    return snapshot;
  }

  /** Undoes the site switch whatever happened, so one failure does not turn the later tests off too. */
  async function enableEverySite(): Promise<void> {
    const page = await browser.newPage();
    try {
      await page.goto(`${browser.extensionBase}popup.html`);
      await page.evaluate(async () => {
        // The extension API of an extension page: `browser` in Firefox, `chrome` in Chromium.
        type Storage = { storage: { local: { remove(key: string): Promise<void> } } };
        const scope = globalThis as unknown as { browser?: Storage; chrome?: Storage };
        await (scope.browser ?? scope.chrome)?.storage.local.remove('disabledSites');
      }, null);
    } finally {
      await page.close();
    }
  }

  async function markTarget(page: TestPage, figure: string): Promise<void> {
    const found = await page.evaluate((text) => {
      for (const m of document.querySelectorAll('[data-e2e-target]')) m.removeAttribute('data-e2e-target');
      const mark = [...document.querySelectorAll('fc-mark')].find((m) => m.textContent === text);
      mark?.setAttribute('data-e2e-target', '');
      return mark !== undefined;
    }, figure);
    expect(found, `a highlight reading "${figure}"`).toBe(true);
  }

  test('highlights the figures of a news article with their verdicts, and nothing else', async () => {
    await article.goto(articleUrl());
    const snapshot = await settledHighlights(article, ARTICLE_FIGURES);
    expect(wronglyHighlighted(snapshot, ARTICLE_NOT_FIGURES)).toEqual([]);
    for (const mark of snapshot.marks) {
      expect(mark, `highlight ${JSON.stringify(mark.text)}`).toMatchObject({
        hasClass: true,
        tabIndex: 0,
        inExcluded: false,
      });
      expect(['agrees', 'differs', 'outdated', 'other-dates', 'no-reports']).toContain(mark.verdict);
    }
    // Highlighting wraps text; it never changes it, nor what a reader typed into the form.
    expect(snapshot.text).toBe(await article.evaluate(readServedText, null));
    expect(
      await article.evaluate(() => (document.querySelector('#guess') as HTMLInputElement).value, null),
    ).toBe('7,000 people');
  });

  test('hovering a figure that differs shows the other reports; leaving closes the card', async () => {
    await article.goto(articleUrl());
    await settledHighlights(article, [DIFFERING]);
    await markTarget(article, DIFFERING.figure);
    await article.hover(TARGET);

    const card = await poll(
      () => article.evaluate(readCard, null),
      (c) => c.visible,
      5_000,
    );
    // The artifact shows the card as a reader sees it, once its fade-in is over.
    await poll(
      () => article.evaluate(readCard, null),
      (c) => c.settled,
      2_000,
    );
    await article.screenshot(path.join(RESULTS_DIR, `${browserName}-hover-card.png`));
    expect(card, 'a visible [role=dialog] in the open shadow root of <figure-check-card>').toMatchObject({
      dialog: true,
      visible: true,
    });
    expect(card.label).toContain('2,500');
    expect(card.verdict).toMatch(/differ/i);
    // The one other report of people killed in Mariupol: the mayor's figure in VOI on 2022-03-29.
    const mayor = card.reports.find((r) => r.includes('5.000'));
    expect(mayor, `a report of "Nearly 5.000" among ${JSON.stringify(card.reports)}`).toBeDefined();
    expect(mayor).toContain('VOI (Jakarta)');
    expect(mayor).toContain('2022-03-29');
    expect(mayor).toMatch(/mayor/i);
    expect(mayor).toContain('in the port city of Mariupol amid heavy Russian bombardment');

    await article.moveMouse(5, 5);
    const closed = await poll(
      () => article.evaluate(readCard, null),
      (c) => !c.visible,
      5_000,
    );
    expect(closed.visible, 'card closed after the mouse left').toBe(false);
  });

  test('reaching a figure with the Tab key opens the card and Escape closes it', async () => {
    await article.goto(articleUrl());
    await settledHighlights(article, [DIFFERING]);
    await markTarget(article, DIFFERING.figure);
    await article.bringToFront();
    // From the top of the page, as a keyboard user: highlights are in the tab order (tabindex=0).
    let focused = false;
    for (let presses = 0; presses < 30 && !focused; presses++) {
      await article.press('Tab');
      focused = await article.evaluate(
        () => document.activeElement?.matches('fc-mark[data-e2e-target]') ?? false,
        null,
      );
    }
    expect(focused, `"${DIFFERING.figure}" reached with the Tab key`).toBe(true);
    const open = await poll(
      () => article.evaluate(readCard, null),
      (c) => c.visible,
      5_000,
    );
    expect(open.visible, 'card open on focus').toBe(true);
    expect(open.label).toContain('2,500');
    await article.press('Escape');
    const closed = await poll(
      () => article.evaluate(readCard, null),
      (c) => !c.visible,
      5_000,
    );
    expect(closed.visible, 'card closed on Escape').toBe(false);
  });

  test('the popup lists the figures of the page, grouped by what they count, with verdicts', async () => {
    await article.goto(articleUrl());
    await settledHighlights(article, [DIFFERING]);
    const popup = await browser.openPopup(article);
    try {
      await popup.setViewport(420, 800);
      const shown = await poll(
        () => popup.evaluate(readPopup, null),
        (p) => p.groups.length > 0,
      );
      await popup.bringToFront();
      await popup.screenshot(path.join(RESULTS_DIR, `${browserName}-popup.png`));
      expect(shown.status, 'a [data-testid=status] line').not.toBeNull();
      expect(shown.empty).toBeNull();
      for (const group of shown.groups) expect(group.heading, 'each group names what it counts').not.toBe('');

      const listed = shown.groups.flatMap((g) => g.figures.map((f) => ({ ...f, heading: g.heading })));
      const find = (figure: string) => listed.find((f) => f.text.includes(figure));
      // Every highlight on the page is listed, with the same verdict, and nothing else is.
      const page = await article.evaluate(readHighlights, null);
      for (const mark of page.marks) {
        expect(find(mark.text), `"${mark.text}" listed in the popup`).toMatchObject({
          verdict: mark.verdict,
        });
      }
      expect(listed.length, 'figures listed').toBe(page.marks.length);
      const differing = find(DIFFERING.figure)!;
      expect(differing.verdict).toBe('differs');
      expect(differing.heading).toMatch(/killed|died|dead|death/i);
      expect(differing.reports.some((r) => r.includes('5.000') && r.includes('VOI (Jakarta)'))).toBe(true);
      expect(find('1,143')?.heading).toMatch(/buildings/i);
      expect(find('1,143')?.heading).not.toBe(differing.heading);
      expect(shown.toggle).toEqual({ checked: true, disabled: false, label: 'Figure Check on this site' });
    } finally {
      await popup.close();
    }
  });

  test('the site switch turns highlighting off and on, and is remembered after a reload', async () => {
    try {
      await article.goto(articleUrl());
      await settledHighlights(article, [DIFFERING]);
      const served = await article.evaluate(readServedText, null);
      const marks = async () => (await article.evaluate(readHighlights, null)).marks.length;
      const highlighted = await marks();

      let popup = await browser.openPopup(article);
      try {
        await poll(
          () => popup.evaluate(readPopup, null),
          (p) => p.toggle?.disabled === false,
        );
        await popup.click('input#site-enabled');
        expect(await poll(marks, (n) => n === 0, 5_000), 'highlights removed at once').toBe(0);
        expect((await article.evaluate(readHighlights, null)).text, 'page text restored').toBe(served);
      } finally {
        await popup.close();
      }

      await article.reload();
      await sleep(2_000); // long enough for the content script to have highlighted, were it on
      expect(await marks(), 'still off after a reload').toBe(0);

      popup = await browser.openPopup(article);
      try {
        const off = await poll(
          () => popup.evaluate(readPopup, null),
          (p) => p.toggle?.disabled === false,
        );
        expect(off.toggle?.checked, 'the popup remembers the site is off').toBe(false);
        await popup.click('input#site-enabled');
        expect(await poll(marks, (n) => n === highlighted), 'highlights back without a reload').toBe(
          highlighted,
        );
      } finally {
        await popup.close();
      }

      await article.reload();
      await settledHighlights(article, [DIFFERING]);
      expect(await poll(marks, (n) => n === highlighted), 'and after a reload').toBe(highlighted);
    } finally {
      await enableEverySite();
    }
  });

  test('a page whose numbers are all dates, times, years, ordinals and furniture gets no highlight', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}no-figures.html`);
      // Wait for the article page's figures first, so "nothing" below means the content script has run.
      await article.goto(articleUrl());
      await settledHighlights(article, [DIFFERING]);
      await page.reload();
      await sleep(1_500);
      expect((await page.evaluate(readHighlights, null)).marks.map((m) => m.text)).toEqual([]);

      const popup = await browser.openPopup(page);
      try {
        const shown = await poll(
          () => popup.evaluate(readPopup, null),
          (p) => p.empty !== null || p.groups.length > 0,
        );
        expect(shown.groups).toEqual([]);
        expect(shown.empty, 'the popup says there is nothing to check').not.toBeNull();
      } finally {
        await popup.close();
      }
    } finally {
      await page.close();
    }
  });

  test('the demo page shows a figure of each of the five verdicts', async () => {
    const demo = await browser.newPage();
    try {
      await demo.goto(`${server.url}demo.html`);
      await settledHighlights(demo, DEMO_FIGURES);
    } finally {
      await demo.close();
    }
  });

  test('no page or extension page reported an error', () => {
    expect(browser.problems).toEqual([]);
  });
});

/** tests/fixtures/pages/demo.html (npm start): one figure of each verdict, read off the page. */
const DEMO_FIGURES: readonly FigureExpectation[] = [
  {
    figure: 'more than 3.8 million',
    in: 'driven more than 3.8 million people to flee abroad',
    verdict: 'agrees',
  },
  { figure: 'Nearly 5,000', in: 'Nearly 5,000 people have died in Mariupol', verdict: 'agrees' },
  { figure: '264', in: 'said 264 people had died in the capital', verdict: 'differs' },
  // The UN's 249 of March 2 had been replaced by its 780 of March 18 before this page's date.
  { figure: '249', in: 'the count of 249 civilians killed', verdict: 'outdated' },
  // The UN's 780 was eleven days earlier: growth of a running total is context.
  { figure: '1,179', in: 'confirmed that 1,179 civilians have been killed', verdict: 'other-dates' },
  {
    figure: '1,143',
    in: 'In Kharkiv, 1,143 residential buildings have been destroyed',
    verdict: 'no-reports',
  },
];
