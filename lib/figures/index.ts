import type { IsoDate, Reading } from '../types.ts';
import { readNumbers } from './numbers.ts';

export interface ReadOptions {
  /** The date the text was published; relative dates ("on Thursday") resolve against it. */
  date: IsoDate | null;
}

/**
 * The reportable figures in `text` with what each counts (SPEC.md "Figures").
 * Placeholder until the real classifier lands: every number over 10 is a figure of metric "other".
 */
export function readFigures(text: string, options: ReadOptions): Reading[] {
  return readNumbers(text)
    .filter((n) => n.value !== null && n.value > 10 && !(n.value >= 1900 && n.value <= 2100))
    .map((n) => ({
      ...n,
      low: n.value,
      high: n.value,
      qualifier: 'exact' as const,
      metric: 'other' as const,
      subject: 'other' as const,
      place: 'Ukraine',
      period: 'cumulative' as const,
      asOf: options.date,
      source: null,
      modality: 'reported' as const,
      quote: text.slice(Math.max(0, n.start - 60), n.end + 60),
    }));
}
