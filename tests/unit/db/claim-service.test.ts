import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { ClaimService, parseBundle } from '../../../lib/db/claim-service.ts';
import { DB_NAME, DB_VERSION, type FigureCheckDB, type StoredClaim } from '../../../lib/db/schema.ts';
import { openClaimDb, readContents } from '../../../lib/db/store.ts';
import type { Claim, ClaimDatabase, DocumentMeta, Reading } from '../../../lib/types.ts';

const ohchr: DocumentMeta = {
  id: 'un-2022-03-08',
  title: 'Civilian casualties',
  publisher: 'OHCHR',
  date: '2022-03-08',
  url: 'https://example.org/ohchr',
};
const reuters: DocumentMeta = {
  id: 'reuters-2022-03-25',
  title: 'Refugees',
  publisher: 'Reuters',
  date: '2022-03-25',
  url: null,
};

function claim(id: string, doc: DocumentMeta, fields: Partial<Claim>): Claim {
  return {
    id,
    text: String(fields.value ?? 0),
    start: 0,
    end: 3,
    value: 0,
    low: fields.value ?? 0,
    high: fields.value ?? 0,
    qualifier: 'exact',
    metric: 'killed',
    subject: 'civilians',
    place: 'Ukraine',
    period: 'cumulative',
    asOf: doc.date,
    source: null,
    modality: 'reported',
    quote: 'A sentence.',
    document: doc,
    ...fields,
  };
}

const v1: ClaimDatabase = {
  claims: [
    claim('c1', ohchr, { value: 516, low: 516, high: 516, source: 'UN human rights office' }),
    claim('c2', ohchr, { value: 908, low: 908, high: 908, metric: 'injured' }),
    claim('c3', reuters, {
      value: 3_800_000,
      low: 3_800_000,
      high: null,
      metric: 'fled_abroad',
      subject: 'people',
    }),
  ],
  documents: [ohchr, reuters],
};
const v2: ClaimDatabase = {
  claims: [claim('c1', ohchr, { value: 516 }), claim('c4', ohchr, { value: 1035, low: 1035, high: 1035 })],
  documents: [ohchr],
};

const reading = (fields: Partial<Reading>): Reading => {
  // Another sentence than the claims': a claim in the very sentence the figure stands in is the same report.
  const { id: _id, document: _doc, ...rest } = claim('x', ohchr, { quote: 'A page sentence.', ...fields });
  return rest;
};

function service(
  bundle: string | (() => Promise<string>),
  extra: Partial<ConstructorParameters<typeof ClaimService>[0]> = {},
) {
  return new ClaimService({
    readBundle: typeof bundle === 'string' ? async () => bundle : bundle,
    log: () => undefined,
    ...extra,
  });
}

beforeEach(() => {
  // A fresh, empty IndexedDB per test: idb opens whatever `indexedDB` is global at call time.
  globalThis.indexedDB = new IDBFactory();
});

