// @vitest-environment happy-dom
/**
 * The options page (the reader's library) under happy-dom against a real claim service over fake-indexeddb:
 * what a reader does with it, and what they see.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ClaimService } from '../../../lib/db/claim-service.ts';
import { startOptionsPage, type LibraryDeps, type OptionsPage } from '../../../lib/ui/options-page.ts';
import { backgroundFor, seedBundle } from '../support/library-background.ts';

const KHARKIV = [
  'Kharkiv Daily',
  'Regional officials said 1,200 residential buildings had been destroyed in Kharkiv.',
  'About 2,000 people were evacuated from Sumy on Tuesday.',
].join('\n\n');

let root: HTMLElement;
let page: OptionsPage;
let downloads: { name: string; type: string; content: string }[];
let search: string;
let changed: (() => void) | null;
let sent: ReturnType<typeof vi.fn>;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  document.body.replaceChildren();
  root = document.createElement('div');
  document.body.append(root);
  downloads = [];
  search = '';
  changed = null;
});
afterEach(() => page?.stop());

async function open(initialSearch = '', extra: Partial<LibraryDeps> = {}) {
  const service = new ClaimService({
    readBundle: async () => JSON.stringify(seedBundle()),
    log: () => undefined,
    today: () => '2024-05-01',
  });
  const { send } = backgroundFor(service);
  search = initialSearch;
  sent = vi.fn(send);
  page = startOptionsPage(root, {
    send: sent as LibraryDeps['send'],
    onChanged: (listener) => {
      changed = listener;
      return () => (changed = null);
    },
    today: () => '2024-05-01',
    now: () => new Date('2024-05-01T12:00:00Z'),
    parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'),
    download: (name, type, content) => {
      downloads.push({ name, type, content });
      return `blob:test/${downloads.length}`;
    },
    search: initialSearch,
    setSearch: (s) => (search = s),
    ...extra,
  });
  await page.ready;
  return service;
}

/** Waits for what the page does after a reply (extraction can take a moment on a slow machine). */
const until = (check: () => void) => vi.waitFor(check, { timeout: 5_000, interval: 20 });

const q = <T extends Element = HTMLElement>(sel: string) => {
  const found = root.querySelector<T>(sel);
  if (!found) throw new Error(`no ${sel} on the page`);
  return found;
};
const qa = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const visibleText = (sel: string) => {
  const el = q(sel);
  return el.hidden ? '' : text(el);
};

