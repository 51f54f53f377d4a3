/**
 * Scores what `check` finds on the development articles: real news texts nobody here wrote, every number
 * labelled by hand, beside the project in `../shared/dev-articles/` (read from there, never copied in).
 * The same measures as that folder's `score.mjs`, computed in-process:
 *
 * - reading: precision over the figures reported, recall over the labelled claims, F1; and how many of the
 *   matched claims have the right metric, subject and place;
 * - trust: a figure shown with reports is one comparison shown; it is wrong when any report counts another
 *   thing than the figure (judged by the labels of both sides) or the figure is not a claim at all; an
 *   `agrees` is unfounded unless a like-with-like report within 3 days fits it; like-with-like found: the
 *   labelled claims a seed claim counts the same thing as, for which a report is shown.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Figure, Report } from '../../../lib/types.ts';

export const DEV_DIR = path.resolve(import.meta.dirname, '../../../../shared/dev-articles');

interface Gold {
  file: string;
  text: string;
  value: number | null;
  claim: boolean;
  metric: string | null;
  subject: string | null;
  place: string | null;
  scope?: string | null;
  period?: string | null;
  asOf?: string | null;
  offset: number;
}
interface SeedGold extends Omit<Gold, 'file' | 'offset' | 'claim'> {
  doc: string;
}

export interface Article {
  file: string;
  date: string | null;
  body: string;
}

export interface DevScore {
  precision: number;
  recall: number;
  f1: number;
  matched: number;
  metricRight: number;
  subjectRight: number;
  placeRight: number;
  shown: number;
  wrong: number;
  likeExpected: number;
  likeFound: number;
  agrees: number;
  unfounded: number;
  /** One line per miss, wrong comparison and unfounded verdict, for failure messages. */
  log: string[];
}

const readJsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

export function devSetPresent(): boolean {
  return existsSync(path.join(DEV_DIR, 'gold-figures.jsonl'));
}

export function devArticles(): Article[] {
  const dir = path.join(DEV_DIR, 'articles');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const [head = '', ...rest] = readFileSync(path.join(dir, file), 'utf8').split('\n---\n');
      return {
        file,
        date: /^date:\s*(\d{4}-\d{2}-\d{2})/m.exec(head)?.[1] ?? null,
        body: rest.join('\n---\n'),
      };
    });
}

