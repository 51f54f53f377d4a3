import { describe, expect, test } from 'vitest';
import {
  LIBRARY_FORMAT,
  buildLibraryFile,
  exportFileName,
  jsonErrorOffset,
  lineAndColumn,
  parseJson,
  parseLibraryFile,
  planImport,
  type LibraryFile,
} from '../../../lib/library/library-file.ts';
import { bundledDoc, claim, readerDoc } from '../support/library-claims.ts';

const text = 'Officials said 1,200 buildings were destroyed.';
const good: LibraryFile = {
  format: LIBRARY_FORMAT,
  version: 1,
  exportedAt: '2024-05-01T10:00:00.000Z',
  claims: [
    claim('b1', bundledDoc, { value: 516 }),
    claim('r1', readerDoc, { text: '1,200', value: 1200, start: 15, end: 20, metric: 'buildings_destroyed' }),
  ],
  documents: [
    { ...bundledDoc, text: 'The UN said 516 civilians were killed.' },
    { ...readerDoc, text },
  ],
};

/** Malformed files are the point here: the edits reach anywhere, whatever the types say. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

/** `good` with one change made by `edit` (on a deep copy). */
function broken(edit: (file: Loose) => void): string {
  const copy = structuredClone(good) as Loose;
  edit(copy);
  return JSON.stringify(copy);
}

describe('parseLibraryFile', () => {
  test('reads a good export back as it was written', () => {
    const parsed = parseLibraryFile(JSON.stringify(good));
    expect(parsed).toEqual({ ok: true, value: good });
  });

  test('reads the plain SPEC shape (claims --json output) and a byte-order mark', () => {
    const plain = { claims: good.claims, documents: good.documents.map(({ text: _t, ...meta }) => meta) };
    const parsed = parseLibraryFile(`\uFEFF${JSON.stringify(plain)}`);
    expect(parsed.ok).toBe(true);
  });

  test.each([
    ['not JSON at all', 'hello', /not valid JSON at line 1, column 1/],
    [
      'JSON cut short, on line 3',
      '{\n "claims": [],\n "documents": [',
      /not valid JSON at line 3: it ends too early/,
    ],
    ['a list, not an export', '[]', /not a Figure Check export/],
    ['another format', broken((f) => (f.format = 'other-tool')), /format must be "figure-check-library"/],
    ['a newer version', broken((f) => (f.version = 9)), /version is newer than this extension reads/],
    ['no claims', broken((f) => delete f.claims), /^claims: is missing/],
    ['documents not a list', broken((f) => (f.documents = {})), /documents must be a list/],
    [
      'an unknown metric',
      broken((f) => (f.claims[1].metric = 'deaths')),
      /claims\[1\]\.metric: .*received "deaths"/,
    ],
    ['a bad document date', broken((f) => (f.documents[1].date = '2022-13-01')), /documents\[1\]\.date/],
    [
      'a number as text',
      broken((f) => (f.documents[1].text = 42)),
      /documents\[1\]\.text: text must be a string/,
    ],
    ['a claim without id', broken((f) => delete f.claims[0].id), /claims\[0\]\.id: is missing/],
    [
      'two documents with one id',
      broken((f) => (f.documents[1].id = bundledDoc.id)),
      /documents\[1\]\.id: "un-2022-03-08" is also the id of documents\[0\]/,
    ],
    [
      'two claims with one id',
      broken((f) => (f.claims[1].id = 'b1')),
      /claims\[1\]\.id: "b1" is also the id of claims\[0\]/,
    ],
    [
      'a claim of a document not in the file',
      broken((f) => (f.claims[1].document.id = 'elsewhere')),
      /claims\[1\]\.document\.id: "elsewhere" is not among the documents/,
    ],
    [
      'a claim past the end of its text',
      broken((f) => (f.claims[1].end = 999)),
      /claims\[1\]: end 999 is past the end of its document's text \(46 characters\)/,
    ],
    ['start after end', broken((f) => (f.claims[1].start = 30)), /claims\[1\]: start 30 is after end 20/],
  ])('refuses %s, saying what and where', (_name, input, message) => {
    const parsed = parseLibraryFile(input);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(message);
  });

  test('lists several problems at once, and counts the rest', () => {
    const input = broken((f) => {
      for (const c of f.claims) c.metric = 'deaths';
      for (let i = 0; i < 6; i++) f.claims.push({ ...f.claims[0], id: `x${i}` });
    });
    const parsed = parseLibraryFile(input);
    expect(!parsed.ok && parsed.error).toMatch(/^8 problems: claims\[0\]\.metric.*; and 3 more$/);
  });
});

