/**
 * Who (or what) a figure counts (docs/figures-and-claims.md, "Subject"). The noun after the number decides
 * when there is one; `others`/`more`/`including` take the subject of the figure before; a bare number
 * (`4,253 had been killed`) takes it from its clause (`the civilian death toll at over 2,000`), the figure
 * before it in the sentence, or the last figure of the paragraph (`9,394 civilian casualties. Of that
 * number ... 4,253`). Soldiers get a side when the text gives one (`Russian deaths`, `Putin's forces`, `its
 * troops` after Russia).
 */
import { PEOPLE_METRICS, type Metric, type Reading, type Subject } from '../types.ts';
import type { Nationality, NounPhrase } from './noun-phrase.ts';

/**
 * Displacement counts everyone who moved: "3.2 million civilians have fled" and "3.8 million people fled"
 * are the same measure, so they are one subject (children stay apart: a subset).
 */
const DISPLACEMENT: ReadonlySet<Metric> = new Set<Metric>([
  'fled_abroad',
  'internally_displaced',
  'displaced',
  'evacuated',
  'trapped',
]);

const CIVILIAN_WORD = /\bcivilians?\b/i;
const MILITARY_WORD =
  /\b(?:troops|soldiers|servicemen|servicemembers|military|army|forces|personnel|fighters|marines|paratroopers|conscripts|mercenaries)\b/gi;
const CHILD_WORD = /\bchildren\b/i;
const NATIONALITY_CUE =
  /\b(?:(Russian|Russia['’]s|Putin['’]s|Kremlin['’]s|Moscow['’]s|Russia|Moscow|Kremlin)|(Ukrainian|Ukraine['’]s|Kyiv['’]s|Ukraine|Kyiv))\b(?!\s+(?:invasion|war|conflict|crisis))/g;

export interface SubjectEvidence {
  np: NounPhrase;
  metric: Metric;
  /** Text of the clause before the number (after the previous figure). */
  lead: string;
  /** The sentence text before the number, for the side of soldiers. */
  sentenceBefore: string;
  /** The subject of the previous figure in the sentence, if any. */
  previous: Subject | null;
  /** The subject of the last figure of the paragraph before this sentence, if any. */
  paragraphPrevious: Subject | null;
  /** The subject of the last figure of the two sentences before, whatever their paragraph. */
  recentPrevious?: Subject | null;
  /** The text after the figure's own words ("were children", "was a child"). */
  own?: string;
  /** Whether the number is tied to the figure before by `including`, `of whom`... */
  included: boolean;
}

/** The side named nearest before `end` in `s`: a place name after `in`/`of` does not count. */
export function nationalityBefore(s: string): Nationality | null {
  NATIONALITY_CUE.lastIndex = 0;
  let found: Nationality | null = null;
  for (let m = NATIONALITY_CUE.exec(s); m !== null; m = NATIONALITY_CUE.exec(s)) {
    const bare = /^(?:Russia|Moscow|Ukraine|Kyiv)$/.test(m[0]);
    if (
      bare &&
      /\b(?:in|of|into|to|across|from|on|against|invaded|attacked)\s+$/i.test(
        s.slice(Math.max(0, m.index - 12), m.index),
      )
    ) {
      continue;
    }
    found = m[1] ? 'russian' : 'ukrainian';
  }
  return found;
}

function military(side: Nationality | null): Subject {
  if (side === 'russian') return 'russian_military';
  if (side === 'ukrainian') return 'ukrainian_military';
  return 'military';
}

/** The side of soldiers counted: in the phrase, else the nearest before the last soldier word. */
function side(e: SubjectEvidence): Nationality | null {
  if (e.np.nationality) return e.np.nationality;
  const s = e.sentenceBefore;
  MILITARY_WORD.lastIndex = 0;
  let lastSoldier = -1;
  for (let m = MILITARY_WORD.exec(s); m !== null; m = MILITARY_WORD.exec(s))
    lastSoldier = m.index + m[0].length;
  return nationalityBefore(lastSoldier >= 0 ? s.slice(0, lastSoldier) : s);
}

