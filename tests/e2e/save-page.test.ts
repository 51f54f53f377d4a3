/**
 * Saving the page the reader is on, in real Chromium and real Firefox with the built extension: from a
 * fresh install, the reader opens two articles about the same earthquake, saves the first from the popup
 * (no typing), and the second's figure is compared with it in the hover card; saving it again keeps one
 * copy; removing it takes the comparison away. The hover card's "Save this page to my library" opens the
 * popup saving its page, and a page that is not an article is refused with a reason.
 * Needs `npm run build` (or build:chrome / build:firefox) first.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { format } from 'date-fns';
import { serveFixtures, type FixtureServer } from '../../scripts/serve.ts';
import { BROWSERS, RESULTS_DIR, launch, poll, type TestBrowser, type TestPage } from './support/browser.ts';
import { accessibilityViolations } from './support/axe.ts';
import { readCard } from './support/reading.ts';

const FIRST_TITLE = 'Earthquake in western Afghanistan kills more than 2,000';
/** The figure on save-second.html that the first page's claims are about. */
const FIGURE = '2,053';

interface SaveSnapshot {
  saveButton: { text: string; disabled: boolean } | null;
  saved: string;
  message: string;
  reviewOpen: boolean;
  heading: string;
  source: string;
  date: string;
  note: string;
  claims: string[];
}

/** What the popup's save section shows. */
function readSave(): SaveSnapshot {
  const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const shown = (el: HTMLElement | null) => (el && !el.hidden ? squash(el.textContent) : '');
  const button = document.querySelector<HTMLButtonElement>('[data-testid="save-page"]');
  const saved = document.querySelector<HTMLElement>('[data-testid="saved"]');
  const review = document.querySelector<HTMLElement>('[data-testid="save-review"]');
  return {
    saveButton: button ? { text: squash(button.textContent), disabled: button.disabled } : null,
    saved: saved?.parentElement?.hidden ? '' : squash(saved?.textContent),
    message: shown(document.querySelector('[data-testid="save-message"]')),
    reviewOpen: review !== null && !review.hidden,
    heading: squash(review?.querySelector('h2')?.textContent),
    source: squash(document.querySelector('[data-testid="save-source"]')?.textContent),
    date: document.querySelector<HTMLInputElement>('#save-date')?.value ?? '',
    note: squash(document.querySelector('[data-testid="save-note"]')?.textContent),
    claims: [...document.querySelectorAll('[data-testid="save-claim"] .claim-text')].map((c) =>
      squash(c.textContent),
    ),
  };
}

function readVerdict(text: string): string | null {
  const mark = [...document.querySelectorAll('fc-mark')].find((m) => m.textContent === text);
  return mark?.getAttribute('data-fc-verdict') ?? null;
}

function click(selector: string): boolean {
  const el = document.querySelector<HTMLElement>(selector);
  el?.click();
  return el !== null;
}

