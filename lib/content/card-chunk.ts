/**
 * card.js's code, loaded on first use: the hover card (the card, the timeline, their labels, their style
 * sheet and @floating-ui/dom are most of the content script's code, and most pages are read without
 * hovering a figure) and the page as "Save this page" reads it (asked for only by the popup).
 * `entrypoints/card.ts` builds this into `card.js`; the content script loads it (lib/browser/card-loader.ts)
 * and finds it under CARD_MODULE_KEY (./hover.ts) on its own global, since a classic script has no exports
 * to hand back.
 */
import type { Figure } from '../types.ts';
import { FigureCard } from '../ui/card.ts';
import { renderFigureTimeline } from '../ui/timeline.ts';
import { readPageArticle } from '../dom/page-article.ts';
import type { CardChunk } from './hover.ts';

export const cardChunk: CardChunk = {
  makeCard: (doc, options) =>
    new FigureCard(doc, {
      renderTimeline: (figure: Figure, d: Document) => renderFigureTimeline(figure, d),
      openDocument: options.openDocument,
      savePage: options.savePage,
    }),
  readPageArticle,
};