describe('jsonErrorOffset', () => {
  test.each([
    ['{}', -1],
    ['[1, -2.5e3, "a\\u00e9\\n", true, false, null, {"k": []}]', -1],
    ['hello', 0],
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['[1 2]', 3],
    ['{"a": nope}', 6],
    ['"bad \\x escape"', 6],
    ['"tab\there"', 4],
    ['[1, 2', 5],
    ['{} extra', 3],
    ['01', 1],
  ])('%j fails at offset %i', (input, offset) => {
    expect(jsonErrorOffset(input)).toBe(offset);
    // It agrees with the engine on what is valid.
    expect(offset === -1).toBe(
      (() => {
        try {
          JSON.parse(input);
          return true;
        } catch {
          return false;
        }
      })(),
    );
  });
});

describe('parseJson', () => {
  test.each([
    ['{"a": 1,}', 1],
    ['{\n  "a": 1,\n  "b": nope\n}', 3],
  ])('names the line of a syntax error in %j', (input, line) => {
    const parsed = parseJson(input);
    expect(!parsed.ok && parsed.error).toMatch(new RegExp(`line ${line}, column \\d+`));
  });

  test.each([
    [0, { line: 1, column: 1 }],
    [3, { line: 1, column: 4 }],
    [5, { line: 2, column: 2 }],
  ])('offset %i is at %j', (offset, where) => {
    expect(lineAndColumn('abc\nde\nf', offset)).toEqual(where);
  });
});

describe('planImport', () => {
  test('keeps the reader’s documents, skips the bundled ones (by origin or by an id the bundle has)', () => {
    const unmarked = { ...readerDoc, id: 'un-2022-03-22', origin: undefined, text: null };
    const file: LibraryFile = {
      claims: [...good.claims, claim('u1', unmarked)],
      documents: [...good.documents, unmarked],
    };
    const plan = planImport(file, new Set(['un-2022-03-22']));
    expect(plan.documents.map((d) => d.id)).toEqual([readerDoc.id]);
    expect(plan.claims.map((c) => c.id)).toEqual(['r1']);
    expect(plan.skippedBundled.map((d) => d.id)).toEqual([bundledDoc.id, 'un-2022-03-22']);
  });

  test('a document without origin is the reader’s, and its claims take the document entry’s metadata', () => {
    const stale = { ...readerDoc, title: 'An older title', origin: undefined };
    const file: LibraryFile = {
      claims: [claim('r1', stale)],
      documents: [{ ...readerDoc, origin: undefined }],
    };
    const plan = planImport(file, new Set());
    expect(plan.documents).toEqual([{ ...readerDoc, origin: 'reader', text: null }]);
    expect(plan.claims[0]?.document).toEqual({ ...readerDoc, origin: 'reader' });
  });
});

test('an export names itself and its day', () => {
  const now = new Date('2024-05-01T23:30:00Z');
  expect(buildLibraryFile([], [], now)).toEqual({
    format: 'figure-check-library',
    version: 1,
    exportedAt: '2024-05-01T23:30:00.000Z',
    claims: [],
    documents: [],
  });
  expect(exportFileName(now, 'json')).toBe('figure-check-library-2024-05-01.json');
  expect(exportFileName(now, 'csv')).toBe('figure-check-claims-2024-05-01.csv');
});
