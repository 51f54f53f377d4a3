import type { Claim, Comparison, IsoDate, Reading } from '../types.ts';

export interface CompareOptions {
  /** The page's publication date, when known. */
  pageDate: IsoDate | null;
}

/** Placeholder until the real comparison lands: same metric, subject and place; agrees on equal value. */
export function compareReading(reading: Reading, claims: readonly Claim[], _options: CompareOptions): Comparison {
  const same = claims.filter(
    (c) => c.metric === reading.metric && c.subject === reading.subject && c.place === reading.place,
  );
  if (same.length === 0) return { verdict: 'no-reports', reports: [], summary: 'No other reports.' };
  const reports = same.map((c) => ({
    ...c,
    consistent: c.value === reading.value,
    relation: 'unknown' as const,
    daysApart: null,
    supersededBy: null,
    note: '',
  }));
  const verdict = reports.some((r) => r.consistent) ? 'agrees' : 'differs';
  return { verdict, reports, summary: `${reports.length} other reports` };
}
