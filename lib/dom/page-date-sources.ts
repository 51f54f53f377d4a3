/**
 * Where a page gives its publication date, read as written (lib/page-data.ts, `PageDateSources`). The
 * content script sends them to the background, which makes the date of them (lib/dom/page-date.ts): the
 * date formats and the JSON-LD walk stay out of the script every page loads. Read-only.
 */
import { PAGE_DATE_LIMITS, type PageDateSources } from '../page-data.ts';

/** Meta names that may be a publication date: every name lib/dom/page-date.ts trusts has one of these. */
const DATE_NAME = /date|pub|issued|created/;

/** `<time datetime>` elements by how much they say about the page's own date; the rest come last. */
const TIME_RANKS = ['time[pubdate]', 'article header time', 'header time', 'article time'];

export function readPageDateSources(doc: Document): PageDateSources {
  const { value: maxValue, entries: maxEntries } = PAGE_DATE_LIMITS;
  /** The value trimmed, or '' when it cannot be a date. */
  const short = (value: string | null | undefined): string => {
    const v = (value ?? '').trim();
    return v.length <= maxValue ? v : '';
  };
  const metas: PageDateSources['metas'] = [];
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const content = short(meta.getAttribute('content'));
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const name = meta.getAttribute(attr)?.trim().toLowerCase();
      if (name && name.length <= maxValue && DATE_NAME.test(name) && metas.length < maxEntries)
        metas.push([name, content]);
    }
  }
  const jsonLd: string[] = [];
  let jsonChars = 0;
  for (const script of doc.querySelectorAll('script')) {
    if (!(script.getAttribute('type') ?? '').trim().toLowerCase().startsWith('application/ld+json')) continue;
    const text = script.textContent ?? '';
    if (!text.includes('datePublished') || jsonChars >= PAGE_DATE_LIMITS.jsonChars) continue;
    const kept = text.slice(0, PAGE_DATE_LIMITS.jsonChars - jsonChars);
    jsonChars += kept.length;
    jsonLd.push(kept);
  }
  const itemprops: string[] = [];
  for (const el of doc.querySelectorAll('[itemprop]')) {
    if (itemprops.length + 3 > maxEntries) break;
    if (!(el.getAttribute('itemprop') ?? '').toLowerCase().split(/\s+/).includes('datepublished')) continue;
    itemprops.push(
      short(el.getAttribute('datetime')),
      short(el.getAttribute('content')),
      short(el.textContent),
    );
  }
  // One pass over the page's <time> elements (a live collection the browser keeps, no selector walk over
  // a large page), each listed under every rank it matches, as one query per rank would list it.
  const ranked: string[][] = [[], [], [], [], []];
  for (const el of doc.getElementsByTagName('time')) {
    const datetime = el.getAttribute('datetime');
    if (datetime === null) continue;
    const value = short(datetime);
    TIME_RANKS.forEach((rank, i) => {
      if (el.matches(rank)) ranked[i]!.push(value);
    });
    ranked[4]!.push(value);
  }
  const perRank = Math.floor(maxEntries / ranked.length);
  const times = ranked.flatMap((list) => list.slice(0, perRank));
  return { metas, jsonLd, itemprops, times };
}
