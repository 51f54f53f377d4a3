/**
 * The background's claim service: loads the claim database (IndexedDB, refreshed from the bundled
 * claims.json when it changes), keeps an in-memory index for fast answers, and falls back to the bundled
 * claims when IndexedDB fails — saying so in `status`. No extension API: the background injects how to
 * read the bundle and open the database, and tests inject fakes.
 */
import { format } from 'date-fns';
import { extractClaims } from '../claims/index.ts';
import { compareReading, indexClaims, type ClaimIndex } from '../compare/index.ts';
import {
  buildLibraryFile,
  metaOf,
  parseLibraryFile,
  planImport,
  type LibraryFile,
} from '../library/library-file.ts';
import { checkNewDocument, readerDocumentId, type NewDocumentInput } from '../library/new-document.ts';
import { findSavedPage, isSamePage } from '../library/save-page.ts';
import {
  errorText,
  type AddDocumentRequest,
  type Added,
  type ReadRequest,
  type DocumentDetail,
  type DocumentSummary,
  type ImportResult,
  type Preview,
  type Removed,
  type SavedPage,
  type Status,
  type StorageState,
} from '../protocol/index.ts';
import type { Claim, Comparison, DocumentMeta, Figure, IsoDate, Reading } from '../types.ts';
import { compareFiguresOfPieces } from '../reading/page-figures.ts';
import {
  LibraryError,
  addReaderDocument,
  claimOf,
  findReaderDocuments,
  importReaderDocuments,
  readDocument,
  readLibrary,
  removeReaderDocument,
} from './library.ts';
import type { ClaimDb } from './schema.ts';
import { hashText, openClaimDb, readBundleMeta, syncBundle, type OpenOptions } from './store.ts';

export interface CompareRequest {
  readings: Reading[];
  /** The page's publication date, when known: reports are placed before or after it. */
  pageDate: IsoDate | null;
}

export interface ClaimServiceDeps {
  /** The text of the claims.json shipped with the extension. */
  readBundle: () => Promise<string>;
  /** Opens the IndexedDB database; `onClose` fires if the browser closes it later. */
  openDb?: (onClose: (reason: string) => void) => Promise<ClaimDb>;
  /** How long to answer from the bundled fallback before trying IndexedDB again. */
  retryAfterMs?: number;
  now?: () => number;
  /** The reader's local date, YYYY-MM-DD: a new document may not be dated after it. */
  today?: () => string;
  log?: (message: string) => void;
  /** Called after the reader's library changed and the index was rebuilt (the background tells open tabs). */
  onChanged?: () => void;
}

interface Loaded {
  index: ClaimIndex;
  /** Every claim, its document's origin filled in (the options page lists them). */
  claims: Claim[];
  /** Every document's metadata with its origin, without text. */
  documents: DocumentMeta[];
  storage: StorageState;
  problem: string | null;
  at: number;
  /** The bundled claims when answers come from them (IndexedDB failed): documents are read from here. */
  fallback: LibraryFile | null;
}

export class BundleError extends Error {
  override name = 'BundleError';
}

/** Parse and validate claims.json (claims, documents with their texts); the message says what and where. */
export function parseBundle(text: string): LibraryFile {
  const parsed = parseLibraryFile(text);
  if (!parsed.ok) {
    throw new BundleError(
      parsed.error.startsWith('the file is not valid JSON')
        ? `claims.json is not valid JSON${parsed.error.slice('the file is not valid JSON'.length)}`
        : `claims.json is malformed: ${parsed.error}`,
    );
  }
  return parsed.value;
}

/** Stamps every claim and document of the bundle as bundled. */
function asBundled(file: LibraryFile): { claims: Claim[]; documents: DocumentMeta[] } {
  return {
    claims: file.claims.map((c) => ({ ...c, document: { ...c.document, origin: 'bundled' } })),
    documents: file.documents.map((d) => ({ ...metaOf(d), origin: 'bundled' })),
  };
}

