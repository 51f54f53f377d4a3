/**
 * `npm run bench`: Figure Check's cost on heavy pages, measured in real Chromium against the page alone and
 * against a naive highlighter in the same run, plus the database side in Node and the bundle sizes.
 * Prints a table and writes bench-results/report.json. README.md ("Benchmark") says how to read it.
 *
 *   npm run bench                         the full run (about 20–30 minutes on two loaded cores)
 *   npm run bench -- --quick              small pages, one run each (a minute or two)
 *   npm run bench -- --repeats 5          more runs per page and mode (medians are reported)
 *   npm run bench -- --pages live-blog,big-text   only these pages (popup and database still run)
 *   npm run bench -- --skip node,popup    leave parts out: browser, popup, node, bundles
 *   npm run bench -- --out FILE           write the JSON report elsewhere
 *   npm run bench -- --profile live-blog  where the content script's time goes on one page (CPU profile of
 *                                         an unminified build) and what the content script bundle holds
 *   npm run bench -- --wrapping           wrapping figures directly against mark.js, and the page's own DOM
 *                                         work afterwards (why lib/dom/highlight.ts does not use mark.js)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serveFixtures } from '../scripts/serve.ts';
import {
  MODES,
  launchBrowsers,
  loadTime,
  measurePageWrite,
  runPage,
  runPopup,
  type PageRun,
} from './browser.ts';
import { measureBundles } from './bundles.ts';
import {
  generateClaims,
  generateCorpus,
  generateReadings,
  measureComparisons,
  measureExtraction,
} from './database.ts';
import { generatePages, type BenchPage, type PageName } from './pages.ts';
import { BROWSER_PAGES, ROOT, fullConfig, quickConfig, type BenchConfig, type Part } from './config.ts';

export { ROOT, fullConfig, quickConfig, type BenchConfig, type Part };
import {
  evaluateTargets,
  formatReport,
  median,
  summariseFirefoxPage,
  summarisePage,
  type BenchReport,
  type FirefoxPageReport,
} from './report.ts';
import {
  emptyFirefoxCopy,
  firefoxLoadTime,
  launchFirefoxes,
  removeDir,
  runFirefoxPage,
  type FirefoxMode,
  type FirefoxRun,
} from './firefox.ts';

function chromiumVersion(executable: string): string | null {
  try {
    return execFileSync(executable, ['--version'], {
      encoding: 'utf8',
      timeout: 20_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

export async function runBench(config: BenchConfig): Promise<BenchReport> {
  const started = Date.now();
  const loadStart = os.loadavg();
  const notes: string[] = [
    'Main-thread time is the sum of the page main thread\'s top-level tasks (Chromium trace, RunTask) from navigation until the thread is quiet; "added" is that minus the page alone\'s. "wall" is elapsed time, "cpu" the thread time (trace tdur): on a machine shared with other work, wall time includes time the thread waited for a core, so the targets use thread time and both are shown.',
    "A task is the extension's when it ran extension script (chrome-extension:// URL in the trace); its layout and style work in the same task count with it.",
    "JS heap is Runtime.getHeapUsage after two forced GCs: the page's V8 isolate, which holds the page's world AND the content script's isolated world; DOM heap is the Blink (Oilpan) heap beside it, where highlight elements live.",
    'The extension writes highlights only on or near the screen (the page is not scrolled here): "last mark" is the last highlight written without scrolling; "found" is how many figures the content script found in the whole page (its answer to the popup).',
    'The baseline is mark.js markRegExp(/\\d+/g) over the body at DOMContentLoaded and over each element the page adds later, injected into the page itself.',
  ];
  const pages = generatePages(config.sizes);
  const report: Omit<BenchReport, 'targets'> = {
    meta: {
      startedAt: new Date(started).toISOString(),
      durationS: 0,
      node: process.version,
      chromium: null,
      cpus: os.cpus().length,
      loadAverage: { start: loadStart, end: [] },
      config: { ...config, log: undefined },
      notes,
    },
    pages: [],
    popup: null,
    database: null,
    bundles: null,
    firefox: null,
    raw: [],
  };

  if (!existsSync(path.join(config.extensionDir, 'manifest.json'))) {
    throw new Error(
      `bench: ${config.extensionDir}/manifest.json is missing: run npm run build:chrome first.`,
    );
  }
  // A copy of the build, so a rebuild while the benchmark runs cannot change what it measures.
  const extensionDir = await mkdtemp(path.join(os.tmpdir(), 'fc-bench-extension-'));
  await cp(config.extensionDir, extensionDir, { recursive: true });
  try {
    return await measure(config, extensionDir, pages, report, started);
  } finally {
    await rm(extensionDir, { recursive: true, force: true });
  }
}

async function measure(
  config: BenchConfig,
  extensionDir: string,
  pages: BenchPage[],
  report: Omit<BenchReport, 'targets'>,
  started: number,
): Promise<BenchReport> {
  const skip = new Set(config.skip);
  const log = config.log;
  if (!skip.has('bundles')) report.bundles = await measureBundles(extensionDir);

  if (!skip.has('browser') || !skip.has('popup')) {
    if (!existsSync(config.chromium)) {
      throw new Error(
        `bench: Chromium is not at ${config.chromium}: apt-get install -y chromium (or set FIGURE_CHECK_CHROMIUM).`,
      );
    }
    report.meta.chromium = chromiumVersion(config.chromium);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'fc-bench-pages-'));
    const server = await serveFixtures({ root: dir });
    const emptyScriptDir = await emptyScriptCopy(extensionDir);
    const browsers = await launchBrowsers({
      extensionDir,
      emptyScriptDir,
      executablePath: config.chromium,
      markJsPath: path.join(ROOT, 'node_modules/mark.js/dist/mark.min.js'),
    });
    try {
      for (const p of pages) await writeFile(path.join(dir, p.file), p.html);
      const url = (name: string) => `${server.url}${name}.html`;
      if (!skip.has('browser')) {
        const chosen = pages.filter((p) => config.pages.includes(p.name));
        const runs = new Map<string, PageRun[]>(chosen.map((p) => [p.name, []]));
        // Rounds of every page in every mode, so a machine that gets busier affects all modes alike.
        for (let rep = 0; rep < config.repeats; rep++) {
          for (const p of chosen) {
            for (const mode of MODES) {
              const minMs = p.live ? p.live.entries * p.live.intervalMs + 1_000 : 0;
              const run = await runPage(browsers, url(p.name), mode, { ...config.settle, minMs });
              runs.get(p.name)!.push(run);
              log(
                `  ${p.name} ${mode} #${rep + 1}: ${(run.wallMs / 1000).toFixed(1)} s, main ${run.main.totalMs} ms, ` +
                  `marks ${run.marks}${run.figuresFound !== null ? `, found ${run.figuresFound}` : ''}` +
                  `${run.settled ? '' : ' (busy at the time limit)'}`,
              );
            }
          }
        }
        for (const p of chosen) {
          const n = p.name === 'short-article' ? config.loadRepeats.shortArticle : config.loadRepeats.other;
          const loads = { none: [] as number[], extension: [] as number[], emptyScript: [] as number[] };
          for (let i = 0; i < n; i++) {
            // Alternating, so drift in the machine's load hits all alike.
            loads.none.push(await loadTime(browsers, url(p.name), 'none'));
            loads.extension.push(await loadTime(browsers, url(p.name), 'extension'));
            loads.emptyScript.push(await loadTime(browsers, url(p.name), 'empty-script'));
          }
          log(
            `  ${p.name} load: alone ${median(loads.none)?.toFixed(1)} ms, with the extension ${median(loads.extension)?.toFixed(1)} ms, with an empty content script ${median(loads.emptyScript)?.toFixed(1)} ms`,
          );
          const pageRuns = runs.get(p.name)!;
          const write = p.live
            ? null
            : await measurePageWrite(browsers, url(p.name), { ...config.settle, minMs: 0 });
          if (write) log(`  ${p.name}: the page's own frame after writing five words: ${write.cpuMs} ms`);
          report.pages.push(summarisePage(p, pageRuns, n > 0 ? loads : null, write));
          report.raw.push({ page: p.name, runs: pageRuns });
        }
      }
      if (!skip.has('popup')) {
        const popupRuns = await runPopup(browsers, url('popup-500'), config.popupRepeats, {
          ...config.settle,
          minMs: 0,
        });
        report.popup = {
          page: 'popup-500',
          figures: popupRuns[0]?.found ?? null,
          runs: popupRuns,
          firstMs: median(popupRuns.map((r) => r.firstMs)),
          listMs: median(popupRuns.map((r) => r.listMs)),
        };
        log(`  popup: list after ${report.popup.listMs?.toFixed(1)} ms`);
      }
    } finally {
      await browsers.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
      await rm(emptyScriptDir, { recursive: true, force: true });
    }
  }

  if (!skip.has('firefox') && !skip.has('browser')) report.firefox = await measureFirefox(config, pages);

  if (!skip.has('node')) {
    // Warm the figure reader up first so the smaller corpus is not charged the JIT's start.
    measureExtraction(generateCorpus(50, 99), 1);
    const extraction = config.corpora.map((n) => {
      const e = measureExtraction(generateCorpus(n), n >= 5_000 ? 1 : config.corpusRepeats);
      log(`  corpus ${n}: ${e.claims} claims in ${e.ms} ms`);
      return e;
    });
    const [a, b] = extraction;
    const readings = generateReadings(config.readings);
    const comparisons = config.databases.map((n) => {
      const c = measureComparisons(generateClaims(n), readings, 3);
      log(`  ${n} claims: ${c.usPerComparison} µs per comparison`);
      return c;
    });
    report.database = {
      extraction,
      perDocumentRatio: a && b ? Math.round((b.msPerDocument / a.msPerDocument) * 100) / 100 : null,
      comparisons,
    };
  }

  report.meta.durationS = Math.round((Date.now() - started) / 1000);
  report.meta.loadAverage.end = os.loadavg();
  const full: BenchReport = { ...report, targets: evaluateTargets(report) };
  if (config.outFile) {
    await mkdir(path.dirname(config.outFile), { recursive: true });
    await writeFile(config.outFile, `${JSON.stringify(full, null, 2)}\n`);
  }
  return full;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      repeats: { type: 'string' },
      pages: { type: 'string' },
      skip: { type: 'string' },
      out: { type: 'string' },
      profile: { type: 'string' },
      wrapping: { type: 'boolean', default: false },
    },
  });
  if (values.wrapping) {
    const { compareWrapping } = await import('./wrapping.ts');
    await compareWrapping({
      chromium: fullConfig().chromium,
      root: ROOT,
      repeats: values.repeats ? Number(values.repeats) : 3,
    });
    return;
  }
  if (values.profile) {
    const { profilePage } = await import('./investigate.ts');
    await profilePage(values.profile as PageName);
    return;
  }
  const config = values.quick ? quickConfig() : fullConfig();
  if (values.repeats !== undefined) {
    const n = Number(values.repeats);
    if (!Number.isInteger(n) || n < 1 || n > 50)
      throw new Error(`bench: --repeats must be 1–50, got "${values.repeats}"`);
    config.repeats = n;
  }
  if (values.pages !== undefined) {
    const names = values.pages.split(',').filter(Boolean);
    const bad = names.filter((n) => !BROWSER_PAGES.includes(n as PageName));
    if (bad.length)
      throw new Error(`bench: unknown page ${bad.join(', ')}; pages are ${BROWSER_PAGES.join(', ')}`);
    config.pages = names as PageName[];
  }
  if (values.skip !== undefined) {
    const parts = values.skip.split(',').filter(Boolean);
    const known: Part[] = ['browser', 'popup', 'node', 'bundles', 'firefox'];
    const bad = parts.filter((p) => !known.includes(p as Part));
    if (bad.length) throw new Error(`bench: --skip takes ${known.join(', ')}; got ${bad.join(', ')}`);
    config.skip = parts as Part[];
  }
  if (values.out !== undefined) config.outFile = path.resolve(values.out);
  config.log(
    `Figure Check benchmark (${values.quick ? 'quick' : 'full'}): load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  const report = await runBench(config);
  console.log(formatReport(report));
  if (config.outFile) console.log(`\nJSON report: ${path.relative(process.cwd(), config.outFile)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

/** A copy of the built extension whose content script does nothing: the floor for load time. */
async function emptyScriptCopy(extensionDir: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fc-bench-empty-script-'));
  await cp(extensionDir, dir, { recursive: true });
  await writeFile(path.join(dir, 'content-scripts/content.js'), '(() => {})();\n');
  return dir;
}

