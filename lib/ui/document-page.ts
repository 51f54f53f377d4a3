/**
 * The document page (`document.html?id=DOC&claim=CLAIM`): a source document with its publisher, date and
 * address, and its full text with every claim marked, the chosen one highlighted and scrolled into view.
 * Reached from the options page, the popup and the hover card ("Show in the document"). Extension APIs come
 * in as `deps` (entrypoints/document/main.ts).
 */
import type { DocumentDetail, Reply } from '../protocol/index.ts';
import type { Claim } from '../types.ts';
import {
  documentPageHref,
  documentPieces,
  readDocumentAddress,
  type Piece,
} from '../library/document-view.ts';
import { h, joined, webLink } from './elements.ts';
import { claimBody, claimItem, originBadge, publisherName } from './claim-view.ts';
import { markRanges, type MarkedRange } from './marking.ts';

export interface DocumentPageDeps {
  getDocument(id: string): Promise<Reply<DocumentDetail>>;
}

export interface DocumentPage {
  /** Settles once the document (or the reason it cannot be shown) is on the page. */
  ready: Promise<void>;
}

export function startDocumentPage(root: HTMLElement, search: string, deps: DocumentPageDeps): DocumentPage {
  const doc = root.ownerDocument;
  const { id, claim } = readDocumentAddress(search);
  const main = h(
    doc,
    'main',
    { class: 'document-page', 'aria-busy': 'true' },
    h(doc, 'p', {}, 'Reading the document…'),
  );
  root.replaceChildren(main);
  const ready = (async () => {
    if (!id) {
      showProblem(
        main,
        'No document was asked for: this page is opened from a claim’s “Show in the document” link.',
      );
      return;
    }
    const reply = await deps.getDocument(id);
    if (!reply.ok) {
      showProblem(main, `This document cannot be shown: ${reply.error}`);
      return;
    }
    renderDocument(main, reply.value, claim);
  })();
  return { ready };
}

function showProblem(main: HTMLElement, message: string): void {
  const doc = main.ownerDocument;
  main.setAttribute('aria-busy', 'false');
  main.replaceChildren(
    h(doc, 'h1', {}, 'Figure Check'),
    h(doc, 'p', { class: 'problem', 'data-testid': 'problem', role: 'alert' }, message),
    h(doc, 'p', {}, h(doc, 'a', { href: 'options.html' }, 'Browse all claims')),
  );
}

export function renderDocument(main: HTMLElement, detail: DocumentDetail, claimId: string | null): void {
  const doc = main.ownerDocument;
  const { document: meta, text, claims } = detail;
  const selected = claimId ? (claims.find((c) => c.id === claimId) ?? null) : null;
  doc.title = `${meta.title} — Figure Check`;

  const header = h(
    doc,
    'header',
    { class: 'doc-header' },
    h(doc, 'p', { class: 'crumbs' }, h(doc, 'a', { href: 'options.html' }, 'Figure Check library')),
    h(doc, 'h1', { 'data-testid': 'title' }, meta.title),
    h(
      doc,
      'p',
      { class: 'doc-meta', 'data-testid': 'meta' },
      joined(doc, [
        h(doc, 'span', { class: 'publisher', 'data-testid': 'publisher' }, publisherName(meta)),
        h(doc, 'time', { datetime: meta.date, 'data-testid': 'date' }, meta.date),
        webLink(doc, meta.url, meta.url ?? '', { 'data-testid': 'url', class: 'url' }),
        `${claims.length} ${claims.length === 1 ? 'claim' : 'claims'}`,
        originBadge(doc, meta, true),
      ]),
    ),
  );

  const parts: Node[] = [header];
  if (selected) {
    parts.push(
      h(
        doc,
        'section',
        { class: 'selected-claim', 'aria-labelledby': 'selected-heading', 'data-testid': 'selected' },
        h(doc, 'h2', { id: 'selected-heading' }, 'The claim'),
        ...claimBody(doc, selected, { link: false, showDocument: false }).filter(
          (n): n is HTMLElement => n instanceof doc.defaultView!.HTMLElement && !n.matches('blockquote'),
        ),
        text !== null
          ? h(doc, 'p', {}, h(doc, 'a', { href: '#selected-claim' }, 'Go to it in the text'))
          : null,
      ),
    );
  } else if (claimId) {
    parts.push(
      h(
        doc,
        'p',
        { class: 'problem', role: 'alert', 'data-testid': 'problem' },
        'This document has no such claim any more (it was read again, or the claim was left out). The document is shown without it.',
      ),
    );
  }

  if (text !== null) {
    parts.push(
      h(
        doc,
        'article',
        { class: 'doc-text', 'data-testid': 'text', 'aria-label': 'The document’s text' },
        ...documentPieces(text, claims, selected?.id ?? null).map((pieces) =>
          renderParagraph(doc, meta.id, pieces, claims),
        ),
      ),
    );
  } else {
    parts.push(
      h(
        doc,
        'p',
        { class: 'note' },
        'The full text of this document was not kept (it was imported from a file without texts). Its claims, with the sentences they stand in:',
      ),
      h(doc, 'ol', { class: 'claims' }, ...claims.map((c) => claimItem(doc, c, { showDocument: false }))),
    );
  }

  main.setAttribute('aria-busy', 'false');
  main.replaceChildren(...parts);
  const target =
    doc.getElementById('selected-claim') ??
    (selected ? main.querySelector('[data-testid="selected"]') : null);
  if (target instanceof doc.defaultView!.HTMLElement) {
    target.scrollIntoView?.({ block: 'center' });
    target.focus({ preventScroll: true });
  }
}

/**
 * A paragraph as text, its claims then marked with mark.js: each claim a link to itself, the chosen one a
 * <mark> that the page scrolls to.
 */
function renderParagraph(
  doc: Document,
  documentId: string,
  pieces: readonly Piece[],
  claims: readonly Claim[],
) {
  const p = h(doc, 'p', {}, pieces.map((piece) => piece.text).join(''));
  const links: MarkedRange[] = [];
  const chosen: MarkedRange[] = [];
  let at = 0;
  for (const piece of pieces) {
    if (piece.kind === 'claim') {
      const { claimId } = piece;
      const claim = claims.find((c) => c.id === claimId);
      const range = { start: at, length: piece.text.length };
      if (piece.selected) {
        chosen.push({
          ...range,
          each: (el) => {
            // One claim is one mark: mark.js splits a range only across elements, never inside plain text.
            el.id = 'selected-claim';
            el.className = 'claim selected';
            el.tabIndex = -1;
            el.dataset.testid = 'highlight';
          },
        });
      } else {
        links.push({
          ...range,
          each: (el) => {
            el.className = 'claim';
            el.setAttribute('href', documentPageHref(documentId, claimId));
            if (claim) el.title = `${claim.text}: show this claim`;
          },
        });
      }
    }
    at += piece.text.length;
  }
  markRanges(p, links, 'a');
  markRanges(p, chosen, 'mark');
  return p;
}
