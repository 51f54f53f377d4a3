/**
 * The background's claim service: loads the claim database (IndexedDB, refreshed from the bundled
 * claims.json when it changes), keeps an in-memory index for fast answers, and falls back to the bundled
 * claims when IndexedDB fails — saying so in `status`. No extension API: the background injects how to
 * read the bundle and open the database, and tests inject fakes.
 */
import * as v from 'valibot';
import { compareReading, indexClaims, type ClaimIndex } from '../compare/index.ts';
import { errorText, type CompareRequest, type Status, type StorageState } from '../protocol.ts';
import { ClaimDatabaseSchema, describeIssues } from '../schemas.ts';
import type { ClaimDatabase, Comparison } from '../types.ts';
import type { ClaimDb } from './schema.ts';
import {
  hashText,
  openClaimDb,
  readBundleMeta,
  readContents,
  syncBundle,
  type OpenOptions,
} from './store.ts';

export interface ClaimServiceDeps {
  /** The text of the claims.json shipped with the extension. */
  readBundle: () => Promise<string>;
  /** Opens the IndexedDB database; `onClose` fires if the browser closes it later. */
  openDb?: (onClose: (reason: string) => void) => Promise<ClaimDb>;
  /** How long to answer from the bundled fallback before trying IndexedDB again. */
  retryAfterMs?: number;
  now?: () => number;
  log?: (message: string) => void;
}

interface Loaded {
  index: ClaimIndex;
  claims: number;
  documents: number;
  storage: StorageState;
  problem: string | null;
  at: number;
}

export class BundleError extends Error {
  override name = 'BundleError';
}

/** Parse and validate claims.json; the message says what is wrong and where. */
export function parseBundle(text: string): ClaimDatabase {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new BundleError(`claims.json is not valid JSON (${errorText(e)})`);
  }
  const parsed = v.safeParse(ClaimDatabaseSchema, raw);
  if (!parsed.success) throw new BundleError(`claims.json is malformed: ${describeIssues(parsed.issues)}`);
  return parsed.output;
}

export class ClaimService {
  private loaded: Loaded | null = null;
  private loading: Promise<Loaded> | null = null;
  private db: ClaimDb | null = null;
  /** Set when the database connection closed under us: the next request reloads. */
  private stale = false;
  private readonly openDb: (onClose: (reason: string) => void) => Promise<ClaimDb>;
  private readonly retryAfterMs: number;
  private readonly now: () => number;
  private readonly log: (message: string) => void;

  constructor(private readonly deps: ClaimServiceDeps) {
    this.openDb = deps.openDb ?? ((onClose: OpenOptions['onClose']) => openClaimDb({ onClose }));
    this.retryAfterMs = deps.retryAfterMs ?? 60_000;
    this.now = deps.now ?? Date.now;
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

  async compare(request: CompareRequest): Promise<Comparison[]> {
    const { index } = await this.ready();
    return request.readings.map((reading) => compareReading(reading, index, { pageDate: request.pageDate }));
  }

  async status(): Promise<Status> {
    try {
      const { claims, documents, storage, problem } = await this.ready();
      return { claims, documents, storage, problem };
    } catch (e) {
      return { claims: 0, documents: 0, storage: 'bundled-fallback', problem: errorText(e) };
    }
  }

  private async load(resync: boolean): Promise<Loaded> {
    let text: string | null = null;
    let bundleProblem: string | null = null;
    try {
      text = await this.deps.readBundle();
    } catch (e) {
      bundleProblem = `the bundled claims could not be read (${errorText(e)})`;
    }
    let bundle: ClaimDatabase | null = null;
    const bundled = (): ClaimDatabase => {
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
      const contents = await readContents(db);
      return {
        index: indexClaims(contents.claims),
        claims: contents.claims.length,
        documents: contents.documents,
        storage: 'indexeddb',
        problem: bundleProblem,
        at: this.now(),
      };
    } catch (e) {
      if (e instanceof BundleError) throw e;
      const problem = `IndexedDB unavailable, using the bundled claims: ${describeDbError(e)}`;
      this.log(problem);
      this.closeConnection();
      const fallback = bundled();
      return {
        index: indexClaims(fallback.claims),
        claims: fallback.claims.length,
        documents: fallback.documents.length,
        storage: 'bundled-fallback',
        problem,
        at: this.now(),
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
