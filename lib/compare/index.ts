/**
 * Comparing a page figure with the claim database, the way a careful fact-checker would (SPEC.md,
 * "Comparison"; issue 4). `indexClaims` once, then `compareReading` per figure.
 *
 * WHAT IS COMPARED (like with like)
 * - Only claims of the same metric, subject, place and period kind (`cumulative` or `window`). Children are
 *   their own subject: a count of children killed is never compared with civilians or people killed (the
 *   popup and card show them apart, as their own measure).
 * - A figure whose metric is `other` (not understood) is compared with nothing.
 * - Forecasts are never checked against counts: a reported figure is compared with reported claims only,
 *   and a forecast ("could reach as high as 10 million") only with other forecasts, by number alone.
 * - A one-day figure (`window`: "53 died in the past 24 hours") is compared only with window figures for
 *   the same day; a figure for Thursday says nothing about Wednesday. With no date, nothing matches it.
 * - A claim in the very sentence the figure stands in (same quote and text: the page is, or copies, a
 *   corpus document) is the same report, not another one, and is left out.
 *
 * NUMBERS ARE INTERVALS
 * `low`/`high` from the figures layer (`more than 9,000` → [9000, ∞), `nearly 500` → [450, 500]); an open
 * side is 0 or ∞; `3.8 million` allows its rounding (3.75–3.85 million). Two figures agree in number when
 * their intervals overlap. A figure with no number (`thousands`, `dozens`) can neither confirm nor
 * contradict one: it is not compared (a vague page figure gets `no-reports`, "gives no number to check")
 * and is never a report.
 *
 * TIME (the page figure's date is its `asOf`, else the page date)
 * Each report is placed `earlier`, `same-day` or `later` (`unknown` without a page date), with `daysApart`.
 * Reports at most SAME_PERIOD_DAYS (1) apart describe the same period: there, different numbers from
 * different sources are a disagreement, said plainly ("UN vs Ukrainian officials on the same day"). Further
 * apart (or the same source on another day):
 * - running totals (killed, injured, fled abroad, attacks, aid…) only grow: a larger figure later, or a
 *   smaller one earlier, is progress and consistent; the reverse is a contradiction (a later total can't
 *   be smaller), and an earlier larger report means the page figure may be out of date;
 * - levels (trapped, missing, detained, displaced) move both ways: another date's figure is consistent.
 *
 * SUPERSEDED
 * A report is superseded by a later report of the same measure that moved past it (larger, for a total;
 * different, for a level) and is not the same period from another source. `supersededBy` names the latest
 * such report ("superseded by 4,253 (OHCHR, 2022-06-07)"). A report already superseded before the page
 * figure's date no longer speaks for that date: it neither supports nor contradicts the figure (it is
 * shown, `consistent: false`, "already superseded by 516 (…)"); the reports that replaced it
 * decide. A figure matching a report superseded only later agrees (it was right when written), and the
 * summary says it has since been superseded.
 *
 * OWN SOURCE
 * A figure attributed to a source ("the UN said 249") is out of date or misquoted when that same source's
 * latest report at or before the figure's date gives another number: then the verdict is `differs`
 * whatever other sources allow (the one exception to "agrees when some report is consistent").
 *
 * FLOORS
 * Confirmed counts of casualties from UN monitors (OHCHR, UN human rights office, UN) are minimums: the
 * real toll is likely higher. So when the smaller of two figures is such a floor and the larger comes from
 * another source, they are consistent, at any date, and the note says why. The other way round is not
 * excused: a figure below a floor is contradicted by it. A floor is superseded only by a later confirmed
 * count (or by its own source), never by a larger estimate from elsewhere.
 *
 * VERDICT
 * `agrees` when some report is consistent with the figure (matches it, or the difference is explained by
 * time, a floor or a level); `differs` when reports exist and none is (or OWN SOURCE); `no-reports` when
 * nothing counts the same thing with a number. So a page dated 2022-03-03 saying 249 civilians killed agrees with the UN's 249 of the
 * day before, is not contradicted by OHCHR's 4,253 of 2022-06-07 (later, larger), and the summary says it
 * has since been superseded; the same 249 on a page dated 2022-06-10 differs: it is out of date. When sources
 * disagree about the same period the verdict follows the report that supports the figure, and the
 * summary names the one that does not ("…; Zelenskyy gave more than 9,000 a day later").
 *
 * Cost: one map lookup per figure (no key built). The group's claims within about a day of the figure's
 * date are weighed one by one; the rest by block summaries, looking inside a block only for the claims the
 * verdict and summary name (weighing.ts, claim-blocks.ts), so a comparison grows with the group's size by
 * little more than a block walk. Report objects are built only for the reports returned: at most
 * `maxReports`, those nearest the figure's date and those the summary names.
 */
import type { Comparison, IsoDate, Reading, Report, TimeRelation } from '../types.ts';
import {
  firstAfter,
  firstAtOrAfter,
  refOf,
  sentenceOf,
  wordsOf,
  type Bucket,
  type ClaimIndex,
} from './claim-index.ts';
import { dayNumber, yearOfDay } from './dates.ts';
import { intervalOf, type Interval } from './intervals.ts';
import { isComparable } from './measures.ts';
import { isFloor, shortName, sourceKey } from './sources.ts';
import { STALE, Stance, isConsistent } from './stances.ts';
import { Weighing } from './weighing.ts';
import { apart, noReportsSummary, noteFor, span } from './wording.ts';

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
  /** The year of the figure's date, so notes name other years only. */
  year: number | undefined;
}