/** The same pages in Firefox: runs interleaved by mode as in Chromium, then loads (bench/firefox.ts). */
async function measureFirefox(config: BenchConfig, pages: BenchPage[]): Promise<FirefoxPageReport[]> {
  const log = config.log;
  if (!existsSync(path.join(config.firefoxExtensionDir, 'manifest.json')))
    throw new Error(
      `bench: ${config.firefoxExtensionDir}/manifest.json is missing: run npm run build first.`,
    );
  if (!existsSync(config.firefox))
    throw new Error(
      `bench: Firefox is not at ${config.firefox}: apt-get install -y firefox-esr (or set FIGURE_CHECK_FIREFOX).`,
    );
  const extensionDir = await mkdtemp(path.join(os.tmpdir(), 'fc-bench-firefox-extension-'));
  await cp(config.firefoxExtensionDir, extensionDir, { recursive: true });
  const emptyDir = await emptyFirefoxCopy(extensionDir);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fc-bench-firefox-pages-'));
  const server = await serveFixtures({ root: dir });
  const browsers = await launchFirefoxes({
    executablePath: config.firefox,
    extensionDir,
    emptyScriptDir: emptyDir,
    markJsPath: path.join(ROOT, 'node_modules/mark.js/dist/mark.min.js'),
  });
  const out: FirefoxPageReport[] = [];
  try {
    for (const p of pages) await writeFile(path.join(dir, p.file), p.html);
    const url = (name: string) => `${server.url}${name}.html`;
    const chosen = pages.filter((p) => config.pages.includes(p.name));
    const runs = new Map<string, FirefoxRun[]>(chosen.map((p) => [p.name, []]));
    const modes: FirefoxMode[] = ['none', 'extension', 'baseline'];
    for (let rep = 0; rep < config.repeats; rep++) {
      for (const p of chosen) {
        for (const mode of modes) {
          const minMs = p.live ? p.live.entries * p.live.intervalMs + 1_000 : 0;
          const run = await runFirefoxPage(browsers, url(p.name), mode, { ...config.settle, minMs });
          runs.get(p.name)!.push(run);
          log(
            `  firefox ${p.name} ${mode} #${rep + 1}: content processes ${run.cpuMs} ms cpu, ${run.rssMB} MB, ` +
              `marks ${run.marks}, first in view ${run.firstInViewMs ?? '–'} ms${run.settled ? '' : ' (busy at the time limit)'}`,
          );
        }
      }
    }
    for (const p of chosen) {
      const n = p.name === 'short-article' ? config.loadRepeats.shortArticle : config.loadRepeats.other;
      const loads = { none: [] as number[], extension: [] as number[], emptyScript: [] as number[] };
      for (let i = 0; i < n; i++) {
        loads.none.push(await firefoxLoadTime(browsers, url(p.name), 'none'));
        loads.extension.push(await firefoxLoadTime(browsers, url(p.name), 'extension'));
        loads.emptyScript.push(await firefoxLoadTime(browsers, url(p.name), 'empty-script'));
      }
      out.push(summariseFirefoxPage(p, runs.get(p.name)!, n > 0 ? loads : null));
      log(
        `  firefox ${p.name} load: alone ${median(loads.none)?.toFixed(1)} ms, with the extension ${median(loads.extension)?.toFixed(1)} ms, with an empty content script ${median(loads.emptyScript)?.toFixed(1)} ms`,
      );
    }
  } finally {
    await browsers.close();
    await server.close();
    for (const d of [dir, extensionDir, emptyDir]) await removeDir(d);
  }
  return out;
}
