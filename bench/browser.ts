/**
 * The in-browser half of the benchmark: real Chromium (Debian's, via playwright-core) with the built
 * extension (.output/chrome-mv3) in one profile and without it in another. Every page is loaded in three
 * modes, interleaved so a machine that gets busier or quieter affects them alike:
 *   - none: the page alone (what the others are compared with);
 *   - extension: the page with Figure Check;
 *   - baseline: the page with the naive highlighter (mark.js markRegExp(/\d+/g)) injected into it.
 * Each load is traced (bench/trace.ts) until the page's main thread goes quiet.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { OFFLINE_CHROMIUM_FLAGS } from '../scripts/chromium-flags.ts';
import { analyseMainThread, frameTask, Tracer, type MainThread, type TaskSummary } from './trace.ts';
import { FIGURES_FOUND, POPUP_HOOK, READ_PAGE, READ_TIMING, baselineScript, hookScript } from './probes.ts';

export type Mode = 'none' | 'extension' | 'baseline';
export const MODES: readonly Mode[] = ['none', 'extension', 'baseline'];

export const VIEWPORT = { width: 1200, height: 800 };

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', ...OFFLINE_CHROMIUM_FLAGS];

export interface Browsers {
  withExtension: BrowserContext;
  plain: BrowserContext;
  /**
   * The extension with an empty content script (same manifest, same CSS): what Chromium's injection of any
   * content script costs a page load, the floor under the extension's own share.
   */
  emptyScript: BrowserContext | null;
  extensionBase: string;
  /** An extension page kept open to ask content scripts what they found (the popup's own request). */
  probe: Page;
  markJs: string;
  close(): Promise<void>;
}

