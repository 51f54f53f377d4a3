import { describe, expect, test } from 'vitest';
import { buildDatabase, extractClaims, type CorpusDocument } from '../../../lib/claims/index.ts';
import { loadCorpus } from '../../../scripts/corpus.ts';
import type { Claim } from '../../../lib/types.ts';
import { ATTRIBUTES, locate, locateNumber, seedGold, type GoldFigure } from '../support/gold.ts';

const corpus = await loadCorpus();
const db = buildDatabase(corpus);
const gold = seedGold();

function claimAt(docId: string, g: GoldFigure): Claim | undefined {
  const doc = gold.find((d) => d.name === docId)!;
  const at = locate(doc.text, g.text, g.nth);
  return db.claims.find((c) => c.document.id === docId && c.start < at.end && at.start < c.end);
}

describe('the seed documents', () => {
  test('are the five documents of the corpus, each with its metadata', () => {
    expect(db.documents.map((d) => d.id)).toEqual(gold.map((g) => g.name));
    for (const d of db.documents) expect(d.date).toBe(gold.find((g) => g.name === d.id)!.date);
  });

  const rows = gold.flatMap((doc) => doc.figures.map((g) => [doc.name, g.text, g] as const));
  test.each(rows)('%s: "%s" is a claim with every attribute right', (docId, _text, g) => {
    const claim = claimAt(docId, g);
    expect(claim, `no claim over "${g.text}"`).toBeDefined();
    const got = Object.fromEntries(
      ATTRIBUTES.map((a) => [a, (claim as unknown as Record<string, unknown>)[a] ?? null]),
    );
    const want = Object.fromEntries(ATTRIBUTES.map((a) => [a, g[a] ?? null]));
    expect({ text: claim!.text, ...got }).toEqual({ text: g.text, ...want });
  });

  test('every claim is a gold figure: nothing else in the seeds is a claim', () => {
    const extra = db.claims.filter(
      (c) =>
        !gold
          .find((d) => d.name === c.document.id)!
          .figures.some((g) => {
            const at = locate(gold.find((d) => d.name === c.document.id)!.text, g.text, g.nth);
            return c.start < at.end && at.start < c.end;
          }),
    );
    expect(extra.map((c) => `${c.document.id}: ${c.text}`)).toEqual([]);
  });

  const negatives = gold.flatMap((doc) => doc.notFigures.map((n) => [doc.name, n.text, n.why, n] as const));
  test.each(negatives)('%s: "%s" (%s) is not a claim', (docId, _text, _why, n) => {
    const doc = gold.find((d) => d.name === docId)!;
    const at = locateNumber(doc.text, n.text, n.nth);
    expect(db.claims.filter((c) => c.document.id === docId && c.start < at.end && at.start < c.end)).toEqual(
      [],
    );
  });

  test('no year, date, ordinal or population baseline anywhere in the seeds is a claim', () => {
    for (const c of db.claims) {
      expect(c.text, c.quote).not.toMatch(/^(?:19|20)\d{2}$/);
      expect(c.text).not.toMatch(/^\d{8}$/);
      expect(c.text).not.toMatch(/\d(?:st|nd|rd|th)$/);
    }
    const texts = db.claims.map((c) => c.text);
    expect(texts).not.toContain('44 million');
    expect(texts).not.toContain('2014');
    expect(texts).not.toContain('20220322');
  });

  test('every claim slices back to its document text and quotes its sentence', () => {
    for (const c of db.claims) {
      const doc = corpus.find((d) => d.meta.id === c.document.id)!;
      expect(doc.text.slice(c.start, c.end)).toBe(c.text);
      expect(doc.text).toContain(c.quote);
      expect(c.quote).toContain(c.text);
      expect(c.document).toEqual(doc.meta);
    }
  });
});

describe('claim ids', () => {
  test('are unique and the same on every rebuild', () => {
    const ids = db.claims.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(buildDatabase(corpus).claims.map((c) => c.id)).toEqual(ids);
    for (const c of db.claims) expect(c.id).toMatch(new RegExp(`^${c.document.id}#[0-9a-f]{14}$`));
  });

  test('survive edits elsewhere in the document; change when the sentence changes', () => {
    const doc = corpus.find((d) => d.meta.id.startsWith('004'))!;
    const before = extractClaims(doc);
    const edited: CorpusDocument = {
      meta: doc.meta,
      text: `Breaking: a new paragraph was added at the top.\n\n${doc.text.replace('Source link', 'Read more')}`,
    };
    const after = extractClaims(edited);
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
    expect(after[0]!.start).not.toBe(before[0]!.start);

    const changed = extractClaims({ meta: doc.meta, text: doc.text.replace('200 Stinger', '300 Stinger') });
    const stinger = (cs: Claim[]) => cs.find((c) => c.metric === 'weapons' && c.value !== null)!.id;
    expect(stinger(changed)).not.toBe(stinger(before));
  });

  test('the same figure twice in one sentence gets two ids', () => {
    const meta = { id: 'x', title: 't', publisher: 'p', date: '2022-03-03', url: null };
    const claims = extractClaims({
      meta,
      text: 'Officials said 12 people were killed in Kyiv and 12 people were killed in Kharkiv.',
    });
    expect(claims).toHaveLength(2);
    expect(claims[0]!.id).not.toBe(claims[1]!.id);
  });
});

describe('buildDatabase', () => {
  test('refuses two documents with the same id, naming it', () => {
    const doc = corpus[0]!;
    expect(() => buildDatabase([doc, doc])).toThrow(`duplicate document id "${doc.meta.id}"`);
  });

  test('an empty corpus is an empty database', () => {
    expect(buildDatabase([])).toEqual({ claims: [], documents: [] });
  });
});
