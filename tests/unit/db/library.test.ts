/**
 * The reader's library in the claim database (fake-indexeddb): adding, removing, exporting and importing
 * documents through ClaimService, as the background serves them, and what each does to comparisons.
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { ClaimService } from '../../../lib/db/claim-service.ts';
import { openClaimDb, readContents } from '../../../lib/db/store.ts';
import type { LibraryFile } from '../../../lib/library/library-file.ts';
import type { NewDocumentInput } from '../../../lib/library/new-document.ts';
import type { Claim, ClaimDatabase, DocumentMeta, Reading } from '../../../lib/types.ts';

const seed: DocumentMeta = {
  id: 'seed-voi',
  title: 'Mariupol under siege',
  publisher: 'VOI (Jakarta)',
  date: '2022-03-29',
  url: null,
};
const seedText = 'The mayor of Mariupol said nearly 5,000 people had been killed in the city.';

/** A bundle as the build writes it: claims extracted from a document, the document with its text. */
function bundle(extra: Partial<Claim> = {}): LibraryFile & ClaimDatabase {
  const start = seedText.indexOf('nearly 5,000');
  const claim: Claim = {
    id: 'seed-voi#1',
    text: 'nearly 5,000',
    start,
    end: start + 'nearly 5,000'.length,
    value: 5000,
    low: 4500,
    high: 5000,
    qualifier: 'nearly',
    metric: 'killed',
    subject: 'people',
    place: 'Mariupol',
    period: 'cumulative',
    asOf: '2022-03-29',
    source: 'Mariupol mayor',
    modality: 'reported',
    quote: seedText,
    document: seed,
    ...extra,
  };
  return { claims: [claim], documents: [{ ...seed, text: seedText }] };
}

const kharkivText =
  'Kharkiv Daily\n\nRegional officials said 1,200 residential buildings had been destroyed in Kharkiv.\n\n' +
  'About 2,000 people were evacuated from Sumy on Tuesday.';
const kharkiv: NewDocumentInput = {
  text: kharkivText,
  title: 'Kharkiv counts its ruins',
  publisher: 'Kharkiv Daily',
  date: '2022-03-30',
  url: 'https://kharkiv.example/ruins',
};

/** A page figure: 1,143 buildings destroyed in Kharkiv (nothing in the bundle counts that). */
const pageReading: Reading = {
  text: '1,143',
  start: 0,
  end: 5,
  value: 1143,
  low: 1143,
  high: 1143,
  qualifier: 'exact',
  metric: 'buildings_destroyed',
  subject: 'other',
  place: 'Kharkiv',
  period: 'cumulative',
  asOf: '2022-03-31',
  source: null,
  modality: 'reported',
  quote: 'In Kharkiv, 1,143 residential buildings have been destroyed.',
};

function service(
  extra: Partial<ConstructorParameters<typeof ClaimService>[0]> = {},
  text = JSON.stringify(bundle()),
) {
  return new ClaimService({
    readBundle: async () => text,
    log: () => undefined,
    today: () => '2024-05-01',
    ...extra,
  });
}

