/**
 * The reportable figures of a text with what each counts (SPEC.md "Figures"): one pass over the
 * sentences, reading each number with its sentence and the ones before it (and, for "The figures were
 * published by X", the one after). The pieces, each small and pure:
 *
 *   numbers.ts      every number (digits, words, scales, currency, vague quantities)
 *   not-figures.ts  years, dates, times, durations, ages, ordinals, ids, furniture, baselines...
 *   qualifiers.ts   `more than`, `nearly`, ranges → qualifier, low, high
 *   noun-phrase.ts  the words after the number: `civilians`, `Russian deaths`, `Stinger missiles`
 *   metric.ts, subject.ts, place.ts, source.ts, dates.ts, period.ts, modality.ts, scope.ts
 *
 * Cost is linear in the text: each sentence is bounded (sentences.ts) and every look-back has a fixed reach.
 */
import type { IsoDate, Metric, Reading, Subject } from '../types.ts';
import { dayOfFigure, findDatePhrases, type DatePhrase } from './dates.ts';
import { INHERIT_BEFORE, readMetric } from './metric.ts';
import { readModality } from './modality.ts';
import { notFigureReason } from './not-figures.ts';
import { readNounPhrase } from './noun-phrase.ts';
import { readNumberTokens, type NumberToken } from './numbers.ts';
import { readPeriod } from './period.ts';
import { ANAPHORA_REACH, NATIONAL, lastPlaceNamed, placeMentions, resolveMention } from './place.ts';
import { qualify, type Candidate } from './qualifiers.ts';
import { readScope } from './scope.ts';
import { splitSentences, type Sentence } from './sentences.ts';
import {
  CONTINUES,
  backwardAttribution,
  findAttributions,
  lastNewspaperNamed,
  type Attribution,
  type Source,
} from './source.ts';
import { readSubject } from './subject.ts';

export interface ReadOptions {
  /** The date the text was published; relative dates ("on Thursday") resolve against it. */
  date: IsoDate | null;
}

/** How far back a newspaper descriptor ("a pro-Kremlin newspaper") looks for the paper's name. */
const NEWSPAPER_REACH = 6_000;
/** How many sentences back `he said` looks for the person. */
const PERSON_REACH = 4;

/** A figure being read, with what a later sentence may still fill in. */
interface Draft {
  reading: Reading;
  sourceExplicit: boolean;
  dateExplicit: boolean;
  placeExplicit: boolean;
}

interface SentenceInfo {
  sentence: Sentence;
  drafts: Draft[];
  attributions: Attribution[] | null;
}

interface Clause {
  start: number;
  end: number;
  attributions: Attribution[];
  dates: DatePhrase[];
}

const UN_SPECIFIC = /^(?:UN human rights office|UNHCR|UNICEF|OCHA|IOM)$/;
/** `but` starts a new claim when a new subject follows: "..., but Zelenskyy says", "but now it appears". */
const CLAUSE_BREAK =
  /;\s*|,?\s+but\s+(?=(?:now\s+|also\s+|still\s+)?(?:(?:it|they|he|she|we|I|there|the|a|an|this|these|those|its|their)\b|\p{Lu}))/gu;

/**
 * A wire dateline opening a paragraph ("KYIV, March 18 (Reuters) -", "JAKARTA -"): where the reporter
 * filed from and when, not where or when the figures are.
 */
const DATELINE =
  /^[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,3}(?:,\s*[\p{Lu}][\p{L}]+)?(?:,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^()\n]{1,40}\))?\s+[-—–]\s+/u;

function datelineEnd(text: string, sentence: Sentence): number {
  const m = DATELINE.exec(text.slice(sentence.start, Math.min(sentence.end, sentence.start + 120)));
  return m ? sentence.start + m[0].length : sentence.start;
}

function clausesOf(text: string, sentence: Sentence, date: IsoDate | null, place: string | null): Clause[] {
  const bodyStart = datelineEnd(text, sentence);
  const s = text.slice(bodyStart, sentence.end);
  const cuts = [bodyStart];
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(s); m !== null; m = CLAUSE_BREAK.exec(s))
    cuts.push(sentence.start + m.index);
  cuts.push(sentence.end);
  const out: Clause[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    if (end <= start) continue;
    out.push({
      start,
      end,
      attributions: findAttributions(text, start, end, { place }),
      dates: findDatePhrases(text, start, end, date),
    });
  }
  return out;
}

/** Whether a number may be a figure at all, before its meaning is read. */
function isCandidateNumber(text: string, token: NumberToken): boolean {
  return token.role === 'cardinal' && notFigureReason(text, token) === null;
}

