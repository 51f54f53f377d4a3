/**
 * A stand-in for the background's `figures:read` (ClaimService.read), for content-script tests under
 * happy-dom: reads each piece with a given figure reader and compares all its readings in one call, then
 * answers per piece, as the background does.
 */
import type { FigureCheckDeps } from '../../../lib/content/figure-check.ts';
import { readPiece, type FigureReader } from '../../../lib/dom/page-figures.ts';
import type { Reply } from '../../../lib/protocol.ts';
import type { Comparison, Reading } from '../../../lib/types.ts';

export function localRead(
  read: FigureReader,
  compare: (readings: Reading[]) => Promise<Reply<Comparison[]>>,
): FigureCheckDeps['read'] {
  return async (pieces, pageDate) => {
    const perPiece = pieces.map((piece) => readPiece(piece, { date: pageDate }, read));
    const compared = await compare(perPiece.flat());
    if (!compared.ok) return compared;
    let i = 0;
    return {
      ok: true,
      value: perPiece.map((readings) => readings.map((r) => ({ ...r, ...compared.value[i++]! }))),
    };
  };
}
