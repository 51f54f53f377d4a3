/**
 * "Documents": the reader's own documents (removable, with their claims) and the ones that ship with the
 * extension. Removing asks first, in place: no modal dialog.
 */
import type { DocumentSummary } from '../protocol/index.ts';
import { documentPageHref } from '../library/document-view.ts';
import { formatNumber } from '../labels.ts';
import { h, joined, webLink } from './elements.ts';
import { originBadge, publisherName } from './claim-view.ts';
import { say, type LibraryDeps } from './options-deps.ts';

export interface DocumentsSection {
  element: HTMLElement;
  show(documents: readonly DocumentSummary[]): void;
}

const claimsText = (n: number) => `${formatNumber(n)} ${n === 1 ? 'claim' : 'claims'}`;

export function documentsSection(doc: Document, deps: LibraryDeps, onRemoved: () => void): DocumentsSection {
  const ownHeading = h(doc, 'h3', { id: 'own-heading' });
  const own = h(doc, 'ul', {
    class: 'documents',
    'data-testid': 'own-documents',
    'aria-labelledby': 'own-heading',
  });
  const ownEmpty = h(
    doc,
    'p',
    { class: 'empty', hidden: true },
    'You have not added any document yet. Add one above, or import an export.',
  );
  const bundledHeading = h(doc, 'h3', { id: 'bundled-heading' });
  const bundled = h(doc, 'ul', { class: 'documents', 'aria-labelledby': 'bundled-heading' });
  const message = h(doc, 'p', {
    class: 'message',
    'data-testid': 'documents-message',
    role: 'status',
    hidden: true,
  });
  const element = h(
    doc,
    'section',
    { id: 'documents', 'aria-labelledby': 'documents-heading' },
    h(doc, 'h2', { id: 'documents-heading' }, 'Documents'),
    message,
    ownHeading,
    ownEmpty,
    own,
    bundledHeading,
    h(
      doc,
      'p',
      { class: 'hint' },
      'These come with the extension and are replaced when it updates; your own documents are never touched by an update.',
    ),
    bundled,
  );

  function remove(item: HTMLElement, summary: DocumentSummary, button: HTMLButtonElement): void {
    const confirm = h(
      doc,
      'button',
      { type: 'button', class: 'danger', 'data-testid': 'confirm-remove' },
      'Remove',
    );
    const keep = h(doc, 'button', { type: 'button' }, 'Keep it');
    const question = h(
      doc,
      'p',
      { class: 'confirm', role: 'group', 'aria-label': 'Confirm removal' },
      `Remove “${summary.title}” and its ${claimsText(summary.claims)}? `,
      confirm,
      ' ',
      keep,
    );
    button.hidden = true;
    item.append(question);
    confirm.focus();
    keep.addEventListener('click', () => {
      question.remove();
      button.hidden = false;
      button.focus();
    });
    confirm.addEventListener('click', () => {
      confirm.disabled = true;
      void (async () => {
        const reply = await deps.send('documents:remove', { id: summary.id });
        if (!reply.ok) {
          question.remove();
          button.hidden = false;
          say(message, 'error', `Not removed: ${reply.error}`);
          return;
        }
        say(
          message,
          'ok',
          `Removed “${reply.value.document.title}” and its ${claimsText(reply.value.claims)}.`,
        );
        onRemoved();
      })();
    });
  }

  function item(summary: DocumentSummary): HTMLLIElement {
    const li = h(doc, 'li', {
      class: 'document',
      'data-testid': 'document',
      'data-origin': summary.origin ?? 'bundled',
      'data-document-id': summary.id,
    });
    li.append(
      h(
        doc,
        'p',
        { class: 'document-title' },
        h(doc, 'a', { href: documentPageHref(summary.id) }, summary.title),
        ' ',
        originBadge(doc, summary),
      ),
      h(
        doc,
        'p',
        { class: 'document-meta' },
        joined(doc, [
          publisherName(summary),
          h(doc, 'time', { datetime: summary.date }, summary.date),
          claimsText(summary.claims),
          webLink(doc, summary.url, 'original'),
        ]),
      ),
    );
    if (summary.origin === 'reader') {
      const button = h(
        doc,
        'button',
        {
          type: 'button',
          class: 'remove',
          'data-testid': 'remove',
          'aria-label': `Remove “${summary.title}”`,
        },
        'Remove',
      );
      button.addEventListener('click', () => remove(li, summary, button));
      li.append(h(doc, 'p', { class: 'actions' }, button));
    }
    return li;
  }

  return {
    element,
    show(documents) {
      const byDate = [...documents].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
      const mine = byDate.filter((d) => d.origin === 'reader');
      const shipped = byDate.filter((d) => d.origin !== 'reader');
      ownHeading.textContent = `Your documents (${formatNumber(mine.length)})`;
      bundledHeading.textContent = `Shipped with Figure Check (${formatNumber(shipped.length)})`;
      own.replaceChildren(...mine.map(item));
      ownEmpty.hidden = mine.length > 0;
      bundled.replaceChildren(...shipped.map(item));
    },
  };
}