const norm = (s: unknown) =>
  String(s ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const ALIASES: Record<string, string> = {
  kiev: 'kyiv',
  'the capital': 'kyiv',
  chernigov: 'chernihiv',
  kharkov: 'kharkiv',
};
const placeKey = (p: unknown) => ALIASES[norm(p)] ?? norm(p);
const PEOPLE = new Set(['people', 'civilians']);
const subjectOk = (a: unknown, b: unknown) => a === b || (PEOPLE.has(String(a)) && PEOPLE.has(String(b)));
const valueOk = (a: number | null | undefined, b: number | null | undefined) =>
  a != null && b != null && Math.abs(a - b) <= Math.max(0.5, Math.abs(b) * 0.005);
const normScope = (s: unknown) => (s == null ? null : norm(s));
const periodOf = (x: { period?: string | null }) => x.period ?? 'cumulative';

type Labelled = {
  metric: string | null;
  subject: string | null;
  place: string | null;
  scope?: string | null;
  period?: string | null;
  asOf?: string | null;
};

function sameKind(g: Labelled, c: Labelled): boolean {
  if (g.metric !== c.metric || !subjectOk(g.subject, c.subject)) return false;
  if (g.place != null && placeKey(g.place) !== placeKey(c.place)) return false;
  if ('scope' in g && 'scope' in c && normScope(g.scope) !== normScope(c.scope)) return false;
  if (!('period' in g) || !('period' in c)) return true;
  if (periodOf(g) !== periodOf(c)) return false;
  if (periodOf(g) === 'cumulative' || !g.asOf || !c.asOf) return true;
  const days = periodOf(g) === 'event' ? 7 : 1;
  return Math.abs(Date.parse(g.asOf) - Date.parse(c.asOf)) <= days * 86_400_000;
}

export function scoreDevSet(check: (article: Article) => Figure[]): DevScore {
  const gold = readJsonl<Gold>(path.join(DEV_DIR, 'gold-figures.jsonl'));
  const seeds = readJsonl<SeedGold>(path.join(DEV_DIR, 'seed-claims.jsonl'));
  const truthOf = (r: Report): Labelled =>
    seeds.find((s) => r.document.id.startsWith(s.doc) && valueOk(r.value ?? r.low, s.value)) ?? r;
  const s: DevScore = {
    precision: 0,
    recall: 0,
    f1: 0,
    matched: 0,
    metricRight: 0,
    subjectRight: 0,
    placeRight: 0,
    shown: 0,
    wrong: 0,
    likeExpected: 0,
    likeFound: 0,
    agrees: 0,
    unfounded: 0,
    log: [],
  };
  let tp = 0;
  let fp = 0;
  let goldClaims = 0;
  let goldFound = 0;
  for (const article of devArticles()) {
    const f = article.file;
    const figures = check(article);
    const golds = gold.filter((g) => g.file === f);
    goldClaims += golds.filter((g) => g.claim).length;
    const used = new Set<number>();
    const valueMatch = (fig: Figure, g: Gold) =>
      g.value == null || [fig.value, fig.low, fig.high].some((v) => valueOk(v, g.value));
    const overlap = (fig: Figure, g: Gold) => fig.start < g.offset + g.text.length && g.offset < fig.end;
    const textOverlap = (a: string, b: string) =>
      a.toLowerCase().includes(b.toLowerCase()) || b.toLowerCase().includes(a.toLowerCase());
    for (const fig of figures) {
      let hits = golds
        .map((_, i) => i)
        .filter((i) => !used.has(i) && overlap(fig, golds[i]!) && valueMatch(fig, golds[i]!));
      if (!hits.length) {
        const i = golds.findIndex(
          (g, k) => !used.has(k) && textOverlap(fig.text, g.text) && valueMatch(fig, g),
        );
        if (i >= 0) hits = [i];
      }
      const reports = fig.reports;
      const claimRows = hits.map((i) => golds[i]!).filter((g) => g.claim);
      if (fig.verdict === 'agrees') {
        s.agrees++;
        const g = claimRows[0];
        const founded =
          g !== undefined &&
          reports.some(
            (r) => r.consistent !== false && Math.abs(r.daysApart ?? 999) <= 3 && sameKind(g, truthOf(r)),
          );
        if (!founded) {
          s.unfounded++;
          s.log.push(`${f}: unfounded agrees "${fig.text}"`);
        }
      }
      if (!claimRows.length) {
        fp++;
        hits.forEach((i) => used.add(i));
        if (reports.length) {
          s.shown++;
          s.wrong++;
          s.log.push(`${f}: reports beside "${fig.text}", which is not a claim`);
        }
        continue;
      }
      hits.forEach((i) => used.add(i));
      tp++;
      goldFound += claimRows.length;
      const g = claimRows[0]!;
      if (fig.metric === g.metric) s.metricRight++;
      else s.log.push(`${f}: metric of "${g.text}" ${fig.metric}, labelled ${g.metric}`);
      if (subjectOk(g.subject, fig.subject)) s.subjectRight++;
      if (g.place == null || placeKey(g.place) === placeKey(fig.place)) s.placeRight++;
      else s.log.push(`${f}: place of "${g.text}" ${fig.place}, labelled ${g.place}`);
      if (reports.length) {
        s.shown++;
        const bad = reports.filter((r) => !sameKind(g, truthOf(r)));
        if (bad.length) {
          s.wrong++;
          s.log.push(
            `${f}: wrong comparison "${g.text}" beside ${bad[0]!.text} (${bad[0]!.metric}/${bad[0]!.place})`,
          );
        }
      }
      if (seeds.some((seed) => sameKind(g, seed))) {
        s.likeExpected++;
        if (reports.some((r) => sameKind(g, truthOf(r)))) s.likeFound++;
        else s.log.push(`${f}: no comparison for "${g.text}" though a seed counts the same`);
      }
    }
    golds.forEach((g, i) => {
      if (g.claim && !used.has(i)) s.log.push(`${f}: missed "${g.text}"`);
    });
  }
  s.matched = tp;
  s.precision = tp / Math.max(1, tp + fp);
  s.recall = goldFound / Math.max(1, goldClaims);
  s.f1 = (2 * s.precision * s.recall) / Math.max(1e-9, s.precision + s.recall);
  return s;
}
