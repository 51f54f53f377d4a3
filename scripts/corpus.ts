/**
 * Reads the corpus in assets/documents/: one `<id>.txt` per document with its
 * metadata beside it in `<id>.json` ({ title, publisher, date, url }).
 * Node only; the extraction itself is lib/claims.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDatabase, type CorpusDocument } from '../lib/claims/index.ts';
import type { ClaimDatabase } from '../lib/types.ts';
import { parseDocumentMeta } from '../lib/claims/metadata.ts';

export const DOCUMENTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../assets/documents');

/** A corpus problem a person can fix: names the file and, where known, the line. */
export class CorpusError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
    this.name = 'CorpusError';
  }
}

export async function loadCorpus(dir = DOCUMENTS_DIR): Promise<CorpusDocument[]> {
  const names = (await readdir(dir)).sort();
  const texts = names.filter((n) => n.endsWith('.txt'));
  const docs: CorpusDocument[] = [];
  for (const name of texts) {
    const id = name.slice(0, -'.txt'.length);
    const textPath = path.join(dir, name);
    const metaName = `${id}.json`;
    if (!names.includes(metaName)) throw new CorpusError(textPath, `no metadata: add ${metaName} beside it`);
    const metaPath = path.join(dir, metaName);
    const bytes = await readFile(textPath);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new CorpusError(textPath, 'is not valid UTF-8 text');
    }
    if (text.trim() === '') throw new CorpusError(textPath, 'is empty');
    let raw: unknown;
    const metaText = await readFile(metaPath, 'utf8');
    try {
      raw = JSON.parse(metaText);
    } catch (e) {
      throw new CorpusError(metaPath, `is not valid JSON (${(e as Error).message})`);
    }
    const meta = parseDocumentMeta(id, raw);
    if (!meta.ok) throw new CorpusError(metaPath, meta.error);
    docs.push({ meta: meta.value, text: text.replace(/\r\n?/g, '\n') });
  }
  for (const name of names) {
    if (name.endsWith('.json') && !texts.includes(name.replace(/\.json$/, '.txt'))) {
      throw new CorpusError(path.join(dir, name), 'metadata without a text: add the .txt beside it');
    }
  }
  return docs;
}

export async function loadCorpusDatabase(dir = DOCUMENTS_DIR): Promise<ClaimDatabase> {
  return buildDatabase(await loadCorpus(dir));
}