const localToday = () => format(new Date(), 'yyyy-MM-dd');

export class ClaimService {
  private loaded: Loaded | null = null;
  private loading: Promise<Loaded> | null = null;
  private db: ClaimDb | null = null;
  /** Set when the database connection closed under us: the next request reloads. */
  private stale = false;
  private readonly openDb: (onClose: (reason: string) => void) => Promise<ClaimDb>;
  private readonly retryAfterMs: number;
  private readonly now: () => number;
  private readonly today: () => string;
  private readonly log: (message: string) => void;

  constructor(private readonly deps: ClaimServiceDeps) {
    this.openDb = deps.openDb ?? ((onClose: OpenOptions['onClose']) => openClaimDb({ onClose }));
    this.retryAfterMs = deps.retryAfterMs ?? 60_000;
    this.now = deps.now ?? Date.now;
    this.today = deps.today ?? localToday;
    this.log = deps.log ?? ((message) => console.warn(`Figure Check: ${message}`));
  }

  /**
   * Load once and share: a service worker restarted by a message loads here, lazily; concurrent first
   * messages wait for the same load. `resync` rewrites the bundled claims even if the hash matches
   * (runtime.onInstalled: install or update).
   */
  ready(options: { resync?: boolean } = {}): Promise<Loaded> {
    // A resync asked for during another load (onInstalled racing the first message) runs after it.
    if (this.loading) return options.resync ? this.loading.then(() => this.ready(options)) : this.loading;
    const current = this.loaded;
    const retryDue = current?.storage === 'bundled-fallback' && this.now() - current.at >= this.retryAfterMs;
    if (current && !options.resync && !this.stale && !retryDue) return Promise.resolve(current);
    this.stale = false;
    this.loading = this.load(options.resync ?? false)
      .then((loaded) => (this.loaded = loaded))
      .finally(() => (this.loading = null));
    return this.loading;
  }

  /** Reads the figures of each piece of page text and compares them (the content script's request). */
  async read(request: ReadRequest): Promise<Figure[][]> {
    const { pageDate, lead } = request;
    return compareFiguresOfPieces(request.pieces, { date: pageDate, lead }, (readings) =>
      this.compare({ readings, pageDate }),
    );
  }

  /** One comparison per reading, in order. */
  async compare(request: CompareRequest): Promise<Comparison[]> {
    const { index } = await this.ready();
    return request.readings.map((reading) => compareReading(reading, index, { pageDate: request.pageDate }));
  }

  async status(): Promise<Status> {
    try {
      const { claims, documents, storage, problem } = await this.ready();
      return { claims: claims.length, documents: documents.length, storage, problem };
    } catch (e) {
      return { claims: 0, documents: 0, storage: 'bundled-fallback', problem: errorText(e) };
    }
  }

  // ---- the reader's library (options page, document page) ----------------------------------------------

  async listClaims(): Promise<Claim[]> {
    return (await this.ready()).claims;
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    const { claims, documents } = await this.ready();
    const counts = new Map<string, number>();
    for (const c of claims) counts.set(c.document.id, (counts.get(c.document.id) ?? 0) + 1);
    return documents.map((d) => ({ ...d, claims: counts.get(d.id) ?? 0 }));
  }

  /** A document with its text (null when it was not kept) and its claims, in text order. */
  async getDocument(id: string): Promise<DocumentDetail> {
    const loaded = await this.ready();
    if (loaded.fallback) {
      const doc = loaded.fallback.documents.find((d) => d.id === id);
      if (!doc) throw new LibraryError(`no document with the id "${id}"`);
      const claims = loaded.claims.filter((c) => c.document.id === id).sort((a, b) => a.start - b.start);
      return { document: { ...metaOf(doc), origin: 'bundled' }, text: doc.text ?? null, claims };
    }
    const found = await readDocument(await this.connection(), id);
    if (!found) throw new LibraryError(`no document with the id "${id}" (removed?)`);
    return { document: metaOf(found.document), text: found.document.text ?? null, claims: found.claims };
  }

