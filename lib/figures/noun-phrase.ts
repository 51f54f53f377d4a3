/**
 * The words right after a number: what is counted (`civilians`, `Russian deaths`, `high-rise buildings`,
 * `Stinger anti-aircraft missiles`, `of its troops`). The head noun is the strongest evidence for both the
 * subject and, for nouns that name an event (`deaths`, `casualties`, `refugees`, `attacks`), the metric.
 */
import type { Metric, Subject } from '../types.ts';

export type Nationality = 'russian' | 'ukrainian';
export type Thing = 'building' | 'weapon';

export interface NounPhrase {
  /** The head noun, lower-cased, or null when a verb or punctuation follows the number. */
  head: string | null;
  subject: Subject | null;
  /** The metric an event noun names: `deaths` → killed, `refugees` → fled_abroad. */
  metric: Metric | null;
  thing: Thing | null;
  /** A nationality written in the phrase: `Russian deaths`, `Ukrainian troops`. */
  nationality: Nationality | null;
  /** `civilian casualties`, `civilian deaths`. */
  civilian: boolean;
  /** `553 others`, `hundreds more`, `of them`: the figure counts the same kind as the one before. */
  inherit: boolean;
  /** An unknown noun follows the number (`three Baltic countries`): it counts something else. */
  unknown: boolean;
  /** Offset just after the phrase. */
  end: number;
}

/** `'a b c'` → a map from each word to `value`. */
function words<T>(list: string, value: T): [string, T][] {
  return list.split(' ').map((w) => [w, value]);
}

const PERSON_NOUNS: ReadonlyMap<string, Subject> = new Map([
  ...words('civilians civilian noncombatants', 'civilians' as const),
  ...words('children child kids minors babies infants boys girls teenagers newborns', 'children' as const),
  ...words(
    'people persons person residents inhabitants individuals ukrainians men women citizens villagers patients ' +
      'locals adults elderly pensioners families survivors victims dead bodies migrants nationals foreigners ' +
      'students passengers workers journalists volunteers rescuers firefighters policemen protesters',
    'people' as const,
  ),
  ...words(
    'troops soldiers servicemen servicemembers personnel marines paratroopers conscripts mercenaries fighters ' +
      'combatants defenders sailors pilots officers generals military forces reservists recruits crew ' +
      'militants terrorists gunmen insurgents rebels jihadists',
    'military' as const,
  ),
  ...words('medics doctors nurses paramedics', 'health_workers' as const),
]);

/** Nouns that name what happened. */
const EVENT_NOUNS: ReadonlyMap<string, Metric> = new Map([
  ...words('deaths death fatalities lives dead killed bodies losses', 'killed' as const),
  ...words('casualties casualty victims', 'casualties' as const),
  ...words('injuries injured wounded', 'injured' as const),
  ...words('refugees refugee crossings arrivals', 'fled_abroad' as const),
  ...words('idps idp', 'internally_displaced' as const),
  ...words('evacuees', 'evacuated' as const),
  ...words('prisoners detainees captives pows hostages', 'detained' as const),
  ...words('attacks airstrikes strikes raids bombings assaults incidents', 'attacks' as const),
]);

/** Participles before a person noun that name what happened to them: "displaced people". */
const DESCRIBING: ReadonlyMap<string, Metric> = new Map([
  ...words('displaced homeless', 'displaced' as const),
  ...words('wounded injured', 'injured' as const),
  ...words('missing', 'missing' as const),
  ...words('evacuated', 'evacuated' as const),
  ...words('trapped stranded', 'trapped' as const),
  ...words('detained captured', 'detained' as const),
]);

const THING_NOUNS: ReadonlyMap<string, Thing> = new Map([
  ...words(
    'buildings homes houses blocks schools hospitals structures bridges facilities high-rises apartments ' +
      'churches kindergartens clinics objects sites dwellings',
    'building' as const,
  ),
  ...words(
    'missiles weapons tanks howitzers drones rockets launchers javelins stingers rifles guns rounds shells ' +
      'munitions grenades jets aircraft planes helicopters vehicles systems mines cannons warplanes bayraktars himars',
    'weapon' as const,
  ),
]);

const NATIONALITY_WORDS: ReadonlyMap<string, Nationality> = new Map([
  ...['russian', "russia's", 'russia’s', "putin's", 'putin’s', "kremlin's", "moscow's"].map(
    (w) => [w, 'russian'] as const,
  ),
  ...['ukrainian', "ukraine's", 'ukraine’s', "kyiv's", "kiev's"].map((w) => [w, 'ukrainian'] as const),
]);

/** Words that end the phrase: verbs, auxiliaries, prepositions, conjunctions. */
const STOP_WORDS: ReadonlySet<string> = new Set([
  'had',
  'have',
  'has',
  'were',
  'was',
  'are',
  'is',
  'been',
  'be',
  'being',
  'will',
  'would',
  'could',
  'may',
  'might',
  'should',
  'must',
  'in',
  'on',
  'at',
  'by',
  'from',
  'to',
  'for',
  'with',
  'since',
  'through',
  'amid',
  'during',
  'after',
  'before',
  'into',
  'across',
  'and',
  'or',
  'but',
  'while',
  'who',
  'which',
  'that',
  'as',
  'than',
  'so',
  'said',
  'says',
  'say',
  'according',
  'now',
  'still',
  'already',
  'died',
  'fled',
  'remain',
  'remained',
  'remaining',
  'left',
  'last',
  'this',
  'a',
  'an',
]);