export async function launchBrowsers(options: {
  extensionDir: string;
  /** A copy of the extension whose content script does nothing (see `Browsers.emptyScript`). */
  emptyScriptDir?: string;
  executablePath: string;
  markJsPath: string;
}): Promise<Browsers> {
  const profiles: string[] = [];
  const profile = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fc-bench-'));
    profiles.push(dir);
    return dir;
  };
  const launch = async (args: string[]) =>
    chromium.launchPersistentContext(await profile(), {
      executablePath: options.executablePath,
      headless: true,
      viewport: VIEWPORT,
      args: [...CHROMIUM_ARGS, ...args],
    });
  const contexts: BrowserContext[] = [];
  const closeAll = async () => {
    for (const c of contexts) await c.close().catch(() => {});
    for (const d of profiles) await rm(d, { recursive: true, force: true });
  };
  try {
    const withExtension = await launch([
      `--disable-extensions-except=${options.extensionDir}`,
      `--load-extension=${options.extensionDir}`,
    ]);
    contexts.push(withExtension);
    const plain = await launch(['--disable-extensions']);
    contexts.push(plain);
    const emptyScript = options.emptyScriptDir
      ? await launch([
          `--disable-extensions-except=${options.emptyScriptDir}`,
          `--load-extension=${options.emptyScriptDir}`,
        ])
      : null;
    if (emptyScript) contexts.push(emptyScript);
    const worker =
      withExtension.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await withExtension.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionBase = `chrome-extension://${new URL(worker.url()).host}/`;
    // The persistent context's first blank tab becomes the probe; tab=0 names no tab, so it shows nothing.
    const probe = withExtension.pages()[0] ?? (await withExtension.newPage());
    await probe.goto(`${extensionBase}popup.html?tab=0`);
    const markJs = await readFile(options.markJsPath, 'utf8');
    return { withExtension, plain, emptyScript, extensionBase, probe, markJs, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

export interface PageRun {
  mode: Mode;
  /** The main thread stayed busy until the time limit: the numbers cover only that long. */
  settled: boolean;
  wallMs: number;
  dcl: number;
  load: number;
  /** From DOMContentLoaded to the first highlight inside the viewport, and to the last highlight, ms. */
  firstInViewMs: number | null;
  lastMarkMs: number | null;
  /** Highlight elements in the page, and distinct figures they mark (extension). */
  marks: number;
  figuresMarked: number;
  /** Figures the content script found (its answer to the popup), highlighted or not yet. */
  figuresFound: number | null;
  /** Long tasks seen by the page's PerformanceObserver (ms), longest first. */
  longtasks: number[];
  main: MainThread;
  /** V8 heap of the page's isolate (page world and the content script's isolated world) after GC. */
  heap: { jsUsed: number; embedderUsed: number | null };
  live: {
    appended: number;
    withFigure: number;
    missed: number;
    latencies: number[];
  } | null;
  elements: number;
}

interface Settle {
  quietMs: number;
  maxMs: number;
  /** Do not stop before this long after DOMContentLoaded (the live page keeps adding entries). */
  minMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
}

/**
 * Waits until the page's main thread is quiet: less than 3% busy (TaskDuration, CDP Performance) over
 * `quietMs`. The extension works in idle time, so it is done when the page is quiet.
 */
async function waitQuiet(cdp: CDPSession, s: Settle): Promise<boolean> {
  const start = Date.now();
  const samples: { at: number; task: number }[] = [];
  for (;;) {
    await sleep(200);
    const now = Date.now();
    samples.push({ at: now, task: await taskSeconds(cdp) });
    const since = samples.find((x) => x.at >= now - s.quietMs);
    if (now - start >= s.minMs && since && now - samples[0]!.at >= s.quietMs) {
      const busy = (samples[samples.length - 1]!.task - since.task) * 1000;
      if (busy < 0.03 * (now - since.at)) return true;
    }
    if (now - start >= s.maxMs) return false;
  }
}

/** Loads `url` in `mode`, traces it until quiet, and reads what happened. */
export async function runPage(browsers: Browsers, url: string, mode: Mode, settle: Settle): Promise<PageRun> {
  const context = mode === 'extension' ? browsers.withExtension : browsers.plain;
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: hookScript(mode === 'baseline' ? 'MARK' : 'FC-MARK') });
    if (mode === 'baseline') await page.addInitScript({ content: baselineScript(browsers.markJs) });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const tracer = new Tracer(cdp);
    await tracer.start();
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    const settled = await waitQuiet(cdp, settle);
    const wallMs = Date.now() - t0;
    const seen = (await page.evaluate(READ_PAGE)) as {
      dcl: number;
      load: number;
      firstMark: number | null;
      firstInView: number | null;
      lastMark: number | null;
      marks: number;
      figuresMarked: number;
      longtasks: [number, number][];
      live: PageRun['live'] & { done: number | null };
      elements: number;
    };
    let figuresFound: number | null = null;
    if (mode === 'extension') {
      const r = (await browsers.probe.evaluate(FIGURES_FOUND)) as { found: number | null };
      figuresFound = r.found;
    }
    const events = await tracer.stop();
    const main = analyseMainThread(events, url);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as {
      usedSize: number;
      embedderHeapUsedSize?: number;
    };
    await cdp.detach();
    const since = (t: number | null) => (t === null ? null : Math.max(0, t - seen.dcl));
    return {
      mode,
      settled,
      wallMs,
      dcl: seen.dcl,
      load: seen.load,
      firstInViewMs: since(seen.firstInView),
      lastMarkMs: since(seen.lastMark),
      marks: seen.marks,
      figuresMarked: mode === 'extension' ? seen.figuresMarked : seen.marks,
      figuresFound,
      longtasks: seen.longtasks.map(([, d]) => Math.round(d)).sort((a, b) => b - a),
      main,
      heap: { jsUsed: heap.usedSize, embedderUsed: heap.embedderHeapUsedSize ?? null },
      live: seen.live
        ? {
            appended: seen.live.appended,
            withFigure: seen.live.withFigure,
            missed: seen.live.missed,
            latencies: seen.live.latencies.map((x) => Math.round(x * 10) / 10),
          }
        : null,
      elements: seen.elements,
    };
  } finally {
    await page.close();
  }
}

/**
 * What one small write costs the page itself, without the extension: once the page is quiet, a page script
 * wraps one word in each of the first five paragraphs in a <mark>, in one animation frame, and that frame's
 * task (the browser's style, layout and paint after the write) is measured. No highlighter writes into the
 * page for less: the floor under the extension's longest task on pages whose layout is expensive.
 */
