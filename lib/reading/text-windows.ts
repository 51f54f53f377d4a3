/**
 * The page's text cut into windows, and the pieces of text sent to be read: whole paragraphs of at most
 * `WINDOW_CHARS` characters, each read with up to `CONTEXT_CHARS` of the paragraphs before it, because
 * what a figure counts can come from the sentences before it ("…in Mariupol. 2,000 had died there").
 *
 * Kept apart from the figure reader (lib/reading/page-figures.ts) so the content script, which only cuts the
 * text and sends the pieces to the background to be read, never imports it: the reader is most of the
 * code there is, and the content script loads on every page (docs/decisions.md, "Figures are read in the
 * background"). Pure: text in, offsets out.
 */
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
  return extendWindows(text, [], true, size);
}

/**
 * Plans more windows after `windows` (planned on a shorter prefix of `text`), in place. A window depends
 * only on the `size` characters from its start, so while the text is still being read (`complete` false)
 * every window but the last is already what `planWindows` gives for the whole text: those are planned,
 * the last waits for the rest of the text.
 */
export function extendWindows(
  text: string,
  windows: TextWindow[],
  complete: boolean,
  size = WINDOW_CHARS,
): TextWindow[] {
  let start = windows.at(-1)?.end ?? 0;
  while (start < text.length) {
    if (text.length - start <= size) {
      if (complete) windows.push({ start, end: text.length });
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

/**
 * What is read for one window: its text with the context before it. Figures starting before `from` (in
 * the context) belong to the previous window and are dropped by the reader (`readPiece`).
 */
export interface TextPiece {
  text: string;
  /** Where the window itself starts in `text`. */
  from: number;
}

/** The piece read for `window`, and where it starts in the page text (add it to the readings' offsets). */
export function pieceOf(text: string, window: TextWindow): { piece: TextPiece; offset: number } {
  const offset = contextStart(text, window);
  return { piece: { text: text.slice(offset, window.end), from: window.start - offset }, offset };
}
