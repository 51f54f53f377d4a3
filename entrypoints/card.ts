/**
 * card.js: the code the content script loads on first use (lib/browser/card-loader.ts): the hover card and
 * the page as "Save this page" reads it. Wiring only: it leaves them where the loader looks.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { cardChunk } from '../lib/content/card-chunk.ts';
import { CARD_MODULE_KEY } from '../lib/content/hover.ts';

export default defineUnlistedScript(() => {
  (globalThis as Record<symbol, unknown>)[CARD_MODULE_KEY] = cardChunk;
});
