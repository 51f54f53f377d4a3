/**
 * The words of a comparison: a short note per report and one summary line for the reader. Every name and
 * figure from a document passes through `shortName`, so a hostile document cannot make a line huge (and
 * the text is only ever shown as text). Pure.
 */
import { SUBJECT_LABELS, measureLabel } from '../ui/labels.ts';
import type { Claim, ClaimRef, Reading } from '../types.ts';
import { monthDay } from './dates.ts';
import { shortName, whoOf } from './sources.ts';
import { BACKWARDS, CONFLICT, FLOOR, LEVEL, MATCH, PROGRESS, STALE, type Stance } from './stances.ts';

/** "4,253 (OHCHR, 2022-06-07)". */
export function describeRef(ref: Pick<ClaimRef, 'text' | 'source' | 'publisher' | 'asOf'>): string {
  const who = whoOf(ref.source, ref.publisher);
  return ref.asOf ? `${shortName(ref.text)} (${who}, ${ref.asOf})` : `${shortName(ref.text)} (${who})`;
}

// span() of each distance up to a few years, made once: report lists say the same distances over and over.
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

/** How two sources' figures sit in one period: "on the same day" or "a day apart". */
export function samePeriod(days: number): string {
  return days === 0 ? 'on the same day' : 'a day apart';
}

/** "on the same day", "a day apart", "5 days earlier"; '' when unknown. */
export function apart(days: number): string {
  return Math.abs(days) <= 1 ? samePeriod(days) : span(days);
}

/** What a report's notes need, worked out once per claim when the index is built. */
export interface ClaimWords {
  /** Who it comes from, bounded: "Kremlin", else the publisher. */
  who: string;
  /** "4,253 (OHCHR, 2022-06-07)". */
  ref: string;
  /** "Kremlin figure for March 2" when the claim is about another day than its document's; else ''. */
  about: string;
  /** The same with the year, for a page figure of another year: "Kremlin figure for March 2, 2022". */
  aboutWithYear: string;
  /** The year of the claim's `asOf`, and of its document. */
  asOfYear: number;
  docYear: number;
  /** "reported", or "forecast made" for a forecast. */
  verb: string;
  /** "reported on June 7, 2022": when there is no page date to count days from. */
  on: string;
}

export function claimWords(claim: Claim): ClaimWords {
  const who = whoOf(claim.source, claim.document.publisher);
  const docYear = Number(claim.document.date.slice(0, 4));
  const asOfYear = claim.asOf === null ? docYear : Number(claim.asOf.slice(0, 4));
  const verb = claim.modality === 'forecast' ? 'forecast made' : 'reported';
  let about = '';
  let aboutWithYear = '';
  if (claim.asOf !== null && claim.asOf !== claim.document.date) {
    const what = `${who} ${claim.modality === 'forecast' ? 'forecast' : 'figure'} for `;
    about = what + monthDay(claim.asOf, asOfYear);
    aboutWithYear = what + monthDay(claim.asOf);
  }
  const date = claim.asOf ?? claim.document.date;
  const ref = describeRef({
    text: claim.text,
    source: claim.source,
    publisher: claim.document.publisher,
    asOf: date,
  });
  return { who, ref, about, aboutWithYear, asOfYear, docYear, verb, on: `${verb} on ${monthDay(date)}` };
}

/**
 * When the report was made, relative to the page figure: "reported 16 days later", "Kremlin figure for
 * March 2, 20 days earlier", "forecast made the same day", "reported on June 7, 2022" (no page date).
 */
export function timing(w: ClaimWords, days: number, refYear: number | undefined): string {
  const when = span(days);
  if (w.about) {
    // Without a page date, the report's own document sets the year that goes without saying.
    const about = w.asOfYear === (refYear ?? w.docYear) ? w.about : w.aboutWithYear;
    return when ? `${about}, ${when}` : about;
  }
  return when ? `${w.verb} ${when}` : w.on;
}

export interface NoteParts {
  words: ClaimWords;
  forecast: boolean;
  stance: Stance;
  /** Days from the page figure's date to the report's; NaN when unknown. */
  days: number;
  /** Whether the report is larger than the page figure (meaningful for floor, progress, backwards). */
  larger: boolean;
  /** Whether the two intervals overlap. */
  matches: boolean;
  sameSource: boolean;
  /** Who the page figure comes from, for "UN vs Ukrainian officials". */
  pageWho: string;
  /** The words of the latest report that superseded this one, or null. */
  supersededBy: ClaimWords | null;
  /** For a report stale by the page figure's date: the words of the first report that replaced it. */
  staleBy: ClaimWords | null;
  refYear: number | undefined;
}

/** The report's note: when, how it stands, and what replaced it. */
export function noteFor(p: NoteParts): string {
  const stance = stancePhrase(p);
  let note = timing(p.words, p.days, p.refYear);
  if (p.stance === STALE && p.staleBy) {
    // Name what replaced it before the page's date, then the latest if that is another report.
    note += `; ${p.matches ? 'matches, but ' : ''}already superseded by ${p.staleBy.ref}`;
    if (p.supersededBy && p.supersededBy !== p.staleBy) note += `; latest: ${p.supersededBy.ref}`;
    return note;
  }
  if (stance) note += `; ${stance}`;
  if (p.supersededBy) note += `; superseded by ${p.supersededBy.ref}`;
  return note;
}

function stancePhrase(p: NoteParts): string {
  const who = p.words.who;
  const near = !Number.isNaN(p.days) && Math.abs(p.days) <= 1;
  switch (p.stance) {
    case MATCH:
      return 'agrees';
    case STALE:
      return p.matches
        ? "matches, but had been superseded by this figure's date"
        : "had been superseded by this figure's date";
    case PROGRESS:
      return p.larger ? 'higher: the count grew' : 'lower: the count grew since';
    case LEVEL:
      return 'a different date: this number goes up and down';
    case FLOOR: {
      const why = p.larger
        ? 'higher than a confirmed count, which is a floor'
        : `${who} counts confirmed cases only, a floor: the real number is likely higher`;
      return near ? `${versus(p)}: ${why}` : why;
    }
    case CONFLICT:
      if (p.forecast) return 'a different forecast';
      if (!near) return 'differs';
      return p.sameSource ? `${who} gave a different figure ${samePeriod(p.days)}` : versus(p);
    case BACKWARDS:
      return p.larger
        ? 'higher, though reported earlier: this figure may be out of date'
        : 'lower, though reported later';
    default:
      return '';
  }
}

/** "UN vs Ukrainian officials on the same day": made only for the stances that say it. */
function versus(p: NoteParts): string {
  return `${p.words.who} vs ${p.pageWho} ${samePeriod(p.days)}`;
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
