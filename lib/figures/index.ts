/**
 * The reportable figures of a text with what each counts (docs/figures-and-claims.md): one pass over the
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
import type { IsoDate, Metric, Reading } from '../types.ts';
import { dayOfFigure, findDatePhrases } from './date-phrases.ts';
import { Clause, clausesOf, datelineEnd } from './clauses.ts';
import { INHERIT_BEFORE, readMetric } from './metric.ts';
import { readModality } from './modality.ts';
import { isCandidateNumber, isReportable } from './not-figures.ts';
import { readNounPhrase } from './noun-phrase.ts';
import { readNumberTokens, type NumberToken } from './numbers.ts';
import { readPeriod } from './period.ts';
import {
  ANAPHORA_REACH,
  firstPlace,
  isDemonym,
  lastPlaceNamed,
  placeKind,
  placeMentions,
  placeStarting,
  topicPlace,
  type PlaceMention,
} from './place.ts';
import type { Place } from './gazetteer.ts';
import { qualify, type Candidate } from './qualifiers.ts';
import { EVENT_SCOPES, RESTATED, breakdownScope, partScope, readScope, sceneScope } from './scope.ts';
import { splitSentences, type Sentence } from './sentences.ts';
import { LEAD_CHARS, isAboutHarm } from './topic.ts';
import {
  CONTINUES,
  acronymsDefined,
  backwardAttribution,
  colonSource,
  findAttributions,
  lastNewspaperNamed,
  parentheticalSource,
  NO_PLACE,
  type Attribution,
  type Source,
  type SourceContext,
} from './source.ts';
import { carriedSubject, readSubject } from './subject.ts';

export interface ReadOptions {
  /** The date the text was published; relative dates ("on Thursday") resolve against it. */
  date: IsoDate | null;
  /**
   * What the page says it is about (its title, first heading, description: lib/dom/page-lead.ts). With
   * the text's own opening, it decides whether the page is about harm at all (topic.ts).
   */
  lead?: string;
  /** A document the reader chose for the library is read whatever its topic (a page is not). */
  anyTopic?: boolean;
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
  /** Tied to the figure before by `including`, `of whom`: a part of it, not a new total. */
  included: boolean;
  /** Where the figure's noun phrase ends: the next figure's own words start after it. */
  npEnd: number;
}

interface SentenceInfo {
  sentence: Sentence;
  drafts: Draft[];
  attributions: Attribution[] | null;
}

interface ListHeading {
  day: IsoDate | null;
  source: string | null;
  /** Where the list ends. */
  end: number;
}

/** Figures in a list take the date and source its heading gives, unless they name their own. */
function applyHeading(heading: ListHeading, drafts: readonly Draft[]): void {
  for (const d of drafts) {
    if (heading.source && !d.sourceExplicit) {
      d.reading.source = heading.source;
      d.sourceExplicit = true;
    }
    if (heading.day && !d.dateExplicit) {
      d.reading.asOf = heading.day;
      d.dateExplicit = true;
    }
  }
}

const UN_SPECIFIC = /^(?:UN human rights office|UNHCR|UNICEF|OCHA|IOM)$/;
/** What may stand between a speech verb and the figure it reports: "said (on Monday) (that)". */
const COMPLEMENT = /^\s*(?:(?:on\s+|last\s+)?\w+day\s+)?(?:that\s+)?(?:it\s+had\s+\w+\s+)?$/i;
const ORIGIN = /\b(?:from|out\s+of|fled|fleeing|left|leaving)\s+$/i;
/** Money and weapons go to a country: "assistance for Kyiv" is for Ukraine. */
const NATIONAL_METRICS: ReadonlySet<Metric> = new Set<Metric>(['aid_money', 'weapons']);

