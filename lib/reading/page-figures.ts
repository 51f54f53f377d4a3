/**
 * Figures of a page's text, read window by window (lib/reading/text-windows.ts) so that the content script
 * (whose pieces the background reads, the ones in the viewport first) and the `check` command (which reads
 * them in order) find exactly the same figures: both go through `readPiece` on the same pieces. A page
 * shorter than one window is read in one call, exactly as `readFigures(text)`.
 *
 * Pure: text in, readings out.
 */
import { readFigures, type ReadOptions } from '../figures/index.ts';
import type { Comparison, Figure, Reading } from '../types.ts';
import { pieceOf, planWindows, type TextPiece, type TextWindow } from './text-windows.ts';

export type FigureReader = (text: string, options: ReadOptions) => Reading[];

/** The figures of a piece that start in its window (not in its context), with offsets into `piece.text`. */
export function readPiece(
  piece: TextPiece,
  options: ReadOptions,
  read: FigureReader = readFigures,
): Reading[] {
  const readings = read(piece.text, options);
  return piece.from === 0 ? readings : readings.filter((r) => r.start >= piece.from);
}

/** The figures starting in `window`, with offsets into the whole `text`. */
export function readWindowFigures(
  text: string,
  window: TextWindow,
  options: ReadOptions,
  read: FigureReader = readFigures,
): Reading[] {
  const { piece, offset } = pieceOf(text, window);
  const readings = readPiece(piece, options, read);
  return offset === 0
    ? readings
    : readings.map((r) => ({ ...r, start: r.start + offset, end: r.end + offset }));
}

/** Every figure of the page text, in order (the `check` command's path for HTML files). */
export function readPageFigures(
  text: string,
  options: ReadOptions,
  read: FigureReader = readFigures,
): Reading[] {
  return planWindows(text).flatMap((w) => readWindowFigures(text, w, options, read));
}

/**
 * The figures of each piece, compared (the background's answer to `figures:read`): the readings of all
 * pieces go to `compare` at once, which answers one comparison per reading, in order.
 */
export async function compareFiguresOfPieces(
  pieces: readonly TextPiece[],
  options: ReadOptions,
  compare: (readings: Reading[]) => Promise<Comparison[]>,
  read: FigureReader = readFigures,
): Promise<Figure[][]> {
  const perPiece = pieces.map((piece) => readPiece(piece, options, read));
  const comparisons = await compare(perPiece.flat());
  let i = 0;
  return perPiece.map((readings) => readings.map((reading) => ({ ...reading, ...comparisons[i++]! })));
}
