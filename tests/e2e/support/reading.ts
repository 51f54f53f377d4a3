/**
 * Reading a page as a reader sees it. The `read*` functions run inside the browser (they are serialised,
 * so each is self-contained); `locate` and `checkFigures` compare what they return with the expectations a
 * test writes down from the fixture page's visible text.
 */
import type { Verdict } from '../../../lib/types.ts';

export interface MarkInfo {
  text: string;
  verdict: string | null;
  /** UTF-16 offsets of the highlighted text in the body's text. */
  start: number;
  end: number;
  hasClass: boolean;
  tabIndex: number;
  /** Whether the highlight sits inside form fields, editable areas or scripts (it never may). */
  inExcluded: boolean;
}

export interface PageSnapshot {
  /** The body's text, our own UI left out. */
  text: string;
  marks: MarkInfo[];
}

/** In the page: every highlight with its place in the body's text. */
export function readHighlights(): PageSnapshot {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const spans = new Map<Element, { start: number; end: number }>();
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent?.closest('figure-check-card')) continue;
    const value = node.nodeValue ?? '';
    const mark = parent?.closest('fc-mark');
    if (mark) {
      const span = spans.get(mark);
      if (span) span.end = text.length + value.length;
      else spans.set(mark, { start: text.length, end: text.length + value.length });
    }
    text += value;
  }
  const marks = [...document.querySelectorAll('fc-mark')].map((mark) => {
    const span = spans.get(mark) ?? { start: -1, end: -1 };
    return {
      text: mark.textContent ?? '',
      verdict: mark.getAttribute('data-fc-verdict'),
      start: span.start,
      end: span.end,
      hasClass: mark.classList.contains('figure-check-mark'),
      tabIndex: (mark as HTMLElement).tabIndex,
      inExcluded:
        mark.closest('input, textarea, select, [contenteditable], script, style, noscript, template') !==
        null,
    };
  });
  return { text, marks };
}

/** In the page: the body's text as the server sent it, before any script ran. */
export async function readServedText(): Promise<string> {
  const html = await (await fetch(location.href, { cache: 'no-store' })).text();
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}

export interface CardSnapshot {
  hosts: number;
  /** The host has an open shadow root with a `[role=dialog]` inside. */
  dialog: boolean;
  visible: boolean;
  /** Fully drawn: no animation running, opacity 1 (for screenshots). */
  settled: boolean;
  label: string | null;
  verdict: string | null;
  reports: string[];
  text: string;
}

/** In the page: the hover card, if any (the visible one when there are several hosts). */
export function readCard(): CardSnapshot {
  const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
  const hosts = [...document.querySelectorAll('figure-check-card')];
  const cards = hosts.map((host) => {
    const dialog = host.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]') ?? null;
    const visible =
      dialog !== null &&
      dialog.getClientRects().length > 0 &&
      (typeof dialog.checkVisibility !== 'function' ||
        dialog.checkVisibility({ opacityProperty: true, visibilityProperty: true }));
    const settled =
      visible &&
      dialog.getAnimations({ subtree: true }).every((a) => a.playState !== 'running') &&
      getComputedStyle(dialog).opacity === '1' &&
      getComputedStyle(host).opacity === '1';
    return {
      hosts: hosts.length,
      dialog: dialog !== null,
      visible,
      settled,
      label: dialog?.getAttribute('aria-label') ?? null,
      verdict: dialog ? squash(dialog.querySelector('[data-testid="verdict"]')?.textContent) : null,
      reports: dialog
        ? [...dialog.querySelectorAll('[data-testid="report"]')].map((r) => squash(r.textContent))
        : [],
      text: squash(dialog?.textContent),
    };
  });
  return (
    cards.find((c) => c.visible) ??
    cards[0] ?? {
      hosts: 0,
      dialog: false,
      visible: false,
      settled: false,
      label: null,
      verdict: null,
      reports: [],
      text: '',
    }
  );
}

export interface PopupSnapshot {
  status: string | null;
  empty: string | null;
  groups: { heading: string; figures: { verdict: string | null; text: string; reports: string[] }[] }[];
  toggle: { checked: boolean; disabled: boolean; label: string } | null;
}