describe('ClaimService with IndexedDB', () => {
  test('first start loads the bundled claims into IndexedDB and answers from them', async () => {
    const s = service(JSON.stringify(v1));
    expect(await s.status()).toEqual({ claims: 3, documents: 2, storage: 'indexeddb', problem: null });
    const db = await openClaimDb();
    const stored = await db.getAll('claims');
    expect(stored.map((c) => c.id).sort()).toEqual(['c1', 'c2', 'c3']);
    expect(stored.every((c) => c.origin === 'bundled')).toBe(true);
    expect(
      await db.getAllFromIndex('claims', 'by-measure', ['fled_abroad', 'people', 'Ukraine']),
    ).toHaveLength(1);
    expect((await db.get('meta', 'bundle'))?.claims).toBe(3);
    db.close();
  });

  test('compare answers one comparison per reading, in order, against the right measure', async () => {
    const s = service(JSON.stringify(v1));
    const [same, unrelated] = await s.compare({
      readings: [reading({ value: 516, low: 516, high: 516 }), reading({ metric: 'detained', value: 40 })],
      pageDate: '2022-03-08',
    });
    expect(same?.verdict).toBe('agrees');
    expect(same?.reports.map((r) => r.id)).toEqual(['c1']);
    expect(unrelated?.verdict).toBe('no-reports');
  });

  test('read finds the figures of each piece of page text, not those of its context, and compares them', async () => {
    const s = service(JSON.stringify(v1));
    const context = 'At least 516 civilians have been killed in Ukraine, the UN said.\n\n';
    const [first, second] = await s.read({
      lead: '',
      pieces: [
        { text: context, from: 0 },
        { text: `${context}More than 3.8 million people have fled Ukraine.`, from: context.length },
      ],
      pageDate: '2022-03-25',
    });
    // The UN's 516 of March 8 is another date's count: context, not agreement.
    expect(first!.map((f) => [f.text, f.start, f.metric, f.subject, f.verdict])).toEqual([
      ['At least 516', 0, 'killed', 'civilians', 'other-dates'],
    ]);
    expect(first![0]!.reports.map((r) => r.id)).toEqual(['c1']);
    // Offsets into the piece; the 516 of the context is the first piece's, not read twice.
    expect(second!.map((f) => [f.text, f.start, f.metric, f.verdict])).toEqual([
      ['More than 3.8 million', context.length, 'fled_abroad', 'agrees'],
    ]);
  });

  test('a restart with the same bundle does not rewrite the database', async () => {
    await service(JSON.stringify(v1)).ready();
    const log = vi.fn();
    const restarted = service(JSON.stringify(v1), { log });
    expect((await restarted.ready()).claims).toHaveLength(3);
    expect(log).not.toHaveBeenCalled();
  });

  test('a new bundle replaces the bundled claims and keeps the reader’s own', async () => {
    await service(JSON.stringify(v1)).ready();
    const db = await openClaimDb();
    const own: StoredClaim = { ...claim('mine', reuters, { value: 7 }), origin: 'reader' };
    await db.put('claims', own);
    await db.put('documents', { ...reuters, id: 'my-doc', origin: 'reader' });
    db.close();

    const updated = service(JSON.stringify(v2));
    expect(await updated.status()).toMatchObject({ claims: 3, documents: 2, storage: 'indexeddb' });
    const check = await openClaimDb();
    const { claims } = await readContents(check);
    expect(claims.map((c) => `${c.id}:${c.origin}`).sort()).toEqual([
      'c1:bundled',
      'c4:bundled',
      'mine:reader',
    ]);
    check.close();
  });

  test('concurrent first messages share one load', async () => {
    const open = vi.fn((onClose: (r: string) => void) => openClaimDb({ onClose }));
    const s = service(JSON.stringify(v1), { openDb: open });
    const results = await Promise.all([s.status(), s.status(), s.compare({ readings: [], pageDate: null })]);
    expect(results[0]).toEqual(results[1]);
    expect(open).toHaveBeenCalledTimes(1);
  });

  test('a resync asked for during the first load still rewrites the bundled claims', async () => {
    const log = vi.fn();
    await service(JSON.stringify(v1)).ready();
    const s = service(JSON.stringify(v1), { log });
    const first = s.ready();
    const resync = s.ready({ resync: true });
    await Promise.all([first, resync]);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith('loaded 3 bundled claims into IndexedDB');
  });

  test('a database deleted while running is rebuilt on the next request', async () => {
    const s = service(JSON.stringify(v1));
    await s.ready();
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(DB_NAME);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    });
    expect(await s.status()).toEqual({ claims: 3, documents: 2, storage: 'indexeddb', problem: null });
    const db = await openClaimDb();
    expect(await db.count('claims')).toBe(3);
    db.close();
  });

  test('upgrade creates every store and index of the current version', async () => {
    const db = await openClaimDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['claims', 'documents', 'meta']);
    const tx = db.transaction('claims');
    expect([...tx.store.indexNames].sort()).toEqual(['by-document', 'by-measure', 'by-origin']);
    db.close();
  });
});

