/**
 * Bad documents in the corpus: each is refused with a message naming the file (and the line where
 * there is one), through loadCorpus (the build hook's path) and through the `claims` command as a person
 * runs it (non-zero exit, nothing on stdout). The build's own refusal, leaving the previous build intact,
 * is tests/e2e/corpus-build.test.ts.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  CorpusError,
  DOCUMENTS_DIR,
  MAX_TEXT_BYTES,
  documentsDir,
  firstInvalidUtf8,
  loadCorpus,
} from '../../scripts/corpus.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GOOD_META =
  '{\n  "title": "A report",\n  "publisher": "Wire",\n  "date": "2022-03-10",\n  "url": null\n}\n';
const GOOD_TEXT = 'Officials said 120 civilians had been killed in the city.\n';

type Files = Record<string, string | Buffer>;

/** A corpus folder: the five seeds (so a bad file sits among good ones) plus `files`. */
function corpus(files: Files, withSeeds = true): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fc-corpus-'));
  if (withSeeds)
    for (const n of readdirSync(DOCUMENTS_DIR)) copyFileSync(path.join(DOCUMENTS_DIR, n), path.join(dir, n));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

interface BadCase {
  name: string;
  files: Files;
  /** The file the message must name. */
  file: string;
  /** `file:line` (and column) expected where a line exists. */
  line?: string;
  message: RegExp;
}

