/**
 * Turning runs into the report: medians per page and mode, ratios against the page alone and against the
 * naive baseline, the targets (docs/testing.md, "Benchmark") with PASS/MISS, and a table for a person.
 */
import type { BundleSizes } from './bundles.ts';
import type { ComparisonResult, ExtractionResult } from './database.ts';
import type { Mode, PageRun, PopupRun } from './browser.ts';
import type { FirefoxMode, FirefoxRun } from './firefox.ts';
import type { TaskSummary } from './trace.ts';

export const median = (xs: readonly number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const nums = (xs: readonly (number | null)[]) => xs.filter((x): x is number => x !== null);
const medianOf = (xs: readonly (number | null)[]) => median(nums(xs));
const r1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const percentile = (xs: readonly number[], p: number) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

export interface ModeSummary {
  runs: number;
  settled: boolean;
  /** Medians over runs. */
  firstInViewMs: number | null;
  lastMarkMs: number | null;
  figuresMarked: number | null;
  figuresFound: number | null;
  /** Main-thread time of the whole load until quiet, ms (trace): wall, and thread (CPU) time. */
  mainThreadMs: number | null;
  mainThreadCpuMs: number | null;
  /** The same minus the page alone's: what this mode added. */
  addedMs: number | null;
  addedCpuMs: number | null;
  /** Longest task of the main thread, and longest that ran extension code (wall, and by thread time), ms. */
  longestTaskMs: number | null;
  longestExtensionTaskMs: number | null;
  longestExtensionTaskCpuMs: number | null;
  /** Extension tasks over 50 ms per run (wall), and over 50 ms of thread time. */
  extensionLongTasks: number | null;
  extensionLongTasksCpu: number | null;
  /** Time in extension script (its evaluation and callbacks), ms. */
  extensionScriptMs: number | null;
  /** Longest long task seen by the page's own PerformanceObserver, ms. */
  observedLongestTaskMs: number | null;
  heapJsMB: number | null;
  heapEmbedderMB: number | null;
  /** Load event end from navigation start, in the traced runs, ms. */
  tracedLoadMs: number | null;
  /** Evaluating the content script (extension mode): wall and thread time, ms. */
  evaluateMs: number | null;
  evaluateCpuMs: number | null;
}

export interface PageReport {
  name: string;
  description: string;
  textChars: number;
  elements: number;
  modes: Record<Mode, ModeSummary>;
  /** Untraced loads: medians, and the extension's slowdown over the page alone. */
  load: {
    none: number | null;
    extension: number | null;
    slowdown: number | null;
    /** The same with an empty content script: what injecting any content script costs (the floor). */
    emptyScript: number | null;
    emptyScriptSlowdown: number | null;
    runs: number;
  } | null;
  ratios: {
    /** Extension's added main-thread time over the baseline's: thread (CPU) time, and wall time. */
    addedVsBaseline: number | null;
    addedWallVsBaseline: number | null;
    heapJsVsNone: number | null;
  };
  live: {
    withFigure: number;
    missed: number;
    p50: number | null;
    p95: number | null;
    max: number | null;
    baselineP95: number | null;
  } | null;
  /** The longest extension task (by thread time) seen in any run, with what it was made of. */
  worstExtensionTask: TaskSummary | null;
  /**
   * Without the extension: the frame after a page script wraps five words (bench/browser.ts
   * measurePageWrite), the page's own cost of any small write, the floor under the extension's tasks.
   */
  pageWrite: TaskSummary | null;
  /** The extension's first tasks in its first run, from DOMContentLoaded: the road to the first highlight. */
  firstExtensionTasks: TaskSummary[];
}

export interface Target {
  id: string;
  description: string;
  value: number | null;
  limit: number;
  unit: string;
  pass: boolean;
  detail: string;
}

export interface BenchReport {
  meta: {
    startedAt: string;
    durationS: number;
    node: string;
    chromium: string | null;
    cpus: number;
    loadAverage: { start: number[]; end: number[] };
    config: unknown;
    notes: string[];
  };
  pages: PageReport[];
  popup: {
    page: string;
    figures: number | null;
    runs: PopupRun[];
    firstMs: number | null;
    listMs: number | null;
  } | null;
  database: {
    extraction: ExtractionResult[];
    /** ms per document at the larger corpus over ms per document at the smaller: 1 is linear. */
    perDocumentRatio: number | null;
    comparisons: ComparisonResult[];
  } | null;
  bundles: BundleSizes | null;
  /** The same pages in Firefox (bench/firefox.ts says what is measured there and how it differs). */
  firefox: FirefoxPageReport[] | null;
  targets: Target[];
  raw: { page: string; runs: PageRun[] }[];
}

export interface FirefoxPageReport {
  name: string;
  textChars: number;
  modes: Record<
    FirefoxMode,
    {
      runs: number;
      settled: boolean;
      firstInViewMs: number | null;
      cpuMs: number | null;
      rssMB: number | null;
    }
  >;
  /** Content processes' CPU with the extension (and with the naive highlighter) minus the page alone's, ms. */
  addedCpuMs: number | null;
  baselineAddedCpuMs: number | null;
  load: {
    none: number | null;
    extension: number | null;
    emptyScript: number | null;
    slowdown: number | null;
    emptyScriptSlowdown: number | null;
    runs: number;
  } | null;
}

export function summariseFirefoxPage(
  page: { name: string; textChars: number },
  runs: readonly FirefoxRun[],
  loads: { none: number[]; extension: number[]; emptyScript: number[] } | null,
): FirefoxPageReport {
  const mode = (m: FirefoxMode) => {
    const rs = runs.filter((r) => r.mode === m);
    return {
      runs: rs.length,
      settled: rs.every((r) => r.settled),
      firstInViewMs: r1(medianOf(rs.map((r) => r.firstInViewMs))),
      cpuMs: r1(median(rs.map((r) => r.cpuMs))),
      rssMB: r1(median(rs.map((r) => r.rssMB))),
    };
  };
  const modes = { none: mode('none'), extension: mode('extension'), baseline: mode('baseline') };
  const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : r1(a - b));
  const loadNone = loads ? median(loads.none) : null;
  const slowdown = (xs: number[] | undefined) => {
    const ms = xs ? median(xs) : null;
    return loadNone && ms !== null ? Math.round((ms / loadNone - 1) * 1000) / 1000 : null;
  };
  return {
    ...page,
    modes,
    addedCpuMs: minus(modes.extension.cpuMs, modes.none.cpuMs),
    baselineAddedCpuMs: minus(modes.baseline.cpuMs, modes.none.cpuMs),
    load: loads
      ? {
          none: r1(loadNone),
          extension: r1(median(loads.extension)),
          emptyScript: r1(median(loads.emptyScript)),
          slowdown: slowdown(loads.extension),
          emptyScriptSlowdown: slowdown(loads.emptyScript),
          runs: loads.none.length,
        }
      : null,
  };
}