function type(sel: string, value: string) {
  const el = q<HTMLInputElement | HTMLTextAreaElement>(sel);
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

function choose(sel: string, value: string) {
  const el = q<HTMLSelectElement | HTMLInputElement>(sel);
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

function chooseFile(sel: string, file: File) {
  const input = q<HTMLInputElement>(sel);
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function addKharkiv(untick: RegExp | null = null) {
  type('#doc-text', KHARKIV);
  type('#doc-publisher', 'Kharkiv Daily');
  type('#doc-title', 'Kharkiv counts its ruins');
  type('#doc-date', '2022-03-30');
  q<HTMLButtonElement>('#preview').click();
  await until(() => expect(q('[data-testid="review"]').hidden).toBe(false));
  if (untick) {
    const item = qa('[data-testid="review-claim"]').find((li) => untick.test(text(li)))!;
    const box = item.querySelector<HTMLInputElement>('input[name="keep"]')!;
    box.checked = false;
    box.dispatchEvent(new Event('change', { bubbles: true }));
  }
  q<HTMLButtonElement>('#save').click();
  await until(() => expect(visibleText('[data-testid="add-message"]')).toMatch(/Saved/));
  await until(() => expect(qa('[data-testid="own-documents"] [data-testid="document"]')).toHaveLength(1));
}

describe('browsing', () => {
  test('lists every claim with its document, and says what the database holds', async () => {
    await open();
    expect(text(q('[data-testid="status"]'))).toBe('1 claim from 1 document, none of them yours.');
    const [item] = qa('[data-testid="claim"]');
    expect(text(item!)).toContain('nearly 5,000');
    expect(text(item!)).toContain('People killed — Mariupol');
    expect(text(item!)).toContain('VOI (Jakarta)');
    expect(text(item!)).toContain('source: Mariupol mayor');
    expect(item!.querySelector('a')?.getAttribute('href')).toBe(
      'document.html?id=seed-voi&claim=seed-voi%231',
    );
    expect(item!.querySelector('[data-testid="own"]')).toBeNull();
  });

  test('search, filters and sort narrow the list and are kept in the address', async () => {
    await open();
    await addKharkiv();
    const all = qa('[data-testid="claim"]').length;
    expect(all).toBeGreaterThanOrEqual(3);

    type('#q', 'kharkiv daily 1,200');
    await until(() => expect(qa('[data-testid="claim"]')).toHaveLength(1));
    expect(text(q('[data-testid="count"]'))).toBe(`1 claim (of ${all} in all).`);
    expect(search).toBe('?q=kharkiv+daily+1%2C200');

    type('#q', '');
    choose('#origin', '=bundled');
    await until(() =>
      expect(qa('[data-testid="claim"]').map((li) => li.dataset.origin)).toEqual(['bundled']),
    );
    choose('#origin', '');
    choose('#metric', '=buildings_destroyed');
    expect(qa('[data-testid="claim"] .claim-text').map(text)).toEqual(['1,200']);
    choose('#metric', '');
    // The day a claim describes counts: "on Tuesday" in a 2022-03-30 document is 2022-03-29.
    choose('#to', '2022-03-29');
    expect(qa('[data-testid="claim"] .claim-text').map(text).sort()).toEqual(['About 2,000', 'nearly 5,000']);
    choose('#to', '');
    choose('#sort', 'value-desc');
    const values = qa('[data-testid="claim"] .claim-text').map(text);
    expect(values[0]).toBe('nearly 5,000');
    expect(search).toBe('?sort=value-desc');

    q<HTMLButtonElement>('#clear-filters').click();
    expect(qa('[data-testid="claim"]')).toHaveLength(all);
  });

  test('filters given in the address apply when the page opens, even one that matches nothing now', async () => {
    await open('?place=Atlantis&sort=date-asc');
    expect(qa('[data-testid="claim"]')).toHaveLength(0);
    expect(text(q('[data-testid="count"]'))).toBe('No claim matches (of 1 in all).');
    expect(q<HTMLSelectElement>('#place').value).toBe('=Atlantis');
    expect(text(q<HTMLSelectElement>('#place').selectedOptions[0] ?? null)).toBe('Atlantis (0)');
  });

  test('the claims shown download as CSV', async () => {
    await open();
    q<HTMLButtonElement>('#export-shown-csv').click();
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toBe('figure-check-claims-2024-05-01.csv');
    expect(downloads[0]!.content.startsWith('\uFEFFid,text,value')).toBe(true);
    expect(downloads[0]!.content).toContain('seed-voi#1,"nearly 5,000",5000');
  });
});

describe('adding a document', () => {
  test('the reader reviews the claims found, leaves one out, saves; the claims show as theirs', async () => {
    await open();
    await addKharkiv(/Sumy/);
    expect(text(q('[data-testid="add-message"]'))).toMatch(
      /^✓ Saved “Kharkiv counts its ruins” with \d+ claims?\. Open pages compare with them now\.$/,
    );
    expect(text(q('[data-testid="status"]'))).toMatch(/from 2 documents, 1 of them yours\.$/);
    const own = qa('[data-testid="claim"][data-origin="reader"]');
    expect(own.map((li) => text(li.querySelector('.claim-text')))).toContain('1,200');
    expect(own.some((li) => /Sumy/.test(text(li)))).toBe(false);
    for (const li of own) expect(text(li.querySelector('[data-testid="own"]'))).toBe('Your document');
    // The form is ready for the next document.
    expect(q<HTMLTextAreaElement>('#doc-text').value).toBe('');
    expect(q('[data-testid="review"]').hidden).toBe(true);
  });

  test('the review shows what would be saved and counts what is kept', async () => {
    await open();
    type('#doc-text', KHARKIV);
    type('#doc-date', '2022-03-30');
    q<HTMLButtonElement>('#preview').click();
    await until(() => expect(q('[data-testid="review"]').hidden).toBe(false));
    const items = qa('[data-testid="review-claim"]');
    expect(text(q('#review-heading'))).toBe(`${items.length} claims found in “Kharkiv Daily”`);
    expect(text(q('#save'))).toBe(`Save the document and ${items.length} claims`);
    const box = items[0]!.querySelector<HTMLInputElement>('input[name="keep"]')!;
    box.checked = false;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    expect(text(q('#save'))).toBe(
      items.length - 1 === 1
        ? 'Save the document and its 1 claim'
        : `Save the document and ${items.length - 1} claims`,
    );
    // Changing the text makes the review stale: it closes rather than save something not reviewed.
    type('#doc-text', `${KHARKIV}\n\nMore.`);
    expect(q('[data-testid="review"]').hidden).toBe(true);
  });

  test('a form without a date says so at the field, and nothing is asked of the background', async () => {
    await open();
    sent.mockClear();
    type('#doc-text', KHARKIV);
    type('#doc-url', 'javascript:alert(1)');
    q<HTMLButtonElement>('#preview').click();
    expect(visibleText('#doc-date-error')).toMatch(/The date is required/);
    expect(visibleText('#doc-url-error')).toMatch(/http:\/\/ or https:\/\//);
    expect(q('#doc-date').getAttribute('aria-invalid')).toBe('true');
    expect(q('#doc-text').getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(q('#doc-date'));
    expect(q('[data-testid="review"]').hidden).toBe(true);
    expect(sent).not.toHaveBeenCalled();
  });

  test('the same document twice: the review says it is there, and saving is not offered', async () => {
    await open();
    await addKharkiv();
    await addKharkivPreviewOnly();
    expect(text(q('[data-testid="review"] .hint'))).toMatch(
      /already in your library \(“Kharkiv counts its ruins”, 2022-03-30\)/,
    );
    expect(q<HTMLButtonElement>('#save').disabled).toBe(true);
  });

  async function addKharkivPreviewOnly() {
    type('#doc-text', KHARKIV);
    type('#doc-publisher', 'Kharkiv Daily');
    type('#doc-title', 'Kharkiv counts its ruins');
    type('#doc-date', '2022-03-30');
    q<HTMLButtonElement>('#preview').click();
    await until(() => expect(q('[data-testid="review"]').hidden).toBe(false));
  }

  test('an .html file is read for its visible text, and its head fills the empty fields', async () => {
    await open();
    type('#doc-publisher', 'My own name for it');
    const html = `<!doctype html><html><head><title>Ruins | Kharkiv Daily</title>
      <meta property="og:site_name" content="Kharkiv Daily">
      <meta property="article:published_time" content="2022-03-30T08:00:00Z">
      <link rel="canonical" href="https://kharkiv.example/ruins"></head>
      <body><nav>Home</nav><p>Regional officials said 1,200 residential buildings had been destroyed in Kharkiv.</p>
      <script>window.views = 48213</script></body></html>`;
    chooseFile('#doc-file', new File([html], 'ruins.html', { type: 'text/html' }));
    await until(() =>
      expect(visibleText('[data-testid="file-message"]')).toMatch(/Read the visible text of ruins\.html/),
    );
    expect(q<HTMLTextAreaElement>('#doc-text').value).toBe(
      'Home\n\nRegional officials said 1,200 residential buildings had been destroyed in Kharkiv.',
    );
    expect(q<HTMLInputElement>('#doc-title').value).toBe('Ruins | Kharkiv Daily');
    expect(q<HTMLInputElement>('#doc-publisher').value).toBe('My own name for it');
    expect(q<HTMLInputElement>('#doc-date').value).toBe('2022-03-30');
    expect(q<HTMLInputElement>('#doc-url').value).toBe('https://kharkiv.example/ruins');
  });

  test('a .txt file is taken as it is', async () => {
    await open();
    chooseFile('#doc-file', new File([KHARKIV], 'notes.txt', { type: 'text/plain' }));
    await until(() => expect(q<HTMLTextAreaElement>('#doc-text').value).toBe(KHARKIV));
    expect(visibleText('[data-testid="file-message"]')).toBe(
      `Read notes.txt (${KHARKIV.length} characters).`,
    );
  });

  test('hostile text and metadata stay text everywhere they are shown', async () => {
    await open();
    const payload = '<img src=x onerror="window.__pwned=true"><script>window.__pwned=true</script>';
    type(
      '#doc-text',
      `${payload}\n\nOfficials said 1,200 residential buildings had been destroyed in Kharkiv. ${payload}`,
    );
    type('#doc-title', `<b>${payload}</b>`);
    type('#doc-publisher', payload);
    type('#doc-date', '2022-03-30');
    q<HTMLButtonElement>('#preview').click();

    await until(() => expect(q('[data-testid="review"]').hidden).toBe(false));
    q<HTMLButtonElement>('#save').click();
    await until(() => expect(qa('[data-testid="own-documents"] [data-testid="document"]')).toHaveLength(1));
    expect(root.querySelector('img, script, b')).toBeNull();
    expect(text(q('[data-testid="own-documents"]'))).toContain(`<b>${payload}</b>`);
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  test('a document the figure reader fails on is refused with the reason, and nothing is saved', async () => {
    const service = await open();
    type('#doc-text', 'Officials said 40 people died.');
    type('#doc-date', '2022-03-30');
    // The background's extractor may fail on odd text; the page says so instead of hanging.
    const failing = vi
      .spyOn(service, 'preview')
      .mockRejectedValueOnce(new Error('The figures of this document could not be read (boom)'));
    q<HTMLButtonElement>('#preview').click();
    await until(() =>
      expect(visibleText('[data-testid="add-message"]')).toBe(
        '⚠ The figures of this document could not be read (boom)',
      ),
    );
    expect(failing).toHaveBeenCalledTimes(1);
    expect(q('[data-testid="review"]').hidden).toBe(true);
    expect(q<HTMLButtonElement>('#preview').disabled).toBe(false);
  });
});

describe('removing a document', () => {
  test('asks in place first; “Keep it” keeps it, “Remove” removes it and its claims', async () => {
    await open();
    await addKharkiv();
    const item = () => q('[data-testid="own-documents"] [data-testid="document"]');
    item().querySelector<HTMLButtonElement>('[data-testid="remove"]')!.click();
    expect(text(item().querySelector('.confirm'))).toMatch(
      /^Remove “Kharkiv counts its ruins” and its \d+ claims\?/,
    );
    [...item().querySelectorAll('button')].find((b) => text(b) === 'Keep it')!.click();
    expect(item().querySelector('.confirm')).toBeNull();

    item().querySelector<HTMLButtonElement>('[data-testid="remove"]')!.click();
    item().querySelector<HTMLButtonElement>('[data-testid="confirm-remove"]')!.click();
    await until(() =>
      expect(visibleText('[data-testid="documents-message"]')).toMatch(
        /^✓ Removed “Kharkiv counts its ruins” and its \d+ claims\.$/,
      ),
    );
    await until(() => expect(qa('[data-testid="claim"][data-origin="reader"]')).toHaveLength(0));
    expect(text(q('[data-testid="status"]'))).toBe('1 claim from 1 document, none of them yours.');
  });

  test('documents that ship with the extension offer no removal', async () => {
    await open();
    const bundled = qa('[data-testid="document"][data-origin="bundled"]');
    expect(bundled).toHaveLength(1);
    expect(bundled[0]!.querySelector('[data-testid="remove"]')).toBeNull();
  });
});

describe('export and import', () => {
  test('exported, removed, imported: the same library, with a message saying what happened', async () => {
    await open();
    await addKharkiv();
    const listed = () =>
      qa('[data-testid="claim"]')
        .map((li) => `${li.dataset.origin}:${li.dataset.claimId}`)
        .sort();
    const before = listed();

    q<HTMLButtonElement>('#export-json').click();
    await until(() => expect(downloads).toHaveLength(1));
    const exported = downloads[0]!;
    expect(exported.name).toBe('figure-check-library-2024-05-01.json');
    const file = JSON.parse(exported.content) as {
      claims: unknown[];
      documents: { origin: string; text: string }[];
    };
    expect(file.documents.map((d) => d.origin).sort()).toEqual(['bundled', 'reader']);
    expect(file.documents.find((d) => d.origin === 'reader')?.text).toBe(KHARKIV);
    expect(text(q('[data-testid="transfer-message"]'))).toMatch(
      /claims from 2 documents saved as figure-check-library-2024-05-01\.json\.$/,
    );
    expect(q('[data-testid="transfer-message"] a').getAttribute('href')).toBe('blob:test/1');

    q('[data-testid="own-documents"] [data-testid="remove"]').click();
    q('[data-testid="confirm-remove"]').click();
    await until(() => expect(qa('[data-testid="claim"][data-origin="reader"]')).toHaveLength(0));

    chooseFile('#import-file', new File([exported.content], 'backup.json', { type: 'application/json' }));
    await until(() => expect(visibleText('[data-testid="transfer-message"]')).toMatch(/^✓ Imported/));
    expect(text(q('[data-testid="transfer-message"]'))).toMatch(
      /^✓ Imported 1 document of yours with \d+ claims from backup\.json\. 1 document that ships with the extension was left as this version has it\.$/,
    );
    await until(() => expect(listed()).toEqual(before));
  });

  test('a malformed file is refused, saying what and where, and the library is unchanged', async () => {
    await open();
    const before = text(q('[data-testid="status"]'));
    const bad = seedBundle();
    (bad.documents[0] as { date: string }).date = 'last Tuesday';
    chooseFile('#import-file', new File([JSON.stringify(bad)], 'bad.json'));
    await until(() => expect(visibleText('[data-testid="transfer-message"]')).toMatch(/^⚠/));
    expect(text(q('[data-testid="transfer-message"]'))).toMatch(
      /^⚠ bad\.json: Nothing was imported: documents\[0\]\.date: /,
    );
    expect(q('[data-testid="transfer-message"]').dataset.kind).toBe('error');
    expect(text(q('[data-testid="status"]'))).toBe(before);
  });

  test('all claims download as CSV', async () => {
    await open();
    q<HTMLButtonElement>('#export-csv').click();
    expect(downloads.map((d) => [d.name, d.type])).toEqual([
      ['figure-check-claims-2024-05-01.csv', 'text/csv;charset=utf-8'],
    ]);
    expect(downloads[0]!.content.split('\r\n')).toHaveLength(3);
  });
});

test('a change made elsewhere (another tab) is shown when the background says so', async () => {
  const service = await open();
  await service.addDocument({
    text: KHARKIV,
    title: 'Elsewhere',
    publisher: '',
    date: '2022-03-30',
    url: '',
    exclude: [],
  });
  expect(qa('[data-testid="own-documents"] [data-testid="document"]')).toHaveLength(0);
  changed?.();
  await until(() => expect(qa('[data-testid="own-documents"] [data-testid="document"]')).toHaveLength(1));
  expect(text(q('[data-testid="own-documents"]'))).toContain('publisher not given');
});
