/**
 * What `check` does with a page's text once read: its figures, window by window as the content script
 * reads them (lib/reading/page-figures.ts), each compared with the claim database (lib/compare). Shared by the
 * command and the tests that score it on text nobody here wrote.
 */
import { compareReading, type ClaimIndex } from '../lib/compare/index.ts';
import { readPageFigures } from '../lib/reading/page-figures.ts';
import type { ReadOptions } from '../lib/figures/index.ts';
import type { Figure } from '../lib/types.ts';

export function checkPageText(text: string, options: ReadOptions, index: ClaimIndex): Figure[] {
  return readPageFigures(text, options).map((reading) => {
    const { verdict, reports, summary } = compareReading(reading, index, { pageDate: options.date });
    // The command-line contract: scope, period and asOf are always there (null when unknown).
    return {
      ...reading,
      scope: reading.scope ?? null,
      asOf: reading.asOf ?? null,
      verdict,
      reports,
      summary,
    };
  });
}
