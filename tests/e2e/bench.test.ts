/**
 * Smoke run of `npm run bench` (bench/run.ts) on tiny pages, one run each: every part of the report is
 * there and its numbers are sane. Timings are not asserted (that is what the benchmark itself reports,
 * against its baseline); this checks the benchmark still measures what it says it does.
 * Needs the Chrome build (`npm test` builds it first) and Chromium.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatReport, type BenchReport } from '../../bench/report.ts';
import { quickConfig, runBench } from '../../bench/run.ts';
import { requireBuiltExtension } from './support/browser.ts';

const PAGES = ['short-article', 'live-blog', 'big-text', 'table-heavy', 'live-page'];
const TARGETS = [
  'long-tasks',
  'first-highlight',
  'added-time-live-blog',
  'added-time-big-text',
  'load-slowdown',
  'heap',
  'live-latency',
  'comparison',
  'content-size',
  'content-eval',
];

describe('npm run bench (smoke)', () => {
  let dir: string;
  let report: BenchReport;
  let outFile: string;

  beforeAll(async () => {
    requireBuiltExtension('chromium');
    dir = await mkdtemp(path.join(os.tmpdir(), 'fc-bench-smoke-'));
    outFile = path.join(dir, 'report.json');
    const config = quickConfig();
    report = await runBench({
      ...config,
      sizes: { ...config.sizes, liveBlogEntries: 40, bigTextChars: 30_000, liveEntries: 8, popupFigures: 20 },
      loadRepeats: { shortArticle: 2, other: 1 },
      popupRepeats: 1,
      databases: [2_000],
      readings: 50,
      settle: { quietMs: 800, maxMs: 30_000 },
      // Chromium only: Firefox's part runs in the full benchmark (it starts three more browsers).
      skip: ['firefox'],
      outFile,
      log: () => {},
    });
  }, 300_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('writes the JSON report it returns', async () => {
    expect(JSON.parse(await readFile(outFile, 'utf8'))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  test('measures every page in every mode, with the page settled', () => {
    expect(report.pages.map((p) => p.name)).toEqual(PAGES);
    for (const p of report.pages) {
      for (const mode of ['none', 'extension', 'baseline'] as const) {
        const s = p.modes[mode];
        expect(s.runs, `${p.name} ${mode}`).toBe(1);
        expect(s.settled, `${p.name} ${mode} settled`).toBe(true);
        expect(s.mainThreadMs, `${p.name} ${mode} main thread`).toBeGreaterThan(0);
        expect(s.mainThreadCpuMs!, `${p.name} ${mode} thread time`).toBeLessThanOrEqual(s.mainThreadMs! + 1);
        expect(s.heapJsMB, `${p.name} ${mode} heap`).toBeGreaterThan(0);
      }
      // Only the extension's tasks are the extension's: none in the runs without it.
      expect(p.modes.none.longestExtensionTaskMs).toBe(0);
      expect(p.modes.baseline.longestExtensionTaskMs).toBe(0);
      expect(p.modes.extension.longestExtensionTaskMs, p.name).toBeGreaterThan(0);
      expect(p.modes.extension.extensionScriptMs, p.name).toBeGreaterThan(0);
      expect(
        p.firstExtensionTasks[0]?.parts.some(([n]) => n.endsWith('(extension)')),
        p.name,
      ).toBe(true);
    }
  });

  test('counts highlights: the extension marks figures it found, the baseline marks every number', () => {
    for (const name of ['short-article', 'live-blog', 'live-page']) {
      const p = report.pages.find((x) => x.name === name)!;
      const ext = p.modes.extension;
      expect(ext.figuresFound, name).toBeGreaterThan(0);
      expect(ext.figuresMarked, name).toBeGreaterThan(0);
      expect(ext.figuresMarked!, name).toBeLessThanOrEqual(ext.figuresFound!);
      expect(ext.firstInViewMs, name).not.toBeNull();
      expect(p.modes.baseline.figuresMarked!, name).toBeGreaterThan(ext.figuresMarked!);
      expect(p.modes.none.figuresMarked, name).toBe(0);
    }
  });

  test('follows the live page: every entry with a figure is highlighted after it appears', () => {
    const live = report.pages.find((p) => p.name === 'live-page')!.live!;
    expect(live.withFigure).toBeGreaterThan(0);
    expect(live.missed).toBe(0);
    expect(live.p50!).toBeGreaterThanOrEqual(0);
    expect(live.max!).toBeGreaterThanOrEqual(live.p95!);
  });

  test('compares load times and times the popup list', () => {
    const short = report.pages.find((p) => p.name === 'short-article')!;
    expect(short.load?.runs).toBe(2);
    expect(short.load?.none).toBeGreaterThan(0);
    expect(short.load?.extension).toBeGreaterThan(0);
    expect(short.load?.emptyScript).toBeGreaterThan(0);
    expect(report.popup?.figures).toBeGreaterThan(0);
    expect(report.popup?.runs[0]?.items).toBe(report.popup?.figures);
    expect(report.popup?.listMs).toBeGreaterThan(0);
  });

  test('measures the database side and the bundles', () => {
    const db = report.database!;
    expect(db.extraction.map((e) => e.documents)).toEqual([20, 200]);
    for (const e of db.extraction) {
      expect(e.claims).toBeGreaterThan(e.documents);
      expect(e.claimsPerSecond).toBeGreaterThan(0);
    }
    expect(db.perDocumentRatio).toBeGreaterThan(0);
    expect(db.comparisons[0]?.claims).toBe(2_000);
    expect(db.comparisons[0]?.usPerComparison).toBeGreaterThan(0);
    expect(db.comparisons[0]?.reportsPerComparison).toBeGreaterThan(0);
    const b = report.bundles!;
    for (const part of [b.contentScript, b.background, b.popup]) {
      expect(part.bytes).toBeGreaterThan(part.gzipBytes);
      expect(part.gzipBytes).toBeGreaterThan(0);
    }
    expect(b.contentScript.files).toContain('content-scripts/content.js');
    expect(b.popup.files[0]).toBe('popup.html');
  });

  test('judges every target and prints every section', () => {
    expect(report.targets.map((t) => t.id)).toEqual(TARGETS);
    for (const t of report.targets) expect(t.value, t.id).not.toBeNull();
    // The verdicts follow the numbers measured.
    const target = (id: string) => report.targets.find((t) => t.id === id)!;
    expect(target('content-size').value).toBeCloseTo(report.bundles!.contentScript.gzipBytes / 1000, 1);
    expect(target('content-size').pass).toBe(report.bundles!.contentScript.gzipBytes <= 10_240);
    expect(report.bundles!.onDemand.files).toEqual(['card.js']);
    expect(target('comparison').value).toBe(report.database!.comparisons[0]!.usPerComparison);
    expect(target('comparison').pass).toBe(report.database!.comparisons[0]!.usPerComparison < 20);
    const text = formatReport(report);
    for (const section of ['Pages', 'Ratios', 'Live page', 'Popup', 'Database', 'Bundles', 'Targets']) {
      expect(text).toContain(section);
    }
    expect(text.match(/^(PASS|MISS) /gm)).toHaveLength(TARGETS.length);
  });
});
