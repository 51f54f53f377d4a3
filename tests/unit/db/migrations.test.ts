/**
 * IndexedDB schema upgrades keep what the reader added (an update must never lose the reader's
 * documents), one test per migration.
 *
 * How to extend when lib/db/schema.ts gains version N (MIGRATIONS[N - 1]):
 *   1. add SHIPPED_SCHEMAS[N]: the stores and indexes a version-N database has (the test below checks it);
 *   2. add READER_DATA[N - 1] if version N - 1 has no entry yet: how a reader's documents and claims were
 *      stored at that version, written with that version's record shapes (not today's types);
 *   3. if records change shape, say in EXPECTED how the upgraded ones must read.
 * The tests then open a database left at every earlier version with today's code and check that every
 * reader document, its text and its claims come through, and that they take part in comparisons.
 * SHIPPED_SCHEMAS also makes the migrations append-only: editing a shipped one changes its schema and fails.
 */
import { IDBFactory } from 'fake-indexeddb';
import { openDB, type IDBPDatabase } from 'idb';
import { beforeEach, describe, expect, test } from 'vitest';
import { ClaimService } from '../../../lib/db/claim-service.ts';
import { DB_NAME, DB_VERSION, MIGRATIONS, type ClaimDb } from '../../../lib/db/schema.ts';
import type { Claim, DocumentMeta, Reading } from '../../../lib/types.ts';

interface SchemaShape {
  [store: string]: { keyPath: string | string[] | null; indexes: Record<string, string | string[]> };
}

/** The schema of a database at each version, as shipped. Append one per new version; never edit. */
const SHIPPED_SCHEMAS: Record<number, SchemaShape> = {
  1: {
    claims: {
      keyPath: 'id',
      indexes: {
        'by-measure': ['metric', 'subject', 'place'],
        'by-document': 'document.id',
        'by-origin': 'origin',
      },
    },
    documents: { keyPath: 'id', indexes: { 'by-origin': 'origin' } },
    meta: { keyPath: 'key', indexes: {} },
  },
};

async function schemaOf(db: IDBPDatabase<unknown>): Promise<SchemaShape> {
  const shape: SchemaShape = {};
  const names = [...db.objectStoreNames];
  if (names.length === 0) return shape;
  const tx = db.transaction(names, 'readonly');
  for (const name of names) {
    const store = tx.objectStore(name);
    const indexes: Record<string, string | string[]> = {};
    for (const i of [...store.indexNames]) {
      const keyPath = store.index(i).keyPath;
      indexes[i] = Array.isArray(keyPath) ? [...keyPath] : keyPath;
    }
    shape[name] = {
      keyPath: Array.isArray(store.keyPath) ? [...store.keyPath] : store.keyPath,
      indexes,
    };
  }
  await tx.done;
  return shape;
}

/** A database left at `version` by an older extension: only the migrations up to it ran. */
async function openAt(version: number): Promise<ClaimDb> {
  return (await openDB(DB_NAME, version, {
    upgrade: (db, oldVersion, _newVersion, tx) => {
      for (let v = oldVersion + 1; v <= version; v++)
        MIGRATIONS[v - 1]!(db as unknown as ClaimDb, tx as never);
    },
  })) as unknown as ClaimDb;
}

// ---- what a reader had added, per version ----------------------------------------------------------------

const readerDoc: DocumentMeta = {
  id: 'reader-0f3a9c1d2e4b5a6c',
  title: 'Kharkiv counts its ruins',
  publisher: 'Kharkiv Daily',
  date: '2022-03-30',
  url: 'https://kharkiv.example/ruins',
};
const READER_TEXT =
  'Regional officials said 1,200 residential buildings had been destroyed in Kharkiv.\n\nAt least 40 people were detained.';

function claimIn(doc: DocumentMeta, id: string, fields: Partial<Claim>): Claim {
  return {
    id: `${doc.id}#${id}`,
    text: '1,200',
    start: 24,
    end: 29,
    value: 1200,
    low: 1200,
    high: 1200,
    qualifier: 'exact',
    metric: 'buildings_destroyed',
    subject: 'other',
    place: 'Kharkiv',
    period: 'cumulative',
    asOf: doc.date,
    source: 'Regional officials',
    modality: 'reported',
    quote: 'Regional officials said 1,200 residential buildings had been destroyed in Kharkiv.',
    document: doc,
    ...fields,
  };
}

const readerClaims: Claim[] = [
  claimIn(readerDoc, 'a', {}),
  claimIn(readerDoc, 'b', {
    text: 'At least 40',
    start: 86,
    end: 97,
    value: 40,
    low: 40,
    high: null,
    qualifier: 'at_least',
    metric: 'detained',
    subject: 'people',
    source: null,
    quote: 'At least 40 people were detained.',
  }),
];

const bundledDoc: DocumentMeta = {
  id: '000_old-bundle',
  title: 'An older bundled report',
  publisher: 'Wire',
  date: '2022-03-08',
  url: null,
};

/**
 * READER_DATA[v]: writes, into a database at version v, a reader's document with its text and claims and an
 * older bundle, in the record shapes of version v. Version 0 is "no database yet": a first install.
 */
