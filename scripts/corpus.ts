/**
 * Reads the corpus in assets/documents/ (or the folder FIGURE_CHECK_DOCUMENTS names): one `<id>.txt` per
 * document with its metadata beside it in `<id>.json` ({ title, publisher, date, url }).
 * Node only; the extraction itself is lib/claims.
 *
 * Every file is checked before anything is built, and every problem is reported at once, each naming the
 * file (and the line, where there is one), so a person can fix them all in one go. Nothing is written here:
 * a bad corpus stops the `claims` command and the build before either produces anything.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDatabase, type CorpusDocument } from '../lib/claims/index.ts';
import type { ClaimDatabase } from '../lib/types.ts';
import { parseDocumentMeta } from '../lib/claims/metadata.ts';

export const DOCUMENTS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../assets/documents',
);

/** The corpus folder: FIGURE_CHECK_DOCUMENTS when set (tests, other corpora), else assets/documents. */
export function documentsDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.FIGURE_CHECK_DOCUMENTS?.trim();
  return dir ? path.resolve(dir) : DOCUMENTS_DIR;
}

/**
 * Largest document text accepted, in bytes. The same bound as a document the reader adds in the extension
 * (lib/library: 5,000,000 characters); a larger file is a mistake (a dump, a video renamed .txt), and it
 * would make the bundled database, loaded into every browser, needlessly heavy.
 */
export const MAX_TEXT_BYTES = 5_000_000;
/** Metadata is a handful of short fields. */
export const MAX_META_BYTES = 64_000;

export interface CorpusProblem {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

const where = (p: CorpusProblem): string =>
  `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}`;

/** Corpus problems a person can fix: each names the file and, where known, the line. */
export class CorpusError extends Error {
  readonly file: string;
  readonly line?: number;

  constructor(readonly problems: readonly CorpusProblem[]) {
    const lines = problems.map((p) => `${where(p)}: ${p.message}`);
    super(lines.length === 1 ? lines[0] : `${lines.length} problems in the corpus:\n${lines.join('\n')}`);
    this.name = 'CorpusError';
    this.file = problems[0]?.file ?? '';
    this.line = problems[0]?.line;
  }
}

export async function loadCorpus(dir = documentsDir()): Promise<CorpusDocument[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (e) {
    throw new CorpusError([
      { file: dir, message: `cannot read the corpus folder (${(e as Error).message})` },
    ]);
  }
  const problems: CorpusProblem[] = [];
  const texts = names.filter((n) => n.endsWith('.txt'));
  const docs: CorpusDocument[] = [];
  // Ids that differ only in letter case or Unicode normalisation name one file on macOS and Windows.
  const seen = new Map<string, string>();
  for (const name of texts) {
    const id = name.slice(0, -'.txt'.length);
    const textPath = path.join(dir, name);
    const folded = id.normalize('NFC').toLowerCase();
    const clash = seen.get(folded);
    if (clash !== undefined) {
      problems.push({
        file: textPath,
        message: `duplicate document id: "${id}" and "${clash}" differ only in letter case or accents (the file name is the id)`,
      });
      continue;
    }
    seen.set(folded, id);
    const metaName = `${id}.json`;
    const metaPath = path.join(dir, metaName);
    const text = await readText(textPath, problems);
    if (!names.includes(metaName)) {
      problems.push({ file: textPath, message: `no metadata: add ${metaName} beside it` });
      continue;
    }
    const meta = await readMeta(id, metaPath, problems);
    if (text !== null && meta !== null) docs.push({ meta, text });
  }
  for (const name of names) {
    if (name.endsWith('.json') && !texts.includes(name.replace(/\.json$/, '.txt'))) {
      problems.push({
        file: path.join(dir, name),
        message: 'metadata without a text: add the .txt beside it',
      });
    }
  }
  if (problems.length > 0) throw new CorpusError(problems);
  return docs;
}

export async function loadCorpusDatabase(dir = documentsDir()): Promise<ClaimDatabase> {
  return buildDatabase(await loadCorpus(dir));
}

// ---- one file --------------------------------------------------------------------------------------------

async function readBytes(file: string, limit: number, problems: CorpusProblem[]): Promise<Buffer | null> {
  try {
    const { size } = await stat(file);
    if (size > limit) {
      problems.push({ file, message: `is too large (${mb(size)}; at most ${mb(limit)})` });
      return null;
    }
    return await readFile(file);
  } catch (e) {
    problems.push({ file, message: `cannot be read (${(e as Error).message})` });
    return null;
  }
}

const mb = (bytes: number): string => `${bytes.toLocaleString('en-US')} bytes`;

/** UTF-8 text, not binary, not empty; null (with the problem noted) otherwise. */
async function readText(file: string, problems: CorpusProblem[]): Promise<string | null> {
  const bytes = await readBytes(file, MAX_TEXT_BYTES, problems);
  if (!bytes) return null;
  const text = decodeText(file, bytes, problems);
  if (text === null) return null;
  if (text.trim() === '') {
    problems.push({ file, message: bytes.length === 0 ? 'is empty' : 'holds only white space' });
    return null;
  }
  return text.replace(/\r\n?/g, '\n');
}

/** Control characters that never occur in a text someone wrote (tab, line feed, form feed, CR are fine). */
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f]/;

