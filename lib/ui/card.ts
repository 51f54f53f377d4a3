/**
 * The hover card: what other reports say about a highlighted figure. It lives in an open shadow root on a
 * `<figure-check-card>` host, so the page's styles cannot reach it and ours cannot leak, and it is built
 * with createElement/textContent only: page and document text never become markup.
 *
 * Positioned next to the highlight with @floating-ui/dom (flip/shift keep it on screen; autoUpdate follows
 * scrolling and resizing and is cleaned up when the card closes). Behaviour (when to open and close) is in
 * lib/content/hover.ts; this module only shows and hides.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import type { Figure, Report } from '../types.ts';
import { CARD_TAG, UI_ATTRIBUTE } from '../dom/exclusions.ts';
import { VERDICT_LABELS, formatInterval, measureHeading } from '../labels.ts';
import { reportFacts } from './popup-view.ts';
import { h as el } from './elements.ts';
import CARD_CSS from './card.css?raw';

export interface CardOptions {
  /** Draws the timeline of reported values (lib/ui/timeline.ts), or null when there is nothing to draw. */
  renderTimeline?: (figure: Figure, doc: Document) => Element | null;
  /**
   * Opens a report's source document with the claim highlighted (the background opens the extension's
   * document page: a web page cannot link to it). Without it, reports have no such button.
   */
  openDocument?: (report: Report) => void;
  /** Saves the page to the reader's library (opens the popup for it). Without it, the card has no such link. */
  savePage?: () => void;
}

const HOST_STYLE: Record<string, string> = {
  // Inline and !important: page style sheets cannot move, hide or restyle the host.
  position: 'fixed',
  top: '0',
  left: '0',
  margin: '0',
  padding: '0',
  border: '0',
  display: 'block',
  'z-index': '2147483647',
  width: 'max-content',
  'max-width': 'min(26rem, calc(100vw - 16px))',
  visibility: 'visible',
  opacity: '1',
  transform: 'none',
};

export class FigureCard {
  readonly host: HTMLElement;
  private readonly shadow: ShadowRoot;
  private readonly panel: HTMLElement;
  private stopPositioning: (() => void) | null = null;
  private current: { anchor: Element; figure: Figure } | null = null;