describe.each(BROWSERS)('Saving the page in %s', (browserName) => {
  let server: FixtureServer;
  let browser: TestBrowser;
  let first: TestPage;
  let second: TestPage;
  let popup: TestPage;
  const today = format(new Date(), 'yyyy-MM-dd');

  beforeAll(async () => {
    await mkdir(RESULTS_DIR, { recursive: true });
    server = await serveFixtures();
    browser = await launch(browserName); // afterAll closes both, whatever fails here
    first = await browser.newPage();
    await first.goto(`${server.url}save-first.html`);
    second = await browser.newPage();
    await second.goto(`${server.url}save-second.html`);
  });

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await server?.close();
    }
  });

  async function verdictOnSecond(until: (v: string | null) => boolean): Promise<string | null> {
    // The reader looks at the page: browsers hold back frames (and so highlight writes) in hidden tabs.
    await second.bringToFront();
    const verdict = await poll(() => second.evaluate(readVerdict, FIGURE), until);
    expect(until(verdict), `verdict of "${FIGURE}" on the second page: ${verdict}`).toBe(true);
    return verdict;
  }

  async function hoverFigure(page: TestPage, text: string) {
    await page.bringToFront();
    await page.moveMouse(2, 2);
    await page.evaluate((t) => {
      for (const m of document.querySelectorAll('[data-e2e-target]')) m.removeAttribute('data-e2e-target');
      [...document.querySelectorAll('fc-mark')]
        .find((m) => m.textContent === t)
        ?.setAttribute('data-e2e-target', '');
    }, text);
    await page.hover('fc-mark[data-e2e-target]');
    return poll(
      () => page.evaluate(readCard, null),
      (c) => c.visible,
      5_000,
    );
  }

  async function saveState(until: (s: SaveSnapshot) => boolean): Promise<SaveSnapshot> {
    const state = await poll(() => popup.evaluate(readSave, null), until);
    expect(until(state), `the popup's save section: ${JSON.stringify(state)}`).toBe(true);
    return state;
  }

  /** The reader's own documents, as the options page lists them. */
  async function ownDocuments(): Promise<string[]> {
    const options = await browser.newPage();
    await options.goto(`${browser.extensionBase}options.html`);
    const own = await poll(
      () =>
        options.evaluate(
          () =>
            document.querySelector('[data-testid="status"]')?.textContent?.includes('claims from')
              ? [...document.querySelectorAll('[data-testid="own-documents"] [data-testid="document"]')].map(
                  (li) =>
                    (li.querySelector('.document-title')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
                )
              : null,
          null,
        ),
      (list) => list !== null,
    );
    await options.close();
    return own ?? [];
  }

  test('the reader saves the first article from the popup, and the second is compared with it', async () => {
    expect(await verdictOnSecond((v) => v === 'no-reports')).toBe('no-reports');
    await first.bringToFront();
    popup = await browser.openPopup(first);
    const before = await saveState((s) => s.saveButton?.disabled === false);
    expect(before.saveButton?.text).toBe('Save this page to my library');
    expect(before.saved).toBe('');

    expect(await popup.evaluate(click, '[data-testid="save-page"]')).toBe(true);
    const review = await saveState((s) => s.reviewOpen && s.claims.length > 0);
    expect(review).toMatchObject({
      heading: `2 claims found in “${FIRST_TITLE}”`,
      source: `The Harbour Courier · ${server.url}save-first.html`,
      date: '2023-10-08',
    });
    // The article's figures, not the related list's (1,700) nor the comments' (4,000).
    expect(review.claims).toEqual(['more than 2,000', 'At least 2,053']);
    await popup.screenshot(path.join(RESULTS_DIR, `${browserName}-save-review.png`));
    expect(await accessibilityViolations(popup)).toEqual([]);

    await popup.evaluate(click, '[data-testid="save-confirm"]');
    const saved = await saveState((s) => s.message.startsWith('✓'));
    expect(saved.message).toBe(`✓ Saved “${FIRST_TITLE}” with 2 claims. Open pages compare with them now.`);
    expect((await saveState((s) => s.saved !== '')).saved).toBe(`Saved on ${today}: “${FIRST_TITLE}”.`);

    // The second page, open all along, compares again; nothing was reloaded.
    await verdictOnSecond((v) => v === 'agrees');
    const card = await hoverFigure(second, FIGURE);
    const mine = card.reports.find((r) => r.includes('The Harbour Courier'));
    expect(mine, `a report of the first page among ${JSON.stringify(card.reports)}`).toBeDefined();
    expect(mine).toContain('more than 2,000');
    expect(mine).toContain('2023-10-08');
    expect(mine).toContain('your document');
    await second.screenshot(path.join(RESULTS_DIR, `${browserName}-save-card.png`));
  });

  test('saving the same page again replaces it: one copy', async () => {
    expect(await popup.evaluate(click, '[data-testid="save-page"]')).toBe(true);
    const review = await saveState((s) => s.reviewOpen && s.claims.length > 0);
    expect(review.note).toContain(`Saving replaces your earlier copy (“${FIRST_TITLE}”, 2023-10-08).`);
    await popup.evaluate(click, '[data-testid="save-confirm"]');
    const saved = await saveState((s) => s.message.startsWith('✓'));
    expect(saved.message).toBe(
      `✓ Saved “${FIRST_TITLE}” with 2 claims, in place of the earlier copy. Open pages compare with them now.`,
    );
    expect(saved.saveButton?.text).toBe('Save this page again');
    expect(await ownDocuments()).toEqual([`${FIRST_TITLE} Your document`]);
    await verdictOnSecond((v) => v === 'agrees');
  });

  test('find anything: the claim browser highlights the words searched for, the document page every claim', async () => {
    const options = await browser.newPage();
    await options.goto(`${browser.extensionBase}options.html?q=herat%202053`);
    const found = await poll(
      () =>
        options.evaluate(() => {
          const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
          return [...document.querySelectorAll('[data-testid="claim"]')].map((li) => ({
            text: squash(li.querySelector('.claim-text')?.textContent),
            hits: [...li.querySelectorAll('mark.search-hit')].map((m) => squash(m.textContent)),
            link: li.querySelector('[data-testid="show-in-document"]')?.getAttribute('href') ?? '',
          }));
        }, null),
      (claims) => claims.length > 0 && claims.every((c) => c.hits.length > 0),
    );
    expect(found.map((c) => c.text)).toEqual(['At least 2,053']);
    expect(found[0]!.hits).toEqual(expect.arrayContaining(['2,053', 'Herat']));
    await options.screenshot(path.join(RESULTS_DIR, `${browserName}-save-search.png`));

    await options.goto(`${browser.extensionBase}${found[0]!.link}`);
    const marked = await poll(
      () =>
        options.evaluate(() => {
          const text = document.querySelector('[data-testid="text"]');
          return {
            claims: [...(text?.querySelectorAll('.claim') ?? [])].map((m) => m.textContent ?? ''),
            selected: text?.querySelector('mark[data-testid="highlight"]')?.textContent ?? '',
          };
        }, null),
      (m) => m.selected !== '',
    );
    expect(marked).toEqual({ claims: ['more than 2,000', 'At least 2,053'], selected: 'At least 2,053' });
    await options.close();
  });

  test('removing it from the popup takes the comparison away', async () => {
    expect(await popup.evaluate(click, '[data-testid="remove-page"]')).toBe(true);
    const removed = await saveState((s) => s.message.startsWith('✓ Removed'));
    expect(removed.message).toBe(`✓ Removed “${FIRST_TITLE}” and its 2 claims from your library.`);
    expect(removed.saved).toBe('');
    expect(removed.saveButton?.text).toBe('Save this page to my library');
    await verdictOnSecond((v) => v === 'no-reports');
    const card = await hoverFigure(second, FIGURE);
    expect(card.reports.some((r) => r.includes('The Harbour Courier'))).toBe(false);
    expect(await ownDocuments()).toEqual([]);
    await popup.close();
  });

  test('the hover card’s “Save this page to my library” opens the popup saving that page', async () => {
    await hoverFigure(first, 'At least 2,053');
    const clicked = await first.evaluate(() => {
      const button = document
        .querySelector('figure-check-card')
        ?.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="save-page"]');
      button?.click();
      return button?.textContent ?? null;
    }, null);
    expect(clicked).toBe('Save this page to my library');
    // Extension pages see each other: find the popup the background opened, and read its review.
    const options = await browser.newPage();
    await options.goto(`${browser.extensionBase}options.html`);
    const opened = await poll(
      () =>
        options.evaluate(() => {
          type Views = { extension: { getViews(o: { type: string }): Window[] } };
          const scope = globalThis as unknown as { browser?: Views; chrome?: Views };
          const api = scope.browser ?? scope.chrome;
          const view = api?.extension
            .getViews({ type: 'tab' })
            .find((w) => w.location.pathname.endsWith('/popup.html') && w.location.search.includes('save=1'));
          if (!view) return null;
          return {
            search: view.location.search,
            heading: view.document.querySelector('[data-testid="save-review"] h2')?.textContent ?? '',
          };
        }, null),
      (v) => v !== null && v.heading.includes('claims found'),
    );
    expect(opened?.search).toMatch(/^\?tab=\d+&save=1$/);
    expect(opened?.heading).toBe(`2 claims found in “${FIRST_TITLE}”`);
    await options.close();
  });

  test('a page that is not an article is refused, and nothing is saved', async () => {
    const search = await browser.newPage();
    await search.goto(`${server.url}search.html?q=earthquake`);
    await search.bringToFront();
    popup = await browser.openPopup(search);
    await saveState((s) => s.saveButton?.disabled === false);
    await popup.evaluate(click, '[data-testid="save-page"]');
    const refused = await saveState((s) => s.message.startsWith('⚠'));
    expect(refused.message).toBe(
      '⚠ This is a page of search results, not an article: open the article itself to save it.',
    );
    expect(refused.reviewOpen).toBe(false);
    expect(await ownDocuments()).toEqual([]);
    await popup.close();
    await search.close();
  });

  test('nothing went wrong on any page or extension page', () => {
    expect(browser.problems).toEqual([]);
  });
});
