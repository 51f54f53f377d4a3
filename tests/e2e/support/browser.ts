/**
 * One small interface over the two browser drivers, so every end-to-end test runs unchanged in real
 * Chromium (playwright-core, CDP) and real Firefox (puppeteer-core, WebDriver BiDi). docs/testing.md lists
 * the drivers' quirks.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const OUTPUT_DIRS: Record<BrowserName, string> = {
  chromium: path.join(ROOT, '.output/chrome-mv3'),
  firefox: path.join(ROOT, '.output/firefox-mv2'),
};
export const EXECUTABLES: Record<BrowserName, string> = {
  chromium: process.env.FIGURE_CHECK_CHROMIUM ?? '/usr/bin/chromium',
  firefox: process.env.FIGURE_CHECK_FIREFOX ?? '/usr/lib/firefox-esr/firefox-esr',
};
/** Screenshots and other artifacts (gitignored). */
export const RESULTS_DIR = path.join(ROOT, 'test-results');

/** Fails with what to do when the built extension or the browser is missing. */
export function requireBuiltExtension(name: BrowserName): string {
  const dir = OUTPUT_DIRS[name];
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    const build = name === 'chromium' ? 'npm run build:chrome' : 'npm run build:firefox';
    throw new Error(
      `The built extension is missing: ${path.relative(ROOT, dir)}/manifest.json does not exist. ` +
        `Run npm run build first (or ${build} for this browser only).`,
    );
  }
  if (!existsSync(EXECUTABLES[name])) {
    const pkg = name === 'chromium' ? 'chromium' : 'firefox-esr';
    throw new Error(
      `${name} is not installed at ${EXECUTABLES[name]}: run apt-get install -y ${pkg} ` +
        `(or set FIGURE_CHECK_${name.toUpperCase()} to its path).`,
    );
  }
  return dir;
}

/** A serialisable function run inside a page. Keep such functions self-contained: no outer names. */
export type PageFunction<A, R> = (arg: A) => R | Promise<R>;

export interface TestPage {
  readonly url: () => string;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  evaluate<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R>;
  /**
   * Runs a script's source in the page, as the drivers evaluate it (not as a page <script>, so an
   * extension page's Content-Security-Policy does not stop it): for libraries such as axe-core.
   */
  evaluateScript(source: string): Promise<void>;
  hover(selector: string): Promise<void>;
  /** Moves the mouse to a point of the viewport. */
  moveMouse(x: number, y: number): Promise<void>;
  click(selector: string): Promise<void>;
  press(key: string): Promise<void>;
  bringToFront(): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  screenshot(file: string): Promise<void>;
  /**
   * CPU time (ms) used so far by what runs this page: its renderer's main thread in Chromium (CDP
   * Performance.getMetrics ThreadTime), all of the browser's content processes in Firefox (/proc, Linux).
   * CPU time, not wall time, so other load on the machine does not count; compare two readings.
   */
  cpuTime(): Promise<number>;
  close(): Promise<void>;
}

export interface TestBrowser {
  readonly name: BrowserName;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  readonly extensionBase: string;
  newPage(): Promise<TestPage>;
  /**
   * Opens popup.html in a new tab of the same window, behind `forPage`: the popup asks the browser for the
   * active tab, and that must stay the page under test, as when a person clicks the toolbar button.
   */
  openPopup(forPage: TestPage): Promise<TestPage>;
  /** Errors from pages and extension pages: uncaught exceptions and console errors, with their URL. */
  readonly problems: string[];
  /**
   * Calls `listener` for every request from now on: `url` requested, `by` the URL of the document or
   * worker that made it. Chromium: every page, frame and service worker of the browser (the extension's
   * background included). Firefox: every tab opened by `newPage` (web and extension pages); BiDi shows no
   * requests of the extension's background page.
   */
  onRequest(listener: (request: { url: string; by: string }) => void): void;
  close(): Promise<void>;
}

export type ColorScheme = 'light' | 'dark';

export interface LaunchOptions {
  /**
   * What `prefers-color-scheme` says in every page and extension page. Firefox over BiDi cannot emulate
   * media features per page, so this is fixed for the browser's life (a preference in Firefox).
   */
  colorScheme?: ColorScheme;
}

export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<TestBrowser> {
  if (name === 'chromium') return (await import('./chromium.ts')).launchChromium(options);
  return (await import('./firefox.ts')).launchFirefox(options);
}

/** Polls `read` until `done` holds or the time is up; returns the last value either way. */
export async function poll<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await sleep(150);
    value = await read();
  }
  return value;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
