/**
 * Waiting for the extension to be done with a page, and what a person would check then: that highlights
 * stopped changing, that the page got its idle time back, that no highlight sits where none may go.
 * Shared by the hostile fixture pages and the real saved pages.
 */
import { sleep, type TestBrowser, type TestPage } from './browser.ts';

/**
 * CPU the extension may still use once settled, as a share of one core over SETTLE_MS: measured as CPU
 * time (not wall time) of the page's renderer thread (Chromium) or Firefox's content processes, so other
 * load on the machine does not count. A page that keeps itself busy is first measured with Figure Check
 * off for the site, and that is allowed on top.
 */
export const CPU_ALLOWED = 0.08;
const SETTLE_MS = 1_500;

/** In the page: the text of every highlight, and whether the extension has shown it ran. */
export function readMarks(): { marks: string[]; ran: boolean } {
  const fixture = (window as unknown as { __fixture?: { marksSeen: number } }).__fixture;
  const marks = [...document.querySelectorAll('fc-mark')].map((m) => m.textContent ?? '');
  return { marks, ran: marks.length > 0 || (fixture?.marksSeen ?? 0) > 0 };
}

export interface Settled {
  marks: string[];
  /** CPU share of one core in the last window, and each window's, for the failure message. */
  cpu: number;
  windows: string[];
}

/** Waits until highlights stop changing and the CPU is quiet over a whole window; gives up after 40 s. */
export async function settle(page: TestPage, allowed: number): Promise<Settled> {
  const deadline = Date.now() + 40_000;
  const windows: string[] = [];
  let previous: string[] | null = null;
  for (;;) {
    const cpuBefore = await page.cpuTime();
    const started = Date.now();
    await sleep(SETTLE_MS);
    const cpu = (await page.cpuTime()) - cpuBefore;
    const share = cpu / (Date.now() - started);
    const { marks } = await page.evaluate(readMarks, null);
    windows.push(`${marks.length} marks, CPU ${Math.round(share * 100)}%`);
    const stable = previous !== null && JSON.stringify(previous) === JSON.stringify(marks);
    if ((stable && share <= allowed) || Date.now() > deadline) return { marks, cpu: share, windows };
    previous = marks;
  }
}

/** Sets the list of sites Figure Check is off for, from an extension page (as the popup's switch does). */
export async function setDisabledSites(browser: TestBrowser, sites: string[]): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.goto(`${browser.extensionBase}popup.html`);
    await page.evaluate(async (list) => {
      type Storage = { storage: { local: { set(items: object): Promise<void> } } };
      const scope = globalThis as unknown as { browser?: Storage; chrome?: Storage };
      await (scope.browser ?? scope.chrome)?.storage.local.set({ disabledSites: list });
    }, sites);
  } finally {
    await page.close();
  }
}

/** In the page: highlights inside anything that must never hold one (editable, code, foreign, frames). */
export function marksInExcluded(): string[] {
  const EXCLUDED =
    'input, textarea, select, option, button, [contenteditable]:not([contenteditable="false"]), script, style, ' +
    'noscript, template, code, pre, kbd, samp, svg, math, iframe, head, title';
  return [...document.querySelectorAll('fc-mark')]
    .filter((m) => m.parentElement?.closest(EXCLUDED))
    .map((m) => `${m.textContent} in <${m.parentElement?.closest(EXCLUDED)?.localName}>`);
}
