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
 * Cost: one map lookup per figure (no key built), then one pass over that group's typed arrays; Report
 * objects are built only for the reports returned: at most `maxReports`, those nearest the figure's date
 * and those the summary names.
 */
import type { Comparison, IsoDate, Reading, Report, TimeRelation } from '../types.ts';
import { SAME_PERIOD_DAYS, refOf, wordsOf, type Bucket, type ClaimIndex } from './claim-index.ts';
import { dayNumber, yearOfDay } from './dates.ts';
import { intervalOf, overlaps, type Interval } from './intervals.ts';
import { isComparable } from './measures.ts';
import { isFloor, shortName, sourceKey } from './sources.ts';
import { Stance, isConsistent } from './stances.ts';
import { apart, noReportsSummary, noteFor, span } from './wording.ts';

export { ClaimIndex, SAME_PERIOD_DAYS, indexClaims } from './claim-index.ts';

export interface CompareOptions {
  /** The page's publication date, when known: the figure's date when it has no `asOf` of its own. */
  pageDate: IsoDate | null;
  /** Most reports to return; the verdict always weighs them all. Default MAX_REPORTS. */
  maxReports?: number;
}

/** Enough for the card, the popup and the timeline; a group with more keeps those nearest in time. */
export const MAX_REPORTS = 50;

// Reused between calls so a comparison allocates nothing per claim it merely weighs.
let stances = new Uint8Array(1024);

// The stances as module constants: read through the import on every claim, they cost a property lookup
// (a getter, once transpiled) each, which was most of a comparison's time.
const SKIP: number = Stance.skip;
const MATCH: number = Stance.match;
const FLOOR: number = Stance.floor;
const PROGRESS: number = Stance.progress;
const LEVEL: number = Stance.level;
const STALE: number = Stance.stale;
const CONFLICT: number = Stance.conflict;
const BACKWARDS: number = Stance.backwards;
const NEAR: number = SAME_PERIOD_DAYS;

/** What the comparison knows about the page figure. */
interface Page {
  reading: Reading;
  iv: Interval;
  day: number;
  floor: boolean;
  source: string;
  /** `source` as the index numbers it (-1 when no claim has it). */
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
  const page: Page = {
    reading,
    iv,
    day,
    floor: isFloor(reading.source, reading.metric),
    source: '',
    sourceId: -1,
    who: reading.source === null ? 'this page' : shortName(reading.source),
    year: Number.isNaN(day) ? undefined : yearOfDay(day),
  };
  page.source = reading.source === null ? '' : sourceKey(reading.source, null);
  page.sourceId = index.sourceId(page.source);

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

  if (stances.length < to) stances = new Uint8Array(Math.max(to, stances.length * 2));
  let weighed = 0;
  let vague = 0;
  let best = -1;
  let bestRank = 0;
  let contradictions = 0;
  let namedConflict = -1;
  let outdatedBy = -1;
  let staleMatch = -1;
  // The figure's own source's latest report at or before its date, and whether any that day agrees.
  let own = -1;
  let ownAgrees = false;
  // Locals for the hot loop: typed arrays and integers only, no claim object is read per claim.
  const days = bucket.day;
  const los = bucket.lo;
  const vagues = bucket.vague;
  const sources = bucket.sourceId;
  const quotes = bucket.quoteId;
  const pageQuote = index.quoteId(reading.quote);
  const pageSource = page.sourceId;
  const pageHi = iv.hi;
  const pageLo = iv.lo;
  const forecast = bucket.forecast;
  const window = bucket.window;
  const level = bucket.kind === 'level';
  const his = bucket.hi;
  const floors = bucket.floor;
  const staleFroms = bucket.staleFrom;
  const pageFloor = page.floor;
  for (let i = from; i < to; i++) {
    if (vagues[i] || (quotes[i] === pageQuote && bucket.claims[i]!.text === reading.text)) {
      stances[i] = SKIP;
      vague += vagues[i]!;
      continue;
    }
    // How report i stands towards the page figure (see the rules at the top), on locals: this line runs
    // once per claim of the group.
    let stance: number;
    const lo = los[i]!;
    const hi = his[i]!;
    const d = days[i]! - day;
    // Replaced by a later report before the figure's date: it no longer speaks for that date either way.
    // Strictly before: a replacement the same day may be the figure itself (its own sentence, left out).
    if (staleFroms[i]! < day) stance = STALE;
    else if (pageLo <= hi && lo <= pageHi) stance = MATCH;
    else if (forecast) stance = CONFLICT;
    // The smaller side is a confirmed minimum and the larger comes from someone else.
    else if (sources[i] !== pageSource && (hi < pageLo ? floors[i] === 1 : pageFloor)) stance = FLOOR;
    // No date to tell periods apart (NaN), or a one-day figure: a different number is a disagreement.
    else if (d !== d || window) stance = CONFLICT;
    // The same period from another source, or the same source the same day.
    else if (!(d > NEAR || d < -NEAR || (d !== 0 && sources[i] === pageSource))) stance = CONFLICT;
    else if (level) stance = LEVEL;
    else stance = d > 0 === lo > pageHi ? PROGRESS : BACKWARDS;
    stances[i] = stance;
    weighed++;
    if (d <= 0 && stance !== STALE && !forecast && sources[i] === pageSource) {
      if (own < 0 || days[i]! > days[own]!) ownAgrees = false;
      own = i;
      ownAgrees ||= stance >= MATCH && stance <= LEVEL;
    }
    if (stance >= MATCH && stance <= LEVEL) {
      const rank = stance === MATCH ? 2 : 1;
      if (best < 0 || rank > bestRank || (rank === bestRank && closer(d, days[best]! - day))) {
        best = i;
        bestRank = rank;
      }
      continue;
    }
    if (stance === STALE) {
      if (lo <= pageHi && pageLo <= hi) staleMatch = i;
      continue;
    }
    contradictions++;
    // The latest report that had already passed the figure by its date: what it should have said.
    if (lo > pageHi && (stance === BACKWARDS || (d <= 0 && sources[i] === pageSource))) {
      outdatedBy = i;
    }
    if (stance === CONFLICT && Math.abs(d) <= NEAR) {
      if (namedConflict < 0 || closer(d, days[namedConflict]! - day)) namedConflict = i;
    }
  }
  if (weighed === 0)
    return { verdict: 'no-reports', reports: [], summary: noReportsSummary(reading, vague > 0) };