  /** The claims a new document would add, for the reader to review; nothing is saved. */
  async preview(input: NewDocumentInput): Promise<Preview> {
    const loaded = await this.ready();
    const { document, text, found } = await this.extract(input);
    const duplicate = loaded.documents.find((d) => d.id === document.id) ?? null;
    const page = { url: document.url, text };
    const samePage = loaded.fallback
      ? []
      : (await findReaderDocuments(await this.connection(), (d) => isSamePage(d, page))).map(metaOf);
    return { document, claims: found, duplicate, samePage, characters: text.length };
  }

  /**
   * Saves a new document of the reader's with the claims extracted from it (less those left out). A page
   * saved from the browser replaces the reader's copies of the same page and keeps the day it was saved.
   */
  async addDocument(request: AddDocumentRequest): Promise<Added> {
    const db = await this.writable();
    const { document, text, found } = await this.extract(request);
    const exclude = new Set(request.exclude);
    const kept = found.filter((c) => !exclude.has(c.id));
    const page = { url: document.url, text };
    const replaced = await addReaderDocument(
      db,
      { ...document, text, ...(request.savedPage ? { savedAt: this.today() } : {}) },
      kept,
      request.savedPage ? { replaces: (old) => isSamePage(old, page) } : {},
    );
    await this.changed();
    this.log(`added "${document.title}" with ${kept.length} claims, replacing ${replaced.length}`);
    return { document, claims: kept.length, replaced };
  }

  /** The reader's saved copy of the page at `url` (the latest), with the day it was saved; else null. */
  async savedPage(url: string): Promise<SavedPage | null> {
    const loaded = await this.ready();
    if (loaded.fallback) return null;
    const mine = await findReaderDocuments(await this.connection(), (d) => d.url !== null);
    const found = findSavedPage(mine, url);
    return found ? { document: metaOf(found), savedAt: found.savedAt ?? null } : null;
  }

  async removeDocument(id: string): Promise<Removed> {
    const removed = await removeReaderDocument(await this.writable(), id);
    await this.changed();
    return removed;
  }

  /** The whole database, bundled and the reader's, documents with their texts. */
  async exportLibrary(now = new Date(this.now())): Promise<LibraryFile> {
    const loaded = await this.ready();
    if (loaded.fallback) {
      const documents = loaded.fallback.documents.map((d) => ({
        ...metaOf(d),
        origin: 'bundled' as const,
        text: d.text ?? null,
      }));
      return buildLibraryFile(loaded.claims, documents, now);
    }
    const { claims, documents } = await readLibrary(await this.connection());
    return buildLibraryFile(claims, documents, now);
  }

  /** Imports the reader's documents from an export (lib/library/library-file.ts says how); all or nothing. */
  async importLibrary(text: string): Promise<ImportResult> {
    const parsed = parseLibraryFile(text);
    if (!parsed.ok) throw new LibraryError(`Nothing was imported: ${parsed.error}`);
    const db = await this.writable();
    const { documents } = await this.ready();
    const bundled = new Set(documents.filter((d) => d.origin !== 'reader').map((d) => d.id));
    const plan = planImport(parsed.value, bundled);
    const result = await importReaderDocuments(db, plan);
    await this.changed();
    return result;
  }

  private async extract(input: NewDocumentInput) {
    const checked = checkNewDocument(input, this.today());
    if (!checked.ok) {
      const problems = Object.entries(checked.errors).map(([field, message]) => `${field}: ${message}`);
      throw new LibraryError(`The document was not read: ${problems.join(' ')}`);
    }
    const { meta, text } = checked.value;
    const id = await readerDocumentId(checked.value, hashText);
    const document: DocumentMeta = { id, ...meta, origin: 'reader' };
    let found: Claim[];
    try {
      found = extractClaims({ meta: document, text });
    } catch (e) {
      throw new LibraryError(`The figures of this document could not be read (${errorText(e)})`);
    }
    return { document, text, found };
  }

