/**
 * The hover card as a module of its own, loaded on the first hover: the card, the timeline, their labels,
 * their style sheet and @floating-ui/dom are most of the content script's code, and most pages are read
 * without hovering a figure. `entrypoints/card.ts` builds this into `card.js`; the content script loads it
 * (lib/browser/card-loader.ts) and finds `makeCard` under CARD_MODULE_KEY (./hover.ts) on its own global, since a
 * classic script has no exports to hand back.
 */
import type { Figure } from '../types.ts';
import { FigureCard } from '../ui/card.ts';
import { renderFigureTimeline } from '../ui/timeline.ts';
import type { MakeCard } from './hover.ts';

export const makeCard: MakeCard = (doc, options) =>
  new FigureCard(doc, {
    renderTimeline: (figure: Figure, d: Document) => renderFigureTimeline(figure, d),
    openDocument: options.openDocument,
    savePage: options.savePage,
  });
