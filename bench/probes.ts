/**
 * Scripts the runner puts into pages, as source text (they are serialised into the page, so they must not
 * depend on anything in Node, nor on what a TypeScript transform adds to functions).
 */

/**
 * Runs before any page script (addInitScript): records long tasks (PerformanceObserver, buffered) and
 * every highlight element added (`tag`: FC-MARK for the extension, MARK for mark.js), with when it was
 * added. A MutationObserver callback only appends to two arrays: the same small cost in every mode.
 */
export function hookScript(tag: 'FC-MARK' | 'MARK'): string {
  return `(() => {
  const B = (window.__fcBench = { longtasks: [], markTimes: [], markEls: [] });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  new MutationObserver((records) => {
    const t = performance.now();
    for (const r of records) for (const n of r.addedNodes) if (n.nodeName === ${JSON.stringify(tag)}) {
      B.markTimes.push(t); B.markEls.push(n);
    }
  }).observe(document, { childList: true, subtree: true });
})();`;
}

/**
 * The naive highlighter, the baseline: mark.js over every run of digits, once the document is parsed,
 * then again over each element the page adds (so the live page is highlighted too).
 */
export function baselineScript(markJs: string): string {
  return `${markJs}
;(() => {
  const re = /\\d+/g;
  document.addEventListener('DOMContentLoaded', () => {
    new Mark(document.body).markRegExp(re);
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) {
        if (n.nodeType === 1 && n.nodeName !== 'MARK' && !n.closest('mark')) new Mark(n).markRegExp(re);
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
})();`;
}

/** What the page saw, read after it settled. Returns a JSON-safe object. */
export const READ_PAGE = `(() => {
  const B = window.__fcBench;
  const nav = performance.getEntriesByType('navigation')[0];
  const vh = innerHeight, vw = innerWidth;
  let firstInView = null, first = null, last = null, marks = 0;
  const indexes = new Set();
  for (let i = 0; i < B.markEls.length; i++) {
    const el = B.markEls[i];
    if (!el.isConnected) continue;
    marks++;
    const idx = el.getAttribute('data-fc-index');
    if (idx !== null) indexes.add(idx);
    const t = B.markTimes[i];
    if (last === null || t > last) last = t;
    if (first === null || t < first) first = t;
    if (firstInView === null || t < firstInView) {
      const r = el.getBoundingClientRect();
      if (r.bottom > 0 && r.top < vh && r.right > 0 && r.left < vw) firstInView = t;
    }
  }
  let live = null;
  if (window.__fcBenchLive) {
    const entries = window.__fcBenchLive;
    const firstMark = new Map();
    for (let i = 0; i < B.markEls.length; i++) {
      const el = B.markEls[i];
      if (!el.isConnected) continue;
      const entry = el.closest('article.entry');
      if (!entry) continue;
      const t = B.markTimes[i];
      if (!firstMark.has(entry) || t < firstMark.get(entry)) firstMark.set(entry, t);
    }
    const latencies = [];
    let missed = 0, withFigure = 0;
    for (const e of entries) {
      if (!e.figure) continue;
      withFigure++;
      const t = firstMark.get(e.el);
      if (t === undefined) missed++;
      else latencies.push(t - e.t);
    }
    live = { appended: entries.length, withFigure, missed, latencies, done: window.__fcBenchLiveDone ?? null };
  }
  return {
    dcl: nav.domContentLoadedEventStart,
    load: nav.loadEventEnd,
    firstMark: first,
    firstInView,
    lastMark: last,
    marks,
    figuresMarked: indexes.size,
    longtasks: B.longtasks,
    live,
    elements: document.getElementsByTagName('*').length,
  };
})()`;

/** Navigation timing only (the load-time runs carry no probe). */
export const READ_TIMING = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return { dcl: nav.domContentLoadedEventStart, load: nav.loadEventEnd };
})()`;

/**
 * In an extension page: asks the content script of the newest other tab for its figures (the popup's
 * own request), and returns how many it found and that tab's id.
 */
export const FIGURES_FOUND = `(async () => {
  const self = await chrome.tabs.getCurrent();
  const tabs = await chrome.tabs.query({});
  const ids = tabs.map((t) => t.id).filter((id) => id !== undefined && id !== (self && self.id));
  const tab = Math.max(...ids);
  const reply = await chrome.tabs.sendMessage(tab, { channel: 'figure-check', type: 'page:figures', payload: null });
  return { tab, found: reply && reply.ok ? reply.value.figures.length : null, error: reply && !reply.ok ? reply.error : null };
})()`;

/** Popup probe: when figure items were first added and when their count last grew (ms from opening). */
export const POPUP_HOOK = `(() => {
  const P = (window.__fcPopup = { first: null, last: null, count: 0 });
  new MutationObserver(() => {
    const n = document.querySelectorAll('[data-testid="figure"]').length;
    if (n > P.count) {
      const t = performance.now();
      if (P.first === null) P.first = t;
      P.last = t;
      P.count = n;
    }
  }).observe(document, { childList: true, subtree: true });
})();`;
