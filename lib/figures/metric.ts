/**
 * What a figure counts (docs/figures-and-claims.md, "Metric"), from the strongest evidence to the weakest: a
 * currency amount; the noun after the number (`deaths`, `refugees`, `attacks`, `buildings`, `missiles`);
 * `including`/`others` tying it to the figure before; the verb right before it (`killed 12 people`,
 * `injured dozens`, `lost almost 10,000`, `put the toll at over 2,000`); the predicate after it (`people
 * had died`, `were evacuated`); the last event word before it in its clause (`the refugee number could
 * reach as high as 10 million`); the figure before it in the sentence.
 */
import type { Metric } from '../types.ts';
import type { NounPhrase } from './noun-phrase.ts';

export type EventMetric = Extract<
  Metric,
  | 'killed'
  | 'injured'
  | 'casualties'
  | 'missing'
  | 'fled_abroad'
  | 'internally_displaced'
  | 'displaced'
  | 'evacuated'
  | 'trapped'
  | 'detained'
>;

const EVENT_GROUPS: readonly [EventMetric, string][] = [
  [
    'casualties',
    'casualt(?:y|ies)|victims?|(?:killed|dead|deaths?)\\s+(?:or|and)\\s+(?:injured|wounded|hurt)|(?:killed|dead)\\s+or\\s+(?:injured|wounded)',
  ],
  [
    'internally_displaced',
    'internally\\s+displaced|IDPs?|displaced\\s+(?:inside|within)\\s+(?:the\\s+country|their\\s+(?:own\\s+)?country)',
  ],
  [
    'displaced',
    'displaced|displacement|(?:fled|forced|driven|chased|lost)\\s+(?:out\\s+)?(?:from\\s+)?(?:of\\s+)?(?:their\\s+)?homes|(?:left|made|rendered)\\s+homeless|homeless',
  ],
  [
    'fled_abroad',
    '(?:has|have|had)\\s+(?:now\\s+)?(?:taken\\s+in|received|welcomed)|took\\s+in|hosts|hosting|refugees?|(?:taken|took|sought|seeking|found)\\s+refuge\\s+(?:in|across)\\s+(?:\\w+\\s+)?(?:countries|states|nations)|fled|flee(?:ing|s)?|cross(?:ed|ing)?\\s+(?:into|the\\s+border)|border\\s+crossings?|left\\s+the\\s+country',
  ],
  ['evacuated', 'evacuat(?:ed|ion|ions|ing|e|es)|evacuees|(?:humanitarian|evacuation)\\s+corridors?'],
  ['trapped', 'trapped|stranded|stuck'],
  ['missing', 'missing|unaccounted'],
  [
    'detained',
    'detained|detainees?|arrested|captured|taken\\s+prisoner|prisoners?|POWs?|abducted|kidnapped|kidnapping|deported|imprisoned|held\\s+captive|hostages?|surrendered|surrendering',
  ],
  [
    'injured',
    'injured|injuries|injuring|wounded|wounding|hurt|hospitali[sz]ed|(?:being\\s+)?treated\\s+(?:in|at)\\s+(?:[\\w-]+\\s+)?hospitals?',
  ],
  [
    'killed',
    'killed|kill(?:s|ing)?|died|dies|dying|dead|deaths?|death\\s+toll|toll|fatalit(?:y|ies)|perished|slain|murdered|executed|lives|bodies',
  ],
];

const EVENT_WORDS = new RegExp(`\\b(?:${EVENT_GROUPS.map(([m, p]) => `(?<${m}>${p})`).join('|')})\\b`, 'giu');

function eventOf(m: RegExpExecArray): EventMetric | null {
  const groups = m.groups ?? {};
  for (const [metric] of EVENT_GROUPS) if (groups[metric] !== undefined) return metric;
  return null;
}

/** The first event word in `s`. */
export function firstEvent(s: string): EventMetric | null {
  EVENT_WORDS.lastIndex = 0;
  const m = EVENT_WORDS.exec(s);
  return m ? eventOf(m) : null;
}

