/**
 * Figures limited to a narrower event than the general count of their metric (Reading.scope): deaths in
 * attacks on health care, the toll of one strike, refugees counted as border crossings or as people
 * registered for protection. They count different things from the national tolls and must never be
 * compared with them.
 */
import type { Metric, Reading, Subject } from '../types.ts';
import { PART_OF_BEFORE } from './metric.ts';

const HEALTH_ATTACKS =
  /\battacks?\s+(?:on|against)\s+(?:health|hospitals?|medical|healthcare|ambulances?|clinics?|maternity)/i;
const ONE_ATTACK =
  /\bwhen\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:missile|rocket|bomb|shell|strike|attack|drone|airstrike)\s+(?:hit|struck|landed|exploded|slammed)|\b(?:in|by|during|from)\s+(?:(?:a|the|one|this|that|Monday['’]s|Tuesday['’]s|Wednesday['’]s|Thursday['’]s|Friday['’]s|Saturday['’]s|Sunday['’]s|yesterday['’]s|today['’]s|last\s+night['’]s)\s+(?:[\w-]+\s+){0,3}(?:strike|attack|shelling|bombing|explosion|blast|airstrike|air\s+strike|raid|assault)|(?:[\w-]+\s+){0,2}(?:strike|attack|explosion|blast|bombing|airstrike|air\s+strike|raid))(?![\w-])/i;
