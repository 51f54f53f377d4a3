/**
 * Which parts of the page are on (or near) the screen. Highlights are written only there, and the rest as
 * the reader scrolls: on a 1 MB live blog most entries are never looked at, and every highlight written
 * costs the browser style, layout and paint. Figures are found (and listed in the popup) everywhere; only
 * the DOM writes wait.
 */

export interface Visibility {
  /** Calls `onVisible(el)` once, when `el` comes within the margin of the viewport (perhaps at once). */
  watch(el: Element): void;
  forget(el: Element): void;
  disconnect(): void;
}

/** A viewport and a half above and below: text scrolled into view is already highlighted. */
const MARGIN = '150% 0px 150% 0px';

export function createVisibility(doc: Document, onVisible: (el: Element) => void): Visibility {
  const IO = doc.defaultView?.IntersectionObserver;
  // No IntersectionObserver: treat everything as visible.
  if (!IO) return eagerVisibility(onVisible);
  const watched = new Set<Element>();
  const io = new IO(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting || !watched.has(e.target)) continue;
        watched.delete(e.target);
        io.unobserve(e.target);
        onVisible(e.target);
      }
    },
    { rootMargin: MARGIN },
  );
  return {
    watch(el) {
      if (watched.has(el)) return;
      watched.add(el);
      io.observe(el);
    },
    forget(el) {
      if (watched.delete(el)) io.unobserve(el);
    },
    disconnect() {
      watched.clear();
      io.disconnect();
    },
  };
}

/** Everything counts as visible, reported in a microtask (tests, and engines without IntersectionObserver). */
export function eagerVisibility(onVisible: (el: Element) => void): Visibility {
  let live = true;
  const watched = new Set<Element>();
  return {
    watch(el) {
      if (watched.has(el)) return;
      watched.add(el);
      queueMicrotask(() => {
        if (live && watched.delete(el)) onVisible(el);
      });
    },
    forget(el) {
      watched.delete(el);
    },
    disconnect() {
      live = false;
      watched.clear();
    },
  };
}
