import type { Claim, ClaimDatabase, DocumentMeta } from '../types.ts';
import { readFigures } from '../figures/index.ts';

/** A corpus document: its metadata and its text. */
export interface CorpusDocument {
  meta: DocumentMeta;
  text: string;
}

/** The claims of one document (placeholder id scheme until the real extractor lands). */
export function extractClaims(doc: CorpusDocument): Claim[] {
  return readFigures(doc.text, { date: doc.meta.date }).map((r) => ({
    ...r,
    id: `${doc.meta.id}:${r.start}`,
    document: doc.meta,
  }));
}

export function buildDatabase(docs: CorpusDocument[]): ClaimDatabase {
  return { claims: docs.flatMap(extractClaims), documents: docs.map((d) => d.meta) };
}
