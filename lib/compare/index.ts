/**
 * Comparing a page figure with the claim database, the way a careful fact-checker would (the rules below,
 * in prose for people: docs/comparison.md). `indexClaims` once, then `compareReading` per figure.
 *
 * WHAT IS COMPARED (like with like)
 * - Only claims of the same metric, subject, place, scope and period kind, and the same modality. Children
 *   are their own subject. A scope (`health care attacks`, `Kramatorsk station strike`) narrows a count: it
 *   meets only the same scope, and the general count (scope null) only the general count.
 * - What is unknown is compared with nothing: metric or subject `other`, no place, and the toll of one
 *   incident (`event`) that does not say which incident (no scope).
 * - A one-day figure (`window`) meets only the same day's one-day figures; without a date, nothing.
 * - An incident's toll (`event`) meets the same incident's, at any date: it grows over the following days
 *   like a running total, and is weighed as one.
 * - Forecasts meet only forecasts.
 * - A claim in the very sentence the figure stands in (same quote and text: the page is, or copies, a corpus
 *   document) is the same report, not another one, and is left out; so is a claim with no number.
 *
 * NUMBERS ARE INTERVALS
 * `low`/`high` from the figures layer (`more than 9,000` → [9000, ∞), `nearly 500` → [450, 500]); an open
 * side is 0 or ∞; `3.8 million` allows its rounding. Two numbers match when their intervals overlap. A figure
 * with no number (`thousands`) can neither confirm nor contradict: it is not compared.
 *
 * TIME (the figure's date is its `asOf`, else the page date)
 * Reports at most SAME_PERIOD_DAYS (3) from it describe the same period (the same day, for `window`). Only
 * those can agree with it or disagree; the others are context: a running total grows, a level moves, and
 * "780 ten days earlier" says neither yes nor no to today's figure. A report replaced by a later report of
 * the same measure before the figure's date (superseded: larger, for a total; different, for a level; never a
 * confirmed count by someone else's estimate) speaks for that date no more.
 *
 * VERDICT (stances.ts names how each report stands)
 * - `differs` when the record rules the figure out: a monitor's confirmed count (a floor: OHCHR, the UN
 *   human rights office) at or before its date is above it; or its own source's latest report by then gives
 *   another number (not an update of its own count); unless it repeats a replaced number (`outdated`).
 * - else `agrees` when a report of the same period matches it (other sources may disagree: the summary
 *   names the nearest);
 * - else `differs` when reports of the same period give other numbers (`outdated` when the figure matches a
 *   replaced report: the page repeats an old number);
 * - else `outdated` when it matches a report already replaced by its date;
 * - else `other-dates`: reports exist, none of the same period gives its number and none contradicts it
 *   (a confirmed minimum below it from someone else, a source's own update, other dates);
 * - `no-reports` when nothing counts the same thing with a number.
 *
 * Cost: one map lookup per figure. The claims of the figure's period are weighed one by one; the rest only
 * through summaries kept by the index (weighing.ts). Report objects are built only for the reports returned:
 * at most `maxReports`, those nearest the figure's date and those the summary names.
 */
import type { Comparison, IsoDate, Reading, Report, TimeRelation, Verdict } from '../types.ts';
import {
  comparable,
  firstAfter,
  firstAtOrAfter,
  refOf,
  sentenceOf,
  wordsOf,
  type Bucket,
  type ClaimIndex,
} from './claim-index.ts';
import { dayNumber, yearOfDay } from '../calendar/days.ts';
import { intervalOf, type Interval } from './intervals.ts';
import { isFloor, shortName, sourceKey } from './sources.ts';
import { STALE, isConsistent, type Stance } from './stances.ts';
import { Weighing } from './weighing.ts';
import {
  agreeSummary,
  differSummary,
  noReportsSummary,
  noteFor,
  otherDatesSummary,
  outdatedSummary,
  type Named,
} from './wording.ts';

export { ClaimIndex, SAME_PERIOD_DAYS, indexClaims, type IndexOptions } from './claim-index.ts';

export interface CompareOptions {
  /** The page's publication date, when known: the figure's date when it has no `asOf` of its own. */
  pageDate: IsoDate | null;
  /** Most reports to return; the verdict always weighs them all. Default MAX_REPORTS. */
  maxReports?: number;
}

/** Enough for the card, the popup and the timeline; a group with more keeps those nearest in time. */
export const MAX_REPORTS = 50;

/** What the comparison knows about the page figure. */
interface Page {
  reading: Reading;
  iv: Interval;
  day: number;
  /** Its source as the index numbers it (-1 when no claim has it). */
  sourceId: number;
  who: string;
  /** The year of the figure's date, so lines name other years only. */
  year: number | undefined;
}

