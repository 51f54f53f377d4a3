import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import type { PageArticle } from '../../../lib/page-data.ts';
import { ClaimService } from '../../../lib/db/claim-service.ts';
import {
  MIN_ARTICLE_CHARS,
  checkPageToSave,
  findSavedPage,
  isSamePage,
  normaliseAddress,
} from '../../../lib/library/save-page.ts';
import { parseLibraryFile } from '../../../lib/library/library-file.ts';
import { seedBundle } from '../support/library-background.ts';

const TEXT = [
  'Earthquake in western Afghanistan',
  'At least 2,053 people were killed in Herat province, a spokesman for the Taliban government said on Sunday.',
  'Rescuers were still digging through the rubble with their hands, and aid agencies sent tents and food.',
].join('\n\n');

const article = (fields: Partial<PageArticle> = {}): PageArticle => ({
  url: 'https://courier.example/quake',
  host: 'courier.example',
  enabled: true,
  kind: 'article',
  title: 'Earthquake in western Afghanistan',
  publisher: 'The Harbour Courier',
  date: '2023-10-08',
  text: TEXT,
  length: TEXT.length,
  ...fields,
});

describe('checkPageToSave', () => {
  test('an article becomes the add form’s input', () => {
    expect(checkPageToSave(article())).toEqual({
      ok: true,
      input: {
        text: TEXT,
        title: 'Earthquake in western Afghanistan',
        publisher: 'The Harbour Courier',
        date: '2023-10-08',
        url: 'https://courier.example/quake',
      },
    });
  });

  test('the reader’s date replaces the page’s; a page without one leaves it to the reader', () => {
    expect(checkPageToSave(article(), '2023-10-09')).toMatchObject({
      ok: true,
      input: { date: '2023-10-09' },
    });
    expect(checkPageToSave(article({ date: null }))).toMatchObject({ ok: true, input: { date: '' } });
  });

  test.each([
    [
      'a site switched off',
      { enabled: false, text: '', length: 0 },
      /^Figure Check is off on courier\.example: turn it on/,
    ],
    ['a page that is not on the web', { url: 'file:///home/me/a.html' }, /^Only pages of web sites/],
    [
      'search results',
      { kind: 'search-results' as const },
      /^This is a page of search results, not an article/,
    ],
    ['a sign-in page', { kind: 'sign-in' as const }, /^This is a sign-in page, not an article/],
    ['no article text', { text: '  \n ', length: 3 }, /^This page has no article text to save/],
    ['a few words only', { text: 'Menu', length: 4 }, /no article text/],
    [
      'a page over the size limit',
      { text: 'x'.repeat(10), length: 5_000_001 },
      /^This page is too long to save \(5,000,001 characters of text; at most 5,000,000\)\.$/,
    ],
  ])('refuses %s, saying why', (_name, fields, message) => {
    const checked = checkPageToSave(article(fields));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toMatch(message);
  });

  test('the shortest article text is MIN_ARTICLE_CHARS', () => {
    expect(checkPageToSave(article({ text: 'a'.repeat(MIN_ARTICLE_CHARS) })).ok).toBe(true);
    expect(checkPageToSave(article({ text: 'a'.repeat(MIN_ARTICLE_CHARS - 1) })).ok).toBe(false);
  });
});

describe('the same page', () => {
  test.each([
    ['https://www.Courier.example/quake/', 'https://courier.example/quake'],
    ['https://courier.example/quake#comments', 'https://courier.example/quake'],
    ['https://courier.example/quake?utm_source=x&fbclid=y', 'https://courier.example/quake'],
    ['https://courier.example/a?b=2&a=1&utm_medium=m', 'https://courier.example/a?a=1&b=2'],
    ['https://courier.example/', 'https://courier.example'],
    ['http://127.0.0.1:8080/save-first.html', 'http://127.0.0.1:8080/save-first.html'],
    [' not an address ', 'not an address'],
  ])('%s is written %s', (url, expected) => {
    expect(normaliseAddress(url)).toBe(expected);
  });

  test.each([
    [
      'the same address',
      { url: 'https://courier.example/quake?utm_source=nl', text: 'A' },
      { url: 'https://www.courier.example/quake', text: 'B' },
      true,
    ],
    [
      'the same text elsewhere',
      { url: 'https://mirror.example/q', text: 'Line one\r\n\r\nLine  two' },
      { url: 'https://courier.example/quake', text: 'Line one\n\nLine two' },
      true,
    ],
    ['the same text, no address', { url: null, text: TEXT }, { url: null, text: TEXT }, true],
    [
      'another page',
      { url: 'https://courier.example/quake-2', text: 'A' },
      { url: 'https://courier.example/quake', text: 'B' },
      false,
    ],
    [
      'another path on the same site',
      { url: 'https://courier.example/a', text: null },
      { url: 'https://courier.example/b', text: null },
      false,
    ],
    ['two empty texts', { url: null, text: ' ' }, { url: null, text: '' }, false],
  ])('%s: %s', (_name, a, b, expected) => {
    expect(isSamePage(a, b)).toBe(expected);
    expect(isSamePage(b, a)).toBe(expected);
  });

  test('findSavedPage: the latest saved copy of an address', () => {
    const docs = [
      { id: 'a', url: 'https://courier.example/quake', date: '2023-10-08', savedAt: '2024-01-01' },
      { id: 'b', url: 'https://courier.example/quake#x', date: '2023-10-08', savedAt: '2024-02-01' },
      { id: 'c', url: 'https://courier.example/other', date: '2023-10-09', savedAt: '2024-03-01' },
      { id: 'd', url: null, date: '2023-10-09' },
    ];
    expect(findSavedPage(docs, 'https://www.courier.example/quake?utm_source=x')?.id).toBe('b');
    expect(findSavedPage(docs, 'https://courier.example/none')).toBeNull();
  });
});

