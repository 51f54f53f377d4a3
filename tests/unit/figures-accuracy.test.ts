/**
 * How well the figure layer reads news it was not tuned on: precision and recall of figures and of each
 * attribute over the five seeds and the fixture articles (tests/fixtures/articles: wire copy, a live blog,
 * captions, a page with its chrome, an explainer, a regional report, a factbox, a column of headlines),
 * against gold written by reading the texts. The tables are printed; the floors asserted are ones the
 * current code reaches, so a change that makes reading worse fails here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readFigures } from '../../lib/figures/index.ts';
import {
  articleGold,
  evaluate,
  FIXTURES,
  formatEvaluation,
  locateNumber,
  seedGold,
  type Attribute,
  type Evaluation,
  type GoldText,
} from './support/gold.ts';

const seeds = seedGold();
const articles = articleGold();
const read = (doc: GoldText) => readFigures(doc.text, { date: doc.date });

function report(title: string, docs: GoldText[]): Evaluation {
  const e = evaluate(docs, read);
  console.log(
    `${formatEvaluation(title, e)}\n${e.errors.length ? `  ${e.errors.join('\n  ')}` : '  no errors'}\n`,
  );
  return e;
}

const seedScore = report('Seeds (5 documents)', seeds);
const articleScore = report(
  `Fixture articles (${articles.length}, not seen while tuning the seeds)`,
  articles,
);
const allScore = report('All', [...seeds, ...articles]);

/**
 * Held-out articles (tests/fixtures/articles/held-out, see HELD-OUT.md): written and labelled before the
 * figure reader was ever run on them, in styles the other fixtures lack (a disaster report outside Ukraine,
 * a war update where sources contradict each other, an NGO press release). They measure how the reader does
 * on text nobody tuned it on; kept out of the groups above so those numbers stay comparable.
 */
function heldOutGold(): GoldText[] {
  const dir = path.join(FIXTURES, 'articles', 'held-out');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => {
      const name = n.slice(0, -4);
      const g = JSON.parse(readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')) as {
        date: string;
        figures: GoldText['figures'];
        notFigures?: GoldText['notFigures'];
      };
      return {
        name,
        text: readFileSync(path.join(dir, n), 'utf8').replace(/\r\n?/g, '\n'),
        date: g.date,
        figures: g.figures,
        notFigures: g.notFigures ?? [],
      };
    });
}
const heldOut = heldOutGold();
const heldOutScore = report(`Held-out articles (${heldOut.length}, never used for tuning)`, heldOut);

describe('fixture articles', () => {
  test('there are at least six, each with gold figures and non-figures', () => {
    expect(articles.length).toBeGreaterThanOrEqual(6);
    for (const a of articles) expect(a.figures.length + a.notFigures.length, a.name).toBeGreaterThan(2);
  });
});

describe('non-figures are never found', () => {
  const rows = [...seeds, ...articles].flatMap((doc) =>
    doc.notFigures.map((n) => [doc.name, n.text, n.why, doc, n] as const),
  );
  test.each(rows)('%s: "%s" (%s)', (_name, _text, _why, doc, n) => {
    const at = locateNumber(doc.text, n.text, n.nth);
    expect(
      read(doc)
        .filter((r) => r.start < at.end && at.start < r.end)
        .map((r) => r.text),
    ).toEqual([]);
  });
});

describe('precision and recall', () => {
  test('seeds: every figure found, nothing else, every attribute right', () => {
    expect(seedScore.figures.precision).toBe(1);
    expect(seedScore.figures.recall).toBe(1);
    for (const [attribute, s] of Object.entries(seedScore.attributes)) expect(s.f1, attribute).toBe(1);
  });

  test('fixture articles: figure F1 and attribute floors', () => {
    expect(articleScore.figures.f1).toBeGreaterThanOrEqual(FLOORS.figures);
    for (const [attribute, floor] of Object.entries(FLOORS.attributes) as [Attribute, number][]) {
      expect(articleScore.attributes[attribute].f1, attribute).toBeGreaterThanOrEqual(floor);
    }
  });

  test('held-out articles: figure precision/recall and attribute F1 stay at what the fixes reached', () => {
    expect(heldOutScore.figures.precision).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.precision);
    expect(heldOutScore.figures.recall).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.recall);
    for (const [attribute, floor] of Object.entries(HELD_OUT_FLOORS.attributes) as [Attribute, number][]) {
      expect(heldOutScore.attributes[attribute].f1, attribute).toBeGreaterThanOrEqual(floor);
    }
  });

  test('all texts together: figure F1 at least 0.9', () => {
    expect(allScore.figures.f1).toBeGreaterThanOrEqual(0.9);
  });
});

/** Reached by the current code on the fixture articles (see the printed tables), rounded down. */
/** Fixture-article floors: just below today's scores (2026-11-23), so a regression fails. */
const FLOORS: { figures: number; attributes: Record<Attribute, number> } = {
  figures: 0.99,
  attributes: {
    value: 0.99,
    low: 0.99,
    high: 0.99,
    qualifier: 0.99,
    metric: 0.99,
    subject: 0.97,
    // 0.92 with the Ukraine default; a text that does not say where now gives null (today 0.906).
    place: 0.9,
    period: 0.99,
    asOf: 0.99,
    source: 0.97,
    modality: 0.99,
    scope: 0.97,
  },
};

/**
 * Held-out floors: just below what the code reached after the fixes of 2026-11-23 (HELD-OUT.md has the
 * measurements before and after), so any regression on unseen text fails. Raise them as reading improves.
 */
const HELD_OUT_FLOORS: { precision: number; recall: number; attributes: Record<Attribute, number> } = {
  precision: 0.97,
  recall: 0.92,
  attributes: {
    value: 0.94,
    low: 0.93,
    high: 0.94,
    qualifier: 0.94,
    metric: 0.92,
    subject: 0.92,
    place: 0.71,
    period: 0.89,
    asOf: 0.89,
    source: 0.74,
    modality: 0.93,
    scope: 0.93,
  },
};
