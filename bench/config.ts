/**
 * What `npm run bench` measures and how many times: the full run and the smoke test's quick one. Apart from
 * bench/run.ts so that bench/investigate.ts can use the same settings without importing the runner.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FULL_SIZES, type PageName, type PageSizes } from './pages.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type Part = 'browser' | 'popup' | 'node' | 'bundles' | 'firefox';

export interface BenchConfig {
  sizes: PageSizes;
  /** Traced runs per page and mode. */
  repeats: number;
  /** Untraced loads per mode for the load-time comparison: the short article, and every other page. */
  loadRepeats: { shortArticle: number; other: number };
  popupRepeats: number;
  /** Corpus sizes (documents) for claims extracted per second; the second should be 10× the first. */
  corpora: [number, number];
  corpusRepeats: number;
  /** Database sizes (claims) for comparisons; the last is the one the target speaks of. */
  databases: number[];
  readings: number;
  /** A page counts as done when its main thread is under 3% busy for quietMs; maxMs caps one run. */
  settle: { quietMs: number; maxMs: number };
  pages: PageName[];
  skip: Part[];
  outFile: string | null;
  extensionDir: string;
  /** The Firefox build and browser, for the same pages in Firefox (bench/firefox.ts). */
  firefoxExtensionDir: string;
  firefox: string;
  chromium: string;
  log: (line: string) => void;
}

export const BROWSER_PAGES: PageName[] = [
  'short-article',
  'live-blog',
  'big-text',
  'table-heavy',
  'live-page',
];

export function fullConfig(): BenchConfig {
  return {
    sizes: FULL_SIZES,
    repeats: 3,
    loadRepeats: { shortArticle: 15, other: 3 },
    popupRepeats: 5,
    corpora: [1_000, 10_000],
    corpusRepeats: 3,
    databases: [10_000, 100_000],
    readings: 1_000,
    settle: { quietMs: 2_000, maxMs: 240_000 },
    pages: BROWSER_PAGES,
    skip: [],
    outFile: path.join(ROOT, 'bench-results/report.json'),
    extensionDir: path.join(ROOT, '.output/chrome-mv3'),
    firefoxExtensionDir: path.join(ROOT, '.output/firefox-mv2'),
    firefox: process.env.FIGURE_CHECK_FIREFOX ?? '/usr/lib/firefox-esr/firefox-esr',
    chromium: process.env.FIGURE_CHECK_CHROMIUM ?? '/usr/bin/chromium',
    log: (line) => console.error(line),
  };
}

/** Small pages, one run each: what the smoke test runs. */
export function quickConfig(): BenchConfig {
  return {
    ...fullConfig(),
    sizes: {
      liveBlogEntries: 60,
      bigTextChars: 60_000,
      tableElements: 2_000,
      liveEntries: 15,
      liveIntervalMs: 100,
      popupFigures: 40,
    },
    repeats: 1,
    loadRepeats: { shortArticle: 3, other: 1 },
    popupRepeats: 2,
    corpora: [20, 200],
    corpusRepeats: 1,
    databases: [5_000],
    readings: 100,
    settle: { quietMs: 1_000, maxMs: 30_000 },
  };
}
