/**
 * The optimised comparison returns exactly what the plain one-pass comparison (frozen in
 * support/compare-reference.ts) returns: same verdict, summary and reports, field for field, for random
 * claim databases and page figures that put the rules next to each other (same and other days, floors,
 * levels, own source, own sentence, stale and superseded reports, vague values, forecasts, one-day figures,
 * incidents, scopes, unknown subjects and places, undated claims and pages).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareReading, indexClaims } from '../../../lib/compare/index.ts';
import type { Claim, DocumentMeta, Metric, Period, Qualifier, Reading, Subject } from '../../../lib/types.ts';
import * as reference from '../support/compare-reference.ts';
import { createRng, type Rng } from '../../../bench/prng.ts';

// A seeded generator, so a database of thousands of claims is one shrinkable seed (the benchmark's own).
const rngOf = createRng;

// A count with floors, a count without, a level: the three ways time and sources are read.
const METRICS: readonly Metric[] = ['killed', 'fled_abroad', 'missing', 'buildings_destroyed', 'weapons'];
const SUBJECTS: readonly Subject[] = ['civilians', 'children', 'other'];
const PLACES = ['Ukraine', 'Kyiv', ''];
const SOURCES = [
  'UN human rights office',
  'OHCHR',
  'Kyiv mayor',
  'kyiv  Mayor',
  'Zelenskyy',
  'UNHCR',
  'Kremlin',
  null,
] as const;
const PUBLISHERS = ['Reuters', 'AP', 'BBC'];
// Scopes written two ways (case and spacing aside, one scope), another scope, and none (the general count).
const SCOPES = ['health care attacks', 'Health care  attacks', 'Kramatorsk station strike', null] as const;

/** A period kind and a scope: now and then a one-day figure, or one incident's toll (with its scope or not). */
function periodOf(rng: Rng, windows: number): { period: Period; scope: string | null } {
  if (rng.chance(windows)) return { period: 'window', scope: rng.chance(0.1) ? rng.pick(SCOPES) : null };
  if (rng.chance(0.1)) return { period: 'event', scope: rng.pick(SCOPES) };
  return { period: 'cumulative', scope: rng.chance(0.1) ? rng.pick(SCOPES) : null };
}
const QUOTES = ['Quote one.', 'Quote two.', 'Quote three.'];
const QUALIFIERS: readonly Qualifier[] = [
  'exact',
  'exact',
  'exact',
  'about',
  'nearly',
  'more_than',
  'at_least',
  'up_to',
  'range',
  'vague',
];
const BASE_DAY = Date.UTC(2022, 1, 24);

function iso(day: number): string {
  return new Date(BASE_DAY + day * 86_400_000).toISOString().slice(0, 10);
}

interface Shape {
  /** Distinct values: few make overlaps and equal numbers common. */
  values: number;
  /** Days the claims spread over: few make same-day and next-day claims common. */
  days: number;
  /** Share of forecasts among the main measure's claims (default 3%) and among page figures (5%). */
  forecasts?: number;
  forecastFigures?: number;
  /** A page figure that is a claim's own sentence is now and then read with another number. */
  rereads?: boolean;
}

/** A figure's number part: value, bounds, qualifier and the text they are read from. */
function numberOf(rng: Rng, shape: Shape) {
  const qualifier = rng.pick(QUALIFIERS);
  const base = [10, 20, 50, 100, 249, 250, 500, 1000, 2000, 4253, 9000, 3_800_000][
    rng.int(0, shape.values - 1)
  ]!;
  if (qualifier === 'vague') return { text: 'thousands', value: null, low: null, high: null, qualifier };
  if (base === 3_800_000 && qualifier === 'exact') {
    return { text: '3.8 million', value: base, low: base, high: base, qualifier };
  }
  const text = `${qualifier} ${base}`;
  switch (qualifier) {
    case 'exact':
      return { text: String(base), value: base, low: base, high: base, qualifier };
    case 'about':
      return { text, value: base, low: Math.round(base * 0.9), high: Math.round(base * 1.1), qualifier };
    case 'nearly':
      return { text, value: base, low: Math.round(base * 0.9), high: base, qualifier };
    case 'more_than':
    case 'at_least':
      return { text, value: base, low: base, high: null, qualifier };
    case 'up_to':
      return { text, value: base, low: null, high: base, qualifier };
    default:
      return { text, value: base, low: base, high: base * 2, qualifier };
  }
}

function makeClaims(seed: number, size: number, shape: Shape): Claim[] {
  const rng = rngOf(seed);
  const docs: DocumentMeta[] = Array.from({ length: Math.max(1, size >> 2) }, (_, i) => ({
    id: `d${i}`,
    title: `Document ${i}`,
    publisher: rng.pick(PUBLISHERS),
    // Now and then an undated document: its claims without `asOf` sort last.
    date: rng.chance(0.02) ? 'undated' : iso(rng.int(0, shape.days)),
    url: null,
  }));
  // Most claims in one measure, so one bucket holds up to `size`; the rest spread over the others.
  return Array.from({ length: size }, (_, i) => {
    const main = rng.chance(0.8);
    const document = rng.pick(docs);
    const claim: Claim = {
      ...numberOf(rng, shape),
      start: 0,
      end: 1,
      metric: main ? 'killed' : rng.pick(METRICS),
      subject: main ? 'civilians' : rng.pick(SUBJECTS),
      place: main ? 'Ukraine' : rng.pick(PLACES),
      ...periodOf(rng, main ? 0.05 : 0.3),
      asOf: rng.chance(0.4) ? iso(rng.int(0, shape.days)) : rng.chance(0.5) ? document.date : null,
      source: rng.pick(SOURCES),
      modality: rng.chance(main ? (shape.forecasts ?? 0.03) : 0.2) ? 'forecast' : 'reported',
      quote: rng.pick(QUOTES),
      id: `c${i}`,
      document,
    };
    // Fields beyond the vocabulary travel with the report.
    if (rng.chance(0.05)) (claim as Claim & { origin: string }).origin = 'library';
    return claim;
  });
}

