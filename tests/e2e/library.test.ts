/**
 * The reader's library in real Chromium and real Firefox, with the built extension: a reader adds a
 * document through the options page; its claims reach the hover card of a news page already open in
 * another tab (no reload of page or extension); the popup and the document page show it as theirs; the
 * database exported, the document removed, the export imported again gives the same result.
 * Needs `npm run build` (or build:chrome / build:firefox) first; `npm test` does that.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveFixtures, type FixtureServer } from '../../scripts/serve.ts';
import { BROWSERS, RESULTS_DIR, launch, poll, type TestBrowser, type TestPage } from './support/browser.ts';
import { readCard, readPopup } from './support/reading.ts';

/** What the reader adds: a report of buildings destroyed in Kharkiv, which no bundled document counts. */
const DOCUMENT = {
  text: [
    'Kharkiv Daily',
    'Regional officials said 1,200 residential buildings had been destroyed in Kharkiv.',
    'Repair crews restored heating in the northern districts.',
  ].join('\n\n'),
  publisher: 'Kharkiv Daily',
  title: 'Kharkiv counts its ruins',
  date: '2022-03-30',
  url: 'https://kharkiv.example/ruins',
};
/** The figure on tests/fixtures/pages/library.html the document reports on. */
const FIGURE = '1,143';

interface LibrarySnapshot {
  status: string;
  claims: string[];
  own: string[];
}

/** In the options page: the status line, every claim listed (origin:id) and the reader's documents. */
function readLibrary(): LibrarySnapshot {
  const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  return {
    status: squash(document.querySelector('[data-testid="status"]')?.textContent),
    claims: [...document.querySelectorAll<HTMLElement>('[data-testid="claim"]')]
      .map((li) => `${li.dataset.origin}:${li.dataset.claimId}`)
      .sort(),
    own: [...document.querySelectorAll('[data-testid="own-documents"] [data-testid="document"]')].map((li) =>
      squash(li.querySelector('.document-title')?.textContent),
    ),
  };
}

