/**
 * Gold figures (expected results written by reading the texts) and how the figure layer is scored
 * against them: a predicted figure matches a gold one when their spans overlap; per attribute, a match
 * counts only when the attribute is right too. Precision is over the figures found, recall over the gold.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readNumbers } from '../../../lib/figures/numbers.ts';
import type { Reading } from '../../../lib/types.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.resolve(HERE, '../../fixtures');
export const DOCUMENTS = path.resolve(HERE, '../../../assets/documents');

export const ATTRIBUTES = [
  'value',
  'low',
  'high',
  'qualifier',
  'metric',
  'subject',
  'place',
  'period',
  'asOf',
  'source',
  'modality',
  'scope',
] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

export interface GoldFigure extends Record<Attribute, unknown> {
  text: string;
  /** Which occurrence of `text` in the document (1-based); default 1. */
  nth?: number;
}

export interface GoldNotFigure {
  /** A number as the number reader writes it (`44 million`, `one`). */
  text: string;
  nth?: number;
  why: string;
}

export interface GoldText {
  name: string;
  text: string;
  date: string;
  figures: GoldFigure[];
  notFigures: GoldNotFigure[];
}

interface GoldFile {
  date: string;
  figures: GoldFigure[];
  notFigures?: GoldNotFigure[];
}

/** The five seed documents with their gold figures (tests/fixtures/seeds.expected.json). */
export function seedGold(): GoldText[] {
  const all = JSON.parse(readFileSync(path.join(FIXTURES, 'seeds.expected.json'), 'utf8')) as Record<
    string,
    GoldFile | string
  >;
  return Object.entries(all)
    .filter((e): e is [string, GoldFile] => typeof e[1] !== 'string')
    .map(([id, g]) => ({
      name: id,
      text: readFileSync(path.join(DOCUMENTS, `${id}.txt`), 'utf8').replace(/\r\n?/g, '\n'),
      date: g.date,
      figures: g.figures,
      notFigures: g.notFigures ?? [],
    }));
}

/** The fixture articles (tests/fixtures/articles/NAME.txt + NAME.expected.json). */
export function articleGold(): GoldText[] {
  const dir = path.join(FIXTURES, 'articles');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => {
      const name = n.slice(0, -4);
      const g = JSON.parse(readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')) as GoldFile;
      return {
        name,
        text: readFileSync(path.join(dir, n), 'utf8').replace(/\r\n?/g, '\n'),
        date: g.date,
        figures: g.figures,
        notFigures: g.notFigures ?? [],
      };
    });
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** Where the gold figure stands: the nth occurrence of its text not inside a longer word or number. */
export function locate(text: string, written: string, nth = 1): { start: number; end: number } {
  let from = 0;
  let seen = 0;
  for (;;) {
    const at = text.indexOf(written, from);
    if (at < 0) throw new Error(`gold figure "${written}" (#${nth}) is not in the text`);
    from = at + 1;
    const before = text[at - 1];
    const after = text[at + written.length];
    // Not inside a longer word or number: "500" is not a figure of its own in "2,500".
    if (isWordChar(before) || isWordChar(after)) continue;
    if ((before === ',' || before === '.') && /\d/.test(text[at - 2] ?? '')) continue;
    if ((after === ',' || after === '.') && /\d/.test(text[at + written.length + 1] ?? '')) continue;
    if (++seen === nth) return { start: at, end: at + written.length };
  }
}

/**
 * Where a gold non-figure stands: the nth number read with that text, or (for digits the number reader
 * does not count as numbers, such as those inside a URL) the nth occurrence of the text.
 */
export function locateNumber(text: string, written: string, nth = 1): { start: number; end: number } {
  const hits = readNumbers(text).filter((n) => n.text === written);
  return hits[nth - 1] ?? locate(text, written, nth);
}

export interface Matched {
  gold: GoldFigure;
  found: Reading | null;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Pairs each gold figure with the figure found over it; returns the unmatched found ones too. */
export function match(doc: GoldText, found: Reading[]): { pairs: Matched[]; extra: Reading[] } {
  const used = new Set<Reading>();
  const pairs = doc.figures.map((gold) => {
    const at = locate(doc.text, gold.text, gold.nth);
    const hit = found.find((r) => !used.has(r) && overlaps(r, at)) ?? null;
    if (hit) used.add(hit);
    return { gold, found: hit };
  });
  return { pairs, extra: found.filter((r) => !used.has(r)) };
}

export interface Score {
  gold: number;
  found: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

function score(gold: number, found: number, correct: number): Score {
  const precision = found === 0 ? 1 : correct / found;
  const recall = gold === 0 ? 1 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, found, correct, precision, recall, f1 };
}

/** The attribute as the gold writes it: an absent scope is null. */
function attr(r: Reading | GoldFigure, a: Attribute): unknown {
  const v = (r as unknown as Record<string, unknown>)[a];
  return v === undefined ? null : v;
}

export interface Evaluation {
  figures: Score;
  attributes: Record<Attribute, Score>;
  /** Gold figures missed or found with a wrong attribute, and figures found that are not gold. */
  errors: string[];
}

export function evaluate(docs: readonly GoldText[], read: (doc: GoldText) => Reading[]): Evaluation {
  let gold = 0;
  let found = 0;
  let matched = 0;
  const correct = Object.fromEntries(ATTRIBUTES.map((a) => [a, 0])) as Record<Attribute, number>;
  const errors: string[] = [];
  for (const doc of docs) {
    const readings = read(doc);
    const { pairs, extra } = match(doc, readings);
    gold += doc.figures.length;
    found += readings.length;
    for (const { gold: g, found: r } of pairs) {
      if (!r) {
        errors.push(`${doc.name}: missed "${g.text}"`);
        continue;
      }
      matched++;
      for (const a of ATTRIBUTES) {
        if (JSON.stringify(attr(r, a)) === JSON.stringify(attr(g, a))) correct[a]++;
        else
          errors.push(
            `${doc.name}: "${g.text}" ${a} = ${JSON.stringify(attr(r, a))}, expected ${JSON.stringify(attr(g, a))}`,
          );
      }
    }
    for (const r of extra)
      errors.push(`${doc.name}: not a gold figure: "${r.text}" (${r.metric}) in "${r.quote.slice(0, 80)}"`);
  }
  const attributes = Object.fromEntries(ATTRIBUTES.map((a) => [a, score(gold, found, correct[a])])) as Record<
    Attribute,
    Score
  >;
  return { figures: score(gold, found, matched), attributes, errors };
}

/** A table for the test log: one row per measure. */
export function formatEvaluation(title: string, e: Evaluation): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
  const row = (name: string, s: Score) =>
    `${name.padEnd(10)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}   ${s.correct}/${s.gold} gold, ${s.found} found`;
  return [
    title,
    `${'measure'.padEnd(10)} ${'prec.'.padStart(7)} ${'recall'.padStart(7)} ${'F1'.padStart(7)}`,
    row('figures', e.figures),
    ...ATTRIBUTES.map((a) => row(a, e.attributes[a])),
  ].join('\n');
}
