/**
 * What a page offers to be saved in the reader's library: its article text, title, publisher, date and
 * address, and whether it is an article at all (a search results page or a sign-in page is not).
 * The content script reads this when the popup asks to save the page; the checks that turn it into a
 * document (or a clear refusal) are lib/library/save-page.ts's.
 *
 * Pure DOM API with no globals (the address comes in), so it runs in the page and under happy-dom.
 * Read-only: the article is read from a copy, so the page and its highlights are never touched.
 */
import { ARTICLE_TEXT_LIMIT, pageAddress, type PageArticle, type PageKind } from '../page-data.ts';
import { CARD_TAG, MARK_TAG, UI_ATTRIBUTE } from './exclusions.ts';
import { readPageText } from './page-text.ts';
import { parseJsonLd, readPageDate } from './page-date.ts';

/** The add form's limits for a title and a publisher (lib/library/new-document.ts). */
const MAX_TITLE = 300;
const MAX_NAME = 200;

/**
 * Parts of a page that are not its article: navigation, asides, footers, comments, related-article lists,
 * sharing and newsletter boxes. Marked up by role, tag, or the class and id names sites use for them.
 */
const NOT_ARTICLE = [
  'nav',
  'aside',
  'footer',
  'form',
  'dialog',
  'menu',
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="contentinfo"]',
  '[role="search"]',
  '[role="banner"]',
  '[role="dialog"]',
  '#comments',
  '[id^="comment" i]',
  '[class~="comments" i]',
  '[class*="comment-" i]',
  '[class*="comments-" i]',
  '[class*="related" i]',
  '[id*="related" i]',
  '[class*="recommend" i]',
  '[class*="more-stories" i]',
  '[class*="read-more" i]',
  '[class*="most-read" i]',
  '[class*="newsletter" i]',
  '[class*="share-" i]',
  '[class~="share" i]',
  '[class*="social" i]',
  '[class*="advert" i]',
  '[class*="breadcrumb" i]',
].join(', ');

/** The element that holds the article: the marked article body, the longest <article>, <main>, else body. */
export function articleRoot(doc: Document): Element | null {
  const body = doc.querySelector('[itemprop~="articleBody"]');
  if (body) return body;
  let best: Element | null = null;
  let bestLength = -1;
  for (const article of doc.querySelectorAll('article')) {
    const length = article.textContent?.length ?? 0;
    if (length > bestLength) [best, bestLength] = [article, length];
  }
  return best ?? doc.querySelector('main, [role="main"]') ?? doc.body;
}

/**
 * The article's visible text, read as the content script reads pages (lib/dom/page-text.ts), without what
 * is not the article. Our own highlights are unwrapped in the copy, so a highlighted figure is read too.
 */
export function readArticleText(doc: Document): string {
  const root = articleRoot(doc);
  if (!root) return '';
  const copy = root.cloneNode(true) as Element;
  for (const el of copy.querySelectorAll(`${CARD_TAG}, [${UI_ATTRIBUTE}]`)) el.remove();
  for (const mark of copy.querySelectorAll(MARK_TAG)) mark.replaceWith(...mark.childNodes);
  // A site header is not the article; an article's own header (its headline and byline) is.
  for (const el of copy.querySelectorAll('header')) if (!el.closest('article')) el.remove();
  for (const el of copy.querySelectorAll(NOT_ARTICLE)) el.remove();
  return readPageText(copy).text;
}

function metaContent(doc: Document, selectors: readonly string[]): string | null {
  for (const selector of selectors) {
    const value = doc.querySelector(selector)?.getAttribute('content')?.replace(/\s+/g, ' ').trim();
    if (value) return value;
  }
  return null;
}

/** JSON-LD objects of the page, `@graph` arrays flattened; broken blocks are skipped. */
function jsonLdObjects(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || out.length > 200) return;
    if (Array.isArray(value)) for (const item of value) visit(item, depth + 1);
    else if (value !== null && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      out.push(obj);
      if (obj['@graph']) visit(obj['@graph'], depth + 1);
    }
  };
  for (const script of doc.querySelectorAll('script')) {
    if (!(script.getAttribute('type') ?? '').trim().toLowerCase().startsWith('application/ld+json')) continue;
    visit(parseJsonLd((script.textContent ?? '').slice(0, 1_000_000)), 0);
  }
  return out;
}