/** Every kind of bad document, as a person would make it by mistake. */
const BAD: readonly BadCase[] = [
  {
    name: 'an empty text',
    files: { 'empty.txt': '', 'empty.json': GOOD_META },
    file: 'empty.txt',
    message: /is empty/,
  },
  {
    name: 'a text of white space only',
    files: { 'blank.txt': ' \n\n\t \n', 'blank.json': GOOD_META },
    file: 'blank.txt',
    message: /only white space/,
  },
  {
    name: 'a binary file (a PNG saved as .txt)',
    files: {
      'image.txt': Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61', 'hex'),
      'image.json': GOOD_META,
    },
    file: 'image.txt',
    message: /binary file/,
  },
  {
    name: 'a binary file without NUL bytes (control characters)',
    files: { 'ctrl.txt': 'Killed: 12\u0007\u0002\u0003\n', 'ctrl.json': GOOD_META },
    file: 'ctrl.txt',
    line: 'ctrl.txt:1:11',
    message: /binary file.*U\+0007/,
  },
  {
    name: 'invalid UTF-8 (a Latin-1 file)',
    files: {
      'latin1.txt': Buffer.concat([
        Buffer.from('First line.\nKyiv mayor Vitali Klitschko said 100 people had died in the capit'),
        Buffer.from([0xe0, 0x6c]),
        Buffer.from('.\n'),
      ]),
      'latin1.json': GOOD_META,
    },
    file: 'latin1.txt',
    line: 'latin1.txt:2:',
    message: /not valid UTF-8 text \(byte \d+ is 0xe0\)/,
  },
  {
    name: 'invalid UTF-8 (a sequence cut off at the end of the file)',
    files: {
      'cut.txt': Buffer.concat([Buffer.from('About 2,500 people '), Buffer.from([0xe2, 0x80])]),
      'cut.json': GOOD_META,
    },
    file: 'cut.txt',
    line: 'cut.txt:1:20',
    message: /not valid UTF-8/,
  },
  {
    name: 'invalid UTF-8 (an encoded UTF-16 surrogate)',
    files: { 'surrogate.txt': Buffer.from([0x41, 0xed, 0xa0, 0x80, 0x0a]), 'surrogate.json': GOOD_META },
    file: 'surrogate.txt',
    message: /not valid UTF-8/,
  },
  {
    name: 'missing metadata',
    files: { 'orphan.txt': GOOD_TEXT },
    file: 'orphan.txt',
    message: /no metadata: add orphan\.json beside it/,
  },
  {
    name: 'metadata without a text',
    files: { 'lonely.json': GOOD_META },
    file: 'lonely.json',
    message: /metadata without a text/,
  },
  {
    name: 'metadata that is not JSON (a missing comma)',
    files: {
      'comma.txt': GOOD_TEXT,
      'comma.json': '{\n  "title": "A report",\n  "publisher": "Wire"\n  "date": "2022-03-10"\n}\n',
    },
    file: 'comma.json',
    line: 'comma.json:4:3',
    message: /is not valid JSON/,
  },
  {
    name: 'metadata cut off',
    files: { 'cutmeta.txt': GOOD_TEXT, 'cutmeta.json': '{\n  "title": "A report",\n' },
    file: 'cutmeta.json',
    line: 'cutmeta.json:3:1',
    message: /is not valid JSON/,
  },
  {
    name: 'metadata that is an empty file',
    files: { 'nometa.txt': GOOD_TEXT, 'nometa.json': '' },
    file: 'nometa.json',
    message: /is empty/,
  },
  {
    name: 'metadata that is a list, not an object',
    files: { 'list.txt': GOOD_TEXT, 'list.json': '["A report", "Wire", "2022-03-10"]' },
    file: 'list.json',
    message: /must be a JSON object/,
  },
  {
    name: 'a missing publisher',
    files: {
      'nopub.txt': GOOD_TEXT,
      'nopub.json': '{\n  "title": "A report",\n  "date": "2022-03-10"\n}\n',
    },
    file: 'nopub.json',
    message: /publisher is missing/,
  },
  {
    name: 'an empty publisher',
    files: {
      'emptypub.txt': GOOD_TEXT,
      'emptypub.json': '{\n  "title": "A report",\n  "publisher": "",\n  "date": "2022-03-10"\n}\n',
    },
    file: 'emptypub.json',
    line: 'emptypub.json:3:3',
    message: /publisher: publisher is empty/,
  },
  {
    name: 'a date that is not YYYY-MM-DD',
    files: {
      'usdate.txt': GOOD_TEXT,
      'usdate.json': '{\n  "title": "A report",\n  "publisher": "Wire",\n  "date": "03/10/2022"\n}\n',
    },
    file: 'usdate.json',
    line: 'usdate.json:4:3',
    message: /date: date must be YYYY-MM-DD/,
  },
  {
    name: 'a date that is not a calendar day',
    files: {
      'feb30.txt': GOOD_TEXT,
      'feb30.json': '{\n  "title": "A report",\n  "publisher": "Wire",\n  "date": "2022-02-30"\n}\n',
    },
    file: 'feb30.json',
    line: 'feb30.json:4:3',
    message: /not a real calendar day/,
  },
  {
    name: 'a url that is not a URL',
    files: {
      'badurl.txt': GOOD_TEXT,
      'badurl.json':
        '{\n  "title": "A report",\n  "publisher": "Wire",\n  "date": "2022-03-10",\n  "url": "see the paper"\n}\n',
    },
    file: 'badurl.json',
    line: 'badurl.json:5:3',
    message: /url is not a valid URL/,
  },
  {
    name: 'duplicate ids (names that differ only in letter case)',
    files: {
      'Report.txt': GOOD_TEXT,
      'Report.json': GOOD_META,
      'report.txt': GOOD_TEXT,
      'report.json': GOOD_META,
    },
    file: 'report.txt',
    message: /duplicate document id: "report" and "Report"/,
  },
  {
    name: 'duplicate ids (the same name in two Unicode normal forms)',
    files: {
      'kyiv-cafe\u0301.txt': GOOD_TEXT,
      'kyiv-cafe\u0301.json': GOOD_META,
      'kyiv-caf\u00e9.txt': GOOD_TEXT,
      'kyiv-caf\u00e9.json': GOOD_META,
    },
    file: 'kyiv-caf\u00e9.txt',
    message: /duplicate document id/,
  },
  {
    name: 'an oversized text',
    files: {
      'huge.txt': `${'Officials said 120 civilians had been killed. '.repeat(110_000)}\n`,
      'huge.json': GOOD_META,
    },
    file: 'huge.txt',
    message: new RegExp(
      `too large \\([\\d,]+ bytes; at most ${MAX_TEXT_BYTES.toLocaleString('en-US')} bytes\\)`,
    ),
  },
  {
    name: 'oversized metadata',
    files: {
      'fat.txt': GOOD_TEXT,
      'fat.json': JSON.stringify({
        title: 'x',
        publisher: 'p',
        date: '2022-03-10',
        notes: 'n'.repeat(100_000),
      }),
    },
    file: 'fat.json',
    message: /too large/,
  },
];

async function refusal(dir: string): Promise<CorpusError> {
  try {
    await loadCorpus(dir);
  } catch (e) {
    if (e instanceof CorpusError) return e;
    throw e;
  }
  throw new Error(`loadCorpus accepted ${dir}`);
}