export function readFigures(text: string, options: ReadOptions): Reading[] {
  const tokens = readNumberTokens(text).filter((t) => t.role === 'cardinal');
  if (tokens.length === 0) return [];
  // On a page about something else, every number is something else too (a price, a bug, a sequel).
  if (!options.anyTopic && !isAboutHarm(options.lead ?? '') && !isAboutHarm(text.slice(0, LEAD_CHARS)))
    return [];
  const docDate = options.date;
  /** The place the text is about, found once and only when a figure names none of its own. */
  let topic: Place | null | undefined;
  // The page's lead (its headline) comes first: a piece of a long page may name no place of its own.
  const topicText = options.lead ? `${options.lead}\n${text}` : text;
  const topicOf = (): Place | null => (topic === undefined ? (topic = topicPlace(topicText)) : topic);
  const out: Reading[] = [];
  const recent: SentenceInfo[] = [];
  let ti = 0;
  /** A line introducing a list ("Figures by region, as of 30 September (HRI data):") and where the list ends. */
  let heading: ListHeading | null = null;
  let acronyms: Map<string, string> | undefined;

  const listHeading = (sentence: Sentence): ListHeading | null => {
    const line = text.slice(sentence.start, sentence.end).replace(/\s*:\s*$/, '');
    const day = dayOfFigure(
      findDatePhrases(text, sentence.start, sentence.end, docDate),
      sentence.start,
      docDate,
    );
    let source = parentheticalSource(line)?.name ?? null;
    if (source && /^[A-Z]{2,6}$/.test(source))
      source = (acronyms ??= acronymsDefined(text)).get(source) ?? source;
    if (!day && !source) return null;
    // The list runs to the first blank line after its first item.
    const first = text.slice(sentence.end, sentence.end + 200).search(/\S/);
    if (first < 0) return null;
    const blank = /\n[^\S\n]*\n/g;
    blank.lastIndex = sentence.end + first;
    const m = blank.exec(text);
    return { day, source, end: m ? m.index : text.length };
  };

  const attributionsOf = (info: SentenceInfo): Attribution[] =>
    (info.attributions ??= findAttributions(text, info.sentence.start, info.sentence.end, NO_PLACE));

  /** The last source of `kind` in the sentences before (for "He said ...", "It said ..."). */
  const lastSourceOf = (kind: 'person' | 'org'): Source | null => {
    for (let i = recent.length - 1; i >= Math.max(0, recent.length - PERSON_REACH); i--) {
      const attrs = attributionsOf(recent[i]!);
      for (let j = attrs.length - 1; j >= 0; j--) if (attrs[j]!.source.kind === kind) return attrs[j]!.source;
    }
    return null;
  };

  const resolveSource = (a: Attribution, clause: Clause, sentence: Sentence): string | null => {
    const { source } = a;
    switch (source.kind) {
      case 'he':
        return lastSourceOf('person')?.name ?? null;
      case 'it': {
        const earlier = clause.attributions.filter((b) => b.at < a.at && b.source.kind === 'org');
        return earlier[earlier.length - 1]?.source.name ?? lastSourceOf('org')?.name ?? null;
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

  /** "The figures were published by X last Sunday": attributes the unattributed figures just before. */
  const attributeBackwards = (sentence: Sentence, previous: SentenceInfo): void => {
    if (!/^(?:The|These|Those|Both|All)\s/.test(text.slice(sentence.start, sentence.start + 6))) return;
    const back = backwardAttribution(text.slice(sentence.start, sentence.end), NO_PLACE);
    if (!back) return;
    const name =
      back.kind === 'newspaper'
        ? (lastNewspaperNamed(text, Math.max(0, sentence.start - NEWSPAPER_REACH), sentence.end) ?? back.name)
        : back.name;
    const phrases = findDatePhrases(text, sentence.start, sentence.end, docDate);
    const day = dayOfFigure(phrases, sentence.start, docDate);
    for (const d of previous.drafts) {
      if (d.sourceExplicit) continue;
      d.reading.source = name;
      d.sourceExplicit = true;
      if (day && !d.dateExplicit) d.reading.asOf = day;
    }
  };

  for (const sentence of splitSentences(text)) {
    while (ti < tokens.length && tokens[ti]!.start < sentence.start) ti++;
    const numbers: NumberToken[] = [];
    while (ti < tokens.length && tokens[ti]!.end <= sentence.end) numbers.push(tokens[ti++]!);
    const previous = recent[recent.length - 1];
    const info: SentenceInfo = { sentence, drafts: [], attributions: null };
    if (previous && previous.drafts.some((d) => !d.sourceExplicit)) attributeBackwards(sentence, previous);

    const candidates = qualify(
      text,
      numbers.filter((t) => isCandidateNumber(text, t)),
    );
    if (candidates.length > 0) readSentence(sentence, candidates, info, previous);
    if (heading && sentence.start < heading.end) applyHeading(heading, info.drafts);
    else heading = null;
    if (/:\s*$/.test(text.slice(Math.max(sentence.start, sentence.end - 4), sentence.end))) {
      heading = listHeading(sentence);
    }
    recent.push(info);
    if (recent.length > PERSON_REACH + 1) recent.shift();
  }
  return out;

  function readSentence(
    sentence: Sentence,
    candidates: Candidate[],
    info: SentenceInfo,
    previous: SentenceInfo | undefined,
  ): void {
    const sentenceText = text.slice(sentence.start, sentence.end);
    const bodyStart = datelineEnd(text, sentence);
    const sentencePlaces = placeMentions(text, bodyStart, sentence.end);
    // Only titles ("the mayor", "city officials") need the place; look back only for those, and once.
    let contextPlace: string | null | undefined;
    const context: SourceContext = {
      place: () =>
        (contextPlace ??=
          sentencePlaces.find((p) => p.name !== null)?.name ??
          lastPlaceNamed(text, Math.max(0, sentence.start - ANAPHORA_REACH), sentence.start)),
    };
    const clauses = clausesOf(text, sentence, bodyStart, docDate, context);
    const samePara = previous && previous.sentence.paragraph === sentence.paragraph ? previous : null;
    let paragraphLast: Draft | null = null;
    for (let i = recent.length - 1; i >= 0 && recent[i]!.sentence.paragraph === sentence.paragraph; i--) {
      const ds = recent[i]!.drafts;
      if (ds.length) {
        paragraphLast = ds[ds.length - 1]!;
        break;
      }
    }
    const headlineSource = colonSource(sentenceText);
    /** The last figure of the two sentences before, whatever their paragraphs (wire copy: one each). */
    let recentLast: Draft | null = null;
    for (let i = recent.length - 1; i >= Math.max(0, recent.length - 2) && !recentLast; i--) {
      const ds = recent[i]!.drafts;
      if (ds.length) recentLast = ds[ds.length - 1]!;
    }

    let prev: Draft | null = null;
    /** The last figure that is not a part of another: what `and 908 injuries` after `including 37 children` follows. */
    let prevMain: Draft | null = null;
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i]!;
      const clause = clauses.find((k) => c.start >= k.start && c.start < k.end);
      if (!clause) continue; // a number inside the dateline
      const prevInClause = prev && prev.reading.end > clause.start ? prev : null;
      const next = candidates[i + 1];
      const nextStart = next && next.start < clause.end ? next.start : clause.end;
      const leadStart = Math.max(clause.start, prevInClause?.npEnd ?? clause.start, c.start - 200);
      const lead = text.slice(leadStart, c.start);
      const np = readNounPhrase(text, c.end, nextStart, isDemonym);
      const own = text.slice(np.end, Math.min(nextStart, np.end + 160));
      const clauseText = text.slice(clause.start, clause.end);
      const included = INHERIT_BEFORE.test(lead.slice(-24));
      // "At least 50 people, including five children, were killed": the verb comes after the apposition.
      const afterApposition =
        next &&
        next.start === nextStart &&
        INHERIT_BEFORE.test(text.slice(Math.max(np.end, next.start - 24), next.start))
          ? text.slice(next.end, Math.min(clause.end, next.end + 120))
          : '';
      // "He said 50 of them had been executed": `of them` are the figure of the sentence before.
      const antecedent = included
        ? (prev ?? paragraphLast ?? recentLast)
        : np.inherit
          ? (prevMain ?? prev ?? paragraphLast)
          : (prevMain ?? prev);
      const token = c.tokens[c.tokens.length - 1]!;

      const metric = readMetric({
        np,
        currency: token.currency,
        lead,
        own,
        after: text.slice(c.end, Math.min(nextStart, c.end + 40)),
        clause: clauseText,
        previous: antecedent?.reading.metric ?? null,
        afterApposition,
        recent: recentLast?.reading.metric ?? null,
        placeKind,
      });
      // "of the 6,884 fatalities": the text names again a figure it gave before, and counts what it counted.
      const restated = RESTATED.test(lead.slice(-8))
        ? out.find((r) => r.value === c.value && r.metric === metric && r.subject !== 'other')
        : undefined;
      const subject =
        restated?.subject ??
        readSubject({
          np,
          metric,
          lead,
          sentenceBefore: text.slice(Math.max(sentence.start, c.start - 300), c.start),
          previous: carriedSubject(antecedent?.reading, metric),
          paragraphPrevious: carriedSubject(paragraphLast?.reading, metric),
          recentPrevious: carriedSubject(recentLast?.reading, metric),
          own,
          included,
        });
      if (!isReportable(c, metric, np.subject !== null || np.metric !== null || np.thing === 'weapon'))
        continue;

      // Source: the attribution governing the figure in its clause, else the sentence it continues.
      const before = clause.attributions.filter((a) => a.at < c.start);
      const according = clause.attributions.find((a) => a.according);
      // A verb after the figure governs it unless the verb's object is another figure: "X fled, and
      // officials say 1.2 million returned" attributes the second figure only.
      const trailing = clause.attributions.find(
        (a) =>
          a.at >= c.end &&
          !candidates.some((o) => o.start >= a.end && COMPLEMENT.test(text.slice(a.end, o.start))),
      );
      const attribution = before[before.length - 1] ?? according ?? trailing ?? null;
      let source = attribution ? resolveSource(attribution, clause, sentence) : null;
      source ??= headlineSource?.name ?? parentheticalSource(clauseText)?.name ?? null;
      let sourceExplicit = source !== null;
      if (!source && samePara && CONTINUES.test(sentenceText)) {
        const carried = samePara.drafts.find((d) => d.sourceExplicit)?.reading.source ?? null;
        const said = attributionsOf(samePara).find(
          (a) => a.source.kind === 'org' || a.source.kind === 'person',
        );
        source = carried ?? said?.source.name ?? null;
        sourceExplicit = source !== null;
      }
      if (source === 'UN') {
        for (let k = recent.length - 1; k >= 0 && recent[k]!.sentence.paragraph === sentence.paragraph; k--) {
          const specific = recent[k]!.drafts.find(
            (d) => d.reading.source && UN_SPECIFIC.test(d.reading.source),
          );
          if (specific) {
            source = specific.reading.source;
            break;
          }
        }
      }

      // Place: named right after the figure, else shared with the figure it is part of, else in its clause,
      // else the place of the local official who gives it ("Mariupol city officials").
      const national = NATIONAL_METRICS.has(metric);
      const usable = (ms: PlaceMention[]) =>
        ms.filter(
          (m) =>
            (!national || m.kind === 'country') &&
            // Refugees "from Ukraine", "out of Ukraine": where they came from, not where they are counted.
            !(
              metric === 'fled_abroad' &&
              m.kind === 'country' &&
              ORIGIN.test(text.slice(Math.max(0, m.start - 12), m.start))
            ),
        );
      // A place inside the attribution after the figure is the source's ("according to researchers of
      // Ghent University in Belgium"), not the figure's.
      const accordingTo = /\baccording\s+to\b/i.exec(text.slice(c.end, clause.end));
      const sourceFrom = Math.min(
        clause.attributions.find((a) => a.at >= c.end)?.at ?? Infinity,
        accordingTo ? c.end + accordingTo.index : Infinity,
      );
      const notSource = (ms: PlaceMention[]) => ms.filter((m) => m.start < sourceFrom);
      let place = firstPlace(text, usable(notSource(placeMentions(text, c.end, nextStart))), topicOf);
      if (!place && (included || np.inherit) && antecedent?.placeExplicit) place = antecedent.reading.place;
      if (!place) {
        const inClause = usable(sentencePlaces.filter((m) => m.start >= clause.start && m.end <= clause.end));
        place =
          firstPlace(text, inClause.filter((m) => m.end <= c.start).reverse(), topicOf) ??
          firstPlace(text, notSource(inClause.filter((m) => m.start >= c.end)), topicOf);
      }
      if (!place && prev?.placeExplicit && !national) place = prev.reading.place;
      if (!place && source && !national) place = placeStarting(source, metric);
      // "The strike hit a house in Gaza City. Rescuers recovered 10 bodies": a sentence without figures
      // that sets the scene just before, in the same paragraph, names the town or region.
      if (!place && !national && samePara && samePara.drafts.length === 0) {
        const scene = placeMentions(text, samePara.sentence.start, samePara.sentence.end).filter(
          (m) => m.kind === 'city',
        );
        place = scene[scene.length - 1]?.name ?? null;
      }
      const placeExplicit = place !== null;
      // No place of its own: the place the text is about (its country, for aid and weapons), else none.
      // People who fled abroad left a country, not the one town the text is mainly about.
      place ??= (national || metric === 'fled_abroad' ? topicOf()?.country : topicOf()?.name) ?? null;

      const day = dayOfFigure(clause.dates, c.start, docDate);
      const scope =
        sceneScope(
          metric,
          samePara ? text.slice(samePara.sentence.start, samePara.sentence.end) : '',
          text.slice(clause.start, c.start),
          clause.hints.scope,
        ) ??
        (clause.hints.scope
          ? readScope(
              metric,
              text.slice(clause.start, Math.max(nextStart, c.end)) + afterApposition,
              own,
              text.slice(clause.start, c.start),
            )
          : null) ??
        breakdownScope(np.head, sentenceText, own) ??
        partScope(antecedent?.reading ?? null, subject, lead, restated);
      // One incident's toll (a strike, an earthquake) is an event: it grows for a few days, then stands.
      const period =
        scope !== null && EVENT_SCOPES.has(scope) ? 'event' : readPeriod(text, clause, c, clause.dates);
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
        period,
        asOf: day ?? docDate,
        source,
        modality: clause.hints.forecast
          ? readModality(text.slice(clause.start, c.start), own.slice(0, 60), attribution?.forecast ?? false)
          : 'reported',
        scope,
        quote: sentenceText,
      };
      const draft: Draft = {
        reading,
        sourceExplicit,
        dateExplicit: day !== null,
        placeExplicit,
        included,
        npEnd: np.end,
      };
      info.drafts.push(draft);
      out.push(reading);
      prev = draft;
      if (!included) prevMain = draft;
    }
  }
}