  constructor(
    private readonly doc: Document,
    private readonly options: CardOptions = {},
  ) {
    this.host = doc.createElement(CARD_TAG);
    this.host.setAttribute(UI_ATTRIBUTE, '');
    for (const [k, v] of Object.entries(HOST_STYLE)) this.host.style.setProperty(k, v, 'important');
    this.shadow = this.host.attachShadow({ mode: 'open' });
    adoptStyles(this.shadow, doc, CARD_CSS);
    this.panel = doc.createElement('div');
    this.panel.className = 'card';
    this.panel.setAttribute('role', 'dialog');
    // The card scrolls when reports are many: focusable so keyboard users can reach and scroll it.
    this.panel.tabIndex = 0;
    this.shadow.append(this.panel);
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  get anchor(): Element | null {
    return this.current?.anchor ?? null;
  }

  get figure(): Figure | null {
    return this.current?.figure ?? null;
  }

  /** True when `node` is the card or inside it (events from the shadow root are retargeted to the host). */
  contains(node: Node | null): boolean {
    return node !== null && (node === this.host || this.host.contains(node) || this.shadow.contains(node));
  }

  /** Shows the card for `figure` next to `anchor` (a highlight). */
  show(anchor: Element, figure: Figure): void {
    if (this.current?.anchor === anchor && this.current.figure === figure) return;
    this.stopPositioning?.();
    this.current = { anchor, figure };
    this.render(figure);
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    const place = () => {
      void computePosition(anchor, this.host, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(),
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply: ({ availableHeight }) => {
              this.panel.style.maxHeight = `${Math.max(160, Math.floor(availableHeight))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        if (this.current?.anchor !== anchor) return;
        this.host.style.setProperty('left', `${Math.round(x)}px`, 'important');
        this.host.style.setProperty('top', `${Math.round(y)}px`, 'important');
      });
    };
    this.stopPositioning = autoUpdate(anchor, this.host, place);
  }

  hide(): void {
    this.stopPositioning?.();
    this.stopPositioning = null;
    this.current = null;
    this.host.remove();
  }

  destroy(): void {
    this.hide();
  }

  private render(figure: Figure): void {
    const doc = this.doc;
    const verdict = VERDICT_LABELS[figure.verdict];
    this.panel.setAttribute('aria-label', `Figure Check: ${figure.text}`);
    this.panel.setAttribute('data-verdict', figure.verdict);

    const verdictLine = el(doc, 'p', {
      class: 'verdict',
      'data-testid': 'verdict',
      'data-verdict': figure.verdict,
    });
    verdictLine.append(
      el(doc, 'span', { class: 'icon', 'aria-hidden': 'true' }, verdict.icon),
      ` ${verdict.text}`,
    );
    verdictLine.title = verdict.description;

    const figureLine = el(doc, 'p', { class: 'figure' });
    figureLine.append(el(doc, 'strong', { class: 'figure-text' }, figure.text));
    const what = measureHeading(figure.metric, figure.subject, figure.place);
    figureLine.append(el(doc, 'span', { class: 'measure' }, ` · ${what}`));

    const facts = el(doc, 'p', { class: 'facts' });
    const factParts = [
      figure.value !== null || figure.low !== null || figure.high !== null
        ? `Read as ${formatInterval(figure.low, figure.high)}`
        : null,
      figure.source ? `source: ${figure.source}` : null,
      figure.asOf ? `as of ${figure.asOf}` : null,
      figure.period === 'window'
        ? 'a count for one day'
        : figure.period === 'event'
          ? 'the toll of one incident'
          : null,
      figure.scope ? `only ${figure.scope}` : null,
      figure.modality === 'forecast' ? 'a forecast' : null,
    ].filter((p): p is string => p !== null);
    facts.textContent = factParts.join(' · ');

    // A div, not <header>: inside the page's document a header would be a second banner landmark.
    const children: Node[] = [el(doc, 'div', { class: 'head' }, verdictLine, figureLine)];
    if (factParts.length) children.push(facts);
    if (figure.summary)
      children.push(el(doc, 'p', { class: 'summary', 'data-testid': 'summary' }, figure.summary));

    const timeline = this.options.renderTimeline?.(figure, doc) ?? null;
    if (timeline) children.push(el(doc, 'div', { class: 'timeline', 'data-testid': 'timeline' }, timeline));

    if (figure.reports.length > 0) {
      const headingId = 'fc-reports-heading';
      children.push(
        el(
          doc,
          'h2',
          { class: 'reports-heading', id: headingId },
          `Other reports (${figure.reports.length})`,
        ),
      );
      const list = el(doc, 'ol', { class: 'reports', 'aria-labelledby': headingId });
      for (const r of figure.reports) list.append(renderReport(doc, r, this.options.openDocument));
      children.push(list);
    } else {
      children.push(el(doc, 'p', { class: 'empty', 'data-testid': 'empty' }, verdict.description));
    }
    const foot = el(doc, 'p', { class: 'foot' }, 'Figure Check · Esc closes');
    const { savePage } = this.options;
    if (savePage) {
      // A button styled as a link: it asks the background to open the popup, it goes nowhere itself.
      const save = el(
        doc,
        'button',
        { type: 'button', class: 'save-page', 'data-testid': 'save-page' },
        'Save this page to my library',
      );
      save.addEventListener('click', () => savePage());
      foot.append(' · ', save);
    }
    children.push(foot);
    this.panel.replaceChildren(...children);
    this.panel.scrollTop = 0;
  }
}

function renderReport(doc: Document, report: Report, openDocument?: (report: Report) => void): HTMLElement {
  const f = reportFacts(report);
  const agreement = f.agreement;
  const li = el(doc, 'li', {
    class: `report ${f.consistent ? 'consistent' : 'inconsistent'}`,
    'data-testid': 'report',
    'data-consistent': String(f.consistent),
  });
  const line = el(doc, 'p', { class: 'line' });
  line.append(
    el(
      doc,
      'span',
      { class: 'agreement', title: agreement.title },
      el(doc, 'span', { 'aria-hidden': 'true' }, `${agreement.icon} `),
      agreement.text,
    ),
    ' ',
    el(doc, 'strong', { class: 'value' }, f.value),
  );
  if (f.source) line.append(el(doc, 'span', { class: 'source' }, ` — ${f.source}`));
  const meta = el(doc, 'p', { class: 'meta' });
  meta.append(el(doc, 'span', { class: 'publisher' }, f.publisher), ' · ');
  meta.append(el(doc, 'time', { class: 'date', datetime: f.date }, f.date));
  // The reader's own documents (added on the options page) are marked in words, not by colour alone.
  if (f.own) meta.append(' · ', el(doc, 'span', { class: 'own', 'data-testid': 'own' }, 'your document'));
  for (const note of f.notes) meta.append(' · ', el(doc, 'span', { class: 'note' }, note));
  const quote = el(doc, 'blockquote', { class: 'quote' }, `“${f.quote.trim()}”`);
  if (f.title) quote.title = f.title;
  li.append(line, meta, quote);
  if (openDocument) {
    const open = el(
      doc,
      'button',
      { type: 'button', class: 'in-context', 'data-testid': 'show-in-document' },
      'Show in the document',
    );
    open.addEventListener('click', () => openDocument(report));
    li.append(open);
  }
  return li;
}

/**
 * Constructable style sheets are not subject to the page's Content-Security-Policy; where they cannot be
 * adopted (some content-script sandboxes), a <style> element inside the shadow root does the same.
 */
function adoptStyles(shadow: ShadowRoot, doc: Document, css: string): void {
  try {
    const Sheet = doc.defaultView?.CSSStyleSheet;
    if (Sheet && 'adoptedStyleSheets' in shadow) {
      const sheet = new Sheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    // Fall through to a <style> element.
  }
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.append(style);
}
