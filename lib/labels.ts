/**
 * Words for the claim vocabulary, shared by the popup and the hover card so both name things alike.
 * Pure: no DOM, no extension API.
 */
import { PEOPLE_METRICS, type Metric, type Qualifier, type Subject, type Verdict } from './types.ts';

/** What a metric counts, as a phrase: `fled_abroad` → "fled abroad". */
export const METRIC_LABELS: Record<Metric, string> = {
  killed: 'killed',
  injured: 'injured',
  casualties: 'killed or injured',
  missing: 'missing',
  fled_abroad: 'fled abroad',
  internally_displaced: 'internally displaced',
  displaced: 'displaced',
  evacuated: 'evacuated',
  trapped: 'trapped',
  detained: 'detained',
  buildings_destroyed: 'buildings destroyed',
  attacks: 'attacks',
  aid_money: 'aid money',
  weapons: 'weapons delivered',
  other: 'other figures',
};

/** Who is counted, plural: `russian_military` → "Russian soldiers". */
export const SUBJECT_LABELS: Record<Subject, string> = {
  civilians: 'civilians',
  children: 'children',
  people: 'people',
  military: 'soldiers',
  russian_military: 'Russian soldiers',
  ukrainian_military: 'Ukrainian soldiers',
  health_workers: 'health workers',
  other: 'others',
};

export const QUALIFIER_LABELS: Record<Qualifier, string> = {
  exact: 'exactly',
  about: 'about',
  nearly: 'nearly',
  more_than: 'more than',
  at_least: 'at least',
  up_to: 'up to',
  range: 'between',
  vague: 'an unspecified number',
};

export interface VerdictLabel {
  /** A short word or two, shown next to the figure. */
  text: string;
  /** A symbol that carries the verdict without colour. */
  icon: string;
  /** A sentence for screen readers and tooltips. */
  description: string;
}

/**
 * Each verdict has its own word and its own glyph, so none is told apart by colour alone (the verdicts:
 * docs/comparison.md). The glyphs are plain text characters every system font has.
 */
export const VERDICT_LABELS: Record<Verdict, VerdictLabel> = {
  agrees: {
    text: 'Agrees',
    icon: '✓',
    description: 'A report of the same period gives this figure.',
  },
  differs: {
    text: 'Differs',
    icon: '≠',
    description: 'Reports of the same period, its own source or a confirmed count say otherwise.',
  },
  outdated: {
    text: 'Outdated',
    icon: '↻',
    description: 'This number had already been replaced by a later report.',
  },
  'other-dates': {
    text: 'Other dates only',
    icon: '◷',
    description:
      'Reports exist only for other dates (or a confirmed minimum below it), and none contradicts it: context, not agreement.',
  },
  'no-reports': {
    text: 'No other reports',
    icon: '○',
    description: 'No other report counts the same thing.',
  },
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** What a figure counts, in words: "Civilians killed", "People who fled abroad", "Weapons delivered". */
export function measureLabel(metric: Metric, subject: Subject): string {
  if (PEOPLE_METRICS.has(metric)) {
    const who = SUBJECT_LABELS[subject];
    const what = metric === 'fled_abroad' ? 'who fled abroad' : METRIC_LABELS[metric];
    return capitalise(`${who} ${what}`);
  }
  const what = capitalise(METRIC_LABELS[metric]);
  if (subject === 'other' || subject === 'people') return what;
  return metric === 'attacks'
    ? `${what} on ${SUBJECT_LABELS[subject]}`
    : `${what} (${SUBJECT_LABELS[subject]})`;
}

/** What a figure without a place shows where the place goes: it is compared with nothing. */
export const NO_PLACE_LABEL = 'place not stated';

/** A group heading: "Civilians killed — Ukraine", "Civilians killed — place not stated". */
export function measureHeading(metric: Metric, subject: Subject, place: string | null): string {
  return `${measureLabel(metric, subject)} — ${place ?? NO_PLACE_LABEL}`;
}

/** Made on first use: building an ICU formatter is start-up work the content script rarely needs. */
let numberFormat: Intl.NumberFormat | null = null;

/** 3800000 → "3,800,000"; null → "unspecified". */
export function formatNumber(value: number | null): string {
  if (value === null) return 'unspecified';
  numberFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  return numberFormat.format(value);
}

/** The interval a figure allows, in words: "9,000 or more", "450 to 500", "up to 10,000". */
export function formatInterval(low: number | null, high: number | null): string {
  if (low === null && high === null) return 'no number given';
  if (high === null) return `${formatNumber(low)} or more`;
  if (low === null) return `up to ${formatNumber(high)}`;
  if (low === high) return formatNumber(low);
  return `${formatNumber(low)} to ${formatNumber(high)}`;
}