  // A figure attributed to a source that had itself published another number by then is out of date or
  // misquoted, whatever other sources allow.
  const disowned = own >= 0 && !ownAgrees;
  if (disowned && !(bucket.lo[own]! > page.iv.hi)) namedConflict = own;
  const verdict = best >= 0 && !disowned ? 'agrees' : 'differs';
  const picked = pick(bucket, from, to, day, options.maxReports ?? MAX_REPORTS, [
    best,
    namedConflict,
    outdatedBy,
    staleMatch,
  ]);
  const reports = picked.map((i) => report(bucket, i, page));
  const summary =
    verdict === 'agrees'
      ? agreeSummary(bucket, page, best, namedConflict, contradictions)
      : differSummary(bucket, page, outdatedBy, staleMatch, namedConflict, weighed, from, to);
  return { verdict, reports, summary };
}

/**
 * Whether `a` days apart is nearer the figure than `b`; ties (and no page date at all) go to the later
 * report, as the group is walked oldest first.
 */
function closer(a: number, b: number): boolean {
  if (Number.isNaN(b)) return true;
  if (Number.isNaN(a)) return false;
  return Math.abs(a) < Math.abs(b) || (Math.abs(a) === Math.abs(b) && a > b);
}

function firstAtOrAfter(days: Float64Array, day: number, from: number, to: number): number {
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (days[mid]! < day) from = mid + 1;
    else to = mid;
  }
  return from;
}

function firstAfter(days: Float64Array, day: number, from: number, to: number): number {
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (days[mid]! <= day) from = mid + 1;
    else to = mid;
  }
  return from;
}

/**
 * The reports to return, in date order: all of them when they fit; else a run nearest the figure's date
 * plus the reports the summary names.
 */
function pick(b: Bucket, from: number, to: number, day: number, max: number, named: number[]): number[] {
  const kept: number[] = [];
  for (let i = from; i < to; i++) if (stances[i] !== SKIP) kept.push(i);
  if (kept.length <= max) return kept;
  const extra = named.filter((i, k) => i >= 0 && named.indexOf(i) === k);
  const size = Math.max(0, max - extra.length);
  // Without a date, the latest reports are the most useful.
  let centre = kept.length;
  if (!Number.isNaN(day)) {
    centre = 0;
    while (centre < kept.length && b.day[kept[centre]!]! < day) centre++;
  }
  const start = Math.min(Math.max(0, centre - (size >> 1)), kept.length - size);
  const chosen = kept.slice(start, start + size);
  for (const i of extra) if (!chosen.includes(i)) chosen.push(i);
  return chosen.sort((x, y) => x - y);
}

function relationOf(d: number): TimeRelation {
  if (Number.isNaN(d)) return 'unknown';
  return d === 0 ? 'same-day' : d > 0 ? 'later' : 'earlier';
}

function report(b: Bucket, i: number, page: Page): Report {
  const c = b.claims[i]!;
  const stance = stances[i] as Stance;
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
      stance,
      days: d,
      larger: b.lo[i]! > page.iv.hi,
      matches: overlaps(page.iv.lo, page.iv.hi, b.lo[i]!, b.hi[i]!),
      sameSource: b.source[i] === page.source,
      pageWho: page.who,
      supersededBy: sup >= 0 ? wordsOf(b, sup) : null,
      staleBy: stance === Stance.stale && b.staleBy[i]! >= 0 ? wordsOf(b, b.staleBy[i]!) : null,
      refYear: page.year,
    }),
  };
  // Superseded before the page figure's date: it no longer speaks for that date (shown as "outdated").
  if (stance === Stance.stale) r.outdated = true;
  // Fields a claim carries beyond the shared vocabulary (e.g. whose document it is) travel with it.
  const extra = b.extra[i];
  if (extra)
    for (const key of extra)
      (r as unknown as Record<string, unknown>)[key] ??= (c as unknown as Record<string, unknown>)[key];
  return r;
}

function agreeSummary(b: Bucket, page: Page, best: number, conflict: number, contradictions: number): string {
  const ref = wordsOf(b, best).ref;
  const d = b.day[best]! - page.day;
  let line: string;
  switch (stances[best]) {
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
  from: number,
  to: number,
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
  // The latest report weighed (the group is in date order).
  let latest = to - 1;
  while (latest > from && stances[latest] === SKIP) latest--;
  const n = weighed === 1 ? 'the only report' : `all ${weighed} reports`;
  return `Differs from ${n}; the latest is ${wordsOf(b, latest).ref}.`;
}