export function summariseMode(runs: readonly PageRun[], none: ModeSummary | null): ModeSummary {
  const mb = (b: number | null) => (b === null ? null : Math.round((b / 1048576) * 10) / 10);
  const main = medianOf(runs.map((r) => r.main.totalMs));
  const cpu = medianOf(runs.map((r) => r.main.totalCpuMs));
  return {
    runs: runs.length,
    settled: runs.every((r) => r.settled),
    firstInViewMs: r1(medianOf(runs.map((r) => r.firstInViewMs))),
    lastMarkMs: r1(medianOf(runs.map((r) => r.lastMarkMs))),
    figuresMarked: medianOf(runs.map((r) => r.figuresMarked)),
    figuresFound: medianOf(runs.map((r) => r.figuresFound)),
    mainThreadMs: r1(main),
    mainThreadCpuMs: r1(cpu),
    addedMs: none && main !== null && none.mainThreadMs !== null ? r1(main - none.mainThreadMs) : null,
    addedCpuMs: none && cpu !== null && none.mainThreadCpuMs !== null ? r1(cpu - none.mainThreadCpuMs) : null,
    longestTaskMs: r1(medianOf(runs.map((r) => r.main.longest?.ms ?? 0))),
    longestExtensionTaskMs: r1(medianOf(runs.map((r) => r.main.longestExtension?.ms ?? 0))),
    longestExtensionTaskCpuMs: r1(medianOf(runs.map((r) => r.main.longestExtensionCpu?.cpuMs ?? 0))),
    extensionLongTasks: medianOf(runs.map((r) => r.main.extensionLongTaskCount)),
    extensionLongTasksCpu: medianOf(runs.map((r) => r.main.extensionLongTaskCpuCount)),
    extensionScriptMs: r1(medianOf(runs.map((r) => r.main.extensionScriptMs))),
    observedLongestTaskMs: r1(medianOf(runs.map((r) => r.longtasks[0] ?? 0))),
    heapJsMB: mb(medianOf(runs.map((r) => r.heap.jsUsed))),
    heapEmbedderMB: mb(medianOf(runs.map((r) => r.heap.embedderUsed))),
    tracedLoadMs: r1(medianOf(runs.map((r) => r.load))),
    evaluateMs: r1(medianOf(runs.map((r) => r.main.evaluate?.ms ?? null))),
    evaluateCpuMs: r1(medianOf(runs.map((r) => r.main.evaluate?.cpuMs ?? null))),
  };
}

