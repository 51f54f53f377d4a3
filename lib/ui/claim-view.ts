/**
 * One claim as the library shows it (options page list, the review before saving, the document page):
 * the figure as written, what it counts, when, who says so, in which document, and the sentence.
 */
import type { Claim, DocumentMeta } from '../types.ts';
import { documentPageHref } from '../library/document-view.ts';
import { claimDate, originOf } from '../library/query.ts';
import { h, joined, type Child } from './elements.ts';
import { formatInterval, measureHeading } from '../labels.ts';

export const OWN_LABEL = 'Your document';
export const BUNDLED_LABEL = 'Ships with Figure Check';

/** The badge that marks the reader's own documents (and, on request, the bundled ones). */
export function originBadge(doc: Document, meta: DocumentMeta, showBundled = false): HTMLElement | null {
  if (meta.origin === 'reader') {
    return h(
      doc,
      'span',
      { class: 'badge own', 'data-testid': 'own', title: 'A document you added' },
      OWN_LABEL,
    );
  }
  return showBundled ? h(doc, 'span', { class: 'badge bundled' }, BUNDLED_LABEL) : null;
}

/** "Reuters" or, when the reader gave none, a plain statement of that. */
export function publisherName(meta: DocumentMeta): string {
  return meta.publisher.trim() || 'publisher not given';
}

/** Short notes that change how a claim reads: a forecast, a one-day count, a narrower event. */
export function claimNotes(claim: Claim): string[] {
  return [
    claim.modality === 'forecast' ? 'a forecast' : null,
    claim.period === 'window'
      ? 'a count for one day'
      : claim.period === 'event'
        ? 'the toll of one incident'
        : null,
    claim.scope ? `only ${claim.scope}` : null,
    claim.scope ? `only: ${claim.scope}` : null,
  ].filter((n): n is string => n !== null);
}

export interface ClaimViewOptions {
  /** Link to the document page with this claim highlighted (off on the document page itself). */
  link?: boolean;
  /** Show the document's title and publisher (off where the document is the page's subject). */
  showDocument?: boolean;
}

/** The parts of a claim, for a list item or a label. */
export function claimBody(doc: Document, claim: Claim, options: ClaimViewOptions = {}): Child[] {
  const { link = true, showDocument = true } = options;
  const interval =
    claim.value !== null || claim.low !== null || claim.high !== null
      ? formatInterval(claim.low, claim.high)
      : null;
  return [
    h(
      doc,
      'p',
      { class: 'claim-line' },
      h(
        doc,
        'strong',
        { class: 'claim-text', title: interval ? `read as ${interval}` : 'no number given' },
        claim.text,
      ),
      ' ',
      h(doc, 'span', { class: 'measure' }, measureHeading(claim.metric, claim.subject, claim.place)),
    ),
    h(
      doc,
      'p',
      { class: 'claim-meta' },
      joined(doc, [
        h(doc, 'time', { datetime: claimDate(claim) }, claimDate(claim)),
        claim.source ? `source: ${claim.source}` : 'no source named',
        showDocument ? h(doc, 'span', { class: 'publisher' }, publisherName(claim.document)) : null,
        showDocument ? h(doc, 'cite', { class: 'title' }, claim.document.title) : null,
        ...claimNotes(claim),
        originBadge(doc, claim.document),
      ]),
    ),
    h(doc, 'blockquote', { class: 'quote' }, claim.quote.trim()),
    link
      ? h(
          doc,
          'p',
          { class: 'claim-links' },
          h(
            doc,
            'a',
            { href: documentPageHref(claim.document.id, claim.id), 'data-testid': 'show-in-document' },
            'Show in the document',
          ),
        )
      : null,
  ];
}

export function claimItem(doc: Document, claim: Claim, options: ClaimViewOptions = {}): HTMLLIElement {
  return h(
    doc,
    'li',
    { class: 'claim', 'data-testid': 'claim', 'data-origin': originOf(claim), 'data-claim-id': claim.id },
    ...claimBody(doc, claim, options),
  );
}
