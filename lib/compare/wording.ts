/**
 * The words of a comparison: a short note per report and one summary line for the reader. Every name and
 * figure from a document passes through `shortName`, so a hostile document cannot make a line huge (and
 * the text is only ever shown as text). Pure.
 */
import { SUBJECT_LABELS, measureLabel } from '../labels.ts';
import type { Claim, ClaimRef, Reading } from '../types.ts';
import { monthDay } from '../calendar/days.ts';
import { shortName, whoOf } from './sources.ts';
import { SAME_PERIOD_DAYS } from './measures.ts';
import {
  BACKWARDS,
  CONFLICT,
  FLOOR,
  IMPOSSIBLE,
  LEVEL,
  MATCH,
  PROGRESS,
  SAME_NUMBER,
  STALE,
  UNDATED,
  type Stance,
} from './stances.ts';

/** "4,253 (OHCHR, 2022-06-07)". */
export function describeRef(ref: Pick<ClaimRef, 'text' | 'source' | 'publisher' | 'asOf'>): string {
  const who = whoOf(ref.source, ref.publisher);
  return ref.asOf ? `${shortName(ref.text)} (${who}, ${ref.asOf})` : `${shortName(ref.text)} (${who})`;
}

// span() and distance() of each distance up to a few years, made once: report lists say the same distances over and over.
const SPAN_CACHE = 4096;
const spans: (string | undefined)[] = new Array<string | undefined>(2 * SPAN_CACHE + 1).fill(undefined);

/** "16 days later", "a day earlier", "the same day"; '' when either date is unknown. */
export function span(days: number): string {
  if (Number.isInteger(days) && Math.abs(days) <= SPAN_CACHE)
    return (spans[days + SPAN_CACHE] ??= spanOf(days));
  return spanOf(days);
}

function spanOf(days: number): string {
  if (Number.isNaN(days)) return '';
  if (days === 0) return 'the same day';
  const n = Math.abs(days);
  const amount = n === 1 ? 'a day' : `${n} days`;
  return days > 0 ? `${amount} later` : `${amount} earlier`;
}

const distances: (string | undefined)[] = new Array<string | undefined>(2 * SPAN_CACHE + 1).fill(undefined);

/** "10 days before", "2 days after", "the same day"; '' when either date is unknown. */
export function distance(days: number): string {
  if (Number.isInteger(days) && Math.abs(days) <= SPAN_CACHE)
    return (distances[days + SPAN_CACHE] ??= distanceOf(days));
  return distanceOf(days);
}

function distanceOf(days: number): string {
  if (Number.isNaN(days)) return '';
  if (days === 0) return 'the same day';
  const n = Math.abs(days);
  return `${n === 1 ? 'a day' : `${n} days`} ${days > 0 ? 'after' : 'before'}`;
}

/** Where a report stands in time from the page figure: "earlier", "same period", "later"; '' unknown. */
export function relationWord(days: number, window: boolean): string {
  if (Number.isNaN(days)) return '';
  if (days === 0) return 'same day';
  if (!window && Math.abs(days) <= SAME_PERIOD_DAYS) return 'same period';
  return days > 0 ? 'later' : 'earlier';
}

/** What a report's notes and the summaries need, worked out once per claim. */
export interface ClaimWords {
  /** Who it comes from, bounded: "Kremlin", else the publisher. */
  who: string;
  /** The figure as written, bounded. */
  text: string;
  /** "4,253 (OHCHR, 2022-06-07)". */
  ref: string;
  /** The date it describes: its `asOf`, else its document's date. */
  date: string;
  forecast: boolean;
  /**
   * The last note's start ("earlier: 780 (…), 10 days before") and the days it was made for: the figures
   * of one page share a date, so each claim's start is made once per page, not once per figure.
   */
  leadDays?: number;
  lead?: string;
}

