/**
 * The vocabulary shared by every part of Figure Check (docs/figures-and-claims.md; what `check --json`
 * prints of it: docs/architecture.md). Pure types: no runtime code, no browser API.
 */

export const QUALIFIERS = [
  'exact',
  'about',
  'nearly',
  'more_than',
  'at_least',
  'up_to',
  'range',
  'vague',
] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const METRICS = [
  'killed',
  'injured',
  'casualties',
  'missing',
  'fled_abroad',
  'internally_displaced',
  'displaced',
  'evacuated',
  'trapped',
  'detained',
  'buildings_destroyed',
  'attacks',
  'aid_money',
  'weapons',
  'other',
] as const;
export type Metric = (typeof METRICS)[number];

/** Metrics that always count people; the others count things or money (`other` may count either). */
export const PEOPLE_METRICS: ReadonlySet<Metric> = new Set<Metric>([
  'killed',
  'injured',
  'casualties',
  'missing',
  'fled_abroad',
  'internally_displaced',
  'displaced',
  'evacuated',
  'trapped',
  'detained',
]);

export const SUBJECTS = [
  'civilians',
  'children',
  'people',
  'military',
  'russian_military',
  'ukrainian_military',
  'health_workers',
  'other',
] as const;
export type Subject = (typeof SUBJECTS)[number];

/**
 * `cumulative`: a running total since a war or disaster began; `window`: one day or a short span (`in the past
 * 24 hours`); `event`: the toll of one incident (one strike, one collapse), which grows for a few days.
 */
export type Period = 'cumulative' | 'window' | 'event';
export type Modality = 'reported' | 'forecast';
/**
 * What other reports of the same thing say of a figure (docs/comparison.md): `agrees` (one of the same
 * period matches it), `differs` (those of the same period all give other numbers, its own source gives
 * another, or the record rules it out), `outdated` (it repeats a number already replaced by its date),
 * `other-dates` (reports exist only for other dates and none contradicts it), `no-reports`.
 */
export type Verdict = 'agrees' | 'differs' | 'outdated' | 'other-dates' | 'no-reports';

export const VERDICTS: readonly Verdict[] = ['agrees', 'differs', 'outdated', 'other-dates', 'no-reports'];

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** Any number read in text, figure or not (`check --numbers`). */
export interface NumberSpan {
  /** The number as written, e.g. `3.8 million`, `twenty-one`, `hundreds of thousands`. */
  text: string;
  /** UTF-16 offsets into the text read; `end` is exclusive. */
  start: number;
  end: number;
  /** The number meant; `null` for vague quantities. */
  value: number | null;
}

/**
 * A figure as read from a sentence: the number, the interval it allows and
 * what it counts. Shared by claims (from corpus documents) and page figures.
 */
export interface Reading {
  /** The figure as written, qualifier included: `more than 3.8 million`. */
  text: string;
  start: number;
  end: number;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  metric: Metric;
  subject: Subject;
  /**
   * The most specific place the figure is about, as a normalised English name (`Kyiv`, `Kyiv region`,
   * `Gaza`); the country for national figures; null when the text does not say (never a default country).
   * A figure or claim without a place is compared with nothing.
   */
  place: string | null;
  period: Period;
  asOf: IsoDate | null;
  /** Who the text attributes the figure to, or null. */
  source: string | null;
  modality: Modality;
  /**
   * A narrower event the figure is limited to, when it is not the general count of its metric:
   * `health care attacks` (12 killed in attacks on health facilities), `one attack` (the toll of a single
   * strike), `border crossings`, `registered for protection`. null (or absent) for the general count.
   * Figures of different scopes count different things and must never be compared.
   */
  scope?: string | null;
  /** The sentence the figure stands in. */
  quote: string;
}

/** Whose document: shipped with the extension (`bundled`), or added by the reader to their library. */
export type DocumentOrigin = 'bundled' | 'reader';

export interface DocumentMeta {
  id: string;
  title: string;
  publisher: string;
  date: IsoDate;
  url: string | null;
  /** Set by the claim database: `reader` marks the reader's own documents (popup, card). Absent: bundled. */
  origin?: DocumentOrigin;
}

/** One figure in one corpus document. */
export interface Claim extends Reading {
  /** Stable across rebuilds of the same corpus. */
  id: string;
  document: DocumentMeta;
}

export interface ClaimDatabase {
  claims: Claim[];
  documents: DocumentMeta[];
}

/** How a report relates in time to the page figure it is compared with. */
export type TimeRelation = 'earlier' | 'same-day' | 'later' | 'unknown';

/** A short pointer to the report that replaces a superseded one. */
export interface ClaimRef {
  id: string;
  text: string;
  value: number | null;
  source: string | null;
  publisher: string;
  asOf: IsoDate | null;
}

/**
 * A claim as shown next to a page figure (the "other reports"), with why it
 * agrees or differs. It is a full Claim so consumers of `check --json` can
 * read `value`, `source`, `asOf`, `quote` and `document` directly.
 */
export interface Report extends Claim {
  /**
   * Whether this report and the page figure can both be true: their intervals overlap, or the difference
   * is explained by time (a running total grew), a monitor's floor, or a level on another date
   * (lib/compare/stances.ts, index.ts). False for a report superseded by the figure's date. Only a report
   * of the same period (`daysApart` within 3) that overlaps the figure makes it `agrees`.
   */
  consistent: boolean;
  relation: TimeRelation;
  /** Whole days from the page figure's date to the report's (positive: later). */
  daysApart: number | null;
  /** Set when a later report of the same cumulative measure replaces this one. */
  supersededBy: ClaimRef | null;
  /**
   * Where it stands and how: "earlier: 780 (UN human rights office, 2022-03-18), 10 days before; lower: the
   * count grew since", "same day: 498 (Kremlin, 2022-03-02), the same day; Kremlin vs Zelenskyy on the same day".
   */
  note: string;
  /**
   * True when a later report had replaced this one by the page figure's date: it neither supports nor
   * contradicts the figure (`consistent` is false) and is shown as outdated, not as differing.
   */
  outdated?: true;
}

export interface Comparison {
  verdict: Verdict;
  /** Reports of the same metric, subject, place, scope, period kind and modality, oldest first. */
  reports: Report[];
  /** One line that says why, e.g. "Only other dates: UN human rights office said 780 on March 18, 10 days earlier." */
  summary: string;
}

/** A page figure with its comparison (`check --json`, content script, popup). */
export interface Figure extends Reading {
  verdict: Verdict;
  reports: Report[];
  summary: string;
}