/** The event words `s` starts with ("taken prisoner", "killed"), if any. */
function eventAtStart(s: string): EventMetric | null {
  EVENT_WORDS.lastIndex = 0;
  const m = EVENT_WORDS.exec(s);
  return m && m.index === 0 ? eventOf(m) : null;
}

/** The last event word in `s`. */
export function lastEvent(s: string): EventMetric | null {
  EVENT_WORDS.lastIndex = 0;
  let last: EventMetric | null = null;
  for (let m = EVENT_WORDS.exec(s); m !== null; m = EVENT_WORDS.exec(s)) last = eventOf(m) ?? last;
  return last;
}

/** A verb (or a toll phrase) right before the number governs it: "killed 12", "put the toll at 2,000". */
const TOLL_VERB =
  '(?:at|of|to|rose\\s+to|reached|stands\\s+at|stood\\s+at|climbed\\s+to|is|was|has\\s+risen\\s+to|hit|passe[sd]|tops|topped|exceed(?:s|ed)|surpass(?:es|ed))';
const VERB_GROUPS: readonly [Metric, string][] = [
  ['casualties', `casualty\\s+toll\\s+${TOLL_VERB}`],
  [
    'killed',
    `killed|killing|kills|kill|lost|losing|loses|claimed\\s+the\\s+lives\\s+of|(?:the\\s+)?bodies\\s+of|(?:death\\s+)?toll\\s+${TOLL_VERB}`,
  ],
  ['injured', 'injured|injuring|injures|wounded|wounding|wounds|hurt'],
  ['evacuated', 'evacuated|evacuating|evacuates|evacuate'],
  ['displaced', 'displaced|displacing|displaces'],
  [
    'detained',
    'detained|detaining|arrested|arresting|captured|capturing|deported|deporting|abducted|kidnapped|took\\s+prisoner',
  ],
];
const VERB_BEFORE_RE = new RegExp(
  `\\b(?:${VERB_GROUPS.map(([m, p]) => `(?<${m}>${p})`).join('|')})\\s+(?:(?:a|an|the|some|another|further|more\\s+than|at\\s+least|nearly|almost|about|over)\\s+)*$`,
  'iu',
);

export const INHERIT_BEFORE =
  /\b(?:including|includes|include|among\s+(?:them|those|whom)|of\s+(?:whom|which|them|those)|incl\.)\s*[:,]?\s*$/i;
/** "Out of those, 2,116", "of them 50": a part of the figure before, not a count of its own kind. */
export const PART_OF_BEFORE =
  /\b(?:(?:out\s+)?of\s+(?:whom|them|those|these)|among\s+(?:them|those|whom))\s*[:,]?\s*$/i;

const DESTROY =
  /\b(?:destroy(?:ed|ing|s)?|demolish(?:ed|ing)?|raz(?:ed|ing)|flatten(?:ed|ing)|damag(?:ed|ing|es)|ruined|levelled|leveled|collapsed|hit|struck|burned|burnt)\b/i;
const FIRE = /\b(?:fired|firing|launched|launching|rained|struck|hit|hitting|targeted)\b/i;
/** Weapons shot down or destroyed are neither attacks made nor weapons delivered. */
const DOWNED = /\b(?:shot\s+down|intercepted|downed|destroyed|neutrali[sz]ed)\b/i;
/** People set free or exchanged are counted apart from those held: "released 215 prisoners of war". */
const RELEASED =
  /\b(?:released|releasing|release|freed|freeing|exchanged|exchange|swap(?:ped)?|handed\s+over|repatriated)\b/i;
/** People who went back: "5.5 million internally displaced persons have come back home". */
const RETURNED =
  /^\W*(?:(?:have|has|had|now|already|since|also)\s+)*(?:returned|come\s+back|came\s+back|gone\s+back|gone\s+home|went\s+back)\b/i;