/** The clause is about one attack: "A missile strike on the railway station ... killed 50 people". */
const ONE_ATTACK_SUBJECT =
  /^\W*(?:(?:[\w'’-]+\s+){1,5}(?:said|says|reported|claimed|added)\s+(?:that\s+)?)?(?:An?|The|One|Monday['’]s|Tuesday['’]s|Wednesday['’]s|Thursday['’]s|Friday['’]s|Saturday['’]s|Sunday['’]s|Yesterday['’]s|Today['’]s)\s+(?:[\w-]+\s+){0,3}(?:strike|attack|shelling|bombing|explosion|blast|airstrike|air\s+strike|raid|assault)(?![\w-])/i;
const BORDER = /\bcross(?:ed|ing)?\s+(?:into|the\s+border|over)|\bcrossings?\b|\barrivals?\b/i;
const PROTECTION = /\bregistered\s+for\s+(?:temporary\s+)?protection|temporary\s+protection/i;

const HARM: ReadonlySet<Metric> = new Set<Metric>(['killed', 'injured', 'casualties', 'attacks', 'missing']);
/** What one disaster does: its toll is that event's, never a war's running total. */
const DISASTER_HARM: ReadonlySet<Metric> = new Set<Metric>([
  'killed',
  'injured',
  'casualties',
  'missing',
  'displaced',
  'evacuated',
  'trapped',
  'buildings_destroyed',
]);
/** A natural or accidental disaster named in the clause, and the scope word it gives. */
const DISASTERS: readonly [RegExp, string][] = [
  [/\b(?:earthquakes?|quakes?|tremors?|aftershocks?|temblors?)\b/i, 'earthquake'],
  [/\b(?:floods?|flooding|flash\s+floods?|dam\s+(?:burst|collapse|breach))\b/i, 'flood'],
  [/\b(?:cyclones?|hurricanes?|typhoons?|tropical\s+storms?|storms?)\b/i, 'storm'],
  [/\b(?:landslides?|mudslides?|avalanches?)\b/i, 'landslide'],
  [/\b(?:tsunamis?)\b/i, 'tsunami'],
  [/\b(?:wildfires?|bushfires?|forest\s+fires?)\b/i, 'wildfire'],
];
const CAUSE_AFTER =
  /^\W*(?:[\w'-]+\s+){0,4}?(?:in|from|by|after|during|when|as)\s+(?:the\s+|a\s+|an\s+|this\s+|[\w-]+['’]s\s+)?(?:[\w.-]+\s+){0,3}?[\w-]+/i;
/** Scopes that mark one incident: its toll grows for a few days, like a running total of its own. */
export const EVENT_SCOPES: ReadonlySet<string> = new Set([
  'one attack',
  ...DISASTERS.map(([, scope]) => scope),
]);

/** `context`: the figure's clause up to the end of its own words; `before`: the clause before the figure. */
export function readScope(
  metric: Metric,
  context: string,
  own: string,
  before: string = context,
): string | null {
  if (HARM.has(metric)) {
    if (HEALTH_ATTACKS.test(context)) return 'health care attacks';
    if (
      metric !== 'attacks' &&
      (ONE_ATTACK.test(own) || ONE_ATTACK.test(context.slice(-120)) || ONE_ATTACK_SUBJECT.test(context))
    ) {
      return 'one attack';
    }
  }
  if (DISASTER_HARM.has(metric)) {
    // Named in the clause before the figure ("the toll from the earthquake rose to"), or as the cause right
    // after it ("injured in the quakes"), not as scenery ("villages cut off by landslides").
    const cause = CAUSE_AFTER.exec(own.slice(0, 100))?.[0] ?? '';
    for (const [words, scope] of DISASTERS) if (words.test(before) || words.test(cause)) return scope;
  }
  if (metric === 'fled_abroad') {
    if (PROTECTION.test(context)) return 'registered for protection';
    if (BORDER.test(context)) return 'border crossings';
  }
  return null;
}

/** Nouns that split a toll by sex or age: "1,832 were women", "175 girls and 216 boys". */
const SEX_OR_AGE = new Set(['women', 'men', 'girls', 'boys', 'adults', 'elderly', 'pensioners']);
const PREDICATE_GROUP =
  /^\W*(?:were|are|was|is)\s+(women|men|girls|boys|adults|elderly|pensioners|children)\b/i;
/** A breakdown by sex in the sentence: "175 girls and 216 boys, as well as 38 children ...". */
const BY_SEX = /\d[\d,.]*\s+(?:women|men|girls|boys)\b/i;

/**
 * A count of one sex or age group is a part of a toll, never the toll of its subject: its head noun is
 * its scope. Children are their own subject, except in a breakdown by sex, where "38 children" are those
 * whose sex is unknown.
 */
export function breakdownScope(head: string | null, sentence: string, own = ''): string | null {
  // "2,719 were men": the group named by the predicate when the number has no noun.
  const h = (head ?? PREDICATE_GROUP.exec(own)?.[1] ?? '').toLowerCase();
  if (h === '') return null;
  if (SEX_OR_AGE.has(h)) return h;
  if (h === 'children' && BY_SEX.test(sentence)) return 'children of unknown sex';
  return null;
}

/** "the 6,884": a definite article right before the number. */
export const RESTATED = /\bthe\s+$/i;
/** Nothing but a list word between two figures: "2,116 casualties, with 483 killed and 1,633 wounded". */
const LISTED = /^\s*(?:,|;|:|,?\s*(?:with|and|or|plus|as\s+well\s+as|including)|,\s*(?:and|with))\s*$/i;
/** What marks a figure that is only a part of another's count. */
const PART_SCOPE = 'part of a larger count';

/**
 * The scope a figure takes from the one it is part of: a part of a toll is never the toll itself. "Out of
 * those, 2,116 casualties ... were registered on the territories controlled by Russian troops" counts the
 * same people as the national toll, narrowed by words no table names: a scope that compares with nothing.
 * The figures listed with such a part ("with 483 killed") are parts too.
 */
export function partScope(
  antecedent: Reading | null,
  subject: Subject,
  lead: string,
  restated: Reading | undefined,
): string | null {
  if (restated) return restated.scope ?? null;
  if (!antecedent) return null;
  if (PART_OF_BEFORE.test(lead.slice(-24)) && subject === antecedent.subject) return PART_SCOPE;
  if (antecedent.scope && LISTED.test(lead)) return antecedent.scope;
  return null;
}

/** "the attack", "the strike": an incident the text has already introduced. */
const THE_INCIDENT =
  /\b(?:the|that|this)\s+(?:(?:missile|rocket|drone|air|Russian|Israeli|deadly)\s+)?(?:attack|strike|airstrike|blast|explosion|bombing|shelling)\b/i;
const INCIDENT_HARM: ReadonlySet<Metric> = new Set<Metric>(['killed', 'injured', 'casualties', 'missing']);

/**
 * "... had been at the station at the time of the attack. He said 98 people were wounded": a toll right
 * after a sentence about one incident, in the same paragraph, with no clause of its own saying otherwise,
 * is that incident's.
 */
export function sceneScope(
  metric: Metric,
  sceneText: string,
  clauseBefore: string,
  clauseHasScope: boolean,
): string | null {
  if (!INCIDENT_HARM.has(metric) || !THE_INCIDENT.test(sceneText)) return null;
  if (clauseHasScope || /\b(?:since|so\s+far|in\s+total|total)\b/i.test(clauseBefore)) return null;
  return 'one attack';
}
