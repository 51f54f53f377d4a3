/**
 * Who a figure comes from, for the rules that depend on it: a monitor's confirmed count is a floor, and a
 * source updating its own count is progress rather than a disagreement. Pure.
 */
import type { Metric } from '../types.ts';

// UN monitors publish confirmed counts only ("the actual number is likely far higher"). Word boundaries
// keep UNHCR and UNICEF out: their counts are records, not confirmed minimums.
// "UN" is matched in capitals only, so the French article "un" or "Un" at a sentence start is not the UN.
const MONITOR_NAME =
  /\b(?:OHCHR|HRMMU|United Nations|High Commissioner for Human Rights|human rights monitoring mission)\b/i;
const UN = /\bU\.?N\.?(?![\w-])/;

/** Metrics for which a monitor's figure is a confirmed minimum. */
const FLOOR_METRICS: ReadonlySet<Metric> = new Set<Metric>(['killed', 'injured', 'casualties']);

export function isMonitor(source: string | null): boolean {
  return source !== null && (UN.test(source) || MONITOR_NAME.test(source));
}

/** Whether a figure from `source` counting `metric` is a floor: the real number is likely higher. */
export function isFloor(source: string | null, metric: Metric): boolean {
  return FLOOR_METRICS.has(metric) && isMonitor(source);
}

/**
 * An identity for "the same source": every UN monitor is one (`OHCHR`, `UN human rights office`, `UN`);
 * other sources by name, case and spacing aside; an unattributed figure belongs to its publisher.
 */
export function sourceKey(source: string | null, publisher: string | null): string {
  if (isMonitor(source)) return 'un';
  if (source !== null && source.trim() !== '') return source.trim().replace(/\s+/g, ' ').toLowerCase();
  return publisher === null ? '' : `publisher:${publisher.trim().toLowerCase()}`;
}

const MAX_NAME = 60;

/** A name for notes and summaries, bounded so a hostile document cannot blow up a one-line summary. */
export function shortName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  return clean.length <= MAX_NAME ? clean : `${clean.slice(0, MAX_NAME - 1)}…`;
}

/** Who a report comes from, as the reader should see it: its source, else its publisher. */
export function whoOf(source: string | null, publisher: string): string {
  return shortName(source !== null && source.trim() !== '' ? source : publisher);
}