function decodeText(file: string, bytes: Buffer, problems: CorpusProblem[]): string | null {
  // As git decides: a NUL byte early on means a binary file (an image, a PDF, a word-processor file).
  const nul = bytes.subarray(0, 8_000).indexOf(0);
  if (nul !== -1) {
    problems.push({
      file,
      message: `looks like a binary file, not text (a NUL byte at byte ${nul}); save the article as plain UTF-8 text`,
    });
    return null;
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    const { line, column } = lineAt(bytes.subarray(0, bad).toString('utf8'), Number.POSITIVE_INFINITY);
    problems.push({
      file,
      line,
      column,
      message: `is not valid UTF-8 text (byte ${bad} is 0x${bytes[bad]!.toString(16).padStart(2, '0')}); save it as UTF-8`,
    });
    return null;
  }
  // A byte-order mark from some editors is not part of the text.
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const binary = BINARY.exec(text);
  if (binary) {
    const { line, column } = lineAt(text, binary.index);
    const code = binary[0].charCodeAt(0).toString(16).padStart(4, '0');
    problems.push({
      file,
      line,
      column,
      message: `looks like a binary file, not text (control character U+${code})`,
    });
    return null;
  }
  return text;
}

/** The byte offset of the first byte that does not belong to well-formed UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    // A sequence cut off by the end of the file.
    if (i + need >= bytes.length) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

/** Metadata as JSON with the fields lib/claims/metadata.ts asks for; null (with the problem noted) otherwise. */
async function readMeta(
  id: string,
  file: string,
  problems: CorpusProblem[],
): Promise<CorpusDocument['meta'] | null> {
  const bytes = await readBytes(file, MAX_META_BYTES, problems);
  if (!bytes) return null;
  const text = decodeText(file, bytes, problems);
  if (text === null) return null;
  if (text.trim() === '') {
    problems.push({ file, message: 'is empty: it needs {"title", "publisher", "date", "url"}' });
    return null;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : /end of JSON input/i.test(message) ? text.length : -1;
    const pos = offset >= 0 ? lineAt(text, offset) : {};
    problems.push({
      file,
      ...pos,
      message: `is not valid JSON (${message.replace(/ in JSON at position \d+/, '')})`,
    });
    return null;
  }
  const meta = parseDocumentMeta(id, raw);
  if (!meta.ok) {
    problems.push({ file, ...lineOfKey(text, meta.field), message: meta.error });
    return null;
  }
  return meta.value;
}

/** 1-based line and column of `offset` in `text` (the end of the text if the offset is past it). */
function lineAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.min(offset, text.length));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** Where `"key":` stands in a JSON text, for messages about a field that is there but wrong. */
function lineOfKey(text: string, key: string | null): { line?: number; column?: number } {
  if (!key) return {};
  const m = new RegExp(`"${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`).exec(text);
  return m ? lineAt(text, m.index) : {};
}