export function summarisePage(
  page: { name: string; description: string; textChars: number; elements: number },
  runs: readonly PageRun[],
  loads: { none: number[]; extension: number[]; emptyScript: number[] } | null,
  pageWrite: TaskSummary | null = null,
): PageReport {
  const of = (mode: Mode) => runs.filter((r) => r.mode === mode);
  const none = summariseMode(of('none'), null);
  const extension = summariseMode(of('extension'), none);
  const baseline = summariseMode(of('baseline'), none);
  const liveRuns = of('extension').filter((r) => r.live);
  const latencies = liveRuns.flatMap((r) => r.live!.latencies);
  const baseLatencies = of('baseline').flatMap((r) => r.live?.latencies ?? []);
  let worst: TaskSummary | null = null;
  for (const r of of('extension')) {
    const t = r.main.longestExtensionCpu;
    if (t && (!worst || t.cpuMs > worst.cpuMs)) worst = t;
  }
  const loadNone = loads ? median(loads.none) : null;
  const loadExt = loads ? median(loads.extension) : null;
  const loadEmpty = loads ? median(loads.emptyScript) : null;
  const slowdown = (ms: number | null) =>
    loadNone && ms !== null ? Math.round((ms / loadNone - 1) * 1000) / 1000 : null;
  const ratio = (a: number | null, b: number | null) =>
    a === null || b === null || b <= 0 ? null : Math.round((a / b) * 100) / 100;
  return {
    ...page,
    modes: { none, extension, baseline },
    load: loads
      ? {
          none: r1(loadNone),
          extension: r1(loadExt),
          slowdown: slowdown(loadExt),
          emptyScript: r1(loadEmpty),
          emptyScriptSlowdown: slowdown(loadEmpty),
          runs: loads.none.length,
        }
      : null,
    ratios: {
      addedVsBaseline: ratio(extension.addedCpuMs, baseline.addedCpuMs),
      addedWallVsBaseline: ratio(extension.addedMs, baseline.addedMs),
      heapJsVsNone: ratio(extension.heapJsMB, none.heapJsMB),
    },
    live:
      liveRuns.length > 0
        ? {
            withFigure: liveRuns.reduce((a, r) => a + r.live!.withFigure, 0),
            missed: liveRuns.reduce((a, r) => a + r.live!.missed, 0),
            p50: r1(percentile(latencies, 50)),
            p95: r1(percentile(latencies, 95)),
            max: r1(latencies.length ? Math.max(...latencies) : null),
            baselineP95: r1(percentile(baseLatencies, 95)),
          }
        : null,
    worstExtensionTask: worst,
    pageWrite,
    firstExtensionTasks: of('extension')[0]?.main.firstExtensionTasks ?? [],
  };
}

