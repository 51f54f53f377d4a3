/**
 * Whether a figure counts a window of time (`in the past 24 hours`, `overnight`, `were evacuated ... on
 * Thursday`) or everything since the war began (the usual case). A day named after the figure and an
 * event verb (`3,810 people were evacuated ... on Thursday`) makes a window; a day attached to the
 * statement (`said on Thursday that 249 ...`, `498 Russian deaths on March 2`) only dates the figure.
 */
import type { Period } from '../types.ts';
import type { DatePhrase } from './date-phrases.ts';

const WINDOW_PHRASE =
  /\b(?:(?:in|over|during|within|for)\s+the\s+(?:past|last|previous|preceding)\s+(?:\d+\s+|[a-z-]+\s+)?(?:hours?|days?|nights?|weeks?|weekend|month)|overnight|over\s+the\s+weekend|in\s+(?:a\s+single|one)\s+(?:day|night)|on\s+a\s+single\s+day|(?:per|each|every)\s+day|a\s+day\b|daily|so\s+far\s+today|since\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|this\s+morning|midnight|dawn|last\s+night))\b/i;
const CUMULATIVE_PHRASE =
  /\b(?:so\s+far|in\s+total|since\s+the\s+(?:war|invasion|start|beginning|conflict)|since\s+(?:Russia|Moscow)\s+(?:invaded|launched)|since\s+February\s+24|since\s+24\s+February|total(?:led)?|overall)\b/i;
/** A day right after a speech verb dates the statement: "said on Thursday". */
const SAID_BEFORE =
  /\b(?:said|says|reported|announced|confirmed|stated|added|revealed|estimated|wrote|posted|told\s+[\w\s]{1,30}?)\s*$/i;
const EVENT_VERB =
  /\b(?:killed|died|dead|injured|wounded|evacuated|fled|flee|leave|left|crossed|arrived|entered|rescued|detained|arrested|displaced|destroyed|launched|fired|registered)\b/i;

function markOf(clauseText: string): Period | null {
  if (WINDOW_PHRASE.test(clauseText)) return 'window';
  if (CUMULATIVE_PHRASE.test(clauseText)) return 'cumulative';
  return null;
}

/** A clause, with room to keep what its own words say about the period (read once per clause). */
export interface PeriodClause {
  start: number;
  end: number;
  periodMark?: Period | null;
}

export function readPeriod(
  text: string,
  clause: PeriodClause,
  figure: { start: number; end: number },
  phrases: readonly DatePhrase[],
): Period {
  if (clause.periodMark === undefined) clause.periodMark = markOf(text.slice(clause.start, clause.end));
  if (clause.periodMark) return clause.periodMark;
  for (const p of phrases) {
    if (p.kind !== 'day' || p.start < figure.end) continue;
    if (SAID_BEFORE.test(text.slice(Math.max(0, p.start - 40), p.start))) continue;
    if (EVENT_VERB.test(text.slice(figure.end, p.start))) return 'window';
  }
  return 'cumulative';
}