/** The message a section shows (empty while hidden). */
function readMessage(testId: string): string {
  const el = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  return el && !el.hidden ? (el.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
}

/** The verdict of the highlight reading `text`, or null while there is none. */
function readVerdict(text: string): string | null {
  const mark = [...document.querySelectorAll('fc-mark')].find((m) => m.textContent === text);
  return mark?.getAttribute('data-fc-verdict') ?? null;
}

describe.each(BROWSERS)('The reader’s library in %s', (browserName) => {
  let server: FixtureServer;
  let browser: TestBrowser;
  let news: TestPage;
  let library: TestPage;
  /** The first export, as the reader saved it. */
  let exported = '';
  let before: LibrarySnapshot;

  beforeAll(async () => {
    await mkdir(RESULTS_DIR, { recursive: true });
    server = await serveFixtures();
    browser = await launch(browserName); // afterAll closes both, whatever fails here
    news = await browser.newPage();
    await news.goto(`${server.url}library.html`);
    library = await browser.newPage();
    await library.goto(`${browser.extensionBase}options.html`);
  });

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await server?.close();
    }
  });

  async function verdictOnNews(until: (v: string | null) => boolean): Promise<string | null> {
    // The reader looks at the page: browsers hold back frames (and so highlight writes) in hidden tabs.
    await news.bringToFront();
    const verdict = await poll(() => news.evaluate(readVerdict, FIGURE), until);
    expect(until(verdict), `verdict of "${FIGURE}" on the news page: ${verdict}`).toBe(true);
    return verdict;
  }

  async function hoverFigure() {
    await news.bringToFront();
    await news.moveMouse(2, 2);
    await news.evaluate((text) => {
      for (const m of document.querySelectorAll('[data-e2e-target]')) m.removeAttribute('data-e2e-target');
      [...document.querySelectorAll('fc-mark')]
        .find((m) => m.textContent === text)
        ?.setAttribute('data-e2e-target', '');
    }, FIGURE);
    await news.hover('fc-mark[data-e2e-target]');
    return poll(
      () => news.evaluate(readCard, null),
      (c) => c.visible,
      5_000,
    );
  }

  /** Clicks in the options page, brought to the front as a reader would (hidden tabs get few frames). */
  async function clickInLibrary(selector: string): Promise<void> {
    await library.bringToFront();
    await library.click(selector);
  }

  async function libraryState(until: (s: LibrarySnapshot) => boolean): Promise<LibrarySnapshot> {
    const state = await poll(() => library.evaluate(readLibrary, null), until);
    expect(until(state), `the library page: ${JSON.stringify(state)}`).toBe(true);
    return state;
  }

  async function message(testId: string, pattern: RegExp): Promise<string> {
    const text = await poll(
      () => library.evaluate(readMessage, testId),
      (m) => pattern.test(m),
    );
    expect(text).toMatch(pattern);
    return text;
  }

  /** Exports the database from the options page and reads the file the reader was offered. */
  async function exportDatabase(): Promise<string> {
    const previous = await library.evaluate(
      () => document.querySelector<HTMLAnchorElement>('[data-testid="transfer-message"] a')?.href ?? '',
      null,
    );
    await clickInLibrary('#export-json');
    const href = await poll(
      () =>
        library.evaluate(
          () => document.querySelector<HTMLAnchorElement>('[data-testid="transfer-message"] a')?.href ?? '',
          null,
        ),
      (h) => h.startsWith('blob:') && h !== previous,
    );
    return library.evaluate(async (url) => (await fetch(url)).text(), href);
  }

  test('a document added on the options page reaches the hover card of a page open in another tab', async () => {
    expect(await verdictOnNews((v) => v === 'no-reports')).toBe('no-reports');
    before = await libraryState((s) => s.claims.length > 0);
    expect(before.own).toEqual([]);

    await library.evaluate((doc) => {
      const set = (selector: string, value: string) => {
        const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      };
      set('#doc-text', doc.text);
      set('#doc-publisher', doc.publisher);
      set('#doc-title', doc.title);
      set('#doc-date', doc.date);
      set('#doc-url', doc.url);
    }, DOCUMENT);
    await clickInLibrary('#preview');
    const review = await poll(
      () =>
        library.evaluate(
          () =>
            [...document.querySelectorAll('[data-testid="review-claim"] .claim-text')].map(
              (el) => el.textContent,
            ),
          null,
        ),
      (claims) => claims.length > 0,
    );
    expect(review).toContain('1,200');
    await clickInLibrary('#save');
    await message('add-message', /^✓ Saved “Kharkiv counts its ruins” with \d+ claims?\./);
    const added = await libraryState((s) => s.own.length === 1);
    expect(added.own).toEqual(['Kharkiv counts its ruins Your document']);
    expect(added.claims.length).toBeGreaterThan(before.claims.length);

    // The page open all along compares again; nothing was reloaded.
    await verdictOnNews((v) => v !== null && v !== 'no-reports');
    const card = await hoverFigure();
    const mine = card.reports.find((r) => r.includes('1,200'));
    expect(mine, `a report of 1,200 among ${JSON.stringify(card.reports)}`).toBeDefined();
    expect(mine).toContain('Kharkiv Daily');
    expect(mine).toContain('2022-03-30');
    expect(mine).toContain('your document');
    expect(mine).toContain(
      'Regional officials said 1,200 residential buildings had been destroyed in Kharkiv.',
    );
    await news.screenshot(path.join(RESULTS_DIR, `${browserName}-library-card.png`));
    await library.screenshot(path.join(RESULTS_DIR, `${browserName}-library-options.png`));
  });

  test('the popup marks the report as the reader’s, and the document page shows it in context', async () => {
    const popup = await browser.openPopup(news);
    const snapshot = await poll(
      () => popup.evaluate(readPopup, null),
      (p) => p.groups.some((g) => g.figures.some((f) => f.reports.some((r) => r.includes('your document')))),
    );
    const reports = snapshot.groups.flatMap((g) => g.figures.flatMap((f) => f.reports));
    expect(reports.find((r) => r.includes('1,200'))).toContain('your document');
    const links = await popup.evaluate(
      () => ({
        library: document.querySelector('[data-testid="browse-all"]')?.getAttribute('href') ?? null,
        document: [...document.querySelectorAll('[data-testid="report"]')]
          .find((r) => r.textContent?.includes('1,200'))
          ?.querySelector('[data-testid="show-in-document"]')
          ?.getAttribute('href'),
      }),
      null,
    );
    expect(links.library).toBe('options.html');
    expect(links.document).toMatch(/^document\.html\?id=reader-2022-03-30-[0-9a-f]{12}&claim=/);
    await popup.close();

    const page = await browser.newPage();
    await page.goto(`${browser.extensionBase}${links.document}`);
    const shown = await poll(
      () =>
        page.evaluate(() => {
          const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
          const mark = document.querySelector('[data-testid="highlight"]');
          return {
            title: squash(document.querySelector('[data-testid="title"]')?.textContent),
            meta: squash(document.querySelector('[data-testid="meta"]')?.textContent),
            highlight: squash(mark?.textContent),
            focused: document.activeElement === mark,
            inView: mark ? mark.getBoundingClientRect().top < innerHeight : false,
            paragraphs: [...document.querySelectorAll('[data-testid="text"] p')].map((p) =>
              squash(p.textContent),
            ),
          };
        }, null),
      (s) => s.highlight !== '',
    );
    expect(shown).toMatchObject({
      title: 'Kharkiv counts its ruins',
      highlight: '1,200',
      focused: true,
      inView: true,
      paragraphs: DOCUMENT.text.split('\n\n'),
    });
    expect(shown.meta).toMatch(
      /^Kharkiv Daily · 2022-03-30 · https:\/\/kharkiv\.example\/ruins · \d+ claims? · Your document$/,
    );
    await page.screenshot(path.join(RESULTS_DIR, `${browserName}-library-document.png`));
    await page.close();
  });

  test('the card’s “Show in the document” opens the document page at the claim, in a new tab', async () => {
    const card = await hoverFigure();
    expect(card.visible).toBe(true);
    const clicked = await news.evaluate(() => {
      const host = document.querySelector('figure-check-card');
      const report = [...(host?.shadowRoot?.querySelectorAll('[data-testid="report"]') ?? [])].find((r) =>
        r.textContent?.includes('1,200'),
      );
      const button = report?.querySelector<HTMLButtonElement>('[data-testid="show-in-document"]');
      button?.click();
      return button?.textContent ?? null;
    }, null);
    expect(clicked).toBe('Show in the document');
    // Extension pages see each other: find the document page the background opened, and read it.
    const opened = await poll(
      () =>
        library.evaluate(() => {
          type Views = { extension: { getViews(o: { type: string }): Window[] } };
          const scope = globalThis as unknown as { browser?: Views; chrome?: Views };
          const api = scope.browser ?? scope.chrome;
          const view = api?.extension
            .getViews({ type: 'tab' })
            .find((w) => w.location.pathname.endsWith('/document.html'));
          const mark = view?.document.querySelector('[data-testid="highlight"]');
          return view ? { search: view.location.search, highlight: mark?.textContent ?? null } : null;
        }, null),
      (v) => v !== null && v.highlight !== null,
    );
    expect(opened?.highlight).toBe('1,200');
    expect(opened?.search).toMatch(/^\?id=reader-2022-03-30-[0-9a-f]{12}&claim=/);
  });

  test('export, remove, import: the same library and the same comparison as before', async () => {
    const added = await libraryState((s) => s.own.length === 1);
    const cardBefore = await hoverFigure();
    exported = await exportDatabase();
    const file = JSON.parse(exported) as {
      format: string;
      claims: { id: string; document: { origin?: string } }[];
      documents: { id: string; origin?: string; text?: string | null }[];
    };
    expect(file.format).toBe('figure-check-library');
    expect(file.claims.map((c) => `${c.document.origin}:${c.id}`).sort()).toEqual(added.claims);
    expect(file.documents.find((d) => d.origin === 'reader')?.text).toBe(DOCUMENT.text);
    expect(file.documents.filter((d) => d.origin === 'bundled').every((d) => (d.text ?? '').length > 0)).toBe(
      true,
    );

    await clickInLibrary('[data-testid="own-documents"] [data-testid="remove"]');
    await clickInLibrary('[data-testid="confirm-remove"]');
    await message('documents-message', /^✓ Removed “Kharkiv counts its ruins” and its \d+ claims?\.$/);
    expect((await libraryState((s) => s.own.length === 0)).claims).toEqual(before.claims);
    await verdictOnNews((v) => v === 'no-reports');

    await library.evaluate((content) => {
      const input = document.querySelector<HTMLInputElement>('#import-file')!;
      const files = new DataTransfer();
      files.items.add(new File([content], 'figure-check-library.json', { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, exported);
    await message(
      'transfer-message',
      /^✓ Imported 1 document of yours with \d+ claims? from figure-check-library\.json\./,
    );
    expect((await libraryState((s) => s.own.length === 1)).claims).toEqual(added.claims);
    await verdictOnNews((v) => v !== null && v !== 'no-reports');
    const cardAfter = await hoverFigure();
    expect(cardAfter.verdict).toBe(cardBefore.verdict);
    expect(cardAfter.reports).toEqual(cardBefore.reports);

    // A second export matches the first but for when it was made.
    const again = JSON.parse(await exportDatabase()) as Record<string, unknown>;
    const withoutTime = ({ exportedAt: _t, ...rest }: Record<string, unknown>) => rest;
    expect(withoutTime(again)).toEqual(withoutTime(file as unknown as Record<string, unknown>));
  });

  test('a malformed export is refused with what and where, and nothing changes', async () => {
    const state = await libraryState((s) => s.own.length === 1);
    const broken = JSON.parse(exported) as { claims: { metric: string }[] };
    broken.claims[0]!.metric = 'deaths';
    await library.evaluate((content) => {
      const input = document.querySelector<HTMLInputElement>('#import-file')!;
      const files = new DataTransfer();
      files.items.add(new File([content], 'edited.json', { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, JSON.stringify(broken));
    await message('transfer-message', /^⚠ edited\.json: Nothing was imported: claims\[0\]\.metric: /);
    expect(await library.evaluate(readLibrary, null)).toEqual(state);
  });

  test('nothing went wrong on any page or extension page', () => {
    expect(browser.problems).toEqual([]);
  });
});