  /** The database connection for a write; refused, saying why, when answers come from the bundled fallback. */
  private async writable(): Promise<ClaimDb> {
    const loaded = await this.ready();
    if (loaded.storage !== 'indexeddb') {
      throw new LibraryError(
        `Your documents cannot be saved now: the claim database is unavailable (${loaded.problem ?? 'IndexedDB failed'})`,
      );
    }
    return this.connection();
  }

  /** After a write: rebuild the in-memory index from the database, then tell whoever listens. */
  private async changed(): Promise<void> {
    // A load that started before the write may have read the old contents: let it finish, then load again.
    if (this.loading) await this.loading.catch(() => undefined);
    this.stale = true;
    await this.ready();
    this.deps.onChanged?.();
  }

  private async load(resync: boolean): Promise<Loaded> {
    let text: string | null = null;
    let bundleProblem: string | null = null;
    try {
      text = await this.deps.readBundle();
    } catch (e) {
      bundleProblem = `the bundled claims could not be read (${errorText(e)})`;
    }
    let bundle: LibraryFile | null = null;
    const bundled = (): LibraryFile => {
      if (text === null) throw new BundleError(bundleProblem ?? 'no bundled claims');
      return (bundle ??= parseBundle(text));
    };

    try {
      const db = await this.connection();
      if (text !== null) {
        const hash = await hashText(text);
        const meta = await readBundleMeta(db);
        if (resync || meta?.hash !== hash) {
          await syncBundle(db, bundled(), hash, { force: resync });
          this.log(`loaded ${bundled().claims.length} bundled claims into IndexedDB`);
        }
      }
      const contents = await readCatalogue(db);
      return {
        index: indexClaims(contents.claims),
        claims: contents.claims,
        documents: contents.documents,
        storage: 'indexeddb',
        problem: bundleProblem,
        at: this.now(),
        fallback: null,
      };
    } catch (e) {
      if (e instanceof BundleError) throw e;
      const problem = `IndexedDB unavailable, using the bundled claims: ${describeDbError(e)}`;
      this.log(problem);
      this.closeConnection();
      const fallback = bundled();
      const { claims, documents } = asBundled(fallback);
      return {
        index: indexClaims(claims),
        claims,
        documents,
        storage: 'bundled-fallback',
        problem,
        at: this.now(),
        fallback,
      };
    }
  }

  private async connection(): Promise<ClaimDb> {
    if (this.db) return this.db;
    const db = await this.openDb((reason) => {
      this.log(`database closed: ${reason}`);
      if (this.db === db) this.db = null;
      this.stale = true;
    });
    this.db = db;
    return db;
  }

  private closeConnection(): void {
    this.db?.close();
    this.db = null;
  }
}

/** DOMException names say more than their messages do: QuotaExceededError, VersionError, InvalidStateError. */
function describeDbError(e: unknown): string {
  if (e instanceof DOMException || (e instanceof Error && e.name !== 'Error')) {
    const err = e as Error;
    if (err.name === 'QuotaExceededError') return 'storage is full (quota exceeded)';
    return `${err.name}: ${err.message}`;
  }
  return errorText(e);
}

/** Claims (with their documents' origins) and document metadata, for the index and the lists. */
async function readCatalogue(db: ClaimDb): Promise<{ claims: Claim[]; documents: DocumentMeta[] }> {
  const tx = db.transaction(['claims', 'documents'], 'readonly');
  const [claims, documents] = await Promise.all([
    tx.objectStore('claims').getAll(),
    tx.objectStore('documents').getAll(),
    tx.done,
  ]);
  // Texts are dropped here: the lists need metadata only; the document page reads a text when it is asked for.
  return {
    claims: claims.map(claimOf),
    documents: documents.map((d) => ({ ...metaOf(d), origin: d.origin })),
  };
}
