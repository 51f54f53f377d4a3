/**
 * Builds the popup's DOM from lib/ui/popup-view.ts data. Nodes and textContent only: page and document
 * text never becomes markup. Takes the Document to build in, so tests run it under happy-dom.
 */
import type { Figure, IsoDate, Report } from '../types.ts';
import { VERDICT_LABELS } from '../labels.ts';
import { renderFigureTimeline } from './timeline.ts';
import {
  UNAVAILABLE_TEXT,
  reportFacts,
  type FigureGroup,
  type PageView,
  type StatusView,
  verdictLegend,
} from './popup-view.ts';
import { h as el, type Child } from './elements.ts';

export interface PopupElements {
  root: HTMLElement;
  status: HTMLElement;
  siteSwitch: HTMLInputElement;
  siteHint: HTMLElement;
  page: HTMLElement;
  /** "Browse all claims": the options page (the reader's library). */
  library: HTMLAnchorElement;
}

/** A label the reader's own documents carry in the popup and the hover card. */
export const OWN_REPORT_LABEL = 'your document';

/** The fixed frame: title, database status, site switch, and the region the page's figures go in. */
export function buildShell(doc: Document, root: HTMLElement): PopupElements {
  const status = el(
    doc,
    'p',
    { class: 'status', 'data-testid': 'status', role: 'status' },
    'Reading the claim database…',
  );
  const siteSwitch = el(doc, 'input', { type: 'checkbox', id: 'site-enabled', role: 'switch' });
  siteSwitch.disabled = true;
  const siteHint = el(doc, 'span', { class: 'site-hint', id: 'site-hint' });
  siteSwitch.setAttribute('aria-describedby', 'site-hint');
  const page = el(doc, 'main', { class: 'page', 'aria-live': 'polite', 'aria-busy': 'true' });
  const library = el(
    doc,
    'a',
    { href: 'options.html', target: '_blank', id: 'browse-all', 'data-testid': 'browse-all' },
    'Browse all claims',
  );
  root.replaceChildren(
    el(
      doc,
      'header',
      { class: 'header' },
      el(doc, 'div', { class: 'title-line' }, el(doc, 'h1', {}, 'Figure Check'), library),
      el(
        doc,
        'div',
        { class: 'site' },
        el(doc, 'label', { for: 'site-enabled', class: 'switch' }, siteSwitch, ' Figure Check on this site'),
        siteHint,
      ),
      status,
    ),
    page,
  );
  return { root, status, siteSwitch, siteHint, page, library };
}

export function renderStatus(target: HTMLElement, view: StatusView): void {
  const doc = target.ownerDocument;
  target.classList.toggle('warning', view.warning);
  target.replaceChildren(
    ...(view.warning ? [el(doc, 'span', { class: 'icon', 'aria-hidden': 'true' }, '⚠ ')] : []),
    doc.createTextNode(view.text),
  );
}

/** The switch: usable only when a content script answered for a host. */
export function renderSwitch(elements: PopupElements, view: PageView): void {
  const { siteSwitch, siteHint } = elements;
  const host = 'host' in view ? view.host : null;
  siteSwitch.disabled = host === null;
  siteSwitch.checked = view.kind !== 'disabled' && view.kind !== 'unavailable';
  siteSwitch.dataset.host = host ?? '';
  siteHint.textContent = host ?? (view.kind === 'loading' ? '' : 'not available on this page');
}

export function renderPage(target: HTMLElement, view: PageView): void {
  const doc = target.ownerDocument;
  target.setAttribute('aria-busy', String(view.kind === 'loading'));
  const empty = (text: string) => el(doc, 'p', { class: 'empty', 'data-testid': 'empty' }, text);
  switch (view.kind) {
    case 'loading':
      target.replaceChildren(el(doc, 'p', { class: 'loading' }, 'Reading this page…'));
      return;
    case 'unavailable':
      target.replaceChildren(empty(UNAVAILABLE_TEXT));
      return;
    case 'disabled':
      target.replaceChildren(
        empty(`Figure Check is off on ${view.host}. Turn on the switch above to highlight figures here.`),
      );
      return;
    case 'empty':
      target.replaceChildren(
        empty('No figures found on this page: no reported counts of people, damage, weapons or aid.'),
      );
      return;
    case 'figures':
      target.replaceChildren(
        el(doc, 'p', { class: 'summary-line' }, view.summary),
        renderLegend(doc),
        ...view.groups.map((group) => renderGroup(doc, group, view.pageDate)),
      );
      return;
  }
}

/** What each verdict means, folded away: its glyph and word as on the figures, and one sentence. */
function renderLegend(doc: Document): HTMLElement {
  return el(
    doc,
    'details',
    { class: 'legend', 'data-testid': 'legend' },
    el(doc, 'summary', {}, 'What the verdicts mean'),
    el(
      doc,
      'ul',
      {},
      ...verdictLegend().map((item) =>
        el(
          doc,
          'li',
          { class: `verdict-${item.verdict}` },
          el(
            doc,
            'span',
            { class: 'verdict' },
            el(doc, 'span', { class: 'icon', 'aria-hidden': 'true' }, item.icon),
            ` ${item.text}`,
          ),
          ` ${item.description}`,
        ),
      ),
    ),
  );
}

