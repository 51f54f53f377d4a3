/**
 * Claims: the figures of the corpus documents, each with the document it stands in, and the claim
 * database built from them (docs/figures-and-claims.md). The extraction is lib/figures, the same code the
 * content script runs on pages, so a page figure and a claim are read alike.
 *
 * Ids are `<document id>#<hash>` where the hash covers the sentence the figure stands in (whitespace
 * normalised), the figure as written and which occurrence of that figure in that sentence it is. An id is
 * therefore stable across rebuilds and survives edits elsewhere in the document; it changes only when
 * the figure's own sentence changes.
 */
import type { Claim, ClaimDatabase, DocumentMeta } from '../types.ts';
import { readFigures } from '../figures/index.ts';

/** A corpus document: its metadata and its text. */
export interface CorpusDocument {
  meta: DocumentMeta;
  text: string;
}

/** A 53-bit string hash (cyrb53), as 14 hex digits: collisions are negligible at corpus scale. */
export function hash53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, '0');
}

/** The claims of one document, in document order. */
export function extractClaims(doc: CorpusDocument): Claim[] {
  const seen = new Map<string, number>();
  return readFigures(doc.text, { date: doc.meta.date, lead: doc.meta.title, anyTopic: true }).map((r) => {
    const key = `${r.quote.replace(/\s+/g, ' ').trim()}\u0000${r.text}`;
    const nth = seen.get(key) ?? 0;
    seen.set(key, nth + 1);
    return { ...r, id: `${doc.meta.id}#${hash53(`${key}\u0000${nth}`)}`, document: doc.meta };
  });
}

/** The claim database of a corpus. Document ids must be unique: the error names the one repeated. */
export function buildDatabase(docs: CorpusDocument[]): ClaimDatabase {
  const ids = new Set<string>();
  for (const d of docs) {
    if (ids.has(d.meta.id)) throw new Error(`duplicate document id "${d.meta.id}"`);
    ids.add(d.meta.id);
  }
  return { claims: docs.flatMap(extractClaims), documents: docs.map((d) => d.meta) };
}
