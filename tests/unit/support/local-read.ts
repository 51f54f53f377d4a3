/**
 * A stand-in for the background's `figures:read` (ClaimService.read), for content-script tests under
 * happy-dom: the same `compareFiguresOfPieces`, with a given figure reader and comparison.
 */
import type { FigureCheckDeps } from '../../../lib/content/figure-check.ts';
import { compareFiguresOfPieces, type FigureReader } from '../../../lib/reading/page-figures.ts';
import type { Reply } from '../../../lib/protocol/index.ts';
import type { Comparison, Reading } from '../../../lib/types.ts';

export function localRead(
  read: FigureReader,
  compare: (readings: Reading[]) => Promise<Reply<Comparison[]>>,
): FigureCheckDeps['read'] {
  return async (pieces, pageDate, lead) => {
    let failure: string | null = null;
    const value = await compareFiguresOfPieces(
      pieces,
      { date: pageDate, lead },
      async (readings) => {
        const r = await compare(readings);
        if (r.ok) return r.value;
        failure = r.error;
        return [];
      },
      read,
    );
    return failure === null ? { ok: true, value } : { ok: false, error: failure };
  };
}
