/**
 * Loads card.js (the hover card and the "Save this page" reader, lib/content/card-chunk.ts) into the content
 * script's world on first use.
 *
 * A dynamic import() of the extension's own file: both browsers run it in the content script's world (its
 * isolated world in Chrome, its sandbox in Firefox), where it leaves its `CardChunk` on the global. The file
 * must be a web-accessible resource for that (wxt.config.ts says how it is kept from being a fingerprint).
 * The other way, the background injecting it with scripting.executeScript, needs the `scripting`
 * permission and host permissions on every site, which Figure Check does without.
 */
import { CARD_MODULE_KEY, type CardChunk, type MakeCard } from '../content/hover.ts';

/**
 * The browsers' own `chrome` global, named as written (both browsers have it in content scripts; `browser`
 * would be bundled under another name): Firefox's add-on linter accepts import() only of a URL made by
 * `chrome.runtime.getURL` or `browser.runtime.getURL`.
 */
declare const chrome: { runtime: { getURL(path: string): string } };

export const CARD_FILE = '/card.js';

let loading: Promise<CardChunk> | null = null;

export function loadCardChunk(): Promise<CardChunk> {
  loading ??= (async () => {
    const scope = globalThis as Record<symbol, unknown>;
    if (!isChunk(scope[CARD_MODULE_KEY])) await import(/* @vite-ignore */ chrome.runtime.getURL(CARD_FILE));
    const chunk = scope[CARD_MODULE_KEY];
    if (!isChunk(chunk)) throw new Error(`${CARD_FILE} did not load`);
    return chunk;
  })();
  // A failed load (the extension was reloaded meanwhile) may be tried again on the next use.
  loading.catch(() => (loading = null));
  return loading;
}

export async function loadCard(): Promise<MakeCard> {
  return (await loadCardChunk()).makeCard;
}

function isChunk(value: unknown): value is CardChunk {
  return typeof value === 'object' && value !== null && typeof (value as CardChunk).makeCard === 'function';
}
