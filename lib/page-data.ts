/**
 * What the content script reads from a page and hands on: the page as "Save this page" takes it and the
 * limits of what it sends. Data only, shared by the DOM readers that fill it, the protocol that carries it
 * and the library that saves it.
 */

import type { IsoDate } from './types.ts';

/** Long enough for a headline and a standfirst; a page's lead is never more. */
export const PAGE_LEAD_CHARS = 1_000;

/**
 * The longest text a document may have: MAX_DOCUMENT_TEXT of lib/library/library-file.ts, which the content
 * script does not load (it brings valibot); a unit test holds the two equal. One character more is sent,
 * so a longer page is known to be too long.
 */
export const ARTICLE_TEXT_LIMIT = 5_000_000;

/**
 * Where a page gives its publication date, as written (lib/dom/page-date-sources.ts reads them in the page);
 * lib/dom/page-date.ts makes a date of them, in the background for the content script (the `page:date`
 * request) and in `check`. Only what could be a date is kept: a value over PAGE_DATE_LIMITS.value
 * characters never is one.
 */
export interface PageDateSources {
  /** `<meta>` names (lower case) that may name a date, with their contents, in document order. */
  metas: [name: string, content: string][];
  /** JSON-LD scripts that mention `datePublished`, as written. */
  jsonLd: string[];
  /** Each element marked `itemprop="datePublished"`: its `datetime`, its `content` and its text. */
  itemprops: string[];
  /** `<time datetime>` values, the most telling first: a `pubdate` one, in an article's header, ... */
  times: string[];
}

export const PAGE_DATE_LIMITS = {
  /** A date is never longer (lib/dom/page-date.ts's parseDate reads nothing longer). */
  value: 100,
  /** Entries per list: enough for any page's own dates, bounded on a hostile one. */
  entries: 250,
  /** JSON-LD characters in all: the page's own article data, not a feed of a thousand items. */
  jsonChars: 1_000_000,
} as const;

/** What kind of page it looks like: only articles are saved. */
export type PageKind = 'article' | 'search-results' | 'sign-in';

export interface PageArticle {
  /** The page's address without its fragment (the part after #, which points inside the page). */
  url: string;
  host: string;
  /** False when the reader turned Figure Check off on this site. */
  enabled: boolean;
  kind: PageKind;
  title: string;
  /** og:site_name, JSON-LD publisher, else the host name. */
  publisher: string;
  /** The page date `check` reads (lib/dom/page-date.ts), or null. */
  date: IsoDate | null;
  /** The article text, cut one character past ARTICLE_TEXT_LIMIT (see `length`). */
  text: string;
  /** The article text's full length: over the limit, the text is cut and the save is refused. */
  length: number;
}

/**
 * A page's address without its fragment (the part after #, which points inside the page). Here, not in
 * lib/dom/page-article.ts, because the content script needs it for every popup while the reader of the
 * article loads only when a page is saved.
 */
export function pageAddress(url: string): string {
  return url.replace(/#.*$/s, '');
}
