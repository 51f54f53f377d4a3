/**
 * No network, no injection, with the built extension in real Chromium and real Firefox.
 *
 * A browsing session — news pages and hostile pages, the hover card, the popup, the options page and the
 * document page — while every request is recorded. Every request must be one a page made itself to the
 * fixture server (127.0.0.1, or localhost for the cross-origin frame), or the extension loading its own
 * files (chrome-extension:// / moz-extension://); nothing from the extension may reach the network.
 * Chromium reports the requests of every page, frame and service worker (the background included);
 * Firefox over BiDi reports those of web pages (content script included) but not of extension pages or
 * the background page.
 *
 * In the same session the reader adds a document whose title, publisher and text hold
 * `<img src=x onerror=…>` and `<script>`: the hover card, the popup, the options page and the document
 * page show them as text, and none of them runs.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveFixtures, type FixtureServer } from '../../scripts/serve.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BROWSERS, OUTPUT_DIRS, launch, poll, type TestBrowser, type TestPage } from './support/browser.ts';
import { readCard, readPopup } from './support/reading.ts';

/** A reader's document about the figure on library.html (1,143 buildings destroyed in Kharkiv). */
const HOSTILE = {
  title:
    'Kharkiv <img src=x onerror="window.__pwned=\'title\'"> report</title><script>window.__pwned=2</script>',
  publisher: 'Wire <b onmouseover="window.__pwned=3">bold</b>',
  date: '2022-03-30',
  url: '',
  text: [
    'Kharkiv Daily',
    'Officials said <script>window.__pwned="text"</script> 1,200 residential buildings had been destroyed in Kharkiv <img src=x onerror="window.__pwned=\'img\'">.',
  ].join('\n\n'),
  exclude: [],
};
const FIGURE = '1,143';

/** In any page: markup that must never come from text, and whether a payload ran. */
function readInjection(): { elements: string[]; pwned: unknown } {
  const found: string[] = [];
  const scan = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll(
      'img, iframe, object, embed, script:not([src]), [onerror], [onload], [onmouseover]',
    ))
      found.push(el.localName);
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) scan(el.shadowRoot);
  };
  scan(document);
  return { elements: found, pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null };
}

/** In an extension page: sends one protocol message to the background, as the options page does. */
async function sendToBackground(message: { type: string; payload: unknown }): Promise<unknown> {
  type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
  const scope = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
  return (scope.browser ?? scope.chrome)!.runtime.sendMessage({ channel: 'figure-check', ...message });
}

/** The files a build lets web pages load (`/card.js`), from its manifest (MV3 objects or MV2 strings). */
function webAccessibleFiles(dir: string): Set<string> {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    web_accessible_resources?: (string | { resources: string[] })[];
  };
  const files = (manifest.web_accessible_resources ?? []).flatMap((e) =>
    typeof e === 'string' ? [e] : e.resources,
  );
  return new Set(files.map((f) => (f.startsWith('/') ? f : `/${f}`)));
}