/** Whether a read figure is reportable: it counts something someone could dispute. */
function isReportable(c: Candidate, metric: Metric, subject: Subject, explicitPerson: boolean): boolean {
  if (metric !== 'other') return true;
  if (c.value === null || !explicitPerson || subject === 'other') return false;
  // "two Ukrainian officials", "a mother of three children": small counts in words are not figures.
  return c.tokens[0]!.kind === 'digits' && (c.value ?? 0) >= 10;
}

export function readFigures(text: string, options: ReadOptions): Reading[] {
  const tokens = readNumberTokens(text).filter((t) => t.role === 'cardinal');
  if (tokens.length === 0) return [];
  const docDate = options.date;
  const out: Reading[] = [];
  const recent: SentenceInfo[] = [];
  let ti = 0;

  const attributionsOf = (info: SentenceInfo): Attribution[] =>
    (info.attributions ??= findAttributions(text, info.sentence.start, info.sentence.end, { place: null }));

  /** The last person named as a source in the sentences before (for "He said ..."). */
  const lastPerson = (): Source | null => {
    for (let i = recent.length - 1; i >= Math.max(0, recent.length - PERSON_REACH); i--) {
      const attrs = attributionsOf(recent[i]!);
      for (let j = attrs.length - 1; j >= 0; j--)
        if (attrs[j]!.source.kind === 'person') return attrs[j]!.source;
    }
    return null;
  };
  const lastOrganisation = (): Source | null => {
    for (let i = recent.length - 1; i >= Math.max(0, recent.length - PERSON_REACH); i--) {
      const attrs = attributionsOf(recent[i]!);
      for (let j = attrs.length - 1; j >= 0; j--)
        if (attrs[j]!.source.kind === 'org') return attrs[j]!.source;
    }
    return null;
  };

  const resolveSource = (a: Attribution, clause: Clause, sentence: Sentence): string | null => {
    const { source } = a;
    switch (source.kind) {
      case 'he':
        return lastPerson()?.name ?? null;
      case 'it': {
        const earlier = clause.attributions.filter((b) => b.at < a.at && b.source.kind === 'org');
        return earlier[earlier.length - 1]?.source.name ?? lastOrganisation()?.name ?? null;
      }
      case 'newspaper':
        return (
          lastNewspaperNamed(text, Math.max(0, sentence.start - NEWSPAPER_REACH), sentence.start) ??
          source.name
        );
      default:
        return source.name;
    }
  };

  for (const sentence of splitSentences(text)) {
    while (ti < tokens.length && tokens[ti]!.start < sentence.start) ti++;
    const numbers: NumberToken[] = [];
    while (ti < tokens.length && tokens[ti]!.end <= sentence.end) numbers.push(tokens[ti++]!);
    const previous = recent[recent.length - 1];
    const info: SentenceInfo = { sentence, drafts: [], attributions: null };

    // "The figures were published by X last Sunday": attributes the unattributed figures just before.
    if (previous && previous.drafts.some((d) => !d.sourceExplicit)) {
      const sentenceText = text.slice(sentence.start, sentence.end);
      const back = backwardAttribution(sentenceText, { place: null });
      if (back) {
        const name =
          back.kind === 'newspaper'
            ? (lastNewspaperNamed(text, Math.max(0, sentence.start - NEWSPAPER_REACH), sentence.end) ??
              back.name)
            : back.name;
        const day = dayOfFigure(
          findDatePhrases(text, sentence.start, sentence.end, docDate),
          sentence.start,
          docDate,
        );
        for (const d of previous.drafts) {
          if (d.sourceExplicit) continue;
          d.reading.source = name;
          d.sourceExplicit = true;
          if (day && !d.dateExplicit) d.reading.asOf = day;
        }
      }
    }

    const candidates = qualify(
      text,
      numbers.filter((t) => isCandidateNumber(text, t)),
    );
    if (candidates.length > 0) {
      const sentencePlaces = placeMentions(text, datelineEnd(text, sentence), sentence.end);
      const firstNamed = sentencePlaces.find((p) => p.name !== null)?.name ?? null;
      const contextPlace =
        firstNamed ?? lastPlaceNamed(text, Math.max(0, sentence.start - ANAPHORA_REACH), sentence.start);
      const clauses = clausesOf(text, sentence, docDate, contextPlace);
      const samePara = previous && previous.sentence.paragraph === sentence.paragraph ? previous : null;
      let paragraphPrevious: Subject | null = null;
      for (let i = recent.length - 1; i >= 0 && recent[i]!.sentence.paragraph === sentence.paragraph; i--) {
        const ds = recent[i]!.drafts;
        if (ds.length) {
          paragraphPrevious = ds[ds.length - 1]!.reading.subject;
          break;
        }
      }
      const continues = CONTINUES.test(text.slice(sentence.start, sentence.end));

      let prev: Draft | null = null;
      for (let i = 0; i < candidates.length; i++) {
        const c = candidates[i]!;
        const clause = clauses.find((k) => c.start >= k.start && c.start < k.end) ?? clauses[0];
        if (!clause) continue; // a number inside the dateline
        const prevInClause = prev && prev.reading.end > clause.start ? prev : null;
        const next = candidates[i + 1];
        const nextStart = next && next.start < clause.end ? next.start : clause.end;
        const leadStart = Math.max(clause.start, prevInClause?.reading.end ?? clause.start, c.start - 200);
        const lead = text.slice(leadStart, c.start);
        const np = readNounPhrase(text, c.end, nextStart);
        const own = text.slice(np.end, Math.min(nextStart, np.end + 160));
        const clauseText = text.slice(clause.start, clause.end);
        const included = INHERIT_BEFORE.test(lead);
        const token = c.tokens[c.tokens.length - 1]!;

        const metric = readMetric({
          np,
          currency: token.currency,
          lead,
          own,
          after: text.slice(c.end, Math.min(nextStart, c.end + 40)),
          clause: clauseText,
          previous: prev?.reading.metric ?? null,
        });
        const subject = readSubject({
          np,
          metric,
          lead,
          sentenceBefore: text.slice(Math.max(sentence.start, c.start - 300), c.start),
          previous: prev?.reading.subject ?? null,
          paragraphPrevious,
          included,
        });
        if (!isReportable(c, metric, subject, np.subject !== null)) continue;

        // Place: named right after the figure, else shared with the figure it belongs to, else in its clause.
        let place: string | null = null;
        let placeExplicit = true;
        for (const m of placeMentions(text, c.end, nextStart)) {
          place = resolveMention(text, m);
          if (place) break;
        }
        if (!place && included && prev) place = prev.reading.place;
        if (!place) {
          const inClause = sentencePlaces.filter((m) => m.start >= clause.start && m.end <= clause.end);
          const beforeIt = inClause.filter((m) => m.end <= c.start);
          const ordered = [...beforeIt.reverse(), ...inClause.filter((m) => m.start >= c.end)];
          for (const m of ordered) {
            place = resolveMention(text, m);
            if (place) break;
          }
        }
        if (!place && prev?.placeExplicit) place = prev.reading.place;
        if (!place) {
          place = NATIONAL;
          placeExplicit = false;
        }

        // Source: the attribution governing the figure in its clause, else the sentence it continues.
        const before = clause.attributions.filter((a) => a.at < c.start);
        const attribution =
          before[before.length - 1] ?? clause.attributions.find((a) => a.at >= c.end) ?? null;
        let source = attribution ? resolveSource(attribution, clause, sentence) : null;
        let sourceExplicit = source !== null;
        if (!source && continues && samePara) {
          const carried = samePara.drafts.find((d) => d.sourceExplicit)?.reading.source ?? null;
          const said = attributionsOf(samePara).find(
            (a) => a.source.kind === 'org' || a.source.kind === 'person',
          );
          source = carried ?? said?.source.name ?? null;
          sourceExplicit = source !== null;
        }
        if (source === 'UN') {
          for (
            let k = recent.length - 1;
            k >= 0 && recent[k]!.sentence.paragraph === sentence.paragraph;
            k--
          ) {
            const specific = recent[k]!.drafts.find(
              (d) => d.reading.source && UN_SPECIFIC.test(d.reading.source),
            );
            if (specific) {
              source = specific.reading.source;
              break;
            }
          }
        }

        const day = dayOfFigure(clause.dates, c.start, docDate);
        const reading: Reading = {
          text: c.text,
          start: c.start,
          end: c.end,
          value: c.value,
          low: c.low,
          high: c.high,
          qualifier: c.qualifier,
          metric,
          subject,
          place,
          period: readPeriod(text, clause, c, clause.dates),
          asOf: day ?? docDate,
          source,
          modality: readModality(text.slice(clause.start, c.start), attribution?.forecast ?? false),
          scope: readScope(metric, text.slice(clause.start, Math.max(nextStart, c.end)), own),
          quote: text.slice(sentence.start, sentence.end),
        };
        const draft: Draft = { reading, sourceExplicit, dateExplicit: day !== null, placeExplicit };
        info.drafts.push(draft);
        out.push(reading);
        prev = draft;
      }
    }
    recent.push(info);
    if (recent.length > PERSON_REACH + 1) recent.shift();
  }
  return out;
}
