/**
 * Evidence for lib/figures/metric.ts and subject.ts, built from a sentence as readFigures builds it: the
 * number is marked with braces (`Russian forces killed {12} civilians`), and text before a `|` is the clause
 * before the previous figure's words (it stays in the clause, not in the lead), as when the sentence holds an
 * earlier figure: `1,709 women| and {229} girls`.
 */
import { INHERIT_BEFORE, readMetric, type MetricEvidence } from '../../../lib/figures/metric.ts';
import { readNounPhrase } from '../../../lib/figures/noun-phrase.ts';
import { readNumberTokens } from '../../../lib/figures/numbers.ts';
import { gazetteer } from '../../../lib/figures/place.ts';
import type { SubjectEvidence } from '../../../lib/figures/subject.ts';

export interface Marked {
  text: string;
  /** The number's offsets in `text`. */
  start: number;
  end: number;
  /** Where the lead starts: after the `|`, else the clause start. */
  leadStart: number;
}

export function parseMarked(marked: string): Marked {
  const bar = marked.indexOf('|');
  const plain = bar < 0 ? marked : marked.slice(0, bar) + marked.slice(bar + 1);
  const open = plain.indexOf('{');
  const close = plain.indexOf('}');
  if (open < 0 || close < open) throw new Error(`mark the number with braces: ${marked}`);
  const text = plain.slice(0, open) + plain.slice(open + 1, close) + plain.slice(close + 1);
  return { text, start: open, end: close - 1, leadStart: bar < 0 || bar > open ? 0 : bar };
}

export const isDemonym = (word: string): boolean => gazetteer().country(word) !== undefined;
export const placeKind = (name: string) => gazetteer().place(name)?.kind;

/** The metric evidence for the marked number, as readFigures gathers it; `over` for what the sentences before say. */
export function metricEvidence(marked: string, over: Partial<MetricEvidence> = {}): MetricEvidence {
  const m = parseMarked(marked);
  const np = readNounPhrase(m.text, m.end, m.text.length, isDemonym);
  const token = readNumberTokens(m.text).find((t) => t.start <= m.start && t.end >= m.end);
  return {
    np,
    currency: token?.currency ?? null,
    lead: m.text.slice(m.leadStart, m.start),
    own: m.text.slice(np.end, np.end + 160),
    after: m.text.slice(m.end, m.end + 40),
    clause: m.text,
    previous: null,
    afterApposition: '',
    recent: null,
    placeKind,
    ...over,
  };
}

/** The subject evidence for the marked number; its metric is read from the same sentence unless given. */
export function subjectEvidence(marked: string, over: Partial<SubjectEvidence> = {}): SubjectEvidence {
  const m = parseMarked(marked);
  const np = readNounPhrase(m.text, m.end, m.text.length, isDemonym);
  const lead = m.text.slice(m.leadStart, m.start);
  return {
    np,
    metric: over.metric ?? readMetric(metricEvidence(marked)),
    lead,
    sentenceBefore: m.text.slice(0, m.start),
    previous: null,
    paragraphPrevious: null,
    recentPrevious: null,
    own: m.text.slice(np.end, np.end + 160),
    included: INHERIT_BEFORE.test(lead.slice(-24)),
    ...over,
  };
}