/** Nothing but a list separator or a revision between two figures: they count the same thing. */
const SEPARATOR = /^\s*(?:,|;|,?\s*(?:and|or|plus|as\s+well\s+as|to)|,\s*(?:and|as\s+well\s+as))\s*$/i;
/** Fleeing a city or its region is displacement, not flight abroad: "have fled the city". */
const FLED_LOCALLY =
  /^\W*(?:(?:have|has|had|now|already)\s+)*(?:fled|left|escaped)\s+(?:the\s+(?:city|town|village|region|area|port|capital|camp|district)|their\s+(?:homes|villages|towns))\b/i;
/**
 * People who left a country, whatever the verb: "6 million had evacuated from Ukraine", "left Syria"; and,
 * after figures of refugees, those who "had gone to Romania". Group 1 is the verb, group 2 the name.
 */
/** `left` → `[Ll]eft`: a word in either case (headlines capitalise) in a pattern that is otherwise case-sensitive. */
const anyCase = (words: string): string =>
  words.replace(/\b([a-z])/g, (_m, c: string) => `[${c.toUpperCase()}${c}]`);
const MOVING_AUX = anyCase('have|has|had|been|were|was|now|already|since|reportedly|also');
const LEFT_OR_REACHED = new RegExp(
  `^\\W*(?:(?:${MOVING_AUX})\\s+)*(${anyCase('evacuated|left|escaped|fled|gone|went|moved|travelled|traveled|arrived|crossed')})\\s+(?:${anyCase('from|out of|to|into|in|for')})?\\s*(?:${anyCase('the')}\\s+)?(\\p{Lu}[\\p{L}'-]*(?:\\s+\\p{Lu}[\\p{L}'-]*){0,2})`,
  'u',
);
const ANOTHER_BEFORE = /\b(?:another|a\s+further|an\s+additional)\s+$/i;
const DEPARTED = /^\W*(?:(?:have|has|had|already|also|since)\s+)*(?:left|departed|escaped|gone)\b/i;
const DEPARTURES: ReadonlySet<Metric> = new Set<Metric>([
  'fled_abroad',
  'displaced',
  'internally_displaced',
  'evacuated',
]);
/** Displaced "within the country" is internal displacement. */
const WITHIN_COUNTRY =
  /^\W*(?:people\s+|persons\s+)?(?:inside|within)\s+(?:the|their(?:\s+own)?)\s+country\b/i;
/** "victims of direct killings": deaths, not the killed and injured together. */
const KILLINGS_AFTER =
  /^\W*(?:victims?\s+)?of\s+(?:[\w-]+\s+){0,2}(?:killings|murders?|massacres?|executions?)\b/i;
const AID =
  /\b(?:aid|assistance|package|pledg(?:e|ed|es|ing)|funding|fund|grants?|donat(?:ed|ion|ions|e)|loans?|contribution|support|relief|humanitarian|budget|allocat(?:ed|ion)|financing|tranche|commitment|committed|approved|sent|provide[ds]?)\b/i;

/** Words between a figure's noun and its verb that say nothing about what is counted. */
const HEDGE =
  /^(?:have|has|had|were|was|are|is|will|would|could|may|might|been|be|being|now|already|also|reportedly|still|so|far|all|said|reported|believed|thought|feared|estimated|considered|understood|known|expected|due|likely|set|scheduled|projected|to|remain|remained|remains|since|then|later|each|both)$/i;

/** A past participle or gerund: a verb that is not an event word counts something else. */
const IS_VERB =
  /^(?:[a-z]{2,}(?:ed|ing)|taken|given|driven|shown|seen|known|held|left|kept|found|brought|sent|caught|gone|become|begun|run)$/;

/**
 * The verb a figure's noun is subject of: `people had died` → killed; `people have returned` → a verb
 * that counts nothing in the vocabulary (`other`, so no event word further off is taken instead); null
 * when no verb follows.
 */