function typesOf(obj: Record<string, unknown>): string[] {
  const type = obj['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return nameOf(value[0]);
  if (value !== null && typeof value === 'object') return nameOf((value as Record<string, unknown>)['name']);
  return null;
}

/** og:site_name, else the publisher named in JSON-LD (an article's first), else the host name. */
export function readPublisher(doc: Document, host: string): string {
  const site = metaContent(doc, ['meta[property="og:site_name"]']);
  if (site) return site;
  let publisher: string | null = null;
  for (const obj of jsonLdObjects(doc)) {
    const name = nameOf(obj['publisher']);
    if (!name) continue;
    if (typesOf(obj).some((t) => /Article|Posting|Report|Blog/i.test(t))) return name;
    publisher ??= name;
  }
  return publisher ?? host.replace(/^www\./, '');
}

/** og:title, else the page's first heading, else its <title>. */
export function readTitle(doc: Document): string {
  const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  return (
    metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ??
    (squash(doc.querySelector('h1')?.textContent) || squash(doc.title))
  );
}

const SIGN_IN_PATH = /(?:^|[/_.-])(?:log-?in|sign-?in|signin|sign-?up|register|auth|sso)(?:$|[/_.-])/i;
const SEARCH_PATH = /(?:^|\/)(?:search|results)(?:$|[/_.-])/i;
const SEARCH_PARAMS = ['q', 'query', 'search', 'searchterm', 's', 'k', 'keywords'];

/**
 * Whether the page is an article. A sign-in page: its address says so, or a password field with little
 * text around it (news pages may carry a hidden sign-in box, and then much text). A search results page:
 * its address has a search path, it says it is one (schema.org SearchResultsPage), or a search term is in
 * its address while it does not call itself an article (og:type).
 */
export function readPageKind(doc: Document, url: string, textLength: number): PageKind {
  let address: URL | null = null;
  try {
    address = new URL(url);
  } catch {
    // Not a parsable address: judged by the page alone.
  }
  const path = address?.pathname ?? '';
  if (SIGN_IN_PATH.test(path)) return 'sign-in';
  if (doc.querySelector('input[type="password" i]') && textLength < 1_500) return 'sign-in';
  const schemaTypes = [
    ...jsonLdObjects(doc).flatMap(typesOf),
    ...[...doc.querySelectorAll('[itemtype]')].map((el) => el.getAttribute('itemtype') ?? ''),
  ];
  if (schemaTypes.some((t) => /SearchResultsPage/i.test(t))) return 'search-results';
  if (SEARCH_PATH.test(path)) return 'search-results';
  const ogType = metaContent(doc, ['meta[property="og:type"]'])?.toLowerCase() ?? null;
  const searched = [...(address?.searchParams ?? [])].some(
    ([name, value]) => SEARCH_PARAMS.includes(name.toLowerCase()) && value.trim() !== '',
  );
  if (searched && ogType !== 'article') return 'search-results';
  return 'article';
}

/** The page as it would be saved. `enabled`: whether Figure Check is on for its site. */
export function readPageArticle(doc: Document, url: string, enabled: boolean): PageArticle {
  const address = pageAddress(url);
  let host = '';
  try {
    host = new URL(address).hostname;
  } catch {
    // Left empty: the save is refused for want of a web address.
  }
  const base = { url: address, host, enabled };
  // Nothing is read on a site the reader switched off.
  if (!enabled) {
    return { ...base, kind: 'article', title: '', publisher: '', date: null, text: '', length: 0 };
  }
  const text = readArticleText(doc);
  return {
    ...base,
    kind: readPageKind(doc, address, text.length),
    title: readTitle(doc).slice(0, MAX_TITLE),
    publisher: readPublisher(doc, host).slice(0, MAX_NAME),
    date: readPageDate(doc),
    text: text.slice(0, ARTICLE_TEXT_LIMIT + 1),
    length: text.length,
  };
}