export async function measurePageWrite(
  browsers: Browsers,
  url: string,
  settle: Settle,
): Promise<TaskSummary | null> {
  const page = await browsers.plain.newPage();
  try {
    const cdp = await browsers.plain.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await waitQuiet(cdp, settle);
    const tracer = new Tracer(cdp);
    await tracer.start();
    await page.evaluate(WRITE_FIVE_WORDS);
    const task = frameTask(await tracer.stop());
    await cdp.detach();
    return task;
  } finally {
    await page.close();
  }
}

/**
 * Wraps the first word of each of the first five paragraphs with text in a <mark>. The words are found
 * first; the frame holds only the writes, so it measures what writing costs the page, not the search.
 */
const WRITE_FIVE_WORDS = `(() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const texts = [];
  for (let n = walker.nextNode(); n && texts.length < 5; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (parent && /^(P|LI|TD)$/.test(parent.tagName) && /\\S{3}/.test(n.data)) texts.push(n);
  }
  return new Promise((done) => requestAnimationFrame(() => {
    for (const t of texts) {
      const word = t.splitText(t.data.search(/\\S/));
      word.splitText(Math.max(1, word.data.search(/\\s|$/)));
      const mark = document.createElement('mark');
      word.replaceWith(mark);
      mark.append(word);
    }
    setTimeout(done, 300);
  }));
})()`;

/** Load timing alone (no trace, no probe): navigation start to the end of the load event, ms. */
export async function loadTime(
  browsers: Browsers,
  url: string,
  mode: 'none' | 'extension' | 'empty-script',
): Promise<number> {
  const context = {
    none: browsers.plain,
    extension: browsers.withExtension,
    'empty-script': browsers.emptyScript,
  }[mode];
  if (!context)
    throw new Error(`bench: no browser for "${mode}" loads (launchBrowsers without emptyScriptDir)`);
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const t = (await page.evaluate(READ_TIMING)) as { load: number };
    return t.load;
  } finally {
    await page.close();
  }
}

export interface PopupRun {
  /** From opening popup.html to the first figure item, and to the whole list, ms. */
  firstMs: number;
  listMs: number;
  items: number;
  found: number | null;
}

/**
 * Opens the page, waits until the content script has found its figures, then opens the popup for that tab
 * (popup.html?tab=<id>, in a tab of its own: headless Chromium has no toolbar) `repeats` times.
 */
export async function runPopup(
  browsers: Browsers,
  url: string,
  repeats: number,
  settle: Settle,
): Promise<PopupRun[]> {
  const page = await browsers.withExtension.newPage();
  const runs: PopupRun[] = [];
  try {
    const cdp = await browsers.withExtension.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await waitQuiet(cdp, settle);
    await cdp.detach();
    const { tab, found } = (await browsers.probe.evaluate(FIGURES_FOUND)) as {
      tab: number;
      found: number | null;
    };
    for (let i = 0; i < repeats; i++) {
      const popup = await browsers.withExtension.newPage();
      try {
        await popup.addInitScript({ content: POPUP_HOOK });
        await popup.goto(`${browsers.extensionBase}popup.html?tab=${tab}`, { waitUntil: 'load' });
        const want = found ?? 1;
        // Functions, not strings: the popup's CSP forbids eval, which string predicates need.
        await popup.waitForFunction(
          (n) => {
            const hook = (window as unknown as { __fcPopup?: { count: number } }).__fcPopup;
            return (
              (hook !== undefined && hook.count >= n) || !!document.querySelector('[data-testid="empty"]')
            );
          },
          want,
          { timeout: 30_000, polling: 50 },
        );
        await sleep(300);
        const p = await popup.evaluate(
          () =>
            (window as unknown as { __fcPopup: { first: number; last: number; count: number } }).__fcPopup,
        );
        runs.push({ firstMs: p.first, listMs: p.last, items: p.count, found });
      } finally {
        await popup.close();
      }
    }
  } finally {
    await page.close();
  }
  return runs;
}
