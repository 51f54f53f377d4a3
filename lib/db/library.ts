/**
 * The reader's library in the claim database: add a document with its claims, remove one, import a file's
 * documents, read documents back. Each write is one IndexedDB transaction: it happens whole or not at all.
 * Bundled records are never written here (lib/db/store.ts `syncBundle` owns them).
 */
import type { ImportResult, Removed } from '../protocol/index.ts';
import type { Claim, DocumentMeta } from '../types.ts';
import {
  metaOf,
  withDocumentOrigin,
  type ImportPlan,
  type LibraryDocument,
} from '../library/library-file.ts';
import type { ClaimDb, StoredClaim, StoredDocument } from './schema.ts';

/** A refusal the reader can act on ("already in your library", "part of the extension"). */
export class LibraryError extends Error {
  override name = 'LibraryError';
}

/** A stored claim as the rest of the extension sees it: no storage field, its document's origin filled in. */
export function claimOf(stored: StoredClaim): Claim {
  const { origin, ...claim } = stored;
  return withDocumentOrigin(claim, origin);
}

/** A stored document as a library document (metadata, origin and text). */
export function documentOf(stored: StoredDocument): LibraryDocument {
  const doc: LibraryDocument = { ...metaOf(stored), origin: stored.origin, text: stored.text ?? null };
  // Only pages saved from the browser have it: other documents export exactly as before.
  if (stored.savedAt) doc.savedAt = stored.savedAt;
  return doc;
}

/**
 * Runs `work` in one readwrite transaction over claims and documents. If `work` throws, the transaction is
 * aborted, so nothing it wrote stays, and the error is rethrown.
 */
async function inWriteTransaction<T>(
  db: ClaimDb,
  work: (tx: ReturnType<typeof writeTx>) => Promise<T>,
): Promise<T> {
  const tx = writeTx(db);
  let result: T;
  try {
    result = await work(tx);
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted by the failing request itself.
    }
    await tx.done.catch(() => undefined);
    throw e;
  }
  await tx.done;
  return result;
}

function writeTx(db: ClaimDb) {
  return db.transaction(['claims', 'documents'], 'readwrite');
}

export interface AddOptions {
  /**
   * The reader's documents this one replaces (a page saved again: lib/library/save-page.ts `isSamePage`):
   * they and their claims are removed in the same transaction, before the document is added.
   */
  replaces?: (stored: StoredDocument) => boolean;
}

/**
 * Adds a reader's document and its claims. Refuses a document (or claim id) already in the database,
 * unless `replaces` takes it out first. Returns the documents replaced.
 */
export async function addReaderDocument(
  db: ClaimDb,
  document: LibraryDocument,
  claims: readonly Claim[],
  options: AddOptions = {},
): Promise<DocumentMeta[]> {
  return inWriteTransaction(db, async (tx) => {
    const documents = tx.objectStore('documents');
    const replaced: DocumentMeta[] = [];
    const { replaces } = options;
    if (replaces) {
      const claimStore = tx.objectStore('claims');
      for (const old of await documents.index('by-origin').getAll('reader')) {
        if (!replaces(old)) continue;
        const keys = await claimStore.index('by-document').getAllKeys(old.id);
        await Promise.all(keys.map((key) => claimStore.delete(key)));
        await documents.delete(old.id);
        replaced.push(metaOf(old));
      }
    }
    const existing = await documents.get(document.id);
    if (existing) {
      throw new LibraryError(
        existing.origin === 'bundled'
          ? `“${existing.title}” is one of the extension's own documents already`
          : `“${existing.title}” (${existing.date}) is already in your library`,
      );
    }
    const store = tx.objectStore('claims');
    for (const claim of claims) {
      if ((await store.getKey(claim.id)) !== undefined) {
        throw new LibraryError(`a claim with the id "${claim.id}" is already in the database`);
      }
    }
    const meta = { ...metaOf(document), origin: 'reader' as const };
    await documents.put({
      ...meta,
      text: document.text ?? null,
      ...(document.savedAt ? { savedAt: document.savedAt } : {}),
    });
    await Promise.all(claims.map((c) => store.put({ ...c, document: meta, origin: 'reader' })));
    return replaced;
  });
}

