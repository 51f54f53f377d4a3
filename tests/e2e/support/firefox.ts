/**
 * Real Firefox ESR with the built extension (.output/firefox-mv2) installed as a temporary add-on, driven by
 * puppeteer-core over WebDriver BiDi (no geckodriver). Opening an extension page needs
 * -remote-allow-system-access and a navigation puppeteer never sees finish (`navigateUnseen`;
 * docs/testing.md).
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  EXECUTABLES,
  requireBuiltExtension,
  type LaunchOptions,
  type PageFunction,
  type TestBrowser,
  type TestPage,
} from './browser.ts';

/** Fixed so extension pages have a known URL: moz-extension://<uuid>/popup.html. */
const EXTENSION_UUID = '5b2f1c3e-7a4d-4e8f-9b6a-0c1d2e3f4a5b';

/** Firefox's own network features off (the machine has no network and the tests must not wait on it). */
const QUIET_PREFS: Record<string, unknown> = {
  'app.update.enabled': false,
  'app.update.auto': false,
  'app.normandy.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.search.update': false,
  'browser.newtabpage.enabled': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.blocklist.enabled': false,
};

export async function launchFirefox(options: LaunchOptions = {}): Promise<TestBrowser> {
  const extension = requireBuiltExtension('firefox');
  const manifest = JSON.parse(await readFile(path.join(extension, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${extension}/manifest.json has no browser_specific_settings.gecko.id`);
  // Files the extension offers to save (the library's exports) land here, not in the user's ~/Downloads.
  const downloads = await mkdtemp(path.join(tmpdir(), 'fc-firefox-downloads-'));
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath: EXECUTABLES.firefox,
      headless: true,
      // Lets the BiDi session reach moz-extension:// pages (the popup).
      args: ['-remote-allow-system-access'],
      defaultViewport: { width: 1200, height: 800 },
      extraPrefsFirefox: {
        ...QUIET_PREFS,
        // prefers-color-scheme for web content and extension pages: 0 dark, 1 light.
        'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
        'ui.systemUsesDarkTheme': options.colorScheme === 'dark' ? 1 : 0,
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
        'browser.download.folderList': 2,
        'browser.download.dir': downloads,
        'browser.download.useDownloadDir': true,
      },
    })
    .catch(async (error: unknown) => {
      await rm(downloads, { recursive: true, force: true });
      throw error;
    });
  try {
    await browser.installExtension(extension);
    return new FirefoxBrowser(browser, `moz-extension://${EXTENSION_UUID}/`, downloads);
  } catch (error) {
    await browser.close().catch(() => {});
    await rm(downloads, { recursive: true, force: true });
    throw error;
  }
}

class FirefoxBrowser implements TestBrowser {
  readonly name = 'firefox';
  readonly problems: string[] = [];
  private readonly requestListeners: ((request: { url: string; by: string }) => void)[] = [];

  constructor(
    private readonly browser: Browser,
    readonly extensionBase: string,
    private readonly downloads: string,
  ) {}

  private watch(page: Page): void {
    page.on('pageerror', (error) => {
      const e = error as Error;
      this.problems.push(`${page.url()}: uncaught ${e.stack ?? e.message ?? String(error)}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(`${page.url()}: console.error ${message.text()}`);
      // The content script's own word that something failed on a web page (it never throws into the page).
      else if (
        message.type() === 'warn' &&
        /^https?:/.test(page.url()) &&
        message.text().startsWith('Figure Check:')
      )
        this.problems.push(`${page.url()}: console.warn ${message.text()}`);
    });
    page.on('request', (request) => {
      const by = request.frame()?.url() ?? page.url();
      for (const listener of this.requestListeners) listener({ url: request.url(), by });
    });
  }

  onRequest(listener: (request: { url: string; by: string }) => void): void {
    this.requestListeners.push(listener);
  }

  async newPage(): Promise<TestPage> {
    // Always a new tab: the tab Firefox starts with never gets focus events under BiDi (keyboard tests).
    const page = await this.browser.newPage();
    this.watch(page);
    return wrap(page, () => contentProcessCpu(this.browser.process()?.pid));
  }

  async openPopup(forPage: TestPage): Promise<TestPage> {
    const popup = await this.newPage();
    await forPage.bringToFront();
    await popup.goto(`${this.extensionBase}popup.html`);
    return popup;
  }

  async close(): Promise<void> {
    try {
      await this.browser.close();
    } finally {
      await rm(this.downloads, { recursive: true, force: true });
    }
  }
}

function wrap(page: Page, cpuTime: () => Promise<number>): TestPage {
  return {
    url: () => page.url(),
    goto: async (url) => {
      if (url.startsWith('moz-extension:')) await navigateUnseen(page, () => page.goto(url), url);
      else await page.goto(url, { waitUntil: 'load' });
    },
    reload: async () => {
      const url = page.url();
      if (url.startsWith('moz-extension:')) await navigateUnseen(page, () => page.reload(), url);
      else await page.reload({ waitUntil: 'load' });
    },
    // Arguments and results cross as JSON; the drivers' richer handle types are not used here.
    evaluate: <A, R>(fn: PageFunction<A, R>, arg: A) =>
      page.evaluate(fn as (arg: unknown) => R, arg as unknown) as Promise<R>,
    evaluateScript: async (source) => {
      // Evaluated over BiDi, outside the page's CSP; `void` discards its value.
      await page.evaluate(`void (() => {\n${source}\n})()`);
    },
    hover: (selector) => page.hover(selector),
    moveMouse: (x, y) => page.mouse.move(x, y),
    click: (selector) => page.click(selector),
    press: async (key) => {
      // Key names are the same in both drivers ("Escape", "Tab").
      await page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]);
    },
    bringToFront: () => page.bringToFront(),
    setViewport: (width, height) => page.setViewport({ width, height }),
    screenshot: async (file) => {
      await page.screenshot({ path: file as `${string}.png` });
    },
    cpuTime,
    close: () => page.close(),
  };
}

/**
 * CPU time (ms) of every content process of the Firefox started as `pid` (pages, frames and the
 * extension's own process), from /proc: there is no per-tab CPU figure over BiDi.
 */
async function contentProcessCpu(pid: number | undefined): Promise<number> {
  if (pid === undefined) throw new Error('no Firefox process to measure');
  const ticks = 100; // USER_HZ on Linux
  const stats = new Map<number, { parent: number; cpu: number }>();
  await Promise.all(
    (await readdir('/proc'))
      .filter((name) => /^\d+$/.test(name))
      .map(async (name) => {
        try {
          const stat = await readFile(`/proc/${name}/stat`, 'utf8');
          // Fields after the command name (which may hold spaces): state ppid … utime(14) stime(15).
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          stats.set(Number(name), {
            parent: Number(fields[1]),
            cpu: ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks,
          });
        } catch {
          // The process ended while we looked.
        }
      }),
  );
  const descends = (p: number): boolean => {
    for (let cur = stats.get(p)?.parent; cur !== undefined && cur > 1; cur = stats.get(cur)?.parent)
      if (cur === pid) return true;
    return false;
  };
  let total = 0;
  for (const [p, s] of stats) {
    if (!descends(p)) continue;
    const cmdline = await readFile(`/proc/${p}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes('-contentproc')) total += s.cpu;
  }
  return total;
}
/**
 * puppeteer never sees a navigation to an extension page finish: start it, then wait until a
 * new document (one without the old document's marker) has loaded at the URL.
 */
async function navigateUnseen(page: Page, navigate: () => Promise<unknown>, url: string): Promise<void> {
  await page
    .evaluate(() => {
      (window as unknown as { __fcOld?: boolean }).__fcOld = true;
    })
    .catch(() => {});
  navigate().catch(() => {});
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await page.waitForFunction(
        (href) =>
          location.href === href &&
          document.readyState === 'complete' &&
          !(window as unknown as { __fcOld?: boolean }).__fcOld,
        { timeout: Math.max(1, deadline - Date.now()) },
        url,
      );
      return;
    } catch (error) {
      // A check that lands while the old document goes away fails inside Firefox's BiDi ("Waiting failed",
      // a ProtocolError); that is the navigation under way, not its end: check again until the deadline.
      if ((error as Error).name === 'TimeoutError' || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