/** In the popup: what it lists, grouped as shown. */
export function readPopup(): PopupSnapshot {
  const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
  const status = document.querySelector('[data-testid="status"]');
  const empty = document.querySelector('[data-testid="empty"]');
  const toggle = document.querySelector<HTMLInputElement>('input#site-enabled[type="checkbox"]');
  return {
    status: status ? squash(status.textContent) : null,
    empty: empty ? squash(empty.textContent) : null,
    groups: [...document.querySelectorAll('[data-testid="group"]')].map((group) => ({
      heading: squash(group.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]')?.textContent),
      figures: [...group.querySelectorAll('[data-testid="figure"]')].map((figure) => {
        const own = figure.cloneNode(true) as Element;
        for (const report of own.querySelectorAll('[data-testid="report"]')) report.remove();
        return {
          verdict: figure.getAttribute('data-verdict'),
          text: squash(own.textContent),
          reports: [...figure.querySelectorAll('[data-testid="report"]')].map((r) => squash(r.textContent)),
        };
      }),
    })),
    toggle: toggle
      ? {
          checked: toggle.checked,
          disabled: toggle.disabled,
          label: squash(
            [...(toggle.labels ?? [])].map((l) => l.textContent).join(' ') ||
              toggle.getAttribute('aria-label'),
          ),
        }
      : null,
  };
}

/** Where `phrase` occurs in `text`, any run of white space matching any other (pages wrap lines). */
export function locate(text: string, phrase: string): { start: number; end: number }[] {
  const pattern = phrase
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  return [...text.matchAll(new RegExp(pattern, 'g'))].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
}

export interface FigureExpectation {
  /** The figure as the reader sees it, qualifier included. */
  figure: string;
  /** A phrase around it that occurs once on the page. */
  in: string;
  verdict?: Verdict;
}

export interface NumberExpectation {
  /** A number that is not a figure (a year, a date, a share count...). */
  number: string;
  /** The phrase it stands in; every occurrence is checked. */
  in: string;
}

/** Where the expected figure is in the page text; throws if the fixture and the test disagree. */
export function spanOf(text: string, expectation: { in: string; figure?: string; number?: string }) {
  const contexts = locate(text, expectation.in);
  if (contexts.length === 0) throw new Error(`fixture page has no text "${expectation.in}"`);
  const inner = expectation.figure ?? expectation.number ?? '';
  return contexts.map((context) => {
    const found = locate(text.slice(context.start, context.end), inner)[0];
    if (!found) throw new Error(`"${inner}" is not inside "${expectation.in}"`);
    return { start: context.start + found.start, end: context.start + found.end };
  });
}

/** For each expected figure: the highlight that covers exactly it, as "text → verdict" ("missing" if none). */
export function describeFigures(snapshot: PageSnapshot, expected: readonly FigureExpectation[]): string[] {
  return expected.map((e) => {
    const spans = spanOf(snapshot.text, e);
    if (spans.length !== 1) throw new Error(`"${e.in}" occurs ${spans.length} times on the fixture page`);
    const [span] = spans;
    const mark = snapshot.marks.find((m) => m.start === span?.start && m.end === span?.end);
    const partial = snapshot.marks.filter((m) => m.start < (span?.end ?? 0) && m.end > (span?.start ?? 0));
    if (mark) return `${e.figure} → ${e.verdict ? (mark.verdict ?? 'no verdict') : 'highlighted'}`;
    if (partial.length > 0)
      return `${e.figure} → highlighted as ${partial.map((m) => JSON.stringify(m.text)).join(' + ')}`;
    return `${e.figure} → not highlighted`;
  });
}

/** The highlights that touch a number that is not a figure, as "number in context: highlight". */
export function wronglyHighlighted(snapshot: PageSnapshot, numbers: readonly NumberExpectation[]): string[] {
  const wrong: string[] = [];
  for (const n of numbers) {
    for (const span of spanOf(snapshot.text, n)) {
      for (const m of snapshot.marks) {
        if (m.start < span.end && m.end > span.start)
          wrong.push(`"${n.number}" in "${n.in}": ${JSON.stringify(m.text)}`);
      }
    }
  }
  return wrong;
}
