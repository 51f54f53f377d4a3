// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { ClaimService } from '../../../lib/db/claim-service.ts';
import type { DocumentDetail, Reply } from '../../../lib/protocol/index.ts';
import { startDocumentPage } from '../../../lib/ui/document-page.ts';
import { backgroundFor, seedBundle, SEED_TEXT } from '../support/library-background.ts';

let root: HTMLElement;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  document.body.replaceChildren();
  root = document.createElement('div');
  document.body.append(root);
});

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const q = (sel: string) => root.querySelector<HTMLElement>(sel);

async function show(search: string, getDocument?: (id: string) => Promise<Reply<DocumentDetail>>) {
  const service = new ClaimService({
    readBundle: async () => JSON.stringify(seedBundle()),
    log: () => undefined,
  });
  const { send } = backgroundFor(service);
  const scrolled = vi.fn();
  HTMLElement.prototype.scrollIntoView = scrolled;
  await startDocumentPage(root, search, {
    getDocument: getDocument ?? ((id) => send('documents:get', { id })),
  }).ready;
  return { service, scrolled };
}

describe('the document page', () => {
  test('shows the document with its publisher and date, the claim highlighted, focused and scrolled to', async () => {
    const { scrolled } = await show('?id=seed-voi&claim=seed-voi%231');
    expect(text(q('[data-testid="title"]'))).toBe('Mariupol under siege');
    expect(document.title).toBe('Mariupol under siege — Figure Check');
    expect(text(q('[data-testid="meta"]'))).toBe(
      'VOI (Jakarta) · 2022-03-29 · 1 claim · Ships with Figure Check',
    );
    const mark = q('[data-testid="highlight"]')!;
    expect(mark.tagName).toBe('MARK');
    expect(text(mark)).toBe('nearly 5,000');
    expect(document.activeElement).toBe(mark);
    expect(scrolled).toHaveBeenCalledWith({ block: 'center' });
    expect(text(q('[data-testid="text"]'))).toBe(SEED_TEXT);
    expect(text(q('[data-testid="selected"]'))).toContain('People killed — Mariupol');
    expect(text(q('[data-testid="selected"]'))).toContain('source: Mariupol mayor');
  });

  test('the reader’s own document: its address is a link, and it is marked as theirs', async () => {
    const service = new ClaimService({
      readBundle: async () => JSON.stringify(seedBundle()),
      log: () => undefined,
      today: () => '2024-05-01',
    });
    const { document: meta } = await service.addDocument({
      text: 'Regional officials said 1,200 residential buildings had been destroyed in Kharkiv.',
      title: 'Kharkiv counts its ruins',
      publisher: '',
      date: '2022-03-30',
      url: 'https://kharkiv.example/ruins',
      exclude: [],
    });
    const { send } = backgroundFor(service);
    const claim = (await service.getDocument(meta.id)).claims.find((c) => c.text === '1,200')!;
    await startDocumentPage(
      root,
      `?id=${encodeURIComponent(meta.id)}&claim=${encodeURIComponent(claim.id)}`,
      {
        getDocument: (id) => send('documents:get', { id }),
      },
    ).ready;
    expect(text(q('[data-testid="meta"]'))).toMatch(
      /^publisher not given · 2022-03-30 · https:\/\/kharkiv\.example\/ruins · \d+ claims? · Your document$/,
    );
    const link = q('[data-testid="url"]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://kharkiv.example/ruins');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(text(q('[data-testid="highlight"]'))).toBe('1,200');
  });

  test('other claims of the document link to themselves', async () => {
    const detail: DocumentDetail = {
      document: {
        id: 'd',
        title: 'T',
        publisher: 'P',
        date: '2022-03-01',
        url: 'javascript:alert(1)',
        origin: 'reader',
      },
      text: 'First 10 killed.\n\nThen 20 injured.',
      claims: [
        { ...seedBundle().claims[0]!, id: 'a', text: '10', start: 6, end: 8, quote: 'First 10 killed.' },
        { ...seedBundle().claims[0]!, id: 'b', text: '20', start: 23, end: 25, quote: 'Then 20 injured.' },
      ],
    };
    await show('?id=d&claim=b', async () => ({ ok: true, value: detail }));
    const paragraphs = [...root.querySelectorAll('[data-testid="text"] p')];
    expect(paragraphs.map(text)).toEqual(['First 10 killed.', 'Then 20 injured.']);
    const other = paragraphs[0]!.querySelector('a.claim')!;
    expect(other.getAttribute('href')).toBe('document.html?id=d&claim=a');
    expect(text(q('[data-testid="highlight"]'))).toBe('20');
    // Not a web address: no link.
    expect(q('[data-testid="url"]')).toBeNull();
  });

  test.each([
    ['no document asked for', '', /No document was asked for/],
    [
      'a document that is not there',
      '?id=nope',
      /This document cannot be shown: no document with the id "nope"/,
    ],
  ])('%s: says so', async (_name, search, message) => {
    await show(search);
    expect(text(q('[data-testid="problem"]'))).toMatch(message);
  });

  test('a claim no longer in the document: the document is shown, with a note', async () => {
    await show('?id=seed-voi&claim=gone');
    expect(text(q('[data-testid="problem"]'))).toMatch(/no such claim any more/);
    expect(q('[data-testid="highlight"]')).toBeNull();
    expect(text(q('[data-testid="text"]'))).toBe(SEED_TEXT);
  });

  test('a document imported without its text lists its claims with their sentences', async () => {
    const claim = seedBundle().claims[0]!;
    await show('?id=seed-voi&claim=seed-voi%231', async () => ({
      ok: true,
      value: { document: claim.document, text: null, claims: [claim] },
    }));
    expect(q('[data-testid="text"]')).toBeNull();
    expect(text(root)).toContain('The full text of this document was not kept');
    expect(text(q('[data-testid="claim"] blockquote'))).toBe(SEED_TEXT);
  });

  test('document text and metadata never become markup', async () => {
    const hostile = '<img src=x onerror="window.__pwned=true"><script>window.__pwned=true</script>';
    const claim = { ...seedBundle().claims[0]!, text: '<b>9</b>', start: 0, end: 8, quote: hostile };
    await show('?id=x&claim=seed-voi%231', async () => ({
      ok: true,
      value: {
        document: { id: 'x', title: hostile, publisher: hostile, date: '2022-03-01', url: null },
        text: `<b>9</b> ${hostile}`,
        claims: [claim],
      },
    }));
    expect(root.querySelector('img, script, b')).toBeNull();
    expect(text(q('[data-testid="highlight"]'))).toBe('<b>9</b>');
    expect(text(q('[data-testid="title"]'))).toBe(hostile);
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
  });
});
