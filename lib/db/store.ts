/**
 * Opening the claim database and keeping its bundled part in step with the extension's claims.json.
 * Works wherever IndexedDB exists (background page, service worker, fake-indexeddb under vitest).
 */
import { openDB } from 'idb';
import type { LibraryFile } from '../library/library-file.ts';
import {
  DB_NAME,
  DB_VERSION,
  upgradeDb,
  type BundleMeta,
  type ClaimDb,
  type FigureCheckDB,
  type StoredClaim,
} from './schema.ts';

export interface OpenOptions {
  name?: string;
  /** An open blocked by another tab holding an older version never settles on its own: give up after this. */
  timeoutMs?: number;
  /** Called when the browser closes the connection (database deleted, storage cleared). */
  onClose?: (reason: string) => void;
}

export async function openClaimDb(options: OpenOptions = {}): Promise<ClaimDb> {
  const { name = DB_NAME, timeoutMs = 5_000, onClose } = options;
  let timedOut = false;
  const opening = openDB<FigureCheckDB>(name, DB_VERSION, {
    upgrade: (db, oldVersion, newVersion, tx) => upgradeDb(db, oldVersion, newVersion ?? DB_VERSION, tx),
    // Another context wants a newer version: step aside rather than block it; we reopen on next use.
    blocking: () => {
      void opening.then((db) => db.close());
      onClose?.('a newer version of the database was opened elsewhere');
    },
    terminated: () => onClose?.('the browser closed the database (deleted or storage cleared)'),
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new Error(`IndexedDB did not open within ${timeoutMs} ms (blocked by another tab?)`));
    }, timeoutMs);
  });
  // If the open succeeds after we gave up, close it so it does not block later upgrades.
  void opening.then((db) => timedOut && db.close()).catch(() => undefined);
  try {
    return await Promise.race([opening, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export type SyncResult = 'unchanged' | 'updated';

export async function readBundleMeta(db: ClaimDb): Promise<BundleMeta | undefined> {
  return db.get('meta', 'bundle');
}

/**
 * Replace the bundled claims and documents with `bundle`, unless `hash` says they are already loaded.
 * One transaction: a failure (quota, abort) leaves the previous state whole. The reader's own claims stay.
 */
export async function syncBundle(
  db: ClaimDb,
  bundle: Pick<LibraryFile, 'claims' | 'documents'>,
  hash: string,
  options: { force?: boolean; now?: Date } = {},
): Promise<SyncResult> {
  const current = await readBundleMeta(db);
  if (!options.force && current?.hash === hash) return 'unchanged';
  const tx = db.transaction(['claims', 'documents', 'meta'], 'readwrite');
  const claims = tx.objectStore('claims');
  const documents = tx.objectStore('documents');
  const work: Promise<unknown>[] = [];
  for (const key of await claims.index('by-origin').getAllKeys('bundled')) work.push(claims.delete(key));
  for (const key of await documents.index('by-origin').getAllKeys('bundled'))
    work.push(documents.delete(key));
  for (const claim of bundle.claims) {
    work.push(
      claims.put({ ...claim, document: { ...claim.document, origin: 'bundled' }, origin: 'bundled' }),
    );
  }
  // With their texts (when the bundle carries them), for the document page.
  for (const doc of bundle.documents) work.push(documents.put({ ...doc, origin: 'bundled' }));
  const meta: BundleMeta = {
    key: 'bundle',
    hash,
    claims: bundle.claims.length,
    documents: bundle.documents.length,
    loadedAt: (options.now ?? new Date()).toISOString(),
  };
  work.push(tx.objectStore('meta').put(meta));
  // Surface the first failing request, but let tx.done decide: it rejects if anything aborted the transaction.
  await Promise.all([...work, tx.done]);
  return 'updated';
}

export interface DbContents {
  claims: StoredClaim[];
  documents: number;
}

export async function readContents(db: ClaimDb): Promise<DbContents> {
  const tx = db.transaction(['claims', 'documents'], 'readonly');
  const [claims, documents] = await Promise.all([
    tx.objectStore('claims').getAll(),
    tx.objectStore('documents').count(),
    tx.done,
  ]);
  return { claims, documents };
}

/** SHA-256 of the bundle as shipped, hex: cheap to compute on every start, unlike re-validating every claim. */
export async function hashText(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
