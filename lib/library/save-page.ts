/**
 * Saving the page the reader is on: the page as the content script read it (lib/dom/page-article.ts)
 * becomes the input of the "add a document" path (lib/library/new-document.ts), or a refusal that says why
 * and saves nothing. And when two saved pages are the same page: the same address, or the same text.
 * Pure.
 */
import type { PageArticle } from '../page-data.ts';
import type { IsoDate } from '../types.ts';
import { MAX_DOCUMENT_TEXT } from './library-file.ts';
import { isWebUrl, normaliseText, type NewDocumentInput } from './new-document.ts';

/** Less text than this is a page's furniture (a headline, a caption), not an article. */
export const MIN_ARTICLE_CHARS = 200;

export type SaveCheck = { ok: true; input: NewDocumentInput } | { ok: false; error: string };

const formatCount = (n: number) => n.toLocaleString('en-US');

/**
 * The document a page would be saved as, or why it cannot be. `date` is the reader's correction of the
 * page date, when they made one.
 */
export function checkPageToSave(page: PageArticle, date: IsoDate | null = page.date): SaveCheck {
  if (!page.enabled) {
    return {
      ok: false,
      error: `Figure Check is off on ${page.host || 'this site'}: turn it on with the switch above to save its pages.`,
    };
  }
  if (!isWebUrl(page.url))
    return { ok: false, error: 'Only pages of web sites (http or https) can be saved.' };
  if (page.kind === 'search-results') {
    return {
      ok: false,
      error: 'This is a page of search results, not an article: open the article itself to save it.',
    };
  }
  if (page.kind === 'sign-in') {
    return { ok: false, error: 'This is a sign-in page, not an article: there is nothing here to save.' };
  }
  if (page.length > MAX_DOCUMENT_TEXT) {
    return {
      ok: false,
      error: `This page is too long to save (${formatCount(page.length)} characters of text; at most ${formatCount(MAX_DOCUMENT_TEXT)}).`,
    };
  }
  if (page.text.trim().length < MIN_ARTICLE_CHARS) {
    return {
      ok: false,
      error: 'This page has no article text to save (only a few words outside menus, lists and comments).',
    };
  }
  return {
    ok: true,
    input: { text: page.text, title: page.title, publisher: page.publisher, date: date ?? '', url: page.url },
  };
}

/** Tracking parameters: the same article shared from a newsletter or a social site. */
const TRACKING = /^(?:utm_.*|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|at_medium|at_campaign)$/i;

/**
 * An address as compared: no fragment, no tracking parameters, the others sorted, the host in lower case
 * without `www.`, no trailing slash. Not an address: the text trimmed.
 */
export function normaliseAddress(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url.trim();
  }
  const params = [...u.searchParams]
    .filter(([name]) => !TRACKING.test(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  const path = u.pathname.length > 1 ? u.pathname.replace(/\/+$/, '') : '';
  return `${u.protocol}//${u.host.toLowerCase().replace(/^www\./, '')}${path}${query ? `?${query}` : ''}`;
}

/** Texts compared as read: line ends and runs of white space do not count. */
function textKey(text: string): string {
  return normaliseText(text).replace(/\s+/g, ' ').trim();
}

export interface PageIdentity {
  url: string | null;
  text?: string | null;
}

/** The same page: the same address (as `normaliseAddress` writes it), or the same text. */
export function isSamePage(a: PageIdentity, b: PageIdentity): boolean {
  if (a.url && b.url && normaliseAddress(a.url) === normaliseAddress(b.url)) return true;
  if (!a.text || !b.text) return false;
  const key = textKey(a.text);
  return key !== '' && key === textKey(b.text);
}

/** The saved page at `url`, if any: the latest saved (by when it was saved, then its date). */
export function findSavedPage<D extends { url: string | null; date: IsoDate; savedAt?: IsoDate | null }>(
  documents: readonly D[],
  url: string,
): D | null {
  const key = normaliseAddress(url);
  const same = documents.filter((d) => d.url !== null && normaliseAddress(d.url) === key);
  same.sort((a, b) => ((b.savedAt ?? '') + b.date).localeCompare((a.savedAt ?? '') + a.date));
  return same[0] ?? null;
}
