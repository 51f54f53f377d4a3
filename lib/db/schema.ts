/**
 * The claim database's IndexedDB schema and its migrations. Each version's migration only adds to what the
 * previous versions built, so a reader's own documents survive every upgrade (docs/architecture.md, "The
 * claim database").
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Claim, DocumentMeta, DocumentOrigin, IsoDate, Metric, Subject } from '../types.ts';

export const DB_NAME = 'figure-check';
export const DB_VERSION = 1;

/** Bundled claims ship with the extension and are replaced on update; the reader's own are never touched. */
export type Origin = DocumentOrigin;

export type StoredClaim = Claim & { origin: Origin };
/**
 * `text`: the document's full text, for the document page and exports (no index needs it, so it lives in the
 * record: version 1 already stores it, no migration). Absent in records written before it was kept.
 * `savedAt`: the day a page saved from the browser was saved (a plain field too, no index, no migration).
 */
export type StoredDocument = DocumentMeta & {
  origin: Origin;
  text?: string | null;
  savedAt?: IsoDate | null;
};

/** What was loaded from the extension's claims.json, to notice when a new version ships another. */
export interface BundleMeta {
  key: 'bundle';
  /** SHA-256 of claims.json as shipped. */
  hash: string;
  claims: number;
  documents: number;
  /** When it was written into IndexedDB (ISO timestamp). */
  loadedAt: string;
}

export type MetaRecord = BundleMeta;

export interface FigureCheckDB extends DBSchema {
  claims: {
    key: string;
    value: StoredClaim;
    indexes: {
      /** The comparison key: claims are only ever compared within one measure and place. */
      'by-measure': [Metric, Subject, string];
      'by-document': string;
      'by-origin': Origin;
    };
  };
  documents: {
    key: string;
    value: StoredDocument;
    indexes: { 'by-origin': Origin };
  };
  meta: { key: MetaRecord['key']; value: MetaRecord };
}

export type ClaimDb = IDBPDatabase<FigureCheckDB>;
type UpgradeTx = IDBPTransaction<FigureCheckDB, StoreNames<FigureCheckDB>[], 'versionchange'>;

/** MIGRATIONS[n - 1] turns version n - 1 into version n. Append; never edit a shipped one. */
export const MIGRATIONS: ReadonlyArray<(db: ClaimDb, tx: UpgradeTx) => void> = [
  // v1: claims with their lookup indexes, documents, and metadata about the loaded bundle.
  (db) => {
    const claims = db.createObjectStore('claims', { keyPath: 'id' });
    claims.createIndex('by-measure', ['metric', 'subject', 'place']);
    claims.createIndex('by-document', 'document.id');
    claims.createIndex('by-origin', 'origin');
    const documents = db.createObjectStore('documents', { keyPath: 'id' });
    documents.createIndex('by-origin', 'origin');
    db.createObjectStore('meta', { keyPath: 'key' });
  },
];

/** Runs every migration after `oldVersion` up to `newVersion`, inside the upgrade transaction. */
export function upgradeDb(db: ClaimDb, oldVersion: number, newVersion: number, tx: UpgradeTx): void {
  for (let version = oldVersion + 1; version <= newVersion; version++) {
    const migrate = MIGRATIONS[version - 1];
    if (!migrate) throw new Error(`no migration to claim database version ${version}`);
    migrate(db, tx);
  }
}
