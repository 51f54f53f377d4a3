/**
 * The popup's "Save this page to my library": read the tab's article (the content script's `page:article`),
 * check it (lib/library/save-page.ts), show the claims found with the page's date (which the reader can
 * correct) and let the reader leave out misread ones, then save it through the options page's path
 * (`claims:preview`, `documents:add`). A page saved before says so, and can be removed.
 * Extension APIs come in as `deps`; nodes and textContent only.
 */
import type { PageArticle } from '../page-data.ts';
import type { Preview, Reply, SavedPage } from '../protocol/index.ts';
import type { IsoDate } from '../types.ts';
import { checkNewDocument, type NewDocumentInput } from '../library/new-document.ts';
import { checkPageToSave } from '../library/save-page.ts';
import { claimBody } from './claim-view.ts';
import { h } from './elements.ts';
import { formatNumber } from '../labels.ts';
import { say, type SendToBackground } from './options-deps.ts';

export interface SaveDeps {
  /** The tab's page as it would be saved (the content script reads it when asked). */
  getArticle(): Promise<Reply<PageArticle>>;
  send: SendToBackground;
  /** The reader's local date, YYYY-MM-DD. */
  today(): IsoDate;
}

export interface SaveSection {
  element: HTMLElement;
  /** The tab's page answered (`url`), or there is no content script to read it (null). */
  setPage(url: string | null): Promise<void>;
  /** Reads the page and shows what saving it would add (the button, or the hover card's link). */
  start(): Promise<void>;
}

const claimsWord = (n: number) => (n === 1 ? '1 claim' : `${formatNumber(n)} claims`);