export function compareReading(reading: Reading, index: ClaimIndex, options: CompareOptions): Comparison {
  if (!comparable(reading.metric, reading.subject, reading.place, reading.scope, reading.period)) {
    return {
      verdict: 'no-reports',
      reports: [],
      summary: 'Not compared: what this figure counts, where, or which incident, is unclear.',
    };
  }
  const iv = intervalOf(reading);
  if (iv.vague) {
    return {
      verdict: 'no-reports',
      reports: [],
      summary: `“${shortName(reading.text)}” gives no number to check.`,
    };
  }
  const bucket = index.bucket(
    reading.metric,
    reading.subject,
    reading.place,
    reading.scope,
    reading.period,
    reading.modality === 'forecast',
  );
  if (!bucket) return { verdict: 'no-reports', reports: [], summary: noReportsSummary(reading) };

  let day = dayNumber(reading.asOf);
  if (Number.isNaN(day)) day = dayNumber(options.pageDate);
  const sourceId = index.sourceId(reading.source === null ? '' : sourceKey(reading.source, null));
  const page: Page = {
    reading,
    iv,
    day,
    sourceId,
    who: reading.source === null ? 'this page' : shortName(reading.source),
    year: Number.isNaN(day) ? undefined : yearOfDay(day),
  };

  // A one-day figure meets only the same day's figures: the group is sorted by day.
  let from = 0;
  let to = bucket.claims.length;
  if (bucket.window) {
    if (Number.isNaN(day)) {
      return {
        verdict: 'no-reports',
        reports: [],
        summary: 'No date for this one-day figure, so no report can be matched to it.',
      };
    }
    from = firstAtOrAfter(bucket.day, day, 0, to);
    to = firstAfter(bucket.day, day, from, to);
  }

  const w = new Weighing(bucket, {
    day,
    lo: iv.lo,
    hi: iv.hi,
    sourceId,
    floor: isFloor(reading.source, reading.metric),
    sentenceId: sentenceOf(bucket, index.quoteId(reading.quote), reading.text),
  });
  const vague = bucket.vagueBefore[to]! - bucket.vagueBefore[from]!;
  let weighed = to - from - vague;
  for (const i of w.ownSentences) if (i >= from && i < to) weighed--;
  if (weighed === 0)
    return { verdict: 'no-reports', reports: [], summary: noReportsSummary(reading, vague > 0) };
  w.weigh(from, to);

  const disowned = w.own >= 0 && !w.ownConsistent;
  const { verdict, summary } = conclude(bucket, page, {
    best: w.best,
    conflict: w.conflict,
    impossible: w.impossible,
    stale: w.stale,
    own: disowned ? w.own : -1,
    nearest: w.nearest,
    nearestStance: w.nearest >= 0 ? w.stanceOf(w.nearest) : 0,
    earlier: w.earlier,
    later: w.later,
  });
  const picked = pick(w, from, to, weighed, options.maxReports ?? MAX_REPORTS, [
    w.best,
    w.conflict,
    w.impossible,
    w.stale,
    disowned ? w.own : -1,
    w.nearest,
    w.earlier,
    w.later,
  ]);
  const reports = picked.map((i) => report(bucket, i, page, w.stanceOf(i)));
  return { verdict, reports, summary };
}

/** The claims a verdict rests on (indices into the group; -1: none). */
interface Facts {
  best: number;
  conflict: number;
  impossible: number;
  stale: number;
  /** The figure's own source's latest report when it does not fit the figure. */
  own: number;
  nearest: number;
  nearestStance: number;
  earlier: number;
  later: number;
}

function conclude(b: Bucket, page: Page, f: Facts): { verdict: Verdict; summary: string } {
  const named = (i: number): Named => ({ words: wordsOf(b, i), days: b.day[i]! - page.day });
  const y = page.year;
  const outdated = (): string => {
    const by = b.staleBy[f.stale]!;
    const latest = b.supersededBy[f.stale]!;
    return outdatedSummary(
      wordsOf(b, f.stale),
      by >= 0 ? wordsOf(b, by) : null,
      latest >= 0 ? wordsOf(b, latest) : null,
    );
  };
  if (f.impossible >= 0 || f.own >= 0) {
    if (f.best < 0 && f.stale >= 0) return { verdict: 'outdated', summary: outdated() };
    const summary =
      f.impossible >= 0
        ? differSummary('impossible', named(f.impossible), y)
        : differSummary('own', named(f.own), y);
    return { verdict: 'differs', summary };
  }
  if (f.best >= 0) {
    const sup = b.supersededBy[f.best]!;
    const summary = agreeSummary(
      named(f.best),
      sup >= 0 ? wordsOf(b, sup) : null,
      f.conflict >= 0 ? named(f.conflict) : null,
      y,
    );
    return { verdict: 'agrees', summary };
  }
  if (f.stale >= 0) return { verdict: 'outdated', summary: outdated() };
  if (f.conflict >= 0)
    return { verdict: 'differs', summary: differSummary('conflict', named(f.conflict), y) };
  const summary = otherDatesSummary(
    f.nearest >= 0 ? { ...named(f.nearest), stance: f.nearestStance as Stance } : null,
    f.earlier >= 0 ? named(f.earlier) : null,
    f.later >= 0 ? named(f.later) : null,
    y,
    !Number.isNaN(page.day),
  );
  return { verdict: 'other-dates', summary };
}