const READER_DATA: Record<number, ((db: ClaimDb) => Promise<void>) | null> = {
  0: null,
  1: async (db) => {
    const tx = db.transaction(['claims', 'documents', 'meta'], 'readwrite');
    await Promise.all([
      tx.objectStore('documents').put({ ...readerDoc, origin: 'reader', text: READER_TEXT }),
      ...readerClaims.map((c) =>
        tx
          .objectStore('claims')
          .put({ ...c, document: { ...c.document, origin: 'reader' }, origin: 'reader' }),
      ),
      tx.objectStore('documents').put({ ...bundledDoc, origin: 'bundled', text: 'Old text.' }),
      tx.objectStore('claims').put({
        ...claimIn(bundledDoc, 'old', { metric: 'killed', subject: 'civilians', place: 'Ukraine' }),
        origin: 'bundled',
      }),
      tx.objectStore('meta').put({
        key: 'bundle',
        hash: 'an-older-bundle',
        claims: 1,
        documents: 1,
        loadedAt: '2022-04-01T00:00:00.000Z',
      }),
      tx.done,
    ]);
  },
};

const NEW_BUNDLE_TEXT = 'The UN monitors said 1,179 civilians had been killed in Ukraine.';
/** The bundle the new version of the extension ships (replaces the older bundled records). */
const NEW_BUNDLE = JSON.stringify({
  claims: [
    claimIn({ ...bundledDoc, id: '001_new-bundle', title: 'A newer bundled report' }, 'n', {
      metric: 'killed',
      subject: 'civilians',
      place: 'Ukraine',
      value: 1179,
      low: 1179,
      high: 1179,
      text: '1,179',
      start: 21,
      end: 26,
      quote: NEW_BUNDLE_TEXT,
    }),
  ],
  documents: [
    { ...bundledDoc, id: '001_new-bundle', title: 'A newer bundled report', text: NEW_BUNDLE_TEXT },
  ],
});

function service() {
  return new ClaimService({
    readBundle: async () => NEW_BUNDLE,
    log: () => undefined,
    today: () => '2024-01-01',
  });
}

const pageReading = (fields: Partial<Reading>): Reading => {
  const {
    id: _id,
    document: _doc,
    ...rest
  } = claimIn(readerDoc, 'x', { quote: 'A page sentence.', ...fields });
  return rest;
};

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('the shipped schemas', () => {
  test('every version has its shipped schema written down (add SHIPPED_SCHEMAS[N] with a new migration)', () => {
    expect(MIGRATIONS).toHaveLength(DB_VERSION);
    expect(Object.keys(SHIPPED_SCHEMAS).map(Number)).toEqual(
      Array.from({ length: DB_VERSION }, (_, i) => i + 1),
    );
    expect(Object.keys(READER_DATA).map(Number)).toEqual(Array.from({ length: DB_VERSION + 1 }, (_, i) => i));
  });

  test.each(Array.from({ length: DB_VERSION }, (_, i) => i + 1))(
    'migrations up to version %i build exactly the schema that version shipped with',
    async (version) => {
      const db = await openAt(version);
      expect(await schemaOf(db as unknown as IDBPDatabase<unknown>)).toEqual(SHIPPED_SCHEMAS[version]);
      db.close();
    },
  );
});

describe.each(Array.from({ length: DB_VERSION + 1 }, (_, from) => from))(
  'upgrading a database at version %i to the current one',
  (from) => {
    test('keeps every document and claim the reader added, texts included, and they are compared', async () => {
      const seed = READER_DATA[from];
      if (from > 0) {
        const old = await openAt(from);
        await seed!(old);
        old.close();
      }
      const s = service();
      const status = await s.status();
      expect(status).toMatchObject({ storage: 'indexeddb', problem: null });

      const documents = await s.listDocuments();
      const claims = await s.listClaims();
      if (seed) {
        const mine = documents.filter((d) => d.origin === 'reader');
        expect(mine).toEqual([{ ...readerDoc, origin: 'reader', claims: readerClaims.length }]);
        expect(
          claims
            .filter((c) => c.document.origin === 'reader')
            .map((c) => c.id)
            .sort(),
        ).toEqual(readerClaims.map((c) => c.id).sort());
        const detail = await s.getDocument(readerDoc.id);
        expect(detail.text).toBe(READER_TEXT);
        expect(detail.claims.map((c) => c.text)).toEqual(['1,200', 'At least 40']);
        // The reader's claims answer page figures: 1,200 buildings destroyed in Kharkiv agrees.
        const [c] = await s.compare({ readings: [pageReading({})], pageDate: '2022-04-02' });
        expect(c?.verdict).toBe('agrees');
        expect(c?.reports.map((r) => r.id)).toEqual([readerClaims[0]!.id]);
      } else {
        expect(documents.filter((d) => d.origin === 'reader')).toEqual([]);
      }
      // The bundled part is the new version's, whatever was there before.
      expect(documents.filter((d) => d.origin !== 'reader').map((d) => d.id)).toEqual(['001_new-bundle']);

      // And the database on disk is at the current version with the current schema.
      const db = await openDB(DB_NAME);
      expect(db.version).toBe(DB_VERSION);
      expect(await schemaOf(db)).toEqual(SHIPPED_SCHEMAS[DB_VERSION]);
      db.close();
    });
  },
);
