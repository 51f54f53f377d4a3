/**
 * card.js: the hover card, loaded by the content script on the first hover (lib/browser/card-loader.ts).
 * Wiring only: it leaves `makeCard` where the loader looks for it.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { makeCard } from '../lib/content/card-chunk.ts';
import { CARD_MODULE_KEY } from '../lib/content/hover.ts';

export default defineUnlistedScript(() => {
  (globalThis as Record<symbol, unknown>)[CARD_MODULE_KEY] = makeCard;
});