async function compareKharkiv(s: ClaimService) {
  const [comparison] = await s.compare({ readings: [pageReading], pageDate: '2022-03-31' });
  return comparison!;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('adding a document', () => {
  test('preview extracts claims without saving anything', async () => {
    const s = service();
    const preview = await s.preview(kharkiv);
    expect(preview.document).toMatchObject({
      title: 'Kharkiv counts its ruins',
      origin: 'reader',
      date: '2022-03-30',
    });
    expect(preview.document.id).toMatch(/^reader-2022-03-30-[0-9a-f]{12}$/);
    expect(preview.duplicate).toBeNull();
    const buildings = preview.claims.find((c) => c.metric === 'buildings_destroyed');
    expect(buildings).toMatchObject({
      text: '1,200',
      value: 1200,
      place: 'Kharkiv',
      document: { origin: 'reader' },
    });
    expect((await s.status()).claims).toBe(1);
  });

  test('saved claims take part in comparisons at once, marked as the reader’s, and the listeners hear of it', async () => {
    const onChanged = vi.fn();
    const s = service({ onChanged });
    expect((await compareKharkiv(s)).verdict).toBe('no-reports');

    const preview = await s.preview(kharkiv);
    const added = await s.addDocument({ ...kharkiv, exclude: [] });
    expect(added).toEqual({ document: preview.document, replaced: [], claims: preview.claims.length });
    expect(onChanged).toHaveBeenCalledTimes(1);

    const comparison = await compareKharkiv(s);
    expect(comparison.verdict).not.toBe('no-reports');
    expect(comparison.reports.map((r) => [r.text, r.document.publisher, r.document.origin])).toEqual([
      ['1,200', 'Kharkiv Daily', 'reader'],
    ]);
    expect(await s.status()).toMatchObject({ claims: 1 + preview.claims.length, documents: 2 });
  });

  test('claims the reader left out are not saved', async () => {
    const s = service();
    const preview = await s.preview(kharkiv);
    const buildings = preview.claims.find((c) => c.metric === 'buildings_destroyed')!;
    const added = await s.addDocument({ ...kharkiv, exclude: [buildings.id] });
    expect(added.claims).toBe(preview.claims.length - 1);
    expect((await compareKharkiv(s)).verdict).toBe('no-reports');
    expect((await s.listClaims()).some((c) => c.id === buildings.id)).toBe(false);
  });

  test('the same document twice is refused, and the preview says it is there already', async () => {
    const s = service();
    await s.addDocument({ ...kharkiv, exclude: [] });
    const preview = await s.preview(kharkiv);
    expect(preview.duplicate).toMatchObject({ title: 'Kharkiv counts its ruins', origin: 'reader' });
    await expect(s.addDocument({ ...kharkiv, exclude: [] })).rejects.toThrow(/already in your library/);
    expect((await s.listDocuments()).filter((d) => d.origin === 'reader')).toHaveLength(1);
  });

  test.each([
    ['without a date', { date: '' }, /date: The date is required/],
    ['with an impossible date', { date: '2022-02-30' }, /date: .*not a date/],
    ['without text', { text: ' ' }, /text: Paste the text/],
    ['with a script address', { url: 'javascript:alert(1)' }, /url:/],
  ])(
    'a document %s is refused by the background too, and nothing is saved',
    async (_name, fields, message) => {
      const s = service();
      await expect(s.preview({ ...kharkiv, ...fields })).rejects.toThrow(message);
      await expect(s.addDocument({ ...kharkiv, ...fields, exclude: [] })).rejects.toThrow(message);
      expect((await s.status()).documents).toBe(1);
    },
  );

  test('the document keeps its text, and the document page gets it with its claims in text order', async () => {
    const s = service();
    const { document } = await s.addDocument({
      ...kharkiv,
      text: kharkivText.replace(/\n/g, '\r\n'),
      exclude: [],
    });
    const detail = await s.getDocument(document.id);
    expect(detail.text).toBe(kharkivText);
    expect(detail.document).toEqual(document);
    for (const c of detail.claims) expect(kharkivText.slice(c.start, c.end)).toBe(c.text);
    expect(detail.claims.map((c) => c.start)).toEqual(
      [...detail.claims.map((c) => c.start)].sort((a, b) => a - b),
    );
    await expect(s.getDocument('nope')).rejects.toThrow(/no document with the id "nope"/);
  });

  test('bundled documents are shown with their texts too', async () => {
    const detail = await service().getDocument('seed-voi');
    expect(detail).toMatchObject({ text: seedText, document: { id: 'seed-voi', origin: 'bundled' } });
    expect(detail.claims.map((c) => c.text)).toEqual(['nearly 5,000']);
  });
});

describe('removing a document', () => {
  test('takes its claims out of comparisons, and tells the listeners', async () => {
    const onChanged = vi.fn();
    const s = service({ onChanged });
    const { document, claims } = await s.addDocument({ ...kharkiv, exclude: [] });
    const removed = await s.removeDocument(document.id);
    expect(removed).toEqual({ document, claims });
    expect(onChanged).toHaveBeenCalledTimes(2);
    expect((await compareKharkiv(s)).verdict).toBe('no-reports');
    const db = await openClaimDb();
    const contents = await readContents(db);
    expect(contents.claims.map((c) => c.id)).toEqual(['seed-voi#1']);
    expect(contents.documents).toBe(1);
    db.close();
  });

  test.each([
    [
      'a document that ships with the extension',
      'seed-voi',
      /ships with the extension and cannot be removed/,
    ],
    ['a document that is not there', 'reader-nope', /no document with the id "reader-nope"/],
  ])('refuses %s', async (_name, id, message) => {
    const s = service();
    await expect(s.removeDocument(id)).rejects.toThrow(message);
    expect((await s.status()).claims).toBe(1);
  });
});

describe('export and import', () => {
  test('the export holds everything, texts included; removing then importing it gives the same library', async () => {
    const s = service();
    await s.addDocument({ ...kharkiv, exclude: [] });
    const exported = await s.exportLibrary(new Date('2024-05-01T12:00:00Z'));
    expect(exported).toMatchObject({
      format: 'figure-check-library',
      version: 1,
      exportedAt: '2024-05-01T12:00:00.000Z',
    });
    expect(exported.documents.map((d) => [d.id.slice(0, 7), d.origin, d.text?.length])).toEqual(
      expect.arrayContaining([
        ['seed-vo', 'bundled', seedText.length],
        ['reader-', 'reader', kharkivText.length],
      ]),
    );
    const before = {
      claims: await s.listClaims(),
      documents: await s.listDocuments(),
      kharkiv: await compareKharkiv(s),
    };

    const own = exported.documents.find((d) => d.origin === 'reader')!;
    await s.removeDocument(own.id);
    const result = await s.importLibrary(JSON.stringify(exported));
    expect(result).toEqual({ added: 1, replaced: 0, claims: before.claims.length - 1, skippedBundled: 1 });

    const sortById = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(sortById(await s.listClaims())).toEqual(sortById(before.claims));
    expect(sortById(await s.listDocuments())).toEqual(sortById(before.documents));
    expect(await compareKharkiv(s)).toEqual(before.kharkiv);
    expect((await s.getDocument(own.id)).text).toBe(kharkivText);
    // Importing the same file again replaces the document with itself: the same library.
    expect(await s.importLibrary(JSON.stringify(exported))).toMatchObject({ added: 0, replaced: 1 });
    expect(sortById(await s.listClaims())).toEqual(sortById(before.claims));
  });

  test('a malformed file is refused whole with what and where; nothing is written', async () => {
    const s = service();
    await s.addDocument({ ...kharkiv, exclude: [] });
    const exported = await s.exportLibrary();
    await s.removeDocument(exported.documents.find((d) => d.origin === 'reader')!.id);
    const bad = structuredClone(exported);
    bad.claims[bad.claims.length - 1]!.metric = 'deaths' as Claim['metric'];
    await expect(s.importLibrary(JSON.stringify(bad))).rejects.toThrow(
      new RegExp(`^Nothing was imported: claims\\[${bad.claims.length - 1}\\]\\.metric: .*"deaths"`),
    );
    await expect(s.importLibrary('{"claims": [')).rejects.toThrow(
      /not valid JSON at line 1: it ends too early/,
    );
    expect(await s.status()).toMatchObject({ claims: 1, documents: 1 });
  });

  test('a file whose claim would overwrite a bundled claim aborts the whole import (one transaction)', async () => {
    const s = service();
    const mine = { ...seed, id: 'reader-mine', origin: 'reader' as const };
    const other = { ...seed, id: 'reader-other', origin: 'reader' as const };
    const claim = bundle().claims[0]!;
    const file: LibraryFile = {
      claims: [
        { ...claim, id: 'reader-mine#1', document: mine },
        // Valid on its own, but its id is the bundled claim's: writing it would replace the bundle's claim.
        { ...claim, id: 'seed-voi#1', document: other },
      ],
      documents: [
        { ...mine, text: seedText },
        { ...other, text: seedText },
      ],
    };
    await expect(s.importLibrary(JSON.stringify(file))).rejects.toThrow(
      /would replace a claim of another document/,
    );
    const db = await openClaimDb();
    expect((await readContents(db)).claims.map((c) => `${c.id}:${c.origin}`)).toEqual(['seed-voi#1:bundled']);
    expect(await db.count('documents')).toBe(1);
    db.close();
  });
});

describe('the reader’s documents over time', () => {
  test('survive a restart and an extension update that changes the bundled claims', async () => {
    const first = service();
    const { document } = await first.addDocument({ ...kharkiv, exclude: [] });

    // A new version ships another bundle: a revised figure for the seed.
    const updated = service(
      {},
      JSON.stringify(bundle({ text: 'nearly 5,000', value: 5000, source: 'Mariupol city council' })),
    );
    await updated.ready({ resync: true });
    const claims = await updated.listClaims();
    expect(claims.find((c) => c.id === 'seed-voi#1')?.source).toBe('Mariupol city council');
    expect(claims.filter((c) => c.document.id === document.id).length).toBeGreaterThan(0);
    expect((await updated.getDocument(document.id)).text).toBe(kharkivText);
    expect((await compareKharkiv(updated)).reports[0]?.document.origin).toBe('reader');
  });

  test('while IndexedDB is unavailable, the bundled claims answer and nothing can be written, saying why', async () => {
    const s = service({ openDb: () => Promise.reject(new DOMException('quota', 'QuotaExceededError')) });
    expect(await s.listClaims()).toHaveLength(1);
    expect((await s.getDocument('seed-voi')).text).toBe(seedText);
    expect((await s.exportLibrary()).documents[0]).toMatchObject({ origin: 'bundled', text: seedText });
    await expect(s.addDocument({ ...kharkiv, exclude: [] })).rejects.toThrow(
      /cannot be saved now: .*storage is full/,
    );
    await expect(s.importLibrary(JSON.stringify(bundle()))).rejects.toThrow(/cannot be saved now/);
  });
});
