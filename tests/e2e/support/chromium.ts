/**
 * Real Chromium with the built extension (.output/chrome-mv3) loaded unpacked, driven by playwright-core.
 * Playwright's own browser download does not work offline: always the system Chromium (docs/testing.md).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OFFLINE_CHROMIUM_FLAGS } from '../../../scripts/chromium-flags.ts';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import {
  EXECUTABLES,
  requireBuiltExtension,
  type LaunchOptions,
  type PageFunction,
  type TestBrowser,
  type TestPage,
} from './browser.ts';

export async function launchChromium(options: LaunchOptions = {}): Promise<TestBrowser> {
  const extension = requireBuiltExtension('chromium');
  const profile = await mkdtemp(path.join(tmpdir(), 'fc-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: EXECUTABLES.chromium,
      headless: true,
      viewport: { width: 1200, height: 800 },
      colorScheme: options.colorScheme ?? 'light',
      args: [
        `--disable-extensions-except=${extension}`,
        `--load-extension=${extension}`,
        '--no-sandbox',
        '--disable-gpu',
        ...OFFLINE_CHROMIUM_FLAGS,
      ],
    });
    const worker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    const extensionBase = `chrome-extension://${new URL(worker.url()).host}/`;
    const browser = new ChromiumBrowser(context, profile, extensionBase);
    // The background's own errors count too (the service worker has no page).
    worker.on('console', (message) => {
      if (message.type() === 'error')
        browser.problems.push(`${worker.url()}: console.error ${message.text()}`);
    });
    return browser;
  } catch (error) {
    await context?.close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

class ChromiumBrowser implements TestBrowser {
  readonly name = 'chromium';
  readonly problems: string[] = [];

  constructor(
    private readonly context: BrowserContext,
    private readonly profile: string,
    readonly extensionBase: string,
  ) {
    for (const page of context.pages()) this.watch(page);
    context.on('page', (page) => this.watch(page));
  }

  private watch(page: Page): void {
    page.on('pageerror', (error) =>
      this.problems.push(`${page.url()}: uncaught ${error.stack ?? error.message}`),
    );
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(`${page.url()}: console.error ${message.text()}`);
      // The content script's own word that something failed on a web page (it never throws into the page).
      else if (
        message.type() === 'warning' &&
        /^https?:/.test(page.url()) &&
        message.text().startsWith('Figure Check:')
      )
        this.problems.push(`${page.url()}: console.warn ${message.text()}`);
    });
  }

  onRequest(listener: (request: { url: string; by: string }) => void): void {
    this.context.on('request', (request) => {
      let by = request.serviceWorker()?.url() ?? '';
      if (!by) {
        try {
          by = request.frame().url();
        } catch {
          by = '(unknown)';
        }
      }
      listener({ url: request.url(), by });
    });
  }

  async newPage(): Promise<TestPage> {
    // The persistent context opens with one blank tab: use it first so no stray tab stays active.
    const blank = this.context.pages().find((p) => p.url() === 'about:blank' && !used.has(p));
    const page = blank ?? (await this.context.newPage());
    used.add(page);
    return wrap(page, this.context);
  }

  async openPopup(forPage: TestPage): Promise<TestPage> {
    const popup = await this.newPage();
    await forPage.bringToFront();
    await popup.goto(`${this.extensionBase}popup.html`);
    return popup;
  }

  async close(): Promise<void> {
    try {
      await this.context.close();
    } finally {
      await rm(this.profile, { recursive: true, force: true });
    }
  }
}

const used = new WeakSet<Page>();

function wrap(page: Page, context: BrowserContext): TestPage {
  let cdp: Promise<CDPSession> | null = null;
  return {
    url: () => page.url(),
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    reload: async () => {
      await page.reload({ waitUntil: 'load' });
    },
    // Arguments and results cross as JSON; the drivers' richer handle types are not used here.
    evaluate: <A, R>(fn: PageFunction<A, R>, arg: A) =>
      page.evaluate(fn as (arg: unknown) => R, arg as unknown),
    evaluateScript: async (source) => {
      // A string is evaluated as an expression over CDP, outside the page's CSP; `void` discards its value.
      await page.evaluate(`void (() => {\n${source}\n})()`);
    },
    hover: (selector) => page.hover(selector, { timeout: 10_000 }),
    moveMouse: (x, y) => page.mouse.move(x, y),
    click: (selector) => page.click(selector, { timeout: 10_000 }),
    press: (key) => page.keyboard.press(key),
    bringToFront: () => page.bringToFront(),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    screenshot: async (file) => {
      await page.screenshot({ path: file });
    },
    cpuTime: async () => {
      cdp ??= context.newCDPSession(page).then(async (session) => {
        await session.send('Performance.enable', { timeDomain: 'threadTicks' });
        return session;
      });
      const { metrics } = await (await cdp).send('Performance.getMetrics');
      const thread = metrics.find((m) => m.name === 'ThreadTime');
      if (!thread) throw new Error('Chromium reported no ThreadTime metric');
      return thread.value * 1000;
    },
    close: () => page.close(),
  };
}