describe('saving a page in the claim database', () => {
  let service: ClaimService;
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    service = new ClaimService({
      readBundle: async () => JSON.stringify(seedBundle()),
      log: () => undefined,
      today: () => '2024-05-01',
    });
  });

  const input = (fields: Partial<PageArticle> = {}, date?: string) => {
    const checked = checkPageToSave(article(fields), date);
    if (!checked.ok) throw new Error(checked.error);
    return checked.input;
  };
  const own = async () => (await service.listDocuments()).filter((d) => d.origin === 'reader');

  test('a saved page keeps the day it was saved, and is found by its address', async () => {
    const added = await service.addDocument({ ...input(), exclude: [], savedPage: true });
    expect(added.replaced).toEqual([]);
    expect(added.claims).toBeGreaterThan(0);
    expect(await service.savedPage('https://courier.example/quake#top')).toEqual({
      document: { ...added.document },
      savedAt: '2024-05-01',
    });
    expect(await service.savedPage('https://courier.example/other')).toBeNull();
  });

  test.each([
    ['the same page again', {}, undefined],
    ['the same address, its text since updated', { text: `${TEXT}\n\nUpdated: the toll rose.` }, undefined],
    ['the same text at another address', { url: 'https://mirror.example/quake' }, undefined],
    ['the same page with the date corrected', {}, '2023-10-07'],
  ])('%s replaces the earlier copy: one document, its claims only', async (_name, fields, date) => {
    const first = await service.addDocument({ ...input(), exclude: [], savedPage: true });
    const preview = await service.preview(input(fields, date));
    expect(preview.samePage.map((d) => d.id)).toEqual([first.document.id]);
    const again = await service.addDocument({ ...input(fields, date), exclude: [], savedPage: true });
    expect(again.replaced.map((d) => d.id)).toEqual([first.document.id]);
    expect((await own()).map((d) => d.id)).toEqual([again.document.id]);
    const claims = (await service.listClaims()).filter((c) => c.document.origin === 'reader');
    expect(new Set(claims.map((c) => c.document.id))).toEqual(new Set([again.document.id]));
  });

  test('another page is kept beside it', async () => {
    await service.addDocument({ ...input(), exclude: [], savedPage: true });
    const other = input({ url: 'https://valley.example/toll', text: TEXT.replace('2,053', '2,445') });
    expect((await service.preview(other)).samePage).toEqual([]);
    const added = await service.addDocument({ ...other, exclude: [], savedPage: true });
    expect(added.replaced).toEqual([]);
    expect(await own()).toHaveLength(2);
  });

  test('the options page’s “add a document” still refuses the same document twice', async () => {
    await service.addDocument({ ...input(), exclude: [] });
    await expect(service.addDocument({ ...input(), exclude: [] })).rejects.toThrow(/already in your library/);
  });

  test('the export carries the day it was saved, and an import keeps it', async () => {
    const added = await service.addDocument({ ...input(), exclude: [], savedPage: true });
    const file = await service.exportLibrary(new Date('2024-05-02T00:00:00Z'));
    const saved = file.documents.find((d) => d.id === added.document.id);
    expect(saved).toMatchObject({ savedAt: '2024-05-01', text: TEXT, url: 'https://courier.example/quake' });
    expect(file.documents.filter((d) => d.origin === 'bundled').every((d) => !('savedAt' in d))).toBe(true);
    const parsed = parseLibraryFile(JSON.stringify(file));
    expect(parsed.ok).toBe(true);
    await service.removeDocument(added.document.id);
    expect(await service.savedPage('https://courier.example/quake')).toBeNull();
    await service.importLibrary(JSON.stringify(file));
    expect((await service.savedPage('https://courier.example/quake'))?.savedAt).toBe('2024-05-01');
  });
});