export function predicateMetric(own: string, military: boolean): Metric | null {
  const tokens = own.slice(0, 80).split(/\s+/).filter(Boolean);
  for (let i = 0; i < tokens.length && i < 7; i++) {
    const t = tokens[i]!.replace(/[^\p{L}'-]/gu, '');
    if (t === '') return null;
    if (HEDGE.test(t)) continue;
    const event = eventAtStart(tokens.slice(i, i + 5).join(' '));
    if (event) return event;
    if (military && /^(?:lost|lose|loses)$/i.test(t)) return 'killed';
    if (IS_VERB.test(t) && !/^(?:including|according|during|following|amid|nothing|something)$/.test(t))
      return 'other';
    return null;
  }
  return null;
}

export interface MetricEvidence {
  np: NounPhrase;
  /** Currency of the amount, if any. */
  currency: string | null;
  /** Text right before the number within its clause (after the previous figure). */
  lead: string;
  /** Text after the noun phrase up to the next figure or the clause end. */
  own: string;
  /** Text right after the number (noun phrase included), a few words. */
  after: string;
  /** The clause the figure stands in. */
  clause: string;
  /** The metric of the figure this one follows or is part of, if any. */
  previous: Metric | null;
  /** The clause after an `including ...` apposition right after the figure: where its verb is. */
  afterApposition: string;
  /** The metric of the last figure in the sentence or two before, if any. */
  recent?: Metric | null;
  /** What kind of place a name (as written) is, if any: a gazetteer lookup, kept out of this module. */
  placeKind?: (name: string) => 'country' | 'region' | 'city' | undefined;
}

function verbBefore(lead: string, own: string): Metric | null {
  const m = VERB_BEFORE_RE.exec(lead.slice(-64));
  if (!m?.groups) return null;
  for (const [metric, hit] of Object.entries(m.groups)) {
    if (hit === undefined) continue;
    if (
      metric === 'killed' &&
      /^(?:lost|losing|loses)$/i.test(hit) &&
      /^\W*(?:[\w-]+\s+){0,2}homes\b/i.test(own)
    ) {
      return 'displaced';
    }
    return metric as Metric;
  }
  return null;
}

export function readMetric(e: MetricEvidence): Metric {
  return refine(baseMetric(e), e);
}

/** Narrows what the evidence first says by what surrounds it: released, returned, fled locally. */
function refine(metric: Metric, e: MetricEvidence): Metric {
  const near = `${e.lead.slice(-60)} ${e.own.slice(0, 60)}`;
  if (metric === 'detained' && RELEASED.test(near)) return 'other';
  if ((metric === 'internally_displaced' || metric === 'displaced') && RETURNED.test(e.own)) return 'other';
  if (metric === 'displaced' && (WITHIN_COUNTRY.test(e.own) || withinCountry(e)))
    return 'internally_displaced';
  if (metric === 'fled_abroad' && FLED_LOCALLY.test(e.own)) return 'displaced';
  if (metric === 'casualties' && KILLINGS_AFTER.test(e.after + e.own)) return 'killed';
  if (metric !== 'evacuated' && metric !== 'other' && metric !== 'fled_abroad') return metric;
  const moved = movement(e);
  if (!moved) return metric;
  const leftIt = moved.leaving && !moved.into;
  if (
    moved.kind === 'country' &&
    metric !== 'fled_abroad' &&
    (leftIt || (e.previous ?? e.recent) === 'fled_abroad')
  )
    return 'fled_abroad';
  // "150,000 fled Mariupol": fleeing a town or a region is displacement.
  if (metric === 'fled_abroad' && moved.kind !== 'country' && leftIt) return 'displaced';
  return metric;
}

/**
 * Where a figure's people went, when its words say so: the kind of place they left or reached ("fled
 * Mariupol", "had evacuated from Ukraine", "had gone to Romania"), whether the verb is one of leaving, and
 * whether the place is where they went ("to", "into") rather than where they left.
 */
function movement(
  e: MetricEvidence,
): { kind: 'country' | 'region' | 'city'; leaving: boolean; into: boolean } | undefined {
  const m = e.placeKind ? LEFT_OR_REACHED.exec(e.own) : null;
  if (!m) return undefined;
  const words = m[2]!.split(/\s+/);
  // "Central African Republic", not "Romania Monday": the longest run of words that is a place.
  let kind: 'country' | 'region' | 'city' | undefined;
  for (let n = words.length; n > 0 && !kind; n--) kind = e.placeKind!(words.slice(0, n).join(' '));
  if (!kind) return undefined;
  return {
    kind,
    leaving: /^(?:evacuated|left|escaped|fled)$/.test(m[1]!.toLowerCase()),
    into: /\b(?:to|into|in|for)\s*(?:the\s+)?$/i.test(e.own.slice(0, m.index + m[0].length - m[2]!.length)),
  };
}

const WITHIN_NAMED =
  /^\W*(?:(?:are|were|is|was|have|has|had|been|now|remain|remained|still|internally)\s+)*(?:people\s+|persons\s+)?(?:displaced\s+)?(?:inside|within)\s+(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){0,2})/u;

/** "displaced within Sudan": a country's own displaced. */
function withinCountry(e: MetricEvidence): boolean {
  const m = e.placeKind ? WITHIN_NAMED.exec(e.own) : null;
  return m !== null && e.placeKind!(m[1]!) === 'country';
}

function baseMetric(e: MetricEvidence): Metric {
  const { np } = e;
  if (e.currency) return AID.test(e.clause) ? 'aid_money' : 'other';

  // "thousands dead or injured": both halves right after the number.
  if (/^\W*(?:[\w-]+\s+){0,1}(?:killed|dead)\s+(?:or|and)\s+(?:injured|wounded)\b/i.test(e.after))
    return 'casualties';

  if (np.metric) return np.metric;
  if (np.thing === 'building')
    return DESTROY.test(e.own) || DESTROY.test(e.lead) ? 'buildings_destroyed' : 'other';
  if (np.thing === 'weapon') {
    if (DOWNED.test(e.own.slice(0, 60)) || DOWNED.test(e.lead.slice(-60))) return 'other';
    return FIRE.test(e.own.slice(0, 60)) || FIRE.test(e.lead.slice(-40)) ? 'attacks' : 'weapons';
  }

  // "553 others injured", "including 21 children", "hundreds more were being sent": a predicate of its
  // own decides, else it counts what the figure before counts.
  if ((np.inherit || INHERIT_BEFORE.test(e.lead.slice(-24))) && e.previous)
    return firstEvent(e.own.slice(0, 30)) ?? e.previous;

  // "150,000 fled Mariupol ... and another 140,000 left": more of the same people leaving.
  if (ANOTHER_BEFORE.test(e.lead) && e.previous && DEPARTURES.has(e.previous) && DEPARTED.test(e.own))
    return e.previous;

  const verb = verbBefore(e.lead, e.own);
  if (verb) return verb;
  // "1,709 women, 229 girls and 318 boys", "from around 1400 to roughly 1200": one list, one measure.
  if (e.previous && e.previous !== 'other' && SEPARATOR.test(e.lead)) {
    return predicateMetric(e.own, np.subject === 'military') ?? e.previous;
  }
  // "three Baltic countries", "The 3 charts that explain ... refugee crisis": it counts something else.
  if (np.unknown) return 'other';

  const predicate =
    predicateMetric(e.own, np.subject === 'military') ?? predicateMetric(e.afterApposition, false);
  if (predicate) return predicate;

  const after = firstEvent(e.own) ?? firstEvent(e.afterApposition.slice(0, 60));
  if (after) return after;

  // "killed 12 people in Kharkiv and 5 in Sumy": a bare number continues the figure before it.
  return lastEvent(e.lead.slice(-120)) ?? (np.head === null ? e.previous : null) ?? 'other';
}