function makeReading(rng: Rng, shape: Shape, claims: readonly Claim[]): Reading {
  // Now and then the page's own sentence: a claim copied as it is (left out of its comparison).
  if (rng.chance(0.15) && claims.length > 0) {
    const { id: _id, document: _doc, ...copy } = rng.pick(claims);
    const figure = { ...copy, asOf: rng.chance(0.5) ? copy.asOf : null };
    if (shape.rereads && rng.chance(0.5)) return { ...figure, ...numberOf(rng, shape), text: copy.text };
    return figure;
  }
  return {
    ...numberOf(rng, shape),
    start: 0,
    end: 1,
    metric: rng.chance(0.7) ? 'killed' : rng.chance(0.1) ? 'other' : rng.pick(METRICS),
    subject: rng.chance(0.8) ? 'civilians' : rng.pick(SUBJECTS),
    place: rng.chance(0.8) ? 'Ukraine' : rng.pick(PLACES),
    ...periodOf(rng, 0.1),
    asOf: rng.chance(0.3) ? iso(rng.int(-2, shape.days + 2)) : null,
    source: rng.pick(SOURCES),
    modality: rng.chance(shape.forecastFigures ?? 0.05) ? 'forecast' : 'reported',
    quote: rng.pick([...QUOTES, 'A sentence on this page.']),
  };
}

const database = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  // Mostly small groups, where every rule meets every other, and now and then thousands of claims.
  size: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 1, max: 60 }) },
    { weight: 1, arbitrary: fc.integer({ min: 61, max: 3000 }) },
  ),
  values: fc.integer({ min: 1, max: 12 }),
  days: fc.integer({ min: 0, max: 60 }),
});

describe('compareReading returns what the plain one-pass comparison returns', () => {
  test('for random databases, page figures, page dates and report limits', () => {
    fc.assert(
      fc.property(database, fc.integer(), ({ seed, size, values, days }, readingSeed) => {
        const shape = { values, days };
        const claims = makeClaims(seed, size, shape);
        const fast = indexClaims(claims);
        const plain = reference.indexClaims(claims);
        const rng = rngOf(readingSeed);
        for (let k = 0; k < 40; k++) {
          const reading = makeReading(rng, shape, claims);
          const pageDate = rng.chance(0.15) ? null : iso(rng.int(-2, days + 2));
          const maxReports = rng.pick([undefined, undefined, 1, 3, 10]);
          const options = { pageDate, maxReports };
          expect(compareReading(reading, fast, options)).toStrictEqual(
            reference.compareReading(reading, plain, options),
          );
        }
      }),
      { numRuns: 150 },
    );
    // Thousands of claims compared twice per run: seconds, more on a loaded machine.
  }, 60_000);

  // The card and popup show a report's note as it is (lib/ui/popup-view.ts): it must name what superseded
  // the report.
  test('a superseded report says so in its note', () => {
    fc.assert(
      fc.property(database, fc.integer(), ({ seed, size, values, days }, readingSeed) => {
        const shape = { values, days };
        const index = indexClaims(makeClaims(seed, size, shape));
        const rng = rngOf(readingSeed);
        for (let k = 0; k < 20; k++) {
          const reading = makeReading(rng, shape, []);
          const pageDate = rng.chance(0.15) ? null : iso(rng.int(-2, days + 2));
          for (const r of compareReading(reading, index, { pageDate }).reports) {
            // "superseded by X", or for a report already stale at the page's date "…; latest: X".
            const by = r.supersededBy?.text;
            if (by)
              expect([`superseded by ${by}`, `latest: ${by}`].some((w) => r.note.includes(w))).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  // A replaced report matching the figure is found from block summaries (claim-blocks.ts). Blocks of a few
  // claims put many blocks before the figure in groups small enough to run often, and dates spread wide
  // put most claims in them, so each block rule meets the others.
  test('when far claims are weighed by block summaries', () => {
    const spread = fc.record({
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      size: fc.integer({ min: 1, max: 400 }),
      values: fc.integer({ min: 1, max: 12 }),
      days: fc.integer({ min: 0, max: 200 }),
      blockSize: fc.integer({ min: 1, max: 12 }),
      blockFanout: fc.integer({ min: 1, max: 4 }),
      forecasts: fc.constantFrom(0.03, 0.5),
    });
    fc.assert(
      fc.property(
        spread,
        fc.integer(),
        ({ seed, size, values, days, blockSize, blockFanout, forecasts }, readingSeed) => {
          const shape = { values, days, forecasts, forecastFigures: forecasts, rereads: true };
          const claims = makeClaims(seed, size, shape);
          const fast = indexClaims(claims, { blockSize, blockFanout });
          const plain = reference.indexClaims(claims);
          const rng = rngOf(readingSeed);
          for (let k = 0; k < 40; k++) {
            const reading = makeReading(rng, shape, claims);
            const pageDate = rng.chance(0.1) ? null : iso(rng.int(-2, days + 2));
            const maxReports = rng.pick([undefined, 1, 3, 10]);
            const options = { pageDate, maxReports };
            expect(compareReading(reading, fast, options)).toStrictEqual(
              reference.compareReading(reading, plain, options),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});