export function evaluateTargets(report: Omit<BenchReport, 'targets'>): Target[] {
  const targets: Target[] = [];
  const page = (name: string) => report.pages.find((p) => p.name === name);
  if (report.pages.length > 0) {
    let worst: PageReport | null = null;
    for (const p of report.pages) {
      const ms = p.modes.extension.longestExtensionTaskCpuMs ?? 0;
      if (!worst || ms > (worst.modes.extension.longestExtensionTaskCpuMs ?? 0)) worst = p;
    }
    const ms = worst?.modes.extension.longestExtensionTaskCpuMs ?? null;
    targets.push({
      id: 'long-tasks',
      description: 'No long task over 50 ms caused by the extension, on any page (thread time)',
      value: ms,
      limit: 50,
      unit: 'ms',
      pass: ms !== null && ms <= 50,
      detail: worst
        ? `on ${worst.name} (median of runs; ${worst.modes.extension.longestExtensionTaskMs} ms wall on this loaded machine)${
            worst.pageWrite
              ? `; the page's own frame after a script writes five words there: ${worst.pageWrite.cpuMs} ms (${describeParts(worst.pageWrite)})`
              : ''
          }`
        : '',
    });
  }
  if (report.pages.length > 0) {
    // Every page: the live page's first entries, too, are there at DOMContentLoaded.
    const rows = report.pages.map((p) => [p.name, p.modes.extension.firstInViewMs] as const);
    const worst = rows.reduce<(typeof rows)[number] | null>(
      (w, r) => (w === null || (r[1] ?? Infinity) > (w[1] ?? Infinity) ? r : w),
      null,
    );
    const v = worst?.[1] ?? null;
    targets.push({
      id: 'first-highlight',
      description: 'First highlight in the viewport within 50 ms of DOMContentLoaded, on every page',
      value: v,
      limit: 50,
      unit: 'ms',
      pass: v !== null && v <= 50,
      detail: rows
        .map(([n, ms]) => `${n} ${ms ?? '–'} (naive ${page(n)?.modes.baseline.firstInViewMs ?? '–'})`)
        .join(', '),
    });
  }
  for (const name of ['live-blog', 'big-text']) {
    const p = page(name);
    if (!p) continue;
    const v = p.ratios.addedVsBaseline;
    targets.push({
      id: `added-time-${name}`,
      description: `Added main-thread time at most half the naive baseline's (${name})`,
      value: v,
      limit: 0.5,
      unit: '×',
      pass: v !== null && v <= 0.5 && p.modes.extension.settled,
      detail: `thread time: extension +${p.modes.extension.addedCpuMs ?? '–'} ms, baseline +${p.modes.baseline.addedCpuMs ?? '–'} ms (wall ratio ${p.ratios.addedWallVsBaseline ?? '–'}×)${p.modes.extension.settled ? '' : '; extension still busy at the time limit: a lower bound'}`,
    });
  }
  const loaded = report.pages.filter((p) => p.load?.slowdown != null && p.load.emptyScriptSlowdown != null);
  if (loaded.length > 0) {
    const over = (p: PageReport) => (p.load!.slowdown! - p.load!.emptyScriptSlowdown!) * 100;
    const worst = loaded.reduce((w, p) => (over(p) > over(w) ? p : w));
    const v = Math.round(over(worst) * 10) / 10;
    targets.push({
      id: 'load-slowdown',
      description:
        "Page load slowed at most 10 points more than with an empty content script (Chromium's floor), on every page",
      value: v,
      limit: 10,
      unit: 'points',
      pass: v <= 10,
      detail: loaded
        .map(
          (p) =>
            `${p.name} +${pct(p.load!.slowdown)} (empty script +${pct(p.load!.emptyScriptSlowdown)}, ${p.load!.runs} loads)`,
        )
        .join(', '),
    });
  }
  const heapRows = report.pages.flatMap((p) => {
    const none = p.modes.none.heapJsMB;
    const ext = p.modes.extension.heapJsMB;
    const naive = p.modes.baseline.heapJsMB;
    if (none === null || ext === null || naive === null) return [];
    const added = ext - none;
    // The limit is the smaller of twice the text (1 byte a character) and twice the naive highlighter's.
    const limit = Math.min((2 * p.textChars) / 1048576, 2 * Math.max(0, naive - none));
    return [{ name: p.name, added, naiveAdded: naive - none, textMB: p.textChars / 1048576, limit }];
  });
  if (heapRows.length > 0) {
    const worst = heapRows.reduce((w, r) => (r.added - r.limit > w.added - w.limit ? r : w));
    targets.push({
      id: 'heap',
      description:
        "Added JS heap at most twice the page's text and at most twice the naive highlighter's added heap, on every page",
      value: Math.round(worst.added * 10) / 10,
      limit: Math.round(worst.limit * 10) / 10,
      unit: 'MB',
      pass: heapRows.every((r) => r.added <= r.limit + 0.05),
      detail: heapRows
        .map(
          (r) =>
            `${r.name} +${r.added.toFixed(1)} MB (text ${r.textMB.toFixed(1)} MB, naive +${r.naiveAdded.toFixed(1)} MB)`,
        )
        .join(', '),
    });
  }
  const live = page('live-page');
  if (live?.live) {
    const v = live.live.p95;
    targets.push({
      id: 'live-latency',
      description:
        "Live page's new entries highlighted within 200 ms of appearing (95th percentile, none missed)",
      value: v,
      limit: 200,
      unit: 'ms',
      pass: v !== null && v <= 200 && live.live.missed === 0,
      detail: `median ${live.live.p50} ms, max ${live.live.max} ms, ${live.live.missed} of ${live.live.withFigure} entries with a figure never highlighted`,
    });
  }
  const cmp = report.database?.comparisons.at(-1);
  if (cmp) {
    targets.push({
      id: 'comparison',
      description: `Comparison against ${cmp.claims.toLocaleString('en-US')} claims under 20 µs`,
      value: cmp.usPerComparison,
      limit: 20,
      unit: 'µs',
      pass: cmp.usPerComparison < 20,
      detail: `${cmp.comparisonsPerSecond.toLocaleString('en-US')} comparisons/s, ${cmp.reportsPerComparison} reports each on average`,
    });
  }
  if (report.bundles) {
    const v = report.bundles.contentScript.gzipBytes;
    const later = report.bundles.onDemand;
    targets.push({
      id: 'content-size',
      description: 'What every page loads: content script and its CSS at most 10 KB gzipped',
      value: Math.round(v / 100) / 10,
      limit: 10,
      unit: 'KB',
      pass: v <= 10_240,
      detail: `${report.bundles.contentScript.bytes.toLocaleString('en-US')} bytes minified; loaded on first hover: ${later.files.join(' ') || 'nothing'}, ${later.bytes.toLocaleString('en-US')} bytes, ${(later.gzipBytes / 1000).toFixed(1)} KB gzipped`,
    });
  }
  const evals = report.pages.filter((p) => p.modes.extension.evaluateCpuMs !== null);
  if (evals.length > 0) {
    const worst = evals.reduce((w, p) =>
      p.modes.extension.evaluateCpuMs! > w.modes.extension.evaluateCpuMs! ? p : w,
    );
    const v = worst.modes.extension.evaluateCpuMs;
    targets.push({
      id: 'content-eval',
      description: 'Evaluating the content script at most 3 ms (thread time), on every page',
      value: v,
      limit: 3,
      unit: 'ms',
      pass: v !== null && v <= 3,
      detail: evals
        .map(
          (p) => `${p.name} ${p.modes.extension.evaluateCpuMs}/${p.modes.extension.evaluateMs} ms cpu/wall`,
        )
        .join(', '),
    });
  }
  const ff = report.firefox ?? [];
  if (ff.length > 0) {
    const firsts = ff.map((p) => [p.name, p.modes.extension.firstInViewMs] as const);
    const worst = Math.max(...firsts.map(([, v]) => v ?? Infinity));
    targets.push({
      id: 'firefox-first-highlight',
      description: 'Firefox: first highlight in the viewport within 50 ms of DOMContentLoaded, on every page',
      value: Number.isFinite(worst) ? worst : null,
      limit: 50,
      unit: 'ms',
      pass: worst <= 50,
      detail: firsts.map(([n, v]) => `${n} ${v ?? '–'}`).join(', '),
    });
    const loadedFf = ff.filter((p) => p.load?.slowdown != null && p.load.emptyScriptSlowdown != null);
    if (loadedFf.length > 0) {
      const over = (p: FirefoxPageReport) => (p.load!.slowdown! - p.load!.emptyScriptSlowdown!) * 100;
      const w = loadedFf.reduce((a, p) => (over(p) > over(a) ? p : a));
      const v = Math.round(over(w) * 10) / 10;
      targets.push({
        id: 'firefox-load-slowdown',
        description:
          'Firefox: page load slowed at most 10 points more than with an empty content script, on every page',
        value: v,
        limit: 10,
        unit: 'points',
        pass: v <= 10,
        detail: loadedFf
          .map(
            (p) => `${p.name} +${pct(p.load!.slowdown)} (empty script +${pct(p.load!.emptyScriptSlowdown)})`,
          )
          .join(', '),
      });
    }
    const rows = ff.filter((p) => ['live-blog', 'big-text'].includes(p.name) && p.addedCpuMs !== null);
    if (rows.length > 0) {
      const ratio = (p: FirefoxPageReport) =>
        p.baselineAddedCpuMs && p.baselineAddedCpuMs > 0 ? p.addedCpuMs! / p.baselineAddedCpuMs : Infinity;
      const w = rows.reduce((a, p) => (ratio(p) > ratio(a) ? p : a));
      const v = Math.round(ratio(w) * 100) / 100;
      targets.push({
        id: 'firefox-added-time',
        description:
          "Firefox: added CPU at most half the naive highlighter's (live blog, 5 MB page; all content processes, the extension's background included)",
        value: Number.isFinite(v) ? v : null,
        limit: 0.5,
        unit: '×',
        pass: v <= 0.5,
        detail: rows
          .map((p) => `${p.name} +${p.addedCpuMs} ms vs naive +${p.baselineAddedCpuMs} ms`)
          .join(', '),
      });
    }
  }
  return targets;
}