export function saveSection(doc: Document, deps: SaveDeps): SaveSection {
  const saveButton = h(
    doc,
    'button',
    { type: 'button', id: 'save-page', 'data-testid': 'save-page', disabled: true },
    'Save this page to my library',
  );
  const savedText = h(doc, 'span', { 'data-testid': 'saved' });
  const removeButton = h(
    doc,
    'button',
    { type: 'button', id: 'remove-page', 'data-testid': 'remove-page' },
    'Remove from my library',
  );
  const savedLine = h(doc, 'p', { class: 'saved-line', hidden: true }, savedText, ' ', removeButton);
  const message = h(doc, 'p', {
    class: 'message',
    'data-testid': 'save-message',
    role: 'status',
    hidden: true,
  });

  const heading = h(doc, 'h2', { id: 'save-heading', tabindex: '-1' });
  const source = h(doc, 'p', { class: 'save-source', 'data-testid': 'save-source' });
  const date = h(doc, 'input', {
    id: 'save-date',
    type: 'date',
    required: true,
    'aria-required': 'true',
    'aria-describedby': 'save-date-error',
  });
  const dateError = h(doc, 'p', { class: 'field-error', id: 'save-date-error', hidden: true });
  const note = h(doc, 'p', { class: 'hint', 'data-testid': 'save-note' });
  const list = h(doc, 'ol', { class: 'review-claims', 'aria-labelledby': 'save-heading' });
  const confirm = h(
    doc,
    'button',
    { type: 'button', id: 'save-confirm', 'data-testid': 'save-confirm' },
    'Save',
  );
  const cancel = h(doc, 'button', { type: 'button', id: 'save-cancel' }, 'Cancel');
  const review = h(
    doc,
    'div',
    { class: 'save-review', 'data-testid': 'save-review', hidden: true },
    heading,
    source,
    h(
      doc,
      'p',
      { class: 'field' },
      h(
        doc,
        'label',
        { for: 'save-date' },
        'Date published ',
        h(doc, 'span', { class: 'hint' }, '(correct it if the page has it wrong)'),
      ),
      date,
      dateError,
    ),
    note,
    list,
    h(doc, 'p', { class: 'actions' }, confirm, ' ', cancel),
  );

  const element = h(
    doc,
    'section',
    { class: 'save', 'aria-label': 'Your library' },
    h(doc, 'p', { class: 'save-actions' }, saveButton),
    savedLine,
    message,
    review,
  );

  let url: string | null = null;
  let saved: SavedPage | null = null;
  let article: PageArticle | null = null;
  let preview: { input: NewDocumentInput; value: Preview } | null = null;
  /** Bumped on each preview: an answer to an older one (the date changed meanwhile) is dropped. */
  let asked = 0;

  function showSaved(): void {
    savedLine.hidden = saved === null;
    if (saved) {
      // A copy added on the options page has no day it was saved: it is only said to be there.
      savedText.textContent = saved.savedAt
        ? `Saved on ${saved.savedAt}: “${saved.document.title}”.`
        : `In your library: “${saved.document.title}”, ${saved.document.date}.`;
    }
    saveButton.textContent = saved ? 'Save this page again' : 'Save this page to my library';
  }

  async function refreshSaved(): Promise<void> {
    if (url === null) {
      saved = null;
    } else {
      const reply = await deps.send('documents:saved', { url });
      saved = reply.ok ? reply.value : null;
    }
    showSaved();
  }

  function closeReview(): void {
    review.hidden = true;
    list.replaceChildren();
    preview = null;
    article = null;
  }

  function updateConfirm(): void {
    const n = list.querySelectorAll('input[name="keep"]:checked').length;
    confirm.textContent = `Save the page and ${claimsWord(n)}`;
    confirm.disabled = preview === null;
  }

  async function runPreview(): Promise<void> {
    if (!article) return;
    const mine = ++asked;
    preview = null;
    list.replaceChildren();
    updateConfirm();
    const checked = checkPageToSave(article, date.value || null);
    if (!checked.ok) {
      say(message, 'error', checked.error);
      return;
    }
    const input = checked.input;
    const fields = checkNewDocument(input, deps.today());
    if (!fields.ok) {
      const error = fields.errors.date ?? Object.values(fields.errors)[0] ?? 'The page cannot be saved.';
      if (fields.errors.date) {
        say(dateError, 'error', error);
        date.setAttribute('aria-invalid', 'true');
        note.textContent = '';
      } else say(message, 'error', error);
      return;
    }
    say(dateError, 'error', '');
    date.removeAttribute('aria-invalid');
    note.textContent = 'Finding the claims…';
    const reply = await deps.send('claims:preview', input);
    if (mine !== asked) return;
    if (!reply.ok) {
      note.textContent = '';
      say(message, 'error', reply.error);
      return;
    }
    preview = { input, value: reply.value };
    const { claims, samePage } = reply.value;
    heading.textContent =
      claims.length === 0
        ? `No figures found in “${reply.value.document.title}”`
        : `${claimsWord(claims.length)} found in “${reply.value.document.title}”`;
    const replaced = samePage.length
      ? ` Saving replaces your earlier copy (${samePage.map((d) => `“${d.title}”, ${d.date}`).join('; ')}).`
      : '';
    note.textContent =
      (claims.length === 0
        ? 'No reported counts of people, damage, weapons or aid were found. You can still keep the page.'
        : 'Untick a claim that was read wrongly (the wrong number, place or kind of count): it is not saved.') +
      replaced;
    list.replaceChildren(
      ...claims.map((claim, i) => {
        const id = `save-keep-${i}`;
        const box = h(doc, 'input', { type: 'checkbox', id, name: 'keep', value: claim.id, checked: true });
        box.checked = true;
        return h(
          doc,
          'li',
          { class: 'claim', 'data-testid': 'save-claim' },
          h(doc, 'p', { class: 'keep' }, box, ' ', h(doc, 'label', { for: id }, 'Keep')),
          ...claimBody(doc, claim, { link: false, showDocument: false }),
        );
      }),
    );
    updateConfirm();
  }

  async function start(): Promise<void> {
    closeReview();
    say(message, 'info', 'Reading the page…');
    saveButton.disabled = true;
    const reply = await deps.getArticle();
    saveButton.disabled = url === null;
    if (!reply.ok) {
      say(message, 'error', `This page cannot be read: ${reply.error}`);
      return;
    }
    const checked = checkPageToSave(reply.value);
    if (!checked.ok) {
      say(message, 'error', checked.error);
      return;
    }
    say(message, 'info', '');
    article = reply.value;
    heading.textContent = `“${article.title || 'Untitled page'}”`;
    source.textContent = `${article.publisher} · ${article.url}`;
    date.value = article.date ?? '';
    note.textContent = '';
    review.hidden = false;
    heading.focus();
    if (!article.date) {
      say(dateError, 'error', 'The page does not say when it was published: enter its date.');
      date.focus();
      updateConfirm();
      return;
    }
    await runPreview();
  }

  saveButton.addEventListener('click', () => void start());
  date.addEventListener('change', () => void runPreview());
  list.addEventListener('change', updateConfirm);
  cancel.addEventListener('click', () => {
    closeReview();
    saveButton.focus();
  });

  confirm.addEventListener('click', () => {
    if (!preview) return;
    const { input, value } = preview;
    const kept = new Set(
      [...list.querySelectorAll<HTMLInputElement>('input[name="keep"]:checked')].map((b) => b.value),
    );
    const exclude = value.claims.map((c) => c.id).filter((id) => !kept.has(id));
    confirm.disabled = true;
    void (async () => {
      const reply = await deps.send('documents:add', { ...input, exclude, savedPage: true });
      if (!reply.ok) {
        confirm.disabled = false;
        say(message, 'error', `Not saved: ${reply.error}`);
        return;
      }
      const { document: meta, claims, replaced } = reply.value;
      closeReview();
      // The saved line first, then the message: once the reader is told, everything shown is current.
      await refreshSaved();
      say(
        message,
        'ok',
        `Saved “${meta.title}” with ${claimsWord(claims)}${replaced.length ? ', in place of the earlier copy' : ''}. Open pages compare with them now.`,
      );
      saveButton.focus();
    })();
  });

  removeButton.addEventListener('click', () => {
    if (!saved) return;
    const { id, title } = saved.document;
    removeButton.disabled = true;
    void (async () => {
      const reply = await deps.send('documents:remove', { id });
      removeButton.disabled = false;
      if (!reply.ok) {
        say(message, 'error', `Not removed: ${reply.error}`);
        return;
      }
      await refreshSaved();
      say(message, 'ok', `Removed “${title}” and its ${claimsWord(reply.value.claims)} from your library.`);
      saveButton.focus();
    })();
  });

  return {
    element,
    async setPage(pageUrl) {
      url = pageUrl;
      saveButton.disabled = url === null;
      await refreshSaved();
    },
    start,
  };
}
