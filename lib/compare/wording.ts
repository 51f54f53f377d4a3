/**
 * The words of a comparison: a short note per report and one summary line for the reader. Every name and
 * figure from a document passes through `shortName`, so a hostile document cannot make a line huge (and
 * the text is only ever shown as text). Pure.
 */
import { measureLabel } from '../ui/labels.ts';
import type { Claim, ClaimRef, Reading } from '../types.ts';
import { monthDay } from './dates.ts';
import { shortName, whoOf } from './sources.ts';
import { Stance } from './stances.ts';

/** "4,253 (OHCHR, 2022-06-07)". */
export function describeRef(ref: ClaimRef): string {
  const who = whoOf(ref.source, ref.publisher);
  return ref.asOf ? `${shortName(ref.text)} (${who}, ${ref.asOf})` : `${shortName(ref.text)} (${who})`;
}

/** "16 days later", "a day earlier", "the same day"; '' when either date is unknown. */
export function span(days: number): string {
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

/**
 * When the report was made, relative to the page figure: "reported 16 days later", "Kremlin figure for
 * March 2, 20 days earlier", "forecast made the same day", "reported on June 7, 2022" (no page date).
 */
export function timing(claim: Claim, days: number, refYear: number | undefined): string {
  const who = whoOf(claim.source, claim.document.publisher);
  const when = span(days);
  const date = claim.asOf ?? claim.document.date;
  if (claim.asOf !== null && claim.asOf !== claim.document.date) {
    // Without a page date, the report's own year is the reference: "for March 2" in a 2022 document.
    const year = refYear ?? Number(claim.document.date.slice(0, 4));
    const about = `${who} ${claim.modality === 'forecast' ? 'forecast' : 'figure'} for ${monthDay(claim.asOf, year)}`;
    return when ? `${about}, ${when}` : about;
  }
  const verb = claim.modality === 'forecast' ? 'forecast made' : 'reported';
  if (!when) return `${verb} on ${monthDay(date)}`;
  return `${verb} ${when}`;
}

export interface NoteParts {
  claim: Claim;
  stance: Stance;
  /** Days from the page figure's date to the report's; NaN when unknown. */
  days: number;
  /** Whether the report is larger than the page figure (meaningful for floor, progress, backwards). */
  larger: boolean;
  /** Whether the two intervals overlap. */
  matches: boolean;
  sameSource: boolean;
  pageVague: boolean;
  /** Who the page figure comes from, for "UN vs Ukrainian officials". */
  pageWho: string;
  supersededBy: ClaimRef | null;
  refYear: number | undefined;
}

/** The report's note: when, how it stands, and what replaced it. */
export function noteFor(p: NoteParts): string {
  const parts = [timing(p.claim, p.days, p.refYear), stancePhrase(p)];
  if (p.supersededBy) parts.push(`superseded by ${describeRef(p.supersededBy)}`);
  return parts.filter((s) => s !== '').join('; ');
}

function stancePhrase(p: NoteParts): string {
  const who = whoOf(p.claim.source, p.claim.document.publisher);
  const versus = `${who} vs ${p.pageWho} ${samePeriod(p.days)}`;
  const near = !Number.isNaN(p.days) && Math.abs(p.days) <= 1;
  switch (p.stance) {
    case Stance.match:
      return 'agrees';
    case Stance.vague:
      return p.pageVague ? 'this figure gives no number to check' : 'gives no number to check against';
    case Stance.stale:
      return p.matches
        ? "matches, but had been superseded by this figure's date"
        : "had been superseded by this figure's date";
    case Stance.progress:
      return p.larger ? 'higher: the count grew' : 'lower: the count grew since';
    case Stance.level:
      return 'a different date: this number goes up and down';
    case Stance.floor: {
      const why = p.larger
        ? 'higher than a confirmed count, which is a floor'
        : `${who} counts confirmed cases only, a floor: the real number is likely higher`;
      return near ? `${versus}: ${why}` : why;
    }
    case Stance.conflict:
      if (p.claim.modality === 'forecast') return 'a different forecast';
      if (!near) return 'differs';
      return p.sameSource ? `${who} gave a different figure ${samePeriod(p.days)}` : versus;
    case Stance.backwards:
      return p.larger
        ? 'higher, though reported earlier: this figure may be out of date'
        : 'lower, though reported later';
    default:
      return '';
  }
}

/** "No other reports of civilians killed in Ukraine." */
export function noReportsSummary(reading: Reading): string {
  const label = measureLabel(reading.metric, reading.subject);
  const what = label.charAt(0).toLowerCase() + label.slice(1);
  const where = reading.place ? ` in ${shortName(reading.place)}` : '';
  const kind = reading.modality === 'forecast' ? 'forecasts' : 'reports';
  return `No other ${kind} of ${what}${where}.`;
}