/**
 * The reports to return, in date order: all of them when they fit; else a run nearest the figure's date
 * plus the reports the summary names. `kept` is how many of claims [from, to) are not left out.
 */
function pick(w: Weighing, from: number, to: number, kept: number, max: number, named: number[]): number[] {
  const chosen: number[] = [];
  if (kept <= max) {
    for (let i = from; i < to; i++) if (!w.isSkip(i)) chosen.push(i);
    return chosen;
  }
  const extra = named.filter((i, k) => i >= 0 && named.indexOf(i) === k);
  const size = Math.max(0, max - extra.length);
  // The run is counted in reports kept, from the first report at or after the figure's date (`centre` of
  // them before it). Without a date, the latest reports are the most useful.
  const b = w.bucket;
  let at = to;
  let centre = kept;
  if (!Number.isNaN(w.figure.day)) {
    at = firstAtOrAfter(b.day, w.figure.day, from, to);
    centre = at - from - (b.vagueBefore[at]! - b.vagueBefore[from]!);
    for (const i of w.ownSentences) if (i >= from && i < at) centre--;
  }
  const start = Math.min(Math.max(0, centre - (size >> 1)), kept - size);
  // Walk from `at` (with `centre` reports before it) to where `start` reports are before it.
  let before = centre;
  while (before > start) if (!w.isSkip(--at)) before--;
  for (; before < start; at++) if (!w.isSkip(at)) before++;
  for (; chosen.length < size; at++) if (!w.isSkip(at)) chosen.push(at);
  for (const i of extra) if (!chosen.includes(i)) chosen.push(i);
  return chosen.sort((x, y) => x - y);
}

function relationOf(d: number): TimeRelation {
  if (Number.isNaN(d)) return 'unknown';
  return d === 0 ? 'same-day' : d > 0 ? 'later' : 'earlier';
}

function report(b: Bucket, i: number, page: Page, stance: number): Report {
  const c = b.claims[i]!;
  const d = b.day[i]! - page.day;
  const sup = b.supersededBy[i]!;
  const supersededBy = sup >= 0 ? refOf(b, sup) : null;
  // An explicit literal: V8 copies `{ ...claim, … }` of a 17-field object two orders of magnitude slower.
  const r: Report = {
    id: c.id,
    text: c.text,
    start: c.start,
    end: c.end,
    value: c.value,
    low: c.low,
    high: c.high,
    qualifier: c.qualifier,
    metric: c.metric,
    subject: c.subject,
    place: c.place,
    scope: c.scope ?? null,
    period: c.period,
    asOf: c.asOf,
    source: c.source,
    modality: c.modality,
    quote: c.quote,
    document: c.document,
    consistent: isConsistent(stance),
    relation: relationOf(d),
    daysApart: Number.isNaN(d) ? null : d,
    supersededBy,
    note: noteFor({
      words: wordsOf(b, i),
      forecast: b.forecast,
      window: b.window,
      stance: stance as Stance,
      days: d,
      larger: b.lo[i]! > page.iv.hi,
      sameSource: b.sourceId[i] === page.sourceId,
      pageWho: page.who,
      supersededBy: sup >= 0 ? wordsOf(b, sup) : null,
      staleBy: stance === STALE && b.staleBy[i]! >= 0 ? wordsOf(b, b.staleBy[i]!) : null,
    }),
  };
  // Replaced before the page figure's date: it no longer speaks for that date (shown as "outdated").
  if (stance === STALE) r.outdated = true;
  // Fields a claim carries beyond the shared vocabulary (e.g. whose document it is) travel with it.
  const extra = b.extra[i];
  if (extra)
    for (const key of extra)
      (r as unknown as Record<string, unknown>)[key] ??= (c as unknown as Record<string, unknown>)[key];
  return r;
}
