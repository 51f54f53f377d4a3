/**
 * What the popup shows, as plain data: figures grouped by what they count, reports as labelled facts,
 * the database status and the page state in words. Pure, so it is tested without a browser; the DOM is
 * built from it by lib/ui/popup-render.ts.
 */
import type { PageFigures, Reply, Status } from '../protocol/index.ts';
import {
  VERDICTS,
  type Figure,
  type IsoDate,
  type Metric,
  type Period,
  type Report,
  type Subject,
  type Verdict,
} from '../types.ts';
import { VERDICT_LABELS, formatNumber, measureHeading } from '../labels.ts';
import { documentPageHref } from '../library/document-view.ts';

export interface FigureGroup {
  key: string;
  heading: string;
  metric: Metric;
  subject: Subject;
  /** null: the page does not say where; such figures are compared with nothing. */
  place: string | null;
  scope: string | null;
  period: Period;
  figures: Figure[];
}

/** "one day", "one incident": what narrows a period kind, in words (null for a running total). */
const PERIOD_WORDS: Record<Period, string | null> = {
  cumulative: null,
  window: 'one day',
  event: 'one incident',
};

/**
 * Groups by metric, subject, place, scope and period kind — the things that may be compared — in order of
 * first appearance.
 */
export function groupFigures(figures: readonly Figure[]): FigureGroup[] {
  const groups = new Map<string, FigureGroup>();
  for (const figure of [...figures].sort((a, b) => a.start - b.start)) {
    const scope = figure.scope?.trim() || null;
    const key = `${figure.metric}|${figure.subject}|${figure.place}|${scope?.toLowerCase() ?? ''}|${figure.period}`;
    let group = groups.get(key);
    if (!group) {
      const narrowed = [scope, PERIOD_WORDS[figure.period]].filter((p): p is string => p !== null);
      const heading = measureHeading(figure.metric, figure.subject, figure.place);
      group = {
        key,
        heading: narrowed.length ? `${heading} (${narrowed.join(', ')})` : heading,
        metric: figure.metric,
        subject: figure.subject,
        place: figure.place,
        scope,
        period: figure.period,
        figures: [],
      };
      groups.set(key, group);
    }
    group.figures.push(figure);
  }
  return [...groups.values()];
}

export type VerdictCounts = Record<Verdict, number>;

export function countVerdicts(figures: readonly Figure[]): VerdictCounts {
  const counts: VerdictCounts = { agrees: 0, differs: 0, outdated: 0, 'other-dates': 0, 'no-reports': 0 };
  for (const f of figures) counts[f.verdict]++;
  return counts;
}

/** How many figures have each verdict, as the popup's legend says it: most pressing first. */
const COUNT_WORDS: Record<Verdict, (n: number) => string> = {
  differs: (n) => `${n} ${n === 1 ? 'differs' : 'differ'}`,
  outdated: (n) => `${n} outdated`,
  agrees: (n) => `${n} ${n === 1 ? 'agrees' : 'agree'}`,
  'other-dates': (n) => `${n} with other dates only`,
  'no-reports': (n) => `${n} without other reports`,
};
const COUNT_ORDER: readonly Verdict[] = ['differs', 'outdated', 'agrees', 'other-dates', 'no-reports'];

/** "12 figures: ≠ 3 differ, ↻ 1 outdated, ✓ 4 agree, ◷ 2 with other dates only, ○ 2 without other reports". */
export function pageSummary(figures: readonly Figure[]): string {
  const n = figures.length;
  const c = countVerdicts(figures);
  const parts = COUNT_ORDER.filter((v) => c[v] > 0).map(
    (v) => `${VERDICT_LABELS[v].icon} ${COUNT_WORDS[v](c[v])}`,
  );
  return `${n} ${n === 1 ? 'figure' : 'figures'}: ${parts.join(', ')}`;
}

/** Every verdict with its glyph and meaning, for the popup's legend. */
export function verdictLegend(): { verdict: Verdict; icon: string; text: string; description: string }[] {
  return VERDICTS.map((verdict) => ({ verdict, ...VERDICT_LABELS[verdict] }));
}

export interface Agreement {
  icon: string;
  text: 'consistent' | 'differs' | 'outdated';
  title: string;
}

/** Consistent, differing, or replaced by a later report before the page figure's date. */
export function agreementOf(report: Report): Agreement {
  if (report.consistent) return { icon: '✓', text: 'consistent', title: 'consistent with this figure' };
  if (report.outdated)
    return { icon: '↻', text: 'outdated', title: "replaced by a later report before this figure's date" };
  return { icon: '≠', text: 'differs', title: 'differs from this figure' };
}