const TOKEN = /[\p{L}][\p{L}'’-]*|[^\s\p{L}]/gu;
const MAX_WORDS = 5;

/**
 * `isDemonym` tells a people's name (`Palestinian`, `Sudanese`) from other words: "3,785 Palestinians",
 * "40 Sudanese were killed" count people. It comes from the gazetteer, which this module does not load.
 */
export function readNounPhrase(
  text: string,
  from: number,
  to: number,
  isDemonym: (word: string) => boolean = () => false,
): NounPhrase {
  const np: NounPhrase = {
    head: null,
    subject: null,
    metric: null,
    thing: null,
    nationality: null,
    civilian: false,
    inherit: false,
    unknown: false,
    end: from,
  };
  const slice = text.slice(from, Math.min(to, from + 80));
  TOKEN.lastIndex = 0;
  let words = 0;
  let afterOf = false;
  let internally = false;
  let adjective: Metric | null = null;
  for (let m = TOKEN.exec(slice); m !== null && words < MAX_WORDS; m = TOKEN.exec(slice)) {
    const raw = m[0];
    const end = from + m.index + raw.length;
    if (!/\p{L}/u.test(raw[0]!)) {
      if (raw === '-' || raw === '–') continue;
      break;
    }
    words++;
    const w = raw.toLowerCase();
    const nationality = NATIONALITY_WORDS.get(w);
    if (nationality) {
      np.nationality = nationality;
      np.end = end;
      continue;
    }
    if (w === 'of') {
      afterOf = true;
      continue;
    }
    if (afterOf && (w === 'them' || w === 'whom' || w === 'those' || w === 'these')) {
      np.inherit = true;
      np.end = end;
      break;
    }
    if (w === 'more' || w === 'other' || w === 'further' || w === 'additional') {
      np.inherit = true;
      np.end = end;
      continue;
    }
    if (w === 'others') {
      np.inherit = true;
      np.head = w;
      np.end = end;
      break;
    }
    if (w === 'civilian') {
      np.civilian = true;
      np.end = end;
      // "civilian casualties" goes on; "53 civilian" alone is rare.
      continue;
    }
    // "internally displaced people", "wounded soldiers": the participle says what the people count for.
    if (w === 'internally') {
      internally = true;
      continue;
    }
    const described = DESCRIBING.get(w);
    if (described) {
      const next = /^[\s-]+([\p{L}][\p{L}'’-]*)/u.exec(text.slice(end, end + 30))?.[1]?.toLowerCase();
      if (next && PERSON_NOUNS.has(next)) {
        adjective = internally && described === 'displaced' ? 'internally_displaced' : described;
        continue;
      }
    }
    // "3,785 Palestinians", "40 Sudanese were killed"; "40 Sudanese soldiers" goes on to its noun.
    if (/^\p{Lu}/u.test(raw) && !NATIONALITY_WORDS.has(w)) {
      const plural = /s$/.test(raw) && isDemonym(raw.slice(0, -1));
      if (plural || isDemonym(raw)) {
        const next = /^[\s-]+([\p{L}][\p{L}'’-]*)/u.exec(text.slice(end, end + 30))?.[1]?.toLowerCase();
        const noun =
          next !== undefined && (PERSON_NOUNS.has(next) || EVENT_NOUNS.has(next) || THING_NOUNS.has(next));
        if (!noun) {
          np.head = w;
          np.subject = 'people';
          np.metric = adjective;
          np.end = end;
          break;
        }
        np.end = end;
        continue;
      }
    }
    const person = PERSON_NOUNS.get(w);
    const event = EVENT_NOUNS.get(w);
    const thing = THING_NOUNS.get(w);
    if (person || event || thing) {
      np.head = w;
      np.subject = person ?? null;
      np.metric = event ?? (person ? adjective : null);
      np.thing = thing ?? null;
      np.end = end;
      // "health workers", "medical staff"
      break;
    }
    if (w === 'health' || w === 'medical' || w === 'aid' || w === 'humanitarian') {
      const next = /^\s+(?:care\s+)?(?:workers|staff|personnel|volunteers)\b/i.exec(
        text.slice(end, end + 30),
      );
      if (next) {
        np.head = 'health workers';
        np.subject = 'health_workers';
        np.end = end + next[0].length;
        break;
      }
    }
    if (STOP_WORDS.has(w)) break;
    // "another 1,700 expected to leave": a participle ends the phrase unless a known noun follows it
    // ("58 armoured vehicles").
    if (/(?:ed|ing)$/.test(w)) {
      const next = /^[\s-]+([\p{L}][\p{L}'’-]*)/u.exec(text.slice(end, end + 30))?.[1]?.toLowerCase();
      if (!next || !(PERSON_NOUNS.has(next) || EVENT_NOUNS.has(next) || THING_NOUNS.has(next))) break;
      continue;
    }
    if (afterOf && (w === 'its' || w === 'their' || w === 'the' || w === 'his' || w === 'her' || w === 'our'))
      continue;
    np.unknown = true;
  }
  if (np.head !== null) np.unknown = false;
  return np;
}