function renderGroup(doc: Document, group: FigureGroup, pageDate: IsoDate | null): HTMLElement {
  const headingId = `group-${group.key.replace(/[^a-z0-9]+/gi, '-')}`;
  return el(
    doc,
    'section',
    { class: 'group', 'data-testid': 'group', 'aria-labelledby': headingId },
    el(doc, 'h2', { id: headingId }, group.heading),
    el(doc, 'ol', { class: 'figures' }, ...group.figures.map((f) => renderFigure(doc, f, pageDate))),
  );
}

function renderFigure(doc: Document, figure: Figure, pageDate: IsoDate | null): HTMLElement {
  const verdict = VERDICT_LABELS[figure.verdict];
  // The same picture as the hover card: the reported values over time, this figure among them.
  const chart = renderFigureTimeline(figure, doc, { pageDate });
  return el(
    doc,
    'li',
    { class: `figure verdict-${figure.verdict}`, 'data-testid': 'figure', 'data-verdict': figure.verdict },
    el(
      doc,
      'p',
      { class: 'figure-line' },
      el(
        doc,
        'span',
        { class: 'verdict', 'data-testid': 'verdict', title: verdict.description },
        el(doc, 'span', { class: 'icon', 'aria-hidden': 'true' }, verdict.icon),
        ` ${verdict.text}`,
      ),
      ' ',
      el(doc, 'strong', { class: 'figure-text' }, figure.text),
      figure.source ? el(doc, 'span', { class: 'figure-source' }, ` — ${figure.source}`) : null,
    ),
    figure.summary ? el(doc, 'p', { class: 'figure-summary' }, figure.summary) : null,
    chart ? el(doc, 'div', { class: 'timeline', 'data-testid': 'timeline' }, chart) : null,
    ...renderReports(doc, figure),
  );
}

/** Beyond this many reports, the rest fold away behind a native (keyboard-usable) disclosure. */
export const REPORTS_SHOWN = 3;

function renderReports(doc: Document, figure: Figure): HTMLElement[] {
  const { reports } = figure;
  if (reports.length === 0) return [];
  const list = (items: readonly Report[], label: string) =>
    el(doc, 'ul', { class: 'reports', 'aria-label': label }, ...items.map((r) => renderReport(doc, r)));
  // Folding one report saves nothing: fold only when at least two would be hidden.
  if (reports.length <= REPORTS_SHOWN + 1) return [list(reports, `Other reports of ${figure.text}`)];
  const rest = reports.slice(REPORTS_SHOWN);
  return [
    list(reports.slice(0, REPORTS_SHOWN), `Other reports of ${figure.text}`),
    el(
      doc,
      'details',
      { class: 'more-reports' },
      el(doc, 'summary', {}, `${rest.length} more reports`),
      list(rest, `More reports of ${figure.text}`),
    ),
  ];
}

const SAFE_URL = /^https?:\/\//i;

function renderReport(doc: Document, report: Report): HTMLElement {
  const facts = reportFacts(report);
  const agreement = facts.agreement;
  const meta = el(doc, 'p', { class: 'report-meta' });
  const parts: Child[] = [
    facts.source ? el(doc, 'span', { class: 'report-source' }, facts.source) : null,
    facts.url && SAFE_URL.test(facts.url)
      ? el(
          doc,
          'a',
          {
            class: 'report-publisher',
            href: facts.url,
            target: '_blank',
            rel: 'noopener noreferrer',
            title: facts.title,
          },
          facts.publisher,
        )
      : el(doc, 'span', { class: 'report-publisher', title: facts.title }, facts.publisher),
    el(doc, 'time', { datetime: facts.date }, facts.date),
    facts.own ? el(doc, 'span', { class: 'own', 'data-testid': 'own' }, OWN_REPORT_LABEL) : null,
    // An extension page, opened next to the popup: the document with this claim highlighted.
    el(
      doc,
      'a',
      { class: 'in-context', href: facts.documentHref, target: '_blank', 'data-testid': 'show-in-document' },
      'Show in the document',
    ),
  ];
  parts.forEach((part, i) => {
    if (!part) return;
    if (meta.childNodes.length > 0 && i > 0) meta.append(' · ');
    meta.append(part);
  });
  return el(
    doc,
    'li',
    {
      class: `report ${facts.consistent ? 'consistent' : 'inconsistent'}${facts.own ? ' own' : ''}`,
      'data-testid': 'report',
    },
    el(
      doc,
      'p',
      { class: 'report-line' },
      el(
        doc,
        'span',
        { class: 'report-agreement', title: agreement.title },
        el(doc, 'span', { 'aria-hidden': 'true' }, agreement.icon),
        ` ${agreement.text}: `,
      ),
      el(doc, 'strong', { class: 'report-value' }, facts.value),
    ),
    meta,
    ...facts.notes.map((n) => el(doc, 'p', { class: 'report-note' }, n)),
    facts.quote ? el(doc, 'blockquote', { class: 'report-quote' }, facts.quote) : null,
  );
}
