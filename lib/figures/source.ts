/**
 * Who a text attributes a figure to: `X said`, `said X`, `according to X`, `X put the toll at`, `the
 * figures were published by X`. Names are normalised so that the same source reads the same everywhere:
 * OHCHR and "the United Nations human rights office" are `UN human rights office`, Zelensky / Zelenskyi /
 * Zelenskyy are `Zelenskyy`, "Russia" and "Moscow" as speakers are `Kremlin`, "Kyiv Mayor Vitali
 * Klitschko" is `Vitali Klitschko`, "the mayor" in a sentence about Mariupol is `Mariupol mayor`.
 */

export type SourceKind = 'person' | 'org' | 'he' | 'it' | 'newspaper' | 'title';

export interface Source {
  name: string;
  kind: SourceKind;
}

export interface Attribution {
  /** Offset of the attribution verb (or `according to`). */
  at: number;
  end: number;
  source: Source;
  /** `predicted`, `forecast`, `projected`, `expects`: the figure is a forecast. */
  forecast: boolean;
  /** `according to X`: attributes its whole clause, before and after. */
  according: boolean;
}

/** Ordered: the first that matches names the source. */
const ORGS: readonly [RegExp, string][] = [
  [
    /\bOHCHR\b|\bHRMMU\b|\b(?:UN|U\.N\.|United Nations)(?:['’]s)?\s+(?:human\s+rights|rights)\b|High\s+Commissioner\s+for\s+Human\s+Rights|human\s+rights\s+monitoring\s+mission/i,
    'UN human rights office',
  ],
  [
    /\bUNHCR\b|\b(?:UN|U\.N\.|United Nations)(?:['’]s)?\s+refugee\s+agency|High\s+Commissioner\s+for\s+Refugees/i,
    'UNHCR',
  ],
  [/\bUNICEF\b/, 'UNICEF'],
  [/\bIOM\b|International\s+Organi[sz]ation\s+for\s+Migration/, 'IOM'],
  [/\bOCHA\b/, 'OCHA'],
  [/\bWHO\b|World\s+Health\s+Organi[sz]ation/, 'WHO'],
  [/\bKomsomolskaya\s+Pravda\b/i, 'Komsomolskaya Pravda'],
  [/\bPentagon\b/, 'Pentagon'],
  [
    /\b(?:Russian|Russia['’]s)\s+(?:defen[cs]e|military)\s+ministry\b|\bMinistry\s+of\s+Defen[cs]e\s+of\s+(?:Russia|the\s+Russian\s+Federation)\b|\bRussian\s+Ministry\s+of\s+Defen[cs]e\b/i,
    'Russian defence ministry',
  ],
  [
    /\b(?:Ukrainian|Ukraine['’]s)\s+(?:defen[cs]e|military)\s+ministry\b|\bUkrainian\s+Ministry\s+of\s+Defen[cs]e\b|\bGeneral\s+Staff\b/i,
    'Ukrainian military',
  ],
  [
    /\b(?:British|Britain['’]s|UK|U\.K\.)\s+(?:defen[cs]e\s+ministry|Ministry\s+of\s+Defen[cs]e|military\s+intelligence)\b/i,
    'UK defence ministry',
  ],
  [/\bZelensk(?:yy|yi|iy|ij|y)\b/i, 'Zelenskyy'],
  [/\bKlitschko\b/i, 'Vitali Klitschko'],
  [/\bPutin\b/, 'Vladimir Putin'],
  [/(?<!pro-)\bKremlin\b/i, 'Kremlin'],
  [
    /\b(?:Ukrainian|Ukraine['’]s)\s+(?:(?:government|military|health|defen[cs]e|interior|emergency|regional|local)\s+)?(?:officials?|authorities|government|officers?)\b/i,
    'Ukrainian officials',
  ],
  [
    /\b(?:Russian|Russia['’]s)\s+(?:(?:government|military|defen[cs]e)\s+)?(?:officials?|authorities|government)\b/i,
    'Russian officials',
  ],
  [
    /\b(?:US|U\.S\.|American|United\s+States)\s+(?:(?:defen[cs]e|government|military|intelligence|senior|administration)\s+)*officials?\b/i,
    'US officials',
  ],
  [
    /\b(?:Western|NATO|European|EU)\s+(?:(?:intelligence|defen[cs]e|military|government)\s+)?(?:officials?|estimates?|sources|intelligence)\b/i,
    'Western officials',
  ],
  [/\b(?:UN|U\.N\.|United\s+Nations)\b/, 'UN'],
];

/** Capitalised words that are not names: titles, sentence openers, descriptors, days and months. */
const NOT_NAME: ReadonlySet<string> = new Set(
  (
    'the a an officially meanwhile but and in on at already however separately elsewhere earlier later also now ' +
    'then of for from by with as so this that these those his her its their our president prime minister foreign ' +
    'defence defense interior deputy mayor governor spokesman spokeswoman spokesperson adviser advisor presidential ' +
    'secretary general gen chancellor chief head director director-general commander colonel col lt major maj dr ' +
    'mr mrs ms sir lord ambassador envoy senator sen rep representative official officials regional city military ' +
    'administration ukrainian russian american british german french polish us u.s. uk kyiv kiev mariupol kharkiv ' +
    'chernihiv odesa lviv donetsk said says according to last week month year today yesterday monday tuesday ' +
    'wednesday thursday friday saturday sunday january february march april may june july august september ' +
    'october november december early late mid ministry chairman leader ex former acting first vice state attorney ' +
    'prosecutor prosecutor-general ombudsman commissioner high council'
  ).split(' '),
);

/** A country or capital as a speaker: "Russia said", "Moscow said", "Kyiv says". */
const COUNTRY_SPEAKERS: ReadonlyMap<string, string> = new Map([
  ['russia', 'Kremlin'],
  ['moscow', 'Kremlin'],
  ['ukraine', 'Ukrainian officials'],
  ['kyiv', 'Ukrainian officials'],
  ['kiev', 'Ukrainian officials'],
  ['germany', 'Germany'],
  ['berlin', 'Germany'],
  ['britain', 'United Kingdom'],
  ['london', 'United Kingdom'],
  ['poland', 'Poland'],
  ['warsaw', 'Poland'],
  ['france', 'France'],
  ['paris', 'France'],
  ['washington', 'United States'],
  ['nato', 'NATO'],
  ['eu', 'EU'],
  ['brussels', 'EU'],
  ['romania', 'Romania'],
  ['moldova', 'Moldova'],
  ['hungary', 'Hungary'],
  ['slovakia', 'Slovakia'],
  ['turkey', 'Turkey'],
  ['reuters', 'Reuters'],
]);

const TITLES =
  /\b(mayor|governor|city\s+council|city\s+officials|city\s+authorities|regional\s+administration|local\s+officials|local\s+authorities|police|prosecutors?|health\s+ministry|emergency\s+services?|presidential\s+adviser)\b/i;
const NEWSPAPER = /\b(?:newspaper|tabloid|daily|paper|broadsheet|outlet|news\s+agency|agency)\b/i;
/** Unnamed groups: "officials", "Polish border guards", "aid agencies". */
const GROUP =
  /^(?:(?:some|two|three|several|many|local|senior)\s+)?(?:(Polish|Ukrainian|Russian|US|American|British|German|French|Western|European|Moldovan|Romanian|Hungarian|Slovak)\s+)?(officials?|authorities|rescuers|emergency\s+workers|witnesses|volunteers|medics|doctors|police|prosecutors|border\s+guards?|border\s+guard\s+service|aid\s+agencies|humanitarian\s+agencies|agencies|charities|NGOs|analysts|experts|monitors|observers)$/i;
/** Numbers in words: a phrase holding one is a figure, not a source. */
const NUMBER_WORDS =
  /\d|\b(?:million|thousand|hundred|dozens?|billion|one|two|three|four|five|six|seven|eight|nine|ten)\b/i;

/** Strips framing words around a source phrase: "figures from the mayor" → "the mayor". */
function strip(np: string): string {
  return np
    .replace(
      /^\s*(?:according\s+to\s+)?(?:(?:the\s+)?(?:latest\s+|official\s+|new\s+)?(?:figures|data|statistics|numbers|estimates?|tally|count|statement|report|reports|information)\s+(?:from|of|by|released\s+by|published\s+by)\s+)?/i,
      '',
    )
    .replace(
      /\s+(?:(?:monitoring|official|latest|own)\s+)?(?:statement|figures|data|report|tally|count|estimates?)\s*$/i,
      '',
    )
    .replace(/[\s,;:]+$/, '')
    .trim();
}

/**
 * The last run of capitalised words in `s`, title words and places dropped: "Kyiv Mayor Vitali Klitschko"
 * → "Vitali Klitschko". A lone capitalised first word followed by lower-case words ("Border guards", "Aid
 * agencies") is a sentence start, not a name.
 */
function nameIn(s: string): string | null {
  const tokens = s.split(/\s+/).filter(Boolean);
  let run: string[] = [];
  let runStart = 0;
  let best: string[] = [];
  let bestStart = 0;
  tokens.forEach((raw, i) => {
    const t = raw.replace(/^[("“'‘]+|[)"”'’,.;:]+$/g, '');
    // "Hope Relief International (HRI)": the acronym in brackets repeats the name, it does not extend it.
    if (raw.startsWith('(') && run.length) {
      [best, bestStart] = [run, runStart];
      run = [];
      return;
    }
    if (/^[\p{Lu}][\p{L}'’.-]*$/u.test(t)) {
      if (run.length === 0) runStart = i;
      run.push(t);
    } else {
      if (run.length) [best, bestStart] = [run, runStart];
      run = [];
    }
  });
  if (run.length) [best, bestStart] = [run, runStart];
  const lone = best.length === 1 && bestStart === 0 && tokens.length > 1;
  if (lone && !COUNTRY_SPEAKERS.has(best[0]!.toLowerCase().replace(/['’]s$/, ''))) return null;
  while (best.length && NOT_NAME.has(best[0]!.toLowerCase().replace(/['’]s$/, ''))) best = best.slice(1);
  if (best.length === 0) return null;
  return best.join(' ').replace(/['’]s$/, '');
}

export interface SourceContext {
  /** The place the sentence is about, for "the mayor" → "Mariupol mayor"; asked only when needed. */
  place(): string | null;
}

export const NO_PLACE: SourceContext = { place: () => null };

const PERSONS = /^(?:Zelenskyy|Vitali Klitschko|Vladimir Putin)$/;
/** All listed organisations in one pattern (one pass per phrase): group `o<i>` is ORGS[i]. */
const ORGS_ONE = new RegExp(ORGS.map(([re], i) => `(?<o${i}>${re.source})`).join('|'), 'gi');
/** Patterns written case-sensitive (`WHO`, `UN`) are checked again on their own after a match. */
const ORGS_CASE = ORGS.map(([re]) => (re.flags.includes('i') ? null : new RegExp(`^(?:${re.source})$`)));

/** The listed organisation named nearest the end of `s`, if any. */
function listedIn(s: string): string | null {
  let best: string | null = null;
  ORGS_ONE.lastIndex = 0;
  for (let m = ORGS_ONE.exec(s); m !== null; m = ORGS_ONE.exec(s)) {
    const groups = m.groups ?? {};
    for (let i = 0; i < ORGS.length; i++) {
      const hit = groups[`o${i}`];
      if (hit === undefined) continue;
      if (ORGS_CASE[i] && !ORGS_CASE[i]!.test(hit)) break;
      best = ORGS[i]![1];
      break;
    }
  }
  return best;
}

/** Whether a source is one of the listed organisations or people (not a guess from capitals). */
export function isListed(source: Source): boolean {
  return ORGS.some(([, name]) => name === source.name);
}

/** A normalised source from the words naming it, or null when they name nobody. */
export function normaliseSource(phrase: string, context: SourceContext): Source | null {
  const np = strip(phrase);
  if (np === '' || NUMBER_WORDS.test(np)) return null;
  const listed = listedIn(np) ?? listedIn(phrase.replace(NUMBER_WORDS, ' '));
  if (listed) return { name: listed, kind: PERSONS.test(listed) ? 'person' : 'org' };

  const bare = np.replace(/^(?:the|a|an)\s+/i, '');
  // "We counted 40 bodies," said the governor: the first person names nobody; the speaker after the quote does.
  if (/^(?:we|i|us|our|my)$/i.test(bare)) return null;
  if (/^(?:he|she)$/i.test(bare)) return { name: bare.toLowerCase(), kind: 'he' };
  if (/^(?:it|they|the\s+(?:agency|ministry|office|organi[sz]ation|mission|statement|report))$/i.test(bare)) {
    return { name: bare.toLowerCase(), kind: 'it' };
  }
  if (NEWSPAPER.test(np) && !nameIn(np.replace(/\b(?:pro-\S+)/g, ''))) {
    return { name: bare, kind: 'newspaper' };
  }

  const group = GROUP.exec(bare);
  if (group) {
    const who = group[2]!
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .replace(/^ngos$/, 'NGOs');
    if (group[1]) return { name: `${group[1]} ${who}`, kind: 'org' };
    const place = /^(?:police|prosecutors?|officials?|authorities)$/.test(who) ? context.place() : null;
    if (place) {
      return { name: `${place} ${who}`, kind: 'title' };
    }
    return { name: who.replace(/^official$/, 'officials'), kind: 'title' };
  }

  const name = nameIn(np);
  if (name) {
    const country = COUNTRY_SPEAKERS.get(name.toLowerCase());
    if (country) return { name: country, kind: 'org' };
    if (NEWSPAPER.test(np)) return { name, kind: 'org' };
    const words = name.split(' ').length;
    return { name, kind: words >= 2 && words <= 4 ? 'person' : 'org' };
  }

  const title = TITLES.exec(np);
  if (title) {
    const what = title[1]!.toLowerCase().replace(/\s+/g, ' ');
    const place = context.place();
    return { name: place ? `${place} ${what}` : what, kind: 'title' };
  }
  return null;
}

const VERBS =
  /\b(?:(?<according>according\s+to)|(?<forecastVerb>predicted|predicts|predict|forecast|forecasts|projected|projects|expects|expected)|(?<participle>saying|adding|citing|claiming|reporting|noting|warning|estimating)|(?<put>put|puts|putting|placed|places)(?=\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:toll|number|figure|count|total)\b)|(?<verb>said|says|say|told|tells|tell|reported|reports|report|confirmed|confirms|confirm|announced|announces|revealed|reveals|estimated|estimates|claimed|claims|claim|admitted|admits|admit|warned|warns|warn|stated|added|adds|recorded|has\s+recorded|have\s+recorded|verified|verifies|documented|counted|registered|published|publishes|quoted|quotes|tallied|noted|wrote|writes|posted|tweeted|acknowledged|acknowledges|conceded|concedes|showed|shows|indicated|indicates|listed|calculated|tallied))\b/gi;

const SUBJECT_BOUNDARY =
  /[;:"“”[\]—–,]|\b(?:that|but|and|while|whereas|because|although|though|when|after|before|which|who|as|so|then)\b/gi;

/** The subject right before a verb: after the last boundary, or the head of an appositive. */
function subjectBefore(before: string): string {
  const t = before.replace(/\s+$/, '');
  if (t.endsWith(',')) {
    // "Viacheslav Chaus, governor of the region ..., said": the name before the appositive.
    const parts = t.slice(0, -1).split(/,\s*/);
    return parts.length >= 2 ? parts[parts.length - 2]! : parts[0]!;
  }
  let cut = 0;
  SUBJECT_BOUNDARY.lastIndex = 0;
  for (let m = SUBJECT_BOUNDARY.exec(t); m !== null; m = SUBJECT_BOUNDARY.exec(t))
    cut = m.index + m[0].length;
  // "Border guards have counted", "Russia finally confirmed": the subject without its auxiliaries.
  return t
    .slice(cut)
    .replace(/(?:\s+(?:has|have|had|also|finally|now|previously|earlier|already|officially|again))+$/i, '');
}

/** A known organisation named anywhere in `s` (the one nearest its end). */
function organisationIn(s: string): Source | null {
  const name = listedIn(s.replace(NUMBER_WORDS, ' '));
  return name ? { name, kind: PERSONS.test(name) ? 'person' : 'org' } : null;
}

/**
 * Attributions in text[from, to): each verb with the source it names. Participles (`saying`) and verbs
 * whose subject is a pronoun keep the pronoun kind for the caller to resolve.
 */
export function findAttributions(
  text: string,
  from: number,
  to: number,
  context: SourceContext,
): Attribution[] {
  const s = text.slice(from, to);
  const out: Attribution[] = [];
  VERBS.lastIndex = 0;
  let last = 0;
  for (let m = VERBS.exec(s); m !== null; m = VERBS.exec(s)) {
    const g = m.groups ?? {};
    const at = from + m.index;
    const end = at + m[0].length;
    const forecast = g.forecastVerb !== undefined;
    if (g.participle !== undefined) continue;
    let source: Source | null = null;
    if (g.according !== undefined) {
      const rest = s.slice(m.index + m[0].length, m.index + m[0].length + 120);
      const np =
        rest.split(/[,.;:"“”()]|\s(?=\d)|\b(?:that|who|which|as|on|last|this|in|at|since|when)\b/)[0] ?? '';
      source = normaliseSource(np, context);
    } else {
      const before = s.slice(last, m.index);
      // "refugees have been recorded": a passive names no source (unless "by X", read elsewhere).
      if (/\b(?:been|be|being|is|are|was|were)\s+$/i.test(before)) {
        last = m.index + m[0].length;
        continue;
      }
      const inverted =
        /[,"”]\s*$/.test(before) &&
        /^\s+(?:[\p{Lu}]|the\s+[\p{Lu}]|a\s+[\p{Lu}])/u.test(s.slice(m.index + m[0].length));
      if (inverted) {
        const after =
          s
            .slice(m.index + m[0].length)
            .split(/[,.;:"“”]|\s(?:on|in|at|last|this|yesterday|today|told)\b/)[0] ?? '';
        source = normaliseSource(after, context);
      }
      if (!source) {
        const narrow = normaliseSource(subjectBefore(before), context);
        const listed = narrow !== null && (narrow.kind !== 'org' || isListed(narrow));
        // "The United Nations human rights office in Geneva, Switzerland revealed": the office, not the country.
        source = listed ? narrow : (organisationIn(before.slice(-120)) ?? narrow);
      }
    }
    last = m.index + m[0].length;
    if (source) out.push({ at, end, source, forecast, according: g.according !== undefined });
  }
  return out;
}

/** "The figures were published by X last Sunday": a sentence that attributes the figures before it. */
const BACKWARD =
  /^(?:The|These|Those|Both|All)\s+(?:(?:casualty|death|latest|new|official)\s+)?(?:figures?|numbers?|data|tolls?|estimates?|counts?|statistics|tallies)\s+(?:were|was|are|is|have\s+been|has\s+been|came|come|comes)\s+(?:first\s+|originally\s+)?(?:published|released|reported|provided|given|issued|compiled|announced|from|supplied)\s+(?:by\s+|from\s+)?/i;

/** The source a backward-attributing sentence names, or null. */
export function backwardAttribution(sentence: string, context: SourceContext): Source | null {
  const m = BACKWARD.exec(sentence);
  if (!m) return null;
  const rest = sentence.slice(m[0].length);
  const np =
    rest.split(/[,.;:]|\s(?:last|on|this|yesterday|today|citing|saying|who|which|in|after|before)\b/)[0] ??
    '';
  return normaliseSource(np, context);
}

/** A sentence that continues the one before: its unattributed figures keep the same source. */
export const CONTINUES =
  /^(?:In\s+addition|Additionally|Also|Moreover|Furthermore|Of\s+(?:that|those|these|them|this|the\s+dead|the\s+total)|Among\s+(?:them|those|the\s+dead|the\s+victims|the\s+killed)|That\s+(?:includes|number|figure|toll)|This\s+(?:includes|number|figure|toll)|The\s+(?:toll|figure|number|count)\s+(?:includes|also))\b|\b(?:are|is|were|was)\s+said\s+to\b|\breportedly\b/i;

/** The newspaper a descriptor ("a pro-Kremlin newspaper") refers to: the last one named before. */
const NAMED_PAPER =
  /\b(?:tabloid|newspaper|daily|paper|broadsheet|outlet)\s+((?:[\p{Lu}][\p{L}'’-]+\s?){1,4})/gu;
export function lastNewspaperNamed(text: string, from: number, to: number): string | null {
  const s = text.slice(from, to);
  let name: string | null = null;
  NAMED_PAPER.lastIndex = 0;
  for (let m = NAMED_PAPER.exec(s); m !== null; m = NAMED_PAPER.exec(s)) name = m[1]!.trim();
  if (name) return normaliseSource(name, NO_PLACE)?.name ?? name;
  return null;
}

/**
 * A headline or factbox line that names its source before a colon: "UN: 516 civilians killed",
 * "Zelenskyy: 1,300 soldiers lost". Only listed sources count ("Related:", "Watch:" are not sources).
 */
export function colonSource(sentence: string): Source | null {
  const colon = sentence.indexOf(':');
  if (colon < 1 || colon > 42) return null;
  const m = /^([\p{Lu}][^:\n]{0,40}):\s+\S/u.exec(sentence);
  if (!m) return null;
  const found = normaliseSource(m[1]!, NO_PLACE);
  return found && (isListed(found) || COUNTRY_SPEAKERS.has(m[1]!.trim().toLowerCase())) ? found : null;
}

/** A source named in parentheses at the end of a clause: "about 7.1 million (IOM)". */
export function parentheticalSource(clause: string): Source | null {
  const m = /\(([^()\d]{2,40})\)\W*$/.exec(clause);
  if (!m) return null;
  const found = normaliseSource(m[1]!, NO_PLACE);
  return found && (found.kind === 'org' || found.kind === 'person') ? found : null;
}

/**
 * Acronyms a text defines, "Hope Relief International (HRI)" → HRI: Hope Relief International, so that a
 * later "(HRI monitoring data)" names the organisation in full. Asked only when a source is an acronym.
 */
export function acronymsDefined(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /((?:[\p{Lu}][\p{L}'’-]*\s+){1,5})\(([\p{Lu}]{2,6})\)/gu;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const words = m[1]!.trim().split(/\s+/);
    const acronym = m[2]!;
    // The name is the run of capitalised words whose initials spell the acronym (ending right before it).
    const name = words.slice(-acronym.length);
    if (name.map((w) => w[0]).join('') === acronym) out.set(acronym, name.join(' '));
  }
  return out;
}
