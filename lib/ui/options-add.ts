/**
 * "Add a document": paste text or choose a .txt/.html file, say who published it and when, see the claims
 * found, leave out any read wrongly, and save. The checks are lib/library/new-document.ts's; the background
 * checks again and extracts the claims itself.
 */
import type { AddDocumentRequest, Preview } from '../protocol/index.ts';
import { readPageText } from '../dom/page-text.ts';
import {
  MAX_FILE_BYTES,
  checkNewDocument,
  isHtmlFile,
  readHtmlDocument,
  type FieldErrors,
  type NewDocumentField,
  type NewDocumentInput,
} from '../library/new-document.ts';
import { formatNumber } from '../labels.ts';
import { h } from './elements.ts';
import { claimBody } from './claim-view.ts';
import { say, type LibraryDeps } from './options-deps.ts';

export interface AddSection {
  element: HTMLElement;
}

const FIELD_ORDER: readonly NewDocumentField[] = ['text', 'publisher', 'title', 'date', 'url'];

export function addSection(doc: Document, deps: LibraryDeps, onSaved: () => void): AddSection {
  const errorOf = (name: NewDocumentField) =>
    h(doc, 'p', { class: 'field-error', id: `doc-${name}-error`, hidden: true });
  const errors: Record<NewDocumentField, HTMLElement> = {
    text: errorOf('text'),
    publisher: errorOf('publisher'),
    title: errorOf('title'),
    date: errorOf('date'),
    url: errorOf('url'),
  };

  const file = h(doc, 'input', {
    id: 'doc-file',
    type: 'file',
    accept: '.txt,.html,.htm,text/plain,text/html',
    'aria-describedby': 'doc-file-note',
  });
  const fileHint = h(
    doc,
    'p',
    { class: 'hint', id: 'doc-file-note' },
    'A web page saved as .html is read as the extension reads pages: its visible text.',
  );
  const fileNote = h(doc, 'p', {
    class: 'message',
    'data-testid': 'file-message',
    role: 'status',
    hidden: true,
  });
  const controls: Record<NewDocumentField, HTMLInputElement | HTMLTextAreaElement> = {
    text: h(doc, 'textarea', { id: 'doc-text', name: 'text', rows: '10', spellcheck: 'false' }),
    publisher: h(doc, 'input', {
      id: 'doc-publisher',
      name: 'publisher',
      type: 'text',
      autocomplete: 'organization',
    }),
    title: h(doc, 'input', { id: 'doc-title', name: 'title', type: 'text' }),
    date: h(doc, 'input', {
      id: 'doc-date',
      name: 'date',
      type: 'date',
      required: true,
      'aria-required': 'true',
    }),
    url: h(doc, 'input', { id: 'doc-url', name: 'url', type: 'url', placeholder: 'https://' }),
  };
  for (const name of FIELD_ORDER) controls[name].setAttribute('aria-describedby', `doc-${name}-error`);

  const labelled = (name: NewDocumentField, label: string, hint?: string) =>
    h(
      doc,
      'p',
      { class: `field${name === 'text' ? ' wide' : ''}` },
      h(
        doc,
        'label',
        { for: `doc-${name}` },
        label,
        hint ? h(doc, 'span', { class: 'hint' }, ` ${hint}`) : null,
      ),
      controls[name],
      errors[name],
    );

  const previewButton = h(doc, 'button', { type: 'submit', id: 'preview' }, 'Find the claims');
  const message = h(doc, 'p', {
    class: 'message',
    'data-testid': 'add-message',
    role: 'status',
    hidden: true,
  });
  const form = h(
    doc,
    'form',
    { id: 'add-form', novalidate: true, 'aria-describedby': 'add-intro' },
    h(
      doc,
      'fieldset',
      {},
      h(doc, 'legend', {}, 'The text'),
      h(
        doc,
        'p',
        { class: 'field wide' },
        h(doc, 'label', { for: 'doc-file' }, 'Choose a .txt or .html file'),
        file,
        fileHint,
        fileNote,
      ),
      labelled('text', '…or paste the text of the article'),
    ),
    h(
      doc,
      'fieldset',
      {},
      h(doc, 'legend', {}, 'Where it comes from'),
      labelled('publisher', 'Publisher', '(optional)'),
      labelled('title', 'Title', '(optional: the first line otherwise)'),
      labelled('date', 'Date published', '(required)'),
      labelled('url', 'Address', '(optional)'),
    ),
    h(doc, 'p', { class: 'actions' }, previewButton),
  );

  const reviewHeading = h(doc, 'h3', { id: 'review-heading', tabindex: '-1' });
  const reviewNote = h(doc, 'p', { class: 'hint' });
  const reviewList = h(doc, 'ol', { class: 'claims review', 'aria-labelledby': 'review-heading' });
  const save = h(doc, 'button', { type: 'button', id: 'save' }, 'Save');
  const back = h(doc, 'button', { type: 'button', id: 'back' }, 'Change the document');
  const review = h(
    doc,
    'div',
    { class: 'review', 'data-testid': 'review', hidden: true },
    reviewHeading,
    reviewNote,
    reviewList,
    h(doc, 'p', { class: 'actions' }, save, ' ', back),
  );

  const element = h(
    doc,
    'section',
    { id: 'add', 'aria-labelledby': 'add-heading' },
    h(doc, 'h2', { id: 'add-heading' }, 'Add a document'),
    h(
      doc,
      'p',
      { id: 'add-intro', class: 'intro' },
      'Add a report you trust: its figures become claims that pages you read are compared with. It stays in this browser only.',
    ),
    form,
    review,
    message,
  );

  let preview: { input: NewDocumentInput; value: Preview } | null = null;

  const readInput = (): NewDocumentInput => ({
    text: controls.text.value,
    title: controls.title.value,
    publisher: controls.publisher.value,
    date: controls.date.value,
    url: controls.url.value,
  });

  function showErrors(found: FieldErrors): void {
    for (const name of FIELD_ORDER) {
      const error = found[name];
      say(errors[name], 'error', error ?? '');
      if (error) controls[name].setAttribute('aria-invalid', 'true');
      else controls[name].removeAttribute('aria-invalid');
    }
    const first = FIELD_ORDER.find((name) => found[name]);
    if (first) controls[first].focus();
  }

  function closeReview(): void {
    preview = null;
    review.hidden = true;
    reviewList.replaceChildren();
  }

  function keptCount(): number {
    return reviewList.querySelectorAll('input[name="keep"]:checked').length;
  }

  function updateSaveLabel(): void {
    const n = keptCount();
    save.textContent = `Save the document and ${n === 1 ? 'its 1 claim' : `${formatNumber(n)} claims`}`;
  }

  function openReview(input: NewDocumentInput, value: Preview): void {
    preview = { input, value };
    const { document: meta, claims, duplicate } = value;
    reviewHeading.textContent =
      claims.length === 0
        ? `No figures found in “${meta.title}”`
        : `${formatNumber(claims.length)} ${claims.length === 1 ? 'claim' : 'claims'} found in “${meta.title}”`;
    reviewNote.textContent = duplicate
      ? `This document is already in your library (“${duplicate.title}”, ${duplicate.date}): it cannot be added twice.`
      : claims.length === 0
        ? 'No reported counts of people, damage, weapons or aid were found. You can still keep the document.'
        : 'Untick a claim that was read wrongly (the wrong number, place or kind of count): it is not saved.';
    reviewList.replaceChildren(
      ...claims.map((claim, i) => {
        const id = `keep-${i}`;
        const box = h(doc, 'input', { type: 'checkbox', id, name: 'keep', value: claim.id, checked: true });
        box.checked = true;
        return h(
          doc,
          'li',
          { class: 'claim', 'data-testid': 'review-claim' },
          h(doc, 'p', { class: 'keep' }, box, ' ', h(doc, 'label', { for: id }, 'Keep')),
          ...claimBody(doc, claim, { link: false, showDocument: false }),
        );
      }),
    );
    save.disabled = duplicate !== null;
    updateSaveLabel();
    review.hidden = false;
    reviewHeading.focus();
  }

  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    void (async () => {
      if (chosen.size > MAX_FILE_BYTES) {
        say(
          fileNote,
          'error',
          `${chosen.name} is too large (${formatNumber(Math.round(chosen.size / 1e6))} MB; at most ${MAX_FILE_BYTES / 1e6} MB).`,
        );
        return;
      }
      let content: string;
      try {
        content = await chosen.text();
      } catch (e) {
        say(
          fileNote,
          'error',
          `${chosen.name} could not be read (${e instanceof Error ? e.message : String(e)}).`,
        );
        return;
      }
      closeReview();
      if (isHtmlFile(chosen.name, chosen.type)) {
        const fields = readHtmlDocument(content, deps.parseHtml, (root) => readPageText(root).text);
        controls.text.value = fields.text;
        // Only fill what the reader has not typed yet.
        if (!controls.title.value && fields.title) controls.title.value = fields.title;
        if (!controls.publisher.value && fields.publisher) controls.publisher.value = fields.publisher;
        if (!controls.date.value && fields.date) controls.date.value = fields.date;
        if (!controls.url.value && fields.url) controls.url.value = fields.url;
        say(
          fileNote,
          'info',
          `Read the visible text of ${chosen.name} (${formatNumber(fields.text.length)} characters).`,
        );
      } else {
        controls.text.value = content;
        say(fileNote, 'info', `Read ${chosen.name} (${formatNumber(content.length)} characters).`);
      }
    })();
  });

  // A change after the review makes it stale: the reader reviews what is saved, nothing else.
  form.addEventListener('input', (e) => {
    if (e.target !== file && preview) closeReview();
  });

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const input = readInput();
    const checked = checkNewDocument(input, deps.today());
    if (!checked.ok) {
      showErrors(checked.errors);
      return;
    }
    showErrors({});
    say(message, 'info', '');
    previewButton.disabled = true;
    void (async () => {
      const reply = await deps.send('claims:preview', input);
      previewButton.disabled = false;
      if (!reply.ok) {
        say(message, 'error', reply.error);
        return;
      }
      openReview(input, reply.value);
    })();
  });

  reviewList.addEventListener('change', updateSaveLabel);
  back.addEventListener('click', () => {
    closeReview();
    controls.text.focus();
  });

  save.addEventListener('click', () => {
    if (!preview) return;
    const { input, value } = preview;
    const kept = new Set(
      [...reviewList.querySelectorAll<HTMLInputElement>('input[name="keep"]:checked')].map((b) => b.value),
    );
    const request: AddDocumentRequest = {
      ...input,
      exclude: value.claims.map((c) => c.id).filter((id) => !kept.has(id)),
    };
    save.disabled = true;
    void (async () => {
      const reply = await deps.send('documents:add', request);
      save.disabled = false;
      if (!reply.ok) {
        say(message, 'error', `Not saved: ${reply.error}`);
        return;
      }
      const { document: meta, claims } = reply.value;
      closeReview();
      form.reset();
      say(fileNote, 'info', '');
      say(
        message,
        'ok',
        `Saved “${meta.title}” with ${claims === 1 ? '1 claim' : `${formatNumber(claims)} claims`}. Open pages compare with them now.`,
      );
      onSaved();
    })();
  });

  return { element };
}
