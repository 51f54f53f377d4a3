/**
 * Highlighting on the extension's own pages with mark.js: the words searched for in the options page's
 * results, and the claims in a document's text on the document page. mark.js suits these pages: they are
 * ours, small, built once per change and never edited by anyone else. It left the content script
 * (lib/dom/highlight.ts says why) for what it costs on other people's pages: wrapping large pages slowly,
 * and live NodeIterators that slow the page's own DOM work.
 */
import Mark from 'mark.js';

/** Marks every occurrence of `terms` under `root` (as the search matched them: any case, any accents). */
export function markSearchTerms(
  root: HTMLElement,
  terms: readonly string[],
  exclude: readonly string[] = [],
): void {
  const marker = new Mark(root);
  marker.unmark({ className: 'search-hit' });
  if (terms.length === 0) return;
  marker.mark(terms, {
    className: 'search-hit',
    separateWordSearch: false,
    diacritics: true,
    // "5000" finds "5,000" and "5.000", as the search does.
    ignorePunctuation: [',', '.', '\u00a0'],
    exclude: [...exclude],
  });
}

/** A span of an element's text to mark, with what to do with the element mark.js wraps it in. */
export interface MarkedRange {
  start: number;
  length: number;
  /** Called with the element wrapped around (a piece of) this range. */
  each: (element: HTMLElement) => void;
}

/**
 * Wraps each range of `root`'s text (offsets into its textContent) in a `tag` element. Ranges that overlap
 * an earlier one are left as text (mark.js skips them).
 */
export function markRanges(root: HTMLElement, ranges: readonly MarkedRange[], tag: string): void {
  if (ranges.length === 0) return;
  // mark.js hands each range back to `each`: copies, so it may write start and length on them freely.
  const items = ranges.map((r) => ({ start: r.start, length: r.length, range: r }));
  new Mark(root).markRanges(items, {
    element: tag,
    each: (element, range) => (range as unknown as (typeof items)[number]).range.each(element as HTMLElement),
  });
}