function leadSubject(lead: string): Subject | null {
  const soldier = /\b(?:troops|soldiers|servicemen|forces|army|military|personnel)\b/i.exec(lead);
  const civilian = CIVILIAN_WORD.exec(lead);
  const child = CHILD_WORD.exec(lead);
  const hits: [number, Subject][] = [];
  if (soldier) hits.push([soldier.index, 'military']);
  if (civilian) hits.push([civilian.index, 'civilians']);
  if (child) hits.push([child.index, 'children']);
  if (hits.length === 0) return null;
  hits.sort((a, b) => b[0] - a[0]);
  return hits[0]![1];
}

/** "1,524 were children", "one among the dead was a child", "318 are military soldiers": who they were. */
const WERE =
  /^\W*(?:among\s+the\s+(?:dead|victims|wounded|injured)\s+)?(?:were|are|was|is)\s+(?:a\s+|an\s+)?(?:(children|child|kids|minors|girls|boys|babies)|(civilians?)|(women|men|adults|elderly|people)|(?:military\s+)?(soldiers|troops|servicemen|military\s+personnel|fighters))\b/i;

function predicateSubject(own: string): Subject | null {
  const m = WERE.exec(own);
  if (!m) return null;
  if (m[1]) return 'children';
  if (m[2]) return 'civilians';
  if (m[3]) return 'people';
  return 'military';
}

export function readSubject(e: SubjectEvidence): Subject {
  const { np, metric } = e;
  // `other` figures may count people ("1,000 people"): their subject is read like the rest.
  if (metric !== 'other' && !PEOPLE_METRICS.has(metric)) return 'other';
  let subject: Subject | null;

  const were = np.head === null && e.own ? predicateSubject(e.own) : null;
  if (were) {
    // "of the 6,884 civilians killed, 2,719 were men": a breakdown of civilians counts civilians.
    subject = were === 'people' && e.previous === 'civilians' ? 'civilians' : were;
  } else if (np.subject && np.head !== 'others') {
    subject = np.subject;
    if (subject === 'people' && np.civilian) subject = 'civilians';
    // "2,032 civilians ... with details 780 people killed": the breakdown counts the same civilians.
    if (subject === 'people' && e.previous === 'civilians') subject = 'civilians';
  } else if (np.inherit && e.previous) {
    subject = e.previous;
  } else if (np.civilian) {
    subject = 'civilians';
  } else if (np.nationality && np.metric && !DISPLACEMENT.has(np.metric)) {
    // "498 Russian deaths", "Ukrainian losses": the side's soldiers ("Ukrainian refugees" are not).
    subject = 'military';
  } else if (e.included && e.previous) {
    subject = e.previous;
  } else {
    subject =
      leadSubject(e.lead) ??
      e.previous ??
      e.paragraphPrevious ??
      // "Rudskoi also said that 3,825 have been wounded": a bare number goes on from the figure before.
      (np.head === null && e.recentPrevious !== 'other' ? (e.recentPrevious ?? null) : null);
  }

  if (subject === 'military') subject = military(side(e));
  if (subject === null || (metric === 'other' && !np.subject))
    subject = metric === 'other' ? (np.subject ?? 'other') : 'people';
  if (DISPLACEMENT.has(metric) && subject === 'civilians') subject = 'people';
  if (!DISPLACEMENT.has(metric) && metric !== 'other' && subject === 'other') subject = 'people';
  return subject;
}

/**
 * The subject a figure may take from one before it: civilians stay civilians from the killed to the
 * injured, but "210 children died, as hundreds of thousands have fled" does not make the fled children.
 */
export function carriedSubject(before: Reading | undefined, metric: Metric): Subject | null {
  if (!before) return null;
  if ((before.subject === 'children' || before.subject === 'health_workers') && before.metric !== metric)
    return null;
  return before.subject;
}
