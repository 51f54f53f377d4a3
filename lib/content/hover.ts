/**
 * When the hover card opens and closes. One set of delegated listeners on the document (capture phase,
 * so a page that stops propagation does not blind us), all removed through `signal`:
 * - pointer over a highlight opens its card after a short delay (no flicker when the pointer crosses text);
 * - pointer leaving it closes the card after a grace period, cancelled if the pointer reaches the card;
 * - keyboard focus on a highlight opens at once; focus leaving both highlight and card closes;
 * - Escape closes and returns focus to the highlight.
 */
import { MARK_CLASS, MARK_TAG } from '../dom/exclusions.ts';
import type { Figure } from '../types.ts';
import type { PageArticle } from '../page-data.ts';
import type { CardOptions, FigureCard } from '../ui/card.ts';

export const OPEN_DELAY_MS = 80;
export const CLOSE_GRACE_MS = 300;

/** What the hover logic needs of the card (FigureCheck hands in one that is built on first show). */
export type HoverCard = Pick<FigureCard, 'isOpen' | 'anchor' | 'contains' | 'show' | 'hide'> & {
  /** The pointer is on a highlight: get the card's code ready, it may be shown in a moment. */
  prepare?(): void;
};

/** Builds the card with its timeline (lib/content/card-chunk.ts), once its code is loaded. */
export type MakeCard = (doc: Document, options: Pick<CardOptions, 'openDocument' | 'savePage'>) => HoverCard;

/**
 * Where card.js (lib/content/card-chunk.ts) leaves its `CardChunk` on the content script's global: its own
 * world, which the page cannot see.
 */
export const CARD_MODULE_KEY = Symbol.for('figure-check.card');

/**
 * What card.js holds: the code most pages never run, loaded on first use. The hover card, and the page as
 * "Save this page" reads it (lib/dom/page-article.ts), which only the popup asks for.
 */
export interface CardChunk {
  makeCard: MakeCard;
  readPageArticle(doc: Document, url: string, enabled: boolean): PageArticle;
}

export interface HoverOptions {
  doc: Document;
  card: HoverCard;
  signal: AbortSignal;
  /** The figure a highlight shows, or null if it is not (or no longer) ours. */
  figureOf(mark: Element): Figure | null;
  /** The element that takes focus for figure `mark` (its first piece). */
  focusTarget(mark: Element): HTMLElement | null;
  /** Our DOM writes (the card host, the open marker) go through here so the page watcher ignores them. */
  write<T>(fn: () => T): T;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface Hover {
  close(): void;
}

export function wireHover(o: HoverOptions): Hover {
  const { doc, card, signal } = o;
  let openTimer: number | null = null;
  let closeTimer: number | null = null;
  let openMark: Element | null = null;
  /** Focus we move back to a highlight on Escape must not reopen its card. */
  let returningFocus = false;

  const cancel = () => {
    if (openTimer !== null) o.clearTimeout(openTimer);
    if (closeTimer !== null) o.clearTimeout(closeTimer);
    openTimer = closeTimer = null;
  };

  const open = (mark: Element) => {
    cancel();
    const figure = o.figureOf(mark);
    if (!figure || !mark.isConnected) return;
    o.write(() => {
      openMark?.removeAttribute('data-fc-open');
      mark.setAttribute('data-fc-open', '');
      openMark = mark;
      card.show(mark, figure);
    });
  };

  const close = () => {
    cancel();
    if (!card.isOpen && !openMark) return;
    o.write(() => {
      openMark?.removeAttribute('data-fc-open');
      openMark = null;
      card.hide();
    });
  };

  const scheduleOpen = (mark: Element) => {
    card.prepare?.();
    if (closeTimer !== null) o.clearTimeout(closeTimer);
    closeTimer = null;
    if (openTimer !== null) o.clearTimeout(openTimer);
    openTimer = o.setTimeout(() => open(mark), OPEN_DELAY_MS);
  };

  const scheduleClose = () => {
    if (openTimer !== null) o.clearTimeout(openTimer);
    openTimer = null;
    if (!card.isOpen || closeTimer !== null) return;
    closeTimer = o.setTimeout(close, CLOSE_GRACE_MS);
  };

  const markOf = (target: EventTarget | null): Element | null => {
    if (!target || (target as Node).nodeType !== 1) return null;
    const mark = (target as Element).closest(`${MARK_TAG}.${MARK_CLASS}`);
    return mark && mark.hasAttribute('data-fc-index') ? mark : null;
  };

  const sameFigure = (a: Element | null, b: Element | null) =>
    a !== null && b !== null && a.getAttribute('data-fc-index') === b.getAttribute('data-fc-index');

  const listen = { capture: true, passive: true, signal };

  doc.addEventListener(
    'mouseover',
    (e) => {
      const mark = markOf(e.target);
      if (mark) {
        if (card.isOpen && sameFigure(mark, card.anchor)) {
          if (closeTimer !== null) o.clearTimeout(closeTimer);
          closeTimer = null;
        } else scheduleOpen(mark);
      } else if (card.contains(e.target as Node)) {
        if (closeTimer !== null) o.clearTimeout(closeTimer);
        closeTimer = null;
      } else scheduleClose();
    },
    listen,
  );

  doc.addEventListener(
    'mouseout',
    (e) => {
      // Leaving the window altogether (no element under the pointer next).
      if (e.relatedTarget === null) scheduleClose();
    },
    listen,
  );

  doc.addEventListener(
    'focusin',
    (e) => {
      const mark = markOf(e.target);
      if (mark) {
        if (!returningFocus) open(mark);
      } else if (card.isOpen && !card.contains(e.target as Node)) close();
    },
    listen,
  );

  doc.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Escape' || !card.isOpen) return;
      const anchor = card.anchor;
      const active = doc.activeElement;
      close();
      // Focus returns to the highlight, unless the reader is busy in some other control of the page (the
      // card may be open under a resting pointer while they type in a search box).
      const elsewhere =
        active !== null && active !== doc.body && !card.contains(active) && markOf(active) === null;
      const target = anchor ? o.focusTarget(anchor) : null;
      if (target && !elsewhere) {
        returningFocus = true;
        try {
          target.focus({ preventScroll: true });
        } finally {
          returningFocus = false;
        }
      }
    },
    { capture: true, signal },
  );

  signal.addEventListener('abort', () => close(), { once: true });
  return { close };
}
