/**
 * The benchmark in Firefox ESR (puppeteer-core over WebDriver BiDi, as the end-to-end tests drive it): the
 * same pages, in the same modes (page alone, with the extension, with the naive highlighter), and loads
 * with an empty content script for the floor.
 *
 * What can be measured differs from Chromium, and the report says so:
 * - time: BiDi has no trace and no per-thread CPU figure, so it is the CPU time of all of the browser's
 *   content processes from /proc (as tests/e2e/support/firefox.ts measures it): the page's process AND the
 *   extension's (where Firefox runs the background, which reads the figures), so "added" overstates what the
 *   page's own main thread pays;
 * - memory: the memory reporter (about:memory) is not reachable over BiDi, so it is the resident memory
 *   (VmRSS) of the content processes once the page is quiet: the page's process and the extension's, heap
 *   and everything else. Compare modes, not with Chromium's JS heap;
 * - first highlight and load times come from the page itself, as in Chromium.
 */
import { readFile, readdir, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { READ_PAGE, READ_TIMING, baselineScript, hookScript } from './probes.ts';

export type FirefoxMode = 'none' | 'extension' | 'baseline';

export interface FirefoxRun {
  mode: FirefoxMode;
  settled: boolean;
  firstInViewMs: number | null;
  marks: number;
  /** CPU time of the content processes from navigation until quiet, ms (/proc; 10 ms ticks). */
  cpuMs: number;
  /** Resident memory of the content processes once quiet, MB. */
  rssMB: number;
}

export interface FirefoxBrowsers {
  plain: Browser;
  withExtension: Browser;
  emptyScript: Browser;
  markJs: string;
  close(): Promise<void>;
}

const PREFS: Record<string, unknown> = {
  'app.update.enabled': false,
  'app.normandy.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.newtabpage.enabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'extensions.update.enabled': false,
  'extensions.blocklist.enabled': false,
};

export async function launchFirefoxes(options: {
  executablePath: string;
  extensionDir: string;
  emptyScriptDir: string;
  markJsPath: string;
}): Promise<FirefoxBrowsers> {
  const started: Browser[] = [];
  const launch = async (extension: string | null) => {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: options.executablePath,
      headless: true,
      defaultViewport: { width: 1200, height: 800 },
      extraPrefsFirefox: PREFS,
    });
    started.push(browser);
    if (extension) await browser.installExtension(extension);
    return browser;
  };
  const close = async () => {
    for (const b of started) await b.close().catch(() => {});
  };
  try {
    const plain = await launch(null);
    const withExtension = await launch(options.extensionDir);
    const emptyScript = await launch(options.emptyScriptDir);
    const markJs = await readFile(options.markJsPath, 'utf8');
    return { plain, withExtension, emptyScript, markJs, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** CPU (ms) and resident memory (MB) of the content processes of the Firefox started as `pid`. */
async function contentProcesses(pid: number): Promise<{ cpuMs: number; rssMB: number }> {
  const stats = new Map<number, { parent: number; cpu: number }>();
  for (const name of (await readdir('/proc')).filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(name), {
        parent: Number(fields[1]),
        cpu: ((Number(fields[11]) + Number(fields[12])) * 1000) / 100,
      });
    } catch {
      // Gone while we looked.
    }
  }
  const descends = (p: number): boolean => {
    for (let cur = stats.get(p)?.parent; cur !== undefined && cur > 1; cur = stats.get(cur)?.parent)
      if (cur === pid) return true;
    return false;
  };
  let cpuMs = 0;
  let rssKB = 0;
  for (const [p, s] of stats) {
    if (!descends(p)) continue;
    const cmdline = await readFile(`/proc/${p}/cmdline`, 'utf8').catch(() => '');
    if (!cmdline.includes('-contentproc') || !cmdline.includes('-isForBrowser')) continue;
    cpuMs += s.cpu;
    const status = await readFile(`/proc/${p}/status`, 'utf8').catch(() => '');
    rssKB += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return { cpuMs, rssMB: Math.round((rssKB / 1024) * 10) / 10 };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runFirefoxPage(
  browsers: FirefoxBrowsers,
  url: string,
  mode: FirefoxMode,
  settle: { quietMs: number; maxMs: number; minMs: number },
): Promise<FirefoxRun> {
  const browser = mode === 'extension' ? browsers.withExtension : browsers.plain;
  const pid = browser.process()?.pid;
  if (pid === undefined) throw new Error('bench: no Firefox process');
  const page = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(hookScript(mode === 'baseline' ? 'MARK' : 'FC-MARK'));
    if (mode === 'baseline') await page.evaluateOnNewDocument(baselineScript(browsers.markJs));
    await sleep(300);
    const before = await contentProcesses(pid);
    const start = Date.now();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    // Quiet: the content processes used under 3% of a core over quietMs.
    const samples: { at: number; cpu: number }[] = [];
    let settled = false;
    for (;;) {
      await sleep(250);
      const now = Date.now();
      samples.push({ at: now, cpu: (await contentProcesses(pid)).cpuMs });
      const since = samples.find((s) => s.at >= now - settle.quietMs);
      if (now - start >= settle.minMs && since && now - samples[0]!.at >= settle.quietMs) {
        if (samples.at(-1)!.cpu - since.cpu < 0.03 * (now - since.at) + 10) {
          settled = true;
          break;
        }
      }
      if (now - start >= settle.maxMs) break;
    }
    const after = await contentProcesses(pid);
    const seen = (await page.evaluate(READ_PAGE)) as {
      dcl: number;
      firstInView: number | null;
      marks: number;
    };
    return {
      mode,
      settled,
      firstInViewMs: seen.firstInView === null ? null : Math.max(0, seen.firstInView - seen.dcl),
      marks: seen.marks,
      cpuMs: Math.max(0, after.cpuMs - before.cpuMs),
      rssMB: after.rssMB,
    };
  } finally {
    await page.close();
  }
}

export async function firefoxLoadTime(
  browsers: FirefoxBrowsers,
  url: string,
  mode: 'none' | 'extension' | 'empty-script',
): Promise<number> {
  const browser = {
    none: browsers.plain,
    extension: browsers.withExtension,
    'empty-script': browsers.emptyScript,
  }[mode];
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    return ((await page.evaluate(READ_TIMING)) as { load: number }).load;
  } finally {
    await page.close();
  }
}

/** A copy of the Firefox build whose content script does nothing (the floor under any content script). */
export async function emptyFirefoxCopy(extensionDir: string): Promise<string> {
  const { cp, writeFile } = await import('node:fs/promises');
  const dir = await mkdtemp(path.join(tmpdir(), 'fc-bench-firefox-empty-'));
  await cp(extensionDir, dir, { recursive: true });
  await writeFile(path.join(dir, 'content-scripts/content.js'), '(() => {})();\n');
  return dir;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
