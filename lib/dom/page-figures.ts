/**
 * Figures of a page's text, read window by window so that a 5 MB page is never one long task, and so that
 * the content script (which reads the windows in the viewport first) and the `check` command (which reads
 * them in order) find exactly the same figures: both go through `readWindowFigures` on the same windows.
 *
 * A window is a run of whole paragraphs of at most `WINDOW_CHARS` characters. Each is read together with
 * up to `CONTEXT_CHARS` of the paragraphs before it, because what a figure counts can come from the
 * sentences before it ("…in Mariupol. 2,000 had died there"); figures found in that context belong to
 * the previous window and are dropped. A page shorter than one window is read in one call, exactly as
 * `readFigures(text)`.
 *
 * Pure: text in, readings out.
 */
import { readFigures, type ReadOptions } from '../figures/index.ts';
import type { Reading } from '../types.ts';

/**
 * Sized so one window (with its context) costs the figure reader well under the 50 ms long-task line on a
 * slow machine (measured: 3–6 µs per character on two loaded cores), while a short article (under 4,000
 * characters of text) is still one window, read exactly as a whole.
 */
export const WINDOW_CHARS = 4_000;
export const CONTEXT_CHARS = 800;

export interface TextWindow {
  /** Where the figures of this window may start, [start, end) in the page text. */
  start: number;
  end: number;
}

const PARAGRAPH = '\n\n';

/**
 * Splits `text` into windows of whole paragraphs (a paragraph longer than a window is cut at a sentence
 * end, else at a space, so no number is cut in two).
 */
export function planWindows(text: string, size = WINDOW_CHARS): TextWindow[] {
  const windows: TextWindow[] = [];
  let start = 0;
  while (start < text.length) {
    if (text.length - start <= size) {
      windows.push({ start, end: text.length });
      break;
    }
    // Searched within this window only: lastIndexOf on the whole text would rescan a 2 MB paragraph
    // from its end for every window.
    const span = text.slice(start, start + size);
    const para = span.lastIndexOf(PARAGRAPH);
    const cut = para > 0 ? start + para + PARAGRAPH.length : start + cutInsideParagraph(span);
    windows.push({ start, end: cut });
    start = cut;
  }
  return windows;
}

/** Where to end a window inside one long paragraph: after a sentence, else after a space. */
function cutInsideParagraph(span: string): number {
  const sentence = span.lastIndexOf('. ');
  if (sentence > 0) return sentence + 2;
  const space = span.lastIndexOf(' ');
  if (space > 0) return space + 1;
  return span.length;
}

/** Where the context read before `window` begins: a paragraph start at most CONTEXT_CHARS earlier. */
export function contextStart(text: string, window: TextWindow, context = CONTEXT_CHARS): number {
  if (window.start === 0) return 0;
  const earliest = Math.max(0, window.start - context);
  if (earliest === 0 || text.startsWith(PARAGRAPH, earliest - PARAGRAPH.length)) return earliest;
  const para = text.indexOf(PARAGRAPH, earliest);
  return para >= 0 && para < window.start ? para + PARAGRAPH.length : window.start;
}

export type FigureReader = (text: string, options: ReadOptions) => Reading[];

/** The figures starting in `window`, with offsets into the whole `text`. */
export function readWindowFigures(
  text: string,
  window: TextWindow,
  options: ReadOptions,
  read: FigureReader = readFigures,
): Reading[] {
  const from = contextStart(text, window);
  const readings = read(text.slice(from, window.end), options);
  const out: Reading[] = [];
  for (const r of readings) {
    const start = r.start + from;
    if (start < window.start) continue;
    out.push(from === 0 ? r : { ...r, start, end: r.end + from });
  }
  return out;
}

/** Every figure of the page text, in order (the `check` command's path for HTML files). */
export function readPageFigures(
  text: string,
  options: ReadOptions,
  read: FigureReader = readFigures,
): Reading[] {
  return planWindows(text).flatMap((w) => readWindowFigures(text, w, options, read));
}