export function claimWords(claim: Claim): ClaimWords {
  const who = whoOf(claim.source, claim.document.publisher);
  const date = claim.asOf ?? claim.document.date;
  const ref = describeRef({
    text: claim.text,
    source: claim.source,
    publisher: claim.document.publisher,
    asOf: date,
  });
  return {
    who,
    text: shortName(claim.text),
    ref,
    date,
    forecast: claim.modality === 'forecast',
    leadDays: Number.NaN,
    lead: undefined,
  };
}

/**
 * One line a reader takes in at a glance: "UN human rights office said 780 on March 18, 10 days earlier"
 * (the year only when it is not the page figure's, `refYear`).
 */
export function said(w: ClaimWords, days: number, refYear: number | undefined): string {
  const when = span(days);
  const on = `on ${monthDay(w.date, refYear ?? Number(w.date.slice(0, 4)))}`;
  return `${w.who} ${w.forecast ? 'forecast' : 'said'} ${w.text} ${on}${when ? `, ${when}` : ''}`;
}

export interface NoteParts {
  words: ClaimWords;
  forecast: boolean;
  window: boolean;
  stance: Stance;
  /** Days from the page figure's date to the report's; NaN when unknown. */
  days: number;
  /** Whether the report is larger than the page figure. */
  larger: boolean;
  sameSource: boolean;
  /** Who the page figure comes from, for "UN vs Ukrainian officials". */
  pageWho: string;
  /** The words of the latest report that superseded this one, or null. */
  supersededBy: ClaimWords | null;
  /** For a report stale by the page figure's date: the words of the first report that replaced it. */
  staleBy: ClaimWords | null;
}

/**
 * The report's note: where it stands in time ("earlier: 780 (UN human rights office, 2022-03-18), 10 days
 * before"), how it stands towards the figure, and what replaced it.
 */
export function noteFor(p: NoteParts): string {
  let note = noteLead(p.words, p.days, p.window);
  if (p.stance === STALE && p.staleBy) {
    // Name what replaced it before the page's date, then the latest if that is another report.
    note += `; already superseded by ${p.staleBy.ref} by this figure's date`;
    if (p.supersededBy && p.supersededBy !== p.staleBy) note += `; latest: ${p.supersededBy.ref}`;
    return note;
  }
  const stance = stancePhrase(p);
  if (stance) note += `; ${stance}`;
  if (p.supersededBy) note += `; superseded by ${p.supersededBy.ref}`;
  return note;
}

function noteLead(w: ClaimWords, days: number, window: boolean): string {
  // Object.is: NaN (no date) is its own key.
  if (w.lead !== undefined && Object.is(w.leadDays, days)) return w.lead;
  const relation = relationWord(days, window);
  w.leadDays = days;
  return (w.lead = relation ? `${relation}: ${w.ref}, ${distance(days)}` : w.ref);
}

function stancePhrase(p: NoteParts): string {
  const who = p.words.who;
  switch (p.stance) {
    case MATCH:
      return 'agrees';
    case SAME_NUMBER:
      return Number.isNaN(p.days)
        ? 'fits this figure, date unknown'
        : 'fits this figure, but for another date';
    case STALE:
      return "had been replaced by this figure's date";
    case PROGRESS:
      return p.larger ? 'higher: the count grew' : 'lower: the count grew since';
    case LEVEL:
      return p.forecast ? 'a forecast for another date' : 'another date: this number goes up and down';
    case FLOOR:
      return p.larger
        ? 'higher than a confirmed count, which is a minimum'
        : `${who} counts confirmed cases only, a minimum: the real number is likely higher`;
    case UNDATED:
      return 'no date to set it beside this figure';
    case BACKWARDS:
      return p.larger ? 'higher, though reported earlier' : 'lower, though reported later';
    case CONFLICT:
      if (p.forecast) return 'a different forecast';
      if (p.sameSource)
        return `${who} gave a different figure ${p.days === 0 ? 'the same day' : 'in the same period'}`;
      return `${who} vs ${p.pageWho} ${p.days === 0 ? 'on the same day' : 'in the same period'}`;
    case IMPOSSIBLE:
      return 'a confirmed count already higher: a running total cannot fall below it';
    default:
      return '';
  }
}