describe('loadCorpus refuses bad documents, naming the file and line', () => {
  test.each(BAD)('$name', async ({ files, file, line, message }) => {
    const dir = corpus(files);
    const error = await refusal(dir);
    expect(error.problems, error.message).toHaveLength(1);
    expect(error.message).toContain(path.join(dir, ''));
    expect(error.message).toContain(file);
    expect(error.message).toMatch(message);
    if (line) expect(error.message).toContain(line);
    // The seeds beside it are not blamed.
    expect(error.message).not.toMatch(/\d{3}_[0-9a-f]{16}/);
  });

  test('every problem of a corpus is listed at once, one line each', async () => {
    const all: Files = {};
    for (const c of BAD) Object.assign(all, c.files);
    const error = await refusal(corpus(all));
    expect(error.problems.length).toBe(BAD.length);
    expect(error.message.split('\n')[0]).toBe(`${BAD.length} problems in the corpus:`);
    for (const c of BAD) expect(error.message).toContain(c.line ?? c.file);
  });

  test('a folder that does not exist is named', async () => {
    const error = await refusal('/nonexistent/fc-documents');
    expect(error.message).toMatch(/^\/nonexistent\/fc-documents: cannot read the corpus folder/);
  });

  test('good documents still load: the seeds, CRLF line ends and a byte-order mark', async () => {
    const dir = corpus({
      'windows.txt': Buffer.from(`\uFEFFLine one.\r\nOfficials said 120 civilians had been killed.\r\n`),
      'windows.json': GOOD_META,
    });
    const docs = await loadCorpus(dir);
    expect(docs.map((d) => d.meta.id)).toEqual([
      ...readdirSync(DOCUMENTS_DIR)
        .filter((n) => n.endsWith('.txt'))
        .map((n) => n.slice(0, -4)),
      'windows',
    ]);
    expect(docs.at(-1)?.text).toBe('Line one.\nOfficials said 120 civilians had been killed.\n');
  });

  test('FIGURE_CHECK_DOCUMENTS chooses the corpus folder', () => {
    expect(documentsDir({})).toBe(DOCUMENTS_DIR);
    expect(documentsDir({ FIGURE_CHECK_DOCUMENTS: '  ' })).toBe(DOCUMENTS_DIR);
    expect(documentsDir({ FIGURE_CHECK_DOCUMENTS: 'tests/x' })).toBe(path.resolve('tests/x'));
  });
});

describe('firstInvalidUtf8', () => {
  test('agrees with Node’s own UTF-8 check on any bytes', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      // Mostly valid text with a few bytes flipped: the boundaries of multi-byte sequences.
      fc
        .tuple(
          fc.string({ unit: 'binary', maxLength: 30 }),
          fc.array(fc.nat(), { maxLength: 3 }),
          fc.nat(255),
        )
        .map(([s, at, b]) => {
          const buf = Buffer.from(s);
          for (const i of at) if (buf.length > 0) buf[i % buf.length] = b;
          return new Uint8Array(buf);
        }),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        const bad = firstInvalidUtf8(b);
        expect(bad === -1).toBe(isUtf8(b));
        // Everything before the reported byte is valid.
        if (bad !== -1) expect(isUtf8(b.subarray(0, bad))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });
});

const run = promisify(execFile);

async function claims(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const r = await run('npx', ['tsx', 'scripts/claims.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, ...r };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

describe('npm run -s claims on a bad corpus', { timeout: 60_000 }, () => {
  test('exits non-zero, prints nothing on stdout, and names every bad file with its line', async () => {
    const all: Files = {};
    for (const c of BAD) Object.assign(all, c.files);
    const dir = corpus(all);
    const r = await claims(['--json', '--documents', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^claims: ${BAD.length} problems in the corpus:$`, 'm'));
    for (const c of BAD) expect(r.stderr).toContain(path.join(dir, c.line ?? c.file));
  });

  test('FIGURE_CHECK_DOCUMENTS points the command at another corpus', async () => {
    const dir = corpus({ 'mine.txt': GOOD_TEXT, 'mine.json': GOOD_META }, false);
    mkdirSync(path.join(dir, 'unrelated-folder'));
    const good = await claims(['--json'], { FIGURE_CHECK_DOCUMENTS: dir });
    expect(good.code, good.stderr).toBe(0);
    const db = JSON.parse(good.stdout) as { documents: { id: string }[]; claims: { text: string }[] };
    expect(db.documents.map((d) => d.id)).toEqual(['mine']);
    expect(db.claims.map((c) => c.text)).toEqual(['120']);

    const bad = await claims(['--json'], { FIGURE_CHECK_DOCUMENTS: corpus({ 'x.txt': '' }, false) });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/x\.txt: is empty/);
  });
});