describe.each(BROWSERS)('no network and no injection in %s', (browserName) => {
  const webAccessible = webAccessibleFiles(OUTPUT_DIRS[browserName]);
  let server: FixtureServer;
  let browser: TestBrowser;
  const requests: { url: string; by: string }[] = [];

  beforeAll(async () => {
    server = await serveFixtures();
    browser = await launch(browserName); // afterAll closes both, whatever fails here
    browser.onRequest((r) => requests.push(r));
  });

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await server?.close();
    }
  });

  /** Why a request is not allowed, or null when it is. */
  function disallowed(r: { url: string; by: string }): string | null {
    const url = new URL(r.url);
    const fixtureServer =
      url.protocol === 'http:' &&
      (url.hostname === '127.0.0.1' || url.hostname === 'localhost') &&
      url.port === String(server.port);
    // The built manifest's web-accessible files (card.js), which the content script loads from a page: Chrome
    // serves them under a random id per session (use_dynamic_url), not the extension's own.
    const ownWebAccessible =
      (url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:') &&
      webAccessible.has(url.pathname);
    const extensionOwnFile = r.url.startsWith(browser.extensionBase) || ownWebAccessible;
    const byExtension = r.by.startsWith(browser.extensionBase) || r.by === '(unknown)';
    if (extensionOwnFile) return null;
    if (url.protocol === 'data:' || url.protocol === 'about:' || url.protocol === 'blob:') return null;
    if (fixtureServer && !byExtension) return null;
    return `${r.url} requested by ${r.by}`;
  }

  let news: TestPage;
  let documentId = '';

  test('a document with markup in its title and text is added as text', async () => {
    let options = await browser.newPage();
    try {
      await options.goto(`${browser.extensionBase}options.html`);
      const reply = (await options.evaluate(sendToBackground, {
        type: 'documents:add',
        payload: HOSTILE,
      })) as { ok: boolean; value?: { document: { id: string; title: string } }; error?: string };
      expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
      documentId = reply.value!.document.id;
      expect(reply.value!.document.title).toBe(HOSTILE.title);
      await options.close();
      options = await browser.newPage();
      await options.goto(`${browser.extensionBase}options.html`);
      const shown = await poll(
        () => options.evaluate((title) => (document.body.textContent ?? '').includes(title), HOSTILE.title),
        (found) => found,
      );
      expect(shown, 'the options page lists the title as written').toBe(true);
      expect(await options.evaluate(readInjection, null)).toEqual({ elements: [], pwned: null });
    } finally {
      await options.close();
    }
  });

  test('the hover card shows the document’s title and quote as text', async () => {
    news = await browser.newPage();
    await news.goto(`${server.url}library.html`);
    const found = await poll(
      () =>
        news.evaluate((text) => {
          const mark = [...document.querySelectorAll('fc-mark')].find((m) => m.textContent === text);
          mark?.setAttribute('data-e2e-target', '');
          return mark?.getAttribute('data-fc-verdict') ?? null;
        }, FIGURE),
      (verdict) => verdict !== null && verdict !== 'no-reports',
    );
    expect(found, `"${FIGURE}" compared with the reader's document`).not.toBeNull();
    await news.hover('fc-mark[data-e2e-target]');
    const card = await poll(
      () => news.evaluate(readCard, null),
      (c) => c.visible && c.reports.length > 0,
      10_000,
    );
    const report = card.reports.find((r) => r.includes('1,200'));
    expect(report, JSON.stringify(card.reports)).toBeDefined();
    expect(report).toContain('<script>window.__pwned="text"</script>');
    expect(report).toContain('<img src=x onerror="window.__pwned=\'img\'">');
    expect(card.text).toContain('Wire <b onmouseover="window.__pwned=3">bold</b>');
    expect(await news.evaluate(readInjection, null)).toEqual({ elements: [], pwned: null });
  });

  test('the popup lists the report as text', async () => {
    const popup = await browser.openPopup(news);
    try {
      const shown = await poll(
        () => popup.evaluate(readPopup, null),
        (p) => p.groups.some((g) => g.figures.some((f) => f.reports.some((r) => r.includes('1,200')))),
      );
      const reports = shown.groups.flatMap((g) => g.figures.flatMap((f) => f.reports));
      expect(reports.find((r) => r.includes('1,200'))).toContain(
        'Wire <b onmouseover="window.__pwned=3">bold</b>',
      );
      expect(await popup.evaluate(readInjection, null)).toEqual({ elements: [], pwned: null });
    } finally {
      await popup.close();
    }
  });

  test('the document page shows the title and text as written', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${browser.extensionBase}document.html?id=${encodeURIComponent(documentId)}`);
      const text = await poll(
        () => page.evaluate(() => document.body.textContent ?? '', null),
        (t) => t.includes('1,200 residential buildings'),
      );
      expect(text).toContain(HOSTILE.title);
      expect(text).toContain('<script>window.__pwned="text"</script>');
      expect(await page.evaluate(readInjection, null)).toEqual({ elements: [], pwned: null });
    } finally {
      await page.close();
    }
  });

  test('browsing hostile pages makes no request beyond the pages’ own', async () => {
    const page = await browser.newPage();
    try {
      for (const file of [
        'hostile/payloads.html',
        'hostile/frames.html',
        'hostile/csp.html',
        'article.html',
      ]) {
        await page.goto(`${server.url}${file}`);
        await poll(
          () => page.evaluate(() => document.querySelectorAll('fc-mark').length, null),
          (n) => n > 0,
        );
      }
    } finally {
      await page.close();
    }
    // The document removed again, through the background, as the options page would.
    const options = await browser.newPage();
    try {
      await options.goto(`${browser.extensionBase}options.html`);
      expect(
        await options.evaluate(sendToBackground, { type: 'documents:remove', payload: { id: documentId } }),
      ).toMatchObject({ ok: true });
    } finally {
      await options.close();
    }
  });

  test('every request of the session was a page’s own or the extension’s own files', () => {
    // The session did browse and the recording saw it: pages, the cross-origin frame and, in Chromium, the
    // extension pages and the service worker loading the bundled claims.
    expect(requests.some((r) => r.url.startsWith(`${server.url}hostile/payloads.html`))).toBe(true);
    expect(requests.some((r) => r.url.startsWith(`http://localhost:${server.port}/hostile/frame.html`))).toBe(
      true,
    );
    if (browserName === 'chromium') {
      expect(requests.some((r) => r.url.startsWith(`${browser.extensionBase}options.html`))).toBe(true);
      expect(requests.some((r) => r.url.endsWith('/claims.json') && r.by.endsWith('/background.js'))).toBe(
        true,
      );
    }
    expect(requests.filter((r) => disallowed(r) !== null).map((r) => disallowed(r))).toEqual([]);
  });

  test('no page or extension page reported an error', () => {
    expect(browser.problems).toEqual([]);
  });
});
