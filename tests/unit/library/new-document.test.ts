// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { readPageText } from '../../../lib/dom/page-text.ts';
import {
  checkNewDocument,
  isCalendarDate,
  isHtmlFile,
  readHtmlDocument,
  readerDocumentId,
  titleFromText,
  type NewDocumentInput,
} from '../../../lib/library/new-document.ts';
import { hashText } from '../../../lib/db/store.ts';

const TODAY = '2024-05-01';
const input = (fields: Partial<NewDocumentInput> = {}): NewDocumentInput => ({
  text: 'Kharkiv Daily\n\nOfficials said 1,200 buildings were destroyed in Kharkiv.',
  title: '',
  publisher: 'Kharkiv Daily',
  date: '2022-03-30',
  url: '',
  ...fields,
});

describe('checkNewDocument', () => {
  test('a good document: text normalised, title from the first line, origin reader', () => {
    const checked = checkNewDocument(
      input({ text: '\uFEFFFirst line\r\n\r\nSecond\rthird', url: ' https://x.example/a ' }),
      TODAY,
    );
    expect(checked).toEqual({
      ok: true,
      value: {
        text: 'First line\n\nSecond\nthird',
        meta: {
          title: 'First line',
          publisher: 'Kharkiv Daily',
          date: '2022-03-30',
          url: 'https://x.example/a',
          origin: 'reader',
        },
      },
    });
  });

  test.each([
    ['no text', { text: '  \n ' }, 'text', /Paste the text/],
    ['NUL characters', { text: 'abc\u0000def' }, 'text', /NUL/],
    ['a text that is too long', { text: 'x'.repeat(5_000_001) }, 'text', /too long/],
    ['no date', { date: '' }, 'date', /date is required/],
    ['a date in another form', { date: '30/03/2022' }, 'date', /not a date written YYYY-MM-DD/],
    ['a day that does not exist', { date: '2022-02-30' }, 'date', /not a date/],
    ['a date in the future', { date: '2024-05-03' }, 'date', /in the future/],
    ['a slip of the year', { date: '1022-03-30' }, 'date', /check the year/],
    ['an address that is not the web', { url: 'javascript:alert(1)' }, 'url', /http:\/\/ or https:\/\//],
    ['an address that is not an address', { url: 'news site' }, 'url', /http/],
    ['a very long title', { title: 't'.repeat(301) }, 'title', /too long/],
    ['a very long publisher', { publisher: 'p'.repeat(201) }, 'publisher', /too long/],
  ])('refuses %s, on the field concerned', (_name, fields, field, message) => {
    const checked = checkNewDocument(input(fields), TODAY);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors)).toEqual([field]);
    expect(checked.errors[field as keyof typeof checked.errors]).toMatch(message);
  });

  test('tomorrow is allowed (time zones), and every problem is named at once', () => {
    expect(checkNewDocument(input({ date: '2024-05-02' }), TODAY).ok).toBe(true);
    const checked = checkNewDocument(input({ text: '', date: '', url: 'ftp://x' }), TODAY);
    expect(!checked.ok && Object.keys(checked.errors).sort()).toEqual(['date', 'text', 'url']);
  });
});

test.each([
  ['2022-03-30', true],
  ['2024-02-29', true],
  ['2023-02-29', false],
  ['2022-3-30', false],
  ['2022-03-30T10:00', false],
])('isCalendarDate(%j) is %s', (s, ok) => expect(isCalendarDate(s)).toBe(ok));

test.each([
  ['Short title\nbody', 'Short title'],
  ['\n\n  Indented first line  \nbody', 'Indented first line'],
  ['x'.repeat(130), `${'x'.repeat(119)}…`],
  ['', ''],
])('titleFromText(%j) is %j', (text, title) => expect(titleFromText(text)).toBe(title));

test('the same document gets the same id, another one a different id; ids never look like bundled ones', async () => {
  const a = checkNewDocument(input(), TODAY);
  const b = checkNewDocument(input({ publisher: 'Another paper' }), TODAY);
  if (!a.ok || !b.ok) throw new Error('inputs should be valid');
  const idA = await readerDocumentId(a.value, hashText);
  expect(idA).toMatch(/^reader-2022-03-30-[0-9a-f]{12}$/);
  expect(await readerDocumentId(a.value, hashText)).toBe(idA);
  expect(await readerDocumentId(b.value, hashText)).not.toBe(idA);
});

describe('readHtmlDocument', () => {
  const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
  const read = (html: string) => readHtmlDocument(html, parse, (root) => readPageText(root).text);

  test('reads the visible text and what the head says', () => {
    const fields = read(`<!doctype html><html><head>
      <title>Fallback title</title>
      <meta property="og:title" content="Kharkiv counts its ruins">
      <meta property="og:site_name" content="Kharkiv Daily">
      <meta property="article:published_time" content="2022-03-30T08:00:00+03:00">
      <link rel="canonical" href="https://kharkiv.example/ruins">
      <style>p { color: red }</style></head>
      <body><nav>Home · World</nav><article><h1>Kharkiv counts its ruins</h1>
      <p>Officials said 1,200 buildings were destroyed.</p><script>var views = 48213;</script>
      <p>Some 300 people were evacuated.</p></article></body></html>`);
    expect(fields).toEqual({
      text: expect.stringContaining(
        'Officials said 1,200 buildings were destroyed.\n\nSome 300 people were evacuated.',
      ),
      title: 'Kharkiv counts its ruins',
      publisher: 'Kharkiv Daily',
      date: '2022-03-30',
      url: 'https://kharkiv.example/ruins',
    });
    expect(fields.text).not.toContain('48213');
    expect(fields.text).not.toContain('color: red');
  });

  test('a page with nothing in its head: text only, and hostile markup stays inert text', () => {
    const fields = read(
      '<p>Hello <img src=x onerror="window.__pwned = 1"> 40 killed</p><meta property="article:published_time" content="yesterday">',
    );
    expect(fields).toEqual({ text: 'Hello 40 killed', title: null, publisher: null, date: null, url: null });
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  test('an address that is not the web is not taken', () => {
    expect(read('<link rel="canonical" href="javascript:alert(1)"><p>x</p>').url).toBeNull();
  });
});

test.each([
  ['article.html', '', true],
  ['ARTICLE.HTM', '', true],
  ['page.xhtml', '', true],
  ['download', 'text/html', true],
  ['notes.txt', 'text/plain', false],
  ['notes', '', false],
])('isHtmlFile(%j, %j) is %s', (name, type, html) => expect(isHtmlFile(name, type)).toBe(html));