/** A report the summary names: its words and its days from the figure. */
export interface Named {
  words: ClaimWords;
  days: number;
}

/** "Agrees: UN human rights office said 249 on March 2, a day earlier." */
export function agreeSummary(
  best: Named,
  supersededBy: ClaimWords | null,
  conflict: Named | null,
  refYear: number | undefined,
): string {
  let line = `Agrees: ${said(best.words, best.days, refYear)}`;
  if (supersededBy) line += ` (since superseded by ${supersededBy.ref})`;
  if (conflict) line += `; ${said(conflict.words, conflict.days, refYear)}`;
  return `${line}.`;
}

/** Why a figure differs: the record rules it out, its own source said otherwise, or the same period does. */
export function differSummary(
  why: 'impossible' | 'own' | 'conflict',
  named: Named,
  refYear: number | undefined,
): string {
  const w = named.words;
  switch (why) {
    case 'impossible':
      return `Differs: ${w.who} had confirmed ${w.text} by ${monthDay(w.date, refYear)} (${span(named.days)}), and a confirmed count is a minimum.`;
    case 'own':
      return `Differs: its own source, ${said(w, named.days, refYear)}.`;
    default:
      return `Differs: ${said(w, named.days, refYear)}.`;
  }
}

/** "Outdated: 249 (UN, 2022-03-02) had been replaced by 780 (UN, 2022-03-18) by this figure's date." */
export function outdatedSummary(
  stale: ClaimWords,
  staleBy: ClaimWords | null,
  latest: ClaimWords | null,
): string {
  if (!staleBy) return `Outdated: ${stale.ref} had been replaced by this figure's date.`;
  let line = `Outdated: ${stale.ref} had been replaced by ${staleBy.ref} by this figure's date`;
  if (latest && latest !== staleBy) line += `; latest: ${latest.ref}`;
  return `${line}.`;
}

/**
 * Reports exist but none of the same period bears on the figure: the nearest of the period that neither
 * matches nor contradicts it (a confirmed minimum, a source's own update), else the nearest of other dates.
 */
export function otherDatesSummary(
  inPeriod: (Named & { stance: Stance }) | null,
  earlier: Named | null,
  later: Named | null,
  refYear: number | undefined,
  dated: boolean,
): string {
  if (!dated)
    return 'No date for this figure, so no report can be set beside it: they are shown, not weighed.';
  if (inPeriod) {
    const why =
      inPeriod.stance === FLOOR
        ? 'a confirmed count is a minimum'
        : inPeriod.stance === PROGRESS
          ? 'the same source updated its count'
          : 'this number goes up and down';
    return `Not contradicted: ${said(inPeriod.words, inPeriod.days, refYear)}; ${why}.`;
  }
  const parts = [earlier, later].filter((n): n is Named => n !== null);
  if (parts.length === 0) return 'Only other dates: no report bears on this date.';
  return `Only other dates: ${parts.map((n) => said(n.words, n.days, refYear)).join('; ')}.`;
}

/**
 * "No other reports of civilians killed in Ukraine."; with `onlyVague`, when the only others give no
 * number: "No other report gives a number for people trapped in Mariupol."
 */
export function noReportsSummary(reading: Reading, onlyVague = false): string {
  const label = measureLabel(reading.metric, reading.subject);
  // "civilians killed", but "Russian soldiers killed".
  const proper =
    /^[A-Z]/.test(SUBJECT_LABELS[reading.subject]) && label.startsWith(SUBJECT_LABELS[reading.subject]);
  const what = proper ? label : label.charAt(0).toLowerCase() + label.slice(1);
  const where = reading.place ? ` in ${shortName(reading.place)}` : '';
  if (onlyVague) return `No other report gives a number for ${what}${where}.`;
  const kind = reading.modality === 'forecast' ? 'forecasts' : 'reports';
  return `No other ${kind} of ${what}${where}.`;
}