/** The reader's documents (texts included) that `matches`: a page saved before, found by address or text. */
export async function findReaderDocuments(
  db: ClaimDb,
  matches: (stored: StoredDocument) => boolean,
): Promise<LibraryDocument[]> {
  const all = await db.getAllFromIndex('documents', 'by-origin', 'reader');
  return all.filter(matches).map(documentOf);
}

/** Removes a reader's document and every claim from it. The extension's own documents cannot be removed. */
export async function removeReaderDocument(db: ClaimDb, id: string): Promise<Removed> {
  return inWriteTransaction(db, async (tx) => {
    const documents = tx.objectStore('documents');
    const stored = await documents.get(id);
    if (!stored) throw new LibraryError(`no document with the id "${id}" (removed already?)`);
    if (stored.origin !== 'reader') {
      throw new LibraryError(
        `“${stored.title}” ships with the extension and cannot be removed; only documents you added can`,
      );
    }
    const claims = tx.objectStore('claims');
    const keys = await claims.index('by-document').getAllKeys(id);
    await Promise.all(keys.map((key) => claims.delete(key)));
    await documents.delete(id);
    return { document: metaOf(stored), claims: keys.length };
  });
}

/**
 * Writes an import plan (lib/library/library-file.ts `planImport`) in one transaction: each document
 * replaces the reader's document with the same id, with its claims. A document or claim id held by the
 * extension's own bundle aborts the whole import: nothing is half-written.
 */
export async function importReaderDocuments(db: ClaimDb, plan: ImportPlan): Promise<ImportResult> {
  return inWriteTransaction(db, async (tx) => {
    const documents = tx.objectStore('documents');
    const claims = tx.objectStore('claims');
    let added = 0;
    let replaced = 0;
    for (const doc of plan.documents) {
      const existing = await documents.get(doc.id);
      if (existing?.origin === 'bundled') {
        throw new LibraryError(`document "${doc.id}" is one of the extension's own documents`);
      }
      if (existing) {
        replaced++;
        const old = await claims.index('by-document').getAllKeys(doc.id);
        await Promise.all(old.map((key) => claims.delete(key)));
      } else added++;
      await documents.put({
        ...metaOf(doc),
        origin: 'reader',
        text: doc.text ?? null,
        ...(doc.savedAt ? { savedAt: doc.savedAt } : {}),
      });
    }
    for (const claim of plan.claims) {
      const existing = await claims.get(claim.id);
      if (existing && (existing.origin === 'bundled' || existing.document.id !== claim.document.id)) {
        throw new LibraryError(
          `claim "${claim.id}" would replace a claim of another document ("${existing.document.id}")`,
        );
      }
      await claims.put({ ...claim, document: { ...claim.document, origin: 'reader' }, origin: 'reader' });
    }
    return { added, replaced, claims: plan.claims.length, skippedBundled: plan.skippedBundled.length };
  });
}

export interface StoredLibrary {
  claims: Claim[];
  documents: LibraryDocument[];
}

/** Everything, texts included (exports). One read transaction, so claims and documents agree. */
export async function readLibrary(db: ClaimDb): Promise<StoredLibrary> {
  const tx = db.transaction(['claims', 'documents'], 'readonly');
  const [claims, documents] = await Promise.all([
    tx.objectStore('claims').getAll(),
    tx.objectStore('documents').getAll(),
    tx.done,
  ]);
  return { claims: claims.map(claimOf), documents: documents.map(documentOf) };
}

export interface StoredDocumentWithClaims {
  document: LibraryDocument;
  claims: Claim[];
}

/** One document with its text and claims, or null when there is none with that id. */
export async function readDocument(db: ClaimDb, id: string): Promise<StoredDocumentWithClaims | null> {
  const tx = db.transaction(['claims', 'documents'], 'readonly');
  const [document, claims] = await Promise.all([
    tx.objectStore('documents').get(id),
    tx.objectStore('claims').index('by-document').getAll(id),
    tx.done,
  ]);
  if (!document) return null;
  return { document: documentOf(document), claims: claims.map(claimOf).sort((a, b) => a.start - b.start) };
}
