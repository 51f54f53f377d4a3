/**
 * What a page says it is about, in a few lines: its title, its first heading and the description it gives
 * search engines and social sites. Read-only and cheap (a few queries, no layout), so the content script
 * reads it at start, and `check` reads the same from a saved page. The figure reader takes it as the page's
 * lead (lib/figures/topic.ts): a page about a phone or a budget has no figures to check.
 */
import { PAGE_LEAD_CHARS } from '../page-data.ts';

const DESCRIPTION = [
  'meta[property="og:description"]',
  'meta[name="description"]',
  'meta[name="twitter:description"]',
  'meta[property="og:title"]',
].join(', ');

export function readPageLead(doc: Document): string {
  const parts: string[] = [];
  const add = (s: string | null | undefined) => {
    const t = (s ?? '').replace(/\s+/g, ' ').trim();
    if (t && !parts.includes(t)) parts.push(t);
  };
  add(doc.title);
  add(doc.querySelector('h1')?.textContent);
  for (const meta of doc.querySelectorAll(DESCRIPTION)) add(meta.getAttribute('content'));
  return parts.join('\n').slice(0, PAGE_LEAD_CHARS);
}