export function compareReading(reading: Reading, index: ClaimIndex, options: CompareOptions): Comparison {
  if (!isComparable(reading.metric)) {
    return {
      verdict: 'no-reports',
      reports: [],
      summary: 'Not compared: what this figure counts is unclear.',
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
    reading.period === 'window',
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

  // A figure attributed to a source that had itself published another number by then is out of date or
  // misquoted, whatever other sources allow.
  const disowned = w.own >= 0 && !w.ownAgrees;
  const namedConflict = disowned && !(bucket.lo[w.own]! > page.iv.hi) ? w.own : w.namedConflict;
  const verdict = w.best >= 0 && !disowned ? 'agrees' : 'differs';
  const picked = pick(w, from, to, weighed, options.maxReports ?? MAX_REPORTS, [
    w.best,
    namedConflict,
    w.outdatedBy,
    w.staleMatch,
  ]);
  const reports = picked.map((i) => report(bucket, i, page, w.stanceOf(i)));
  let summary: string;
  if (verdict === 'agrees') {
    // Only this summary says how many reports differ: the blocks far from the figure are counted for it.
    const contradictions = namedConflict < 0 ? w.contradictions() : 0;
    summary = agreeSummary(bucket, page, w.best, w.stanceOf(w.best), namedConflict, contradictions);
  } else {
    // The latest report weighed (the group is in date order).
    let latest = to - 1;
    while (latest > from && w.isSkip(latest)) latest--;
    summary = differSummary(bucket, page, w.outdatedBy, w.staleMatch, namedConflict, weighed, latest);
  }
  return { verdict, reports, summary };
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
      stance: stance as Stance,
      days: d,
      larger: b.lo[i]! > page.iv.hi,
      matches: page.iv.lo <= b.hi[i]! && b.lo[i]! <= page.iv.hi,
      sameSource: b.sourceId[i] === page.sourceId,
      pageWho: page.who,
      supersededBy: sup >= 0 ? wordsOf(b, sup) : null,
      staleBy: stance === STALE && b.staleBy[i]! >= 0 ? wordsOf(b, b.staleBy[i]!) : null,
      refYear: page.year,
    }),
  };
  // Superseded before the page figure's date: it no longer speaks for that date (shown as "outdated").
  if (stance === STALE) r.outdated = true;
  // Fields a claim carries beyond the shared vocabulary (e.g. whose document it is) travel with it.
  const extra = b.extra[i];
  if (extra)
    for (const key of extra)
      (r as unknown as Record<string, unknown>)[key] ??= (c as unknown as Record<string, unknown>)[key];
  return r;
}

function agreeSummary(
  b: Bucket,
  page: Page,
  best: number,
  stance: number,
  conflict: number,
  contradictions: number,
): string {
  const ref = wordsOf(b, best).ref;
  const d = b.day[best]! - page.day;
  let line: string;
  switch (stance) {
    case Stance.match: {
      const sup = b.supersededBy[best]!;
      line = `Agrees with ${ref}`;
      if (sup >= 0) line += `, since superseded by ${wordsOf(b, sup).ref}`;
      break;
    }
    case Stance.floor:
      line =
        b.lo[best]! > page.iv.hi
          ? `Consistent: ${ref} is higher, and a confirmed count like this one is a floor`
          : `Consistent with ${ref}, a confirmed count: the real number is likely higher`;
      break;
    case Stance.progress:
      line = d > 0 ? `Consistent: the count grew later (${ref})` : `Consistent: up from ${ref}`;
      break;
    default:
      line = `Consistent: the other reports are for other dates (${ref})`;
  }
  if (conflict >= 0) {
    const claim = b.claims[conflict]!;
    const who = wordsOf(b, conflict).who;
    const when = b.day[conflict]! - page.day;
    line += `; ${who} gave ${shortName(claim.text)} ${when === 0 ? 'the same day' : span(when)}`;
  } else if (contradictions > 0) {
    line += `; ${contradictions} other ${contradictions === 1 ? 'report differs' : 'reports differ'}`;
  }
  return `${line}.`;
}

function differSummary(
  b: Bucket,
  page: Page,
  outdatedBy: number,
  stale: number,
  conflict: number,
  weighed: number,
  latest: number,
): string {
  if (outdatedBy >= 0) return `Out of date: superseded by ${wordsOf(b, outdatedBy).ref}.`;
  if (stale >= 0 && b.supersededBy[stale]! >= 0) {
    return `Out of date: matches ${wordsOf(b, stale).ref}, superseded by ${wordsOf(b, b.supersededBy[stale]!).ref}.`;
  }
  if (conflict >= 0) {
    const claim = b.claims[conflict]!;
    const who = wordsOf(b, conflict).who;
    return `Differs: ${who} gave ${shortName(claim.text)} ${apart(b.day[conflict]! - page.day)}.`;
  }
  const n = weighed === 1 ? 'the only report' : `all ${weighed} reports`;
  return `Differs from ${n}; the latest is ${wordsOf(b, latest).ref}.`;
}
