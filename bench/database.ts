/**
 * The database side, in Node: building the claim database from a generated corpus (claims extracted per
 * second, at two corpus sizes, to show the cost per document stays flat), and comparing page figures with
 * a generated database of many claims (indexClaims once, then compareReading per figure).
 */
import { buildDatabase, type CorpusDocument } from '../lib/claims/index.ts';
import { compareReading, indexClaims } from '../lib/compare/index.ts';
import { readFigures } from '../lib/figures/index.ts';
import type { Claim, DocumentMeta, Reading } from '../lib/types.ts';
import { createRng, type Rng } from './prng.ts';
import { figureSentence, otherNumberSentence, paragraph, plainSentence } from './text.ts';

const PUBLISHERS = [
  'Reuters',
  'AP',
  'BBC',
  'Al Jazeera',
  'Kyiv Independent',
  'The Guardian',
  'DW',
  'France 24',
];

function isoDay(rng: Rng): string {
  // 2022-02-24 .. 2022-12-31
  const d = new Date(Date.UTC(2022, 1, 24) + rng.int(0, 310) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** `n` news documents of about 800 characters (three or four figures each among other numbers). */
export function generateCorpus(n: number, seed = 7): CorpusDocument[] {
  const rng = createRng(seed);
  const docs: CorpusDocument[] = [];
  for (let i = 0; i < n; i++) {
    const meta: DocumentMeta = {
      id: `bench-${String(i).padStart(6, '0')}`,
      title: `Report ${i}`,
      publisher: rng.pick(PUBLISHERS),
      date: isoDay(rng),
      url: `https://news.example/${i}`,
    };
    const text = [
      meta.title,
      `${figureSentence(rng)} ${plainSentence(rng)} ${figureSentence(rng)}`,
      `${otherNumberSentence(rng)} ${figureSentence(rng)}`,
      paragraph(rng, 3, 0.4, 0.5),
    ].join('\n\n');
    docs.push({ meta, text });
  }
  return docs;
}

export interface ExtractionResult {
  documents: number;
  characters: number;
  claims: number;
  ms: number;
  claimsPerSecond: number;
  /** Milliseconds per document. */
  msPerDocument: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function measureExtraction(docs: CorpusDocument[], repeats: number): ExtractionResult {
  const times: number[] = [];
  let claims = 0;
  for (let r = 0; r < repeats; r++) {
    const t = performance.now();
    claims = buildDatabase(docs).claims.length;
    times.push(performance.now() - t);
  }
  const ms = median(times);
  return {
    documents: docs.length,
    characters: docs.reduce((a, d) => a + d.text.length, 0),
    claims,
    ms: Math.round(ms),
    claimsPerSecond: Math.round((claims / ms) * 1000),
    msPerDocument: Math.round((ms / docs.length) * 1000) / 1000,
  };
}

/**
 * A database of `n` claims grown from real extractions: claims read from a generated corpus are copied
 * with other values, dates, sources and documents, so metrics, subjects and places keep the mix the
 * reader produces (a few large groups, such as civilians killed in Ukraine, and many small ones).
 */
export function generateClaims(n: number, seed = 11): Claim[] {
  const rng = createRng(seed);
  const base = buildDatabase(generateCorpus(400, seed)).claims.filter((c) => c.metric !== 'other');
  if (base.length === 0) throw new Error('generateClaims: the generated corpus gave no claims');
  const documents: DocumentMeta[] = Array.from({ length: Math.max(1, Math.round(n / 4)) }, (_, i) => ({
    id: `db-${i}`,
    title: `Document ${i}`,
    publisher: rng.pick(PUBLISHERS),
    date: isoDay(rng),
    url: null,
  }));
  const claims: Claim[] = [];
  for (let i = 0; i < n; i++) {
    const c = rng.pick(base);
    const document = rng.pick(documents);
    const value = c.value === null ? null : Math.max(1, Math.round(c.value * (0.5 + rng.next())));
    const scale = c.value && value ? value / c.value : 1;
    claims.push({
      ...c,
      id: `${document.id}#${i}`,
      value,
      low: c.low === null ? null : Math.round(c.low * scale),
      high: c.high === null ? null : Math.round(c.high * scale),
      asOf: rng.chance(0.3) ? isoDay(rng) : document.date,
      source: rng.chance(0.2)
        ? null
        : rng.pick([
            'UN human rights office',
            'Kyiv mayor',
            'Zelenskyy',
            'Kremlin',
            'UNHCR',
            'regional governor',
          ]),
      document,
    });
  }
  return claims;
}

export interface ComparisonResult {
  claims: number;
  readings: number;
  indexMs: number;
  comparisons: number;
  /** Median over rounds of µs per compareReading call. */
  usPerComparison: number;
  comparisonsPerSecond: number;
  /** Average reports returned per comparison. */
  reportsPerComparison: number;
  /** µs per comparison when at most one report is returned: the cost of weighing the group alone. */
  usOneReport: number;
}

/** Page figures to compare: read from generated page text, as the content script would. */
export function generateReadings(n: number, seed = 13): Reading[] {
  const rng = createRng(seed);
  const out: Reading[] = [];
  while (out.length < n) {
    const text = Array.from({ length: 50 }, () => figureSentence(rng)).join('\n\n');
    out.push(...readFigures(text, { date: '2022-04-01' }));
  }
  return out.slice(0, n);
}

export function measureComparisons(
  claims: Claim[],
  readings: Reading[],
  rounds: number,
  minRoundMs = 300,
): ComparisonResult {
  let t = performance.now();
  const index = indexClaims(claims);
  const indexMs = performance.now() - t;
  let comparisons = 0;
  let reports = 0;
  let calls = 0;
  const timeRounds = (maxReports: number | undefined): number => {
    const perRound: number[] = [];
    for (let r = 0; r < rounds; r++) {
      let n = 0;
      t = performance.now();
      do {
        for (const reading of readings) {
          const c = compareReading(reading, index, { pageDate: '2022-04-01', maxReports });
          if (maxReports === undefined) {
            reports += c.reports.length;
            calls++;
          }
        }
        n += readings.length;
      } while (performance.now() - t < minRoundMs);
      perRound.push(((performance.now() - t) * 1000) / n);
      comparisons += n;
    }
    return median(perRound);
  };
  const us = timeRounds(undefined);
  const usOne = timeRounds(1);
  return {
    claims: claims.length,
    readings: readings.length,
    indexMs: Math.round(indexMs),
    comparisons,
    usPerComparison: Math.round(us * 100) / 100,
    comparisonsPerSecond: Math.round(1e6 / us),
    reportsPerComparison: Math.round((reports / calls) * 10) / 10,
    usOneReport: Math.round(usOne * 100) / 100,
  };
}
