/**
 * A sentence cut into clauses ("...; but Zelenskyy says ..." starts a new claim). What is read from a clause
 * (its attributions, its dates, cheap hints for the readers that may apply) is read once, and only when a
 * figure asks.
 */
import type { IsoDate, Period } from '../types.ts';
import { findDatePhrases, type DatePhrase } from './date-phrases.ts';
import { DATELINE } from './place.ts';
import type { Sentence } from './sentences.ts';
import { findAttributions, type Attribution, type SourceContext } from './source.ts';

/** A clause of a sentence; what is read from it is read once, and only when a figure asks. */
export class Clause {
  periodMark?: Period | null;
  #attributions: Attribution[] | null = null;
  #dates: DatePhrase[] | null = null;
  #hints: { forecast: boolean; scope: boolean } | null = null;

  constructor(
    private readonly text: string,
    readonly start: number,
    readonly end: number,
    private readonly date: IsoDate | null,
    private readonly context: SourceContext,
  ) {}

  get attributions(): Attribution[] {
    return (this.#attributions ??= findAttributions(this.text, this.start, this.end, this.context));
  }

  get dates(): DatePhrase[] {
    return (this.#dates ??= findDatePhrases(this.text, this.start, this.end, this.date));
  }

  /** Cheap tests so each figure's readers can skip what cannot apply. */
  get hints(): { forecast: boolean; scope: boolean } {
    if (!this.#hints) {
      const s = this.text.slice(this.start, this.end);
      this.#hints = { forecast: FORECAST_HINT.test(s), scope: SCOPE_HINT.test(s) };
    }
    return this.#hints;
  }
}

const FORECAST_HINT =
  /could|may|might|will|would|expect|likely|set to|on course|project|forecast|predict|anticipat|worst|scenario/i;
const SCOPE_HINT =
  /attack|strike|shelling|bomb|explosion|blast|raid|assault|cross|arrival|protection|missile|rocket|drone|shell|quake|tremor|temblor|flood|dam\s|storm|cyclone|hurricane|typhoon|slide|avalanche|tsunami|fire/i;

/** `but` starts a new claim when a new subject follows: "..., but Zelenskyy says", "but now it appears". */
const CLAUSE_BREAK =
  /;\s*|,?\s+but\s+(?=(?:now\s+|also\s+|still\s+)?(?:(?:it|they|he|she|we|I|there|the|a|an|this|these|those|its|their)\b|\p{Lu}))/gu;

/** Where a sentence's body starts, after a dateline ("KYIV, March 3 (Reuters) - "). */
export function datelineEnd(text: string, sentence: Sentence): number {
  const m = DATELINE.exec(text.slice(sentence.start, Math.min(sentence.end, sentence.start + 120)));
  return m ? sentence.start + m[0].length : sentence.start;
}

export function clausesOf(
  text: string,
  sentence: Sentence,
  bodyStart: number,
  date: IsoDate | null,
  context: SourceContext,
): Clause[] {
  const s = text.slice(bodyStart, sentence.end);
  const cuts = [bodyStart];
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(s); m !== null; m = CLAUSE_BREAK.exec(s)) cuts.push(bodyStart + m.index);
  cuts.push(sentence.end);
  const out: Clause[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    if (cuts[i + 1]! > cuts[i]!) out.push(new Clause(text, cuts[i]!, cuts[i + 1]!, date, context));
  }
  return out;
}
