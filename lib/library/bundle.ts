/**
 * The claims.json the build ships: the corpus's claims (lib/claims) and its documents with their full texts,
 * so the document page can show bundled documents too. Same shape as an export (./library-file.ts).
 */
import { buildDatabase, type CorpusDocument } from '../claims/index.ts';
import type { LibraryFile } from './library-file.ts';

export function buildBundle(docs: CorpusDocument[]): LibraryFile {
  const { claims } = buildDatabase(docs);
  return { claims, documents: docs.map((d) => ({ ...d.meta, text: d.text })) };
}