describe('ClaimService when IndexedDB fails', () => {
  test.each([
    ['over quota', new DOMException('quota', 'QuotaExceededError'), /storage is full/],
    ['unavailable', new DOMException('The operation failed', 'UnknownError'), /UnknownError/],
  ])('falls back to the bundled claims when IndexedDB is %s, and says why', async (_name, error, why) => {
    const s = service(JSON.stringify(v1), { openDb: () => Promise.reject(error) });
    const status = await s.status();
    expect(status).toMatchObject({ claims: 3, documents: 2, storage: 'bundled-fallback' });
    expect(status.problem).toMatch(why);
    const [comparison] = await s.compare({
      readings: [reading({ value: 516, low: 516, high: 516 })],
      pageDate: null,
    });
    expect(comparison?.verdict).toBe('agrees');
  });

  test('falls back when the open is blocked by another connection', async () => {
    // Another tab holds the database open and ignores versionchange, so a delete waits — and our open queues behind it.
    const holder = await openDB<FigureCheckDB>(DB_NAME, DB_VERSION, { upgrade: () => undefined });
    indexedDB.deleteDatabase(DB_NAME);
    const s = service(JSON.stringify(v1), { openDb: (onClose) => openClaimDb({ onClose, timeoutMs: 50 }) });
    const status = await s.status();
    expect(status.storage).toBe('bundled-fallback');
    expect(status.problem).toMatch(/did not open within 50 ms/);
    holder.close();
  });

  test('falls back when the stored database is missing its stores', async () => {
    const broken = await openDB(DB_NAME, DB_VERSION, { upgrade: () => undefined });
    broken.close();
    const status = await service(JSON.stringify(v1)).status();
    expect(status).toMatchObject({ storage: 'bundled-fallback', claims: 3 });
    expect(status.problem).toMatch(/NotFoundError/);
  });

  test('tries IndexedDB again after a while', async () => {
    let now = 0;
    const open = vi
      .fn<(onClose: (r: string) => void) => ReturnType<typeof openClaimDb>>()
      .mockRejectedValueOnce(new DOMException('busy', 'UnknownError'))
      .mockImplementation((onClose) => openClaimDb({ onClose }));
    const s = service(JSON.stringify(v1), { openDb: open, retryAfterMs: 1000, now: () => now });
    expect((await s.status()).storage).toBe('bundled-fallback');
    now = 500;
    expect((await s.status()).storage).toBe('bundled-fallback');
    now = 1500;
    expect((await s.status()).storage).toBe('indexeddb');
    expect(open).toHaveBeenCalledTimes(2);
  });

  test('a malformed bundle is reported with where it is wrong, and compare fails loudly', async () => {
    const bad = JSON.stringify({ ...v1, claims: [{ ...v1.claims[0], metric: 'deaths' }] });
    const s = service(bad, { openDb: () => Promise.reject(new DOMException('x', 'UnknownError')) });
    const status = await s.status();
    expect(status).toMatchObject({ claims: 0, storage: 'bundled-fallback' });
    expect(status.problem).toMatch(/claims\[0\]\.metric/);
    await expect(s.compare({ readings: [], pageDate: null })).rejects.toThrow(/claims\.json is malformed/);
  });

  test('an unreadable bundle still answers from IndexedDB and says so', async () => {
    await service(JSON.stringify(v1)).ready();
    const s = service(() => Promise.reject(new Error('404')));
    const status = await s.status();
    expect(status).toMatchObject({ claims: 3, storage: 'indexeddb' });
    expect(status.problem).toMatch(/bundled claims could not be read \(404\)/);
  });
});

describe('parseBundle', () => {
  test.each([
    ['not JSON', '{', /not valid JSON/],
    ['no claims list', '{"documents": []}', /claims/],
    [
      'a claim without document',
      JSON.stringify({ claims: [{ ...v1.claims[0], document: undefined }], documents: [] }),
      /claims\[0\]\.document/,
    ],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseBundle(text)).toThrow(message);
  });
});