// ---- the table for a person ------------------------------------------------------------------------

/** Numbers as a reader wants them: at most one decimal (timer readings carry float noise). */
const f = (x: number | null | undefined, unit = '') =>
  x === null || x === undefined ? '–' : `${Number.isInteger(x) ? x : x.toFixed(1)}${unit}`;

function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function formatReport(report: BenchReport): string {
  const out: string[] = [];
  const m = report.meta;
  out.push(
    `Figure Check benchmark — ${m.startedAt}, ${m.durationS} s; Node ${m.node}, ${m.chromium ?? 'no browser'}, ` +
      `${m.cpus} CPUs, load average ${m.loadAverage.start.map((x) => x.toFixed(1)).join('/')} at start, ` +
      `${m.loadAverage.end.map((x) => x.toFixed(1)).join('/')} at end`,
  );
  for (const n of m.notes) out.push(`  note: ${n}`);
  if (report.pages.length > 0) {
    out.push(
      '',
      'Pages (medians over runs; times from DOMContentLoaded; main thread from the trace, until quiet)',
    );
    const rows: (string | number)[][] = [];
    for (const p of report.pages) {
      for (const mode of ['none', 'extension', 'baseline'] as const) {
        const s = p.modes[mode];
        rows.push([
          mode === 'none' ? p.name : '',
          mode,
          f(s.firstInViewMs),
          f(s.lastMarkMs),
          mode === 'extension'
            ? `${f(s.figuresMarked)}/${f(s.figuresFound)}`
            : mode === 'baseline'
              ? f(s.figuresMarked)
              : '',
          f(s.longestTaskMs),
          mode === 'extension'
            ? `${f(s.longestExtensionTaskMs)}/${f(s.longestExtensionTaskCpuMs)} (${f(s.extensionLongTasks)}/${f(s.extensionLongTasksCpu)})`
            : '',
          `${f(s.mainThreadMs)}/${f(s.mainThreadCpuMs)}`,
          mode === 'none' ? '' : `${f(s.addedMs)}/${f(s.addedCpuMs)}`,
          f(s.heapJsMB),
          f(s.heapEmbedderMB),
          f(s.tracedLoadMs),
          s.settled ? '' : 'busy at limit',
        ]);
      }
    }
    out.push(
      table(
        [
          'page',
          'mode',
          '1st in view',
          'last mark',
          'marked/found',
          'longest task',
          'ext task wall/cpu (n>50)',
          'main wall/cpu',
          'added wall/cpu',
          'JS heap MB',
          'DOM heap MB',
          'load ms',
          '',
        ],
        rows,
      ),
    );
    out.push('', 'Ratios, loads, and the longest extension task');
    out.push(
      table(
        [
          'page',
          'added ext/baseline cpu (wall)',
          'JS heap ext/alone',
          'load alone',
          'load ext',
          'slowdown',
          'empty script',
          'worst extension task (wall/cpu: parts)',
          "page's own 5-word write (cpu: parts)",
        ],
        report.pages.map((p) => [
          p.name,
          `${f(p.ratios.addedVsBaseline, '×')} (${f(p.ratios.addedWallVsBaseline, '×')})`,
          f(p.ratios.heapJsVsNone, '×'),
          f(p.load?.none, ' ms'),
          f(p.load?.extension, ' ms'),
          p.load ? pct(p.load.slowdown) : '–',
          p.load ? `${f(p.load.emptyScript, ' ms')} (${pct(p.load.emptyScriptSlowdown)})` : '–',
          p.worstExtensionTask
            ? `${p.worstExtensionTask.ms}/${p.worstExtensionTask.cpuMs} ms: ${describeParts(p.worstExtensionTask)}`
            : '–',
          p.pageWrite ? `${p.pageWrite.cpuMs} ms: ${describeParts(p.pageWrite)}` : '–',
        ]),
      ),
    );
    for (const p of report.pages) {
      if (!p.live) continue;
      out.push(
        '',
        `Live page: ${p.live.withFigure} entries with a figure; highlighted after median ${f(p.live.p50)} ms, ` +
          `p95 ${f(p.live.p95)} ms, max ${f(p.live.max)} ms; ${p.live.missed} never highlighted ` +
          `(baseline p95 ${f(p.live.baselineP95)} ms)`,
      );
    }
  }
  if (report.pages.some((p) => p.firstExtensionTasks.length > 0))
    out.push('', 'The road to the first highlight');
  for (const p of report.pages) {
    if (p.firstExtensionTasks.length === 0) continue;
    out.push(
      `${p.name}: first extension tasks (ms from DOMContentLoaded +start wall/cpu): ` +
        p.firstExtensionTasks
          .slice(0, 6)
          .map(
            (t) =>
              `+${t.start} ${t.ms}/${t.cpuMs}${t.parts[0] ? ` ${t.parts[0][0].replace(' (extension)', '')}` : ''}`,
          )
          .join(' · '),
    );
  }
  if (report.popup) {
    out.push(
      '',
      `Popup (${report.popup.page}, ${f(report.popup.figures)} figures found): first item after ${f(report.popup.firstMs)} ms, ` +
        `whole list after ${f(report.popup.listMs)} ms from opening (median of ${report.popup.runs.length})`,
    );
  }
  if (report.database) {
    out.push('', 'Database (Node)');
    out.push(
      table(
        ['corpus', 'chars', 'claims', 'ms', 'claims/s', 'ms/doc'],
        report.database.extraction.map((e) => [
          `${e.documents} docs`,
          e.characters,
          e.claims,
          e.ms,
          e.claimsPerSecond,
          e.msPerDocument,
        ]),
      ),
    );
    out.push(
      `cost per document, larger corpus over smaller: ${f(report.database.perDocumentRatio, '×')} (1.0 = linear)`,
    );
    out.push(
      table(
        ['claims', 'index ms', 'µs/comparison', 'comparisons/s', 'reports each', 'µs with 1 report'],
        report.database.comparisons.map((c) => [
          c.claims,
          c.indexMs,
          c.usPerComparison,
          c.comparisonsPerSecond,
          c.reportsPerComparison,
          c.usOneReport,
        ]),
      ),
    );
  }
  if (report.bundles) {
    out.push('', 'Bundles (.output/chrome-mv3)');
    const b = report.bundles;
    out.push(
      table(
        ['part', 'bytes', 'gzip bytes', 'files'],
        (
          [
            ['content script', b.contentScript],
            ['card (on first hover)', b.onDemand],
            ['background', b.background],
            ['popup', b.popup],
          ] as const
        ).map(([n, s]) => [n, s.bytes, s.gzipBytes, s.files.join(' ')]),
      ),
    );
  }
  if (report.firefox && report.firefox.length > 0) {
    out.push(
      '',
      "Firefox (medians; CPU and resident memory of all content processes from /proc: the page's and the extension's; times from DOMContentLoaded)",
    );
    const rows: (string | number)[][] = [];
    for (const p of report.firefox) {
      for (const mode of ['none', 'extension', 'baseline'] as const) {
        const s = p.modes[mode];
        rows.push([
          mode === 'none' ? p.name : '',
          mode,
          f(s.firstInViewMs),
          f(s.cpuMs),
          mode === 'extension' ? f(p.addedCpuMs) : mode === 'baseline' ? f(p.baselineAddedCpuMs) : '',
          f(s.rssMB),
          mode === 'none' ? f(p.load?.none) : mode === 'extension' ? f(p.load?.extension) : '',
          mode === 'extension' && p.load
            ? `${pct(p.load.slowdown)} (empty script ${f(p.load.emptyScript)} ms, ${pct(p.load.emptyScriptSlowdown)})`
            : '',
          s.settled ? '' : 'busy at limit',
        ]);
      }
    }
    out.push(
      table(
        ['page', 'mode', '1st in view', 'cpu ms', 'added cpu', 'RSS MB', 'load ms', 'slowdown', ''],
        rows,
      ),
    );
  }
  if (report.targets.length > 0) {
    out.push('', 'Targets');
    out.push(
      table(
        ['', 'target', 'value', 'limit', 'detail'],
        report.targets.map((t) => [
          t.pass ? 'PASS' : 'MISS',
          t.description,
          f(t.value, ` ${t.unit}`),
          `${t.limit} ${t.unit}`,
          t.detail,
        ]),
      ),
    );
  }
  return out.join('\n');
}

function pct(v: number | null): string {
  return v === null ? '–' : `${(v * 100).toFixed(1)}%`;
}

function describeParts(task: TaskSummary): string {
  return task.parts
    .slice(0, 3)
    .map(([n, ms]) => `${n} ${ms}`)
    .join(', ');
}