export interface ReportFacts {
  /** The value as the other document wrote it: "more than 2,000". */
  value: string;
  source: string | null;
  publisher: string;
  /** The date the report describes (asOf), else its document's date; YYYY-MM-DD. */
  date: string;
  quote: string;
  title: string;
  url: string | null;
  /** How it relates to the page figure: "reported 16 days later"; "superseded by …". */
  notes: string[];
  consistent: boolean;
  /** From a document the reader added to their library, not one that ships with the extension. */
  own: boolean;
  /** The document page with this report highlighted: `document.html?id=…&claim=…` (relative to the extension). */
  documentHref: string;
  /** How the report stands against the page figure, in words and an icon (never by colour alone). */
  agreement: Agreement;
}

export function reportFacts(report: Report): ReportFacts {
  // The comparison's note already names what superseded the report (tests/unit/compare/compare.property.test.ts).
  const notes = report.note ? [report.note] : [];
  return {
    value: report.text,
    source: report.source,
    publisher: report.document.publisher.trim() || 'publisher not given',
    date: report.asOf ?? report.document.date,
    quote: report.quote,
    title: report.document.title,
    url: report.document.url,
    notes: notes.filter((n) => n.trim() !== ''),
    consistent: report.consistent,
    agreement: agreementOf(report),
    own: report.document.origin === 'reader',
    documentHref: documentPageHref(report.document.id, report.id),
  };
}

export interface StatusView {
  text: string;
  /** True when answers are degraded (bundled fallback, no answer): shown as a visible warning. */
  warning: boolean;
}

export function statusView(reply: Reply<Status>): StatusView {
  if (!reply.ok) return { text: `The claim database did not answer: ${reply.error}`, warning: true };
  const { claims, documents, storage, problem } = reply.value;
  const counts = `${formatNumber(claims)} ${claims === 1 ? 'claim' : 'claims'} from ${formatNumber(documents)} ${
    documents === 1 ? 'document' : 'documents'
  }`;
  if (storage === 'bundled-fallback') {
    return {
      text: `Using the bundled claims only (${counts}). ${problem ?? 'IndexedDB is unavailable.'}`,
      warning: true,
    };
  }
  if (problem) return { text: `Claim database: ${counts}. ${problem}`, warning: true };
  return { text: `Claim database: ${counts}.`, warning: false };
}

/** What the popup shows for the tab. */
export type PageView =
  | { kind: 'loading' }
  /** No content script answered: browser pages, extension pages, or a tab opened before install. */
  | { kind: 'unavailable'; reason: string }
  | { kind: 'disabled'; host: string }
  | { kind: 'empty'; host: string }
  /** `pageDate` places undated figures on their timelines. */
  | { kind: 'figures'; host: string; pageDate: IsoDate | null; groups: FigureGroup[]; summary: string };

export function pageView(reply: Reply<PageFigures> | null): PageView {
  if (reply === null) return { kind: 'loading' };
  if (!reply.ok) return { kind: 'unavailable', reason: reply.error };
  const { host, enabled, figures, pageDate } = reply.value;
  if (!enabled) return { kind: 'disabled', host };
  if (figures.length === 0) return { kind: 'empty', host };
  return { kind: 'figures', host, pageDate, groups: groupFigures(figures), summary: pageSummary(figures) };
}

export const UNAVAILABLE_TEXT =
  'Figure Check does not run on this page. It reads news pages on http and https sites; browser pages ' +
  '(chrome://, about:), extension pages and the web store are off limits. If this is a news page that was ' +
  'open before Figure Check was installed, reload it.';

export function verdictText(verdict: Verdict): string {
  return VERDICT_LABELS[verdict].text;
}

/**
 * `popup.html?tab=12` shows tab 12 instead of the active one: the popup opened as a page (end-to-end tests,
 * or a pinned popup tab) is itself the active tab. Only extension pages can open this URL.
 */
export function tabFromQuery(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  return Number(raw);
}

/** `popup.html?tab=12&save=1`: the popup for tab 12, saving the page at once (the hover card's link). */
export function savePopupHref(tabId: number): string {
  return `popup.html?${new URLSearchParams({ tab: String(tabId), save: '1' }).toString()}`;
}

/** Whether the popup was opened to save its page at once. */
export function saveFromQuery(search: string): boolean {
  return new URLSearchParams(search).get('save') === '1';
}
