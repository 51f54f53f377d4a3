/**
 * Quality measured on text nobody here wrote, with floors just under what the project reaches, so they
 * only go up. Beside the project in `../shared/`:
 * - the development articles (real news on Ukraine in 2022 and on other crises, every number labelled by
 *   hand): reading, place and comparison trust (support/dev-score.ts says how each is counted);
 * - real pages saved from the web (news, blogs, docs, shops), none about the 2022 war in Ukraine, which is
 *   all the bundled claims are about: no figure on them may be shown beside a report.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { indexClaims, type ClaimIndex } from '../../lib/compare/index.ts';
import { checkPageText } from '../../scripts/check-page.ts';
import { loadCorpusDatabase } from '../../scripts/corpus.ts';
import { devSetPresent, scoreDevSet, type DevScore } from './support/dev-score.ts';

/** Floors: just under what the project reaches today (the closing note of each change says how much). */
const FLOORS = {
  f1: 0.92,
  metric: 0.78,
  place: 0.47,
  /** Share of the comparisons shown that are wrong: at most. */
  wrong: 0.75,
  unfounded: 38,
  likeFound: 0.6,
};

let index: ClaimIndex;
beforeAll(async () => {
  index = indexClaims((await loadCorpusDatabase()).claims);
});

describe.skipIf(!devSetPresent())('the development articles', () => {
  let score: DevScore;
  beforeAll(() => {
    score = scoreDevSet((a) => checkPageText(a.body, { date: a.date }, index));
  });
  const why = () => score.log.join('\n');

  test('reading: figures found and nothing else', () => {
    expect(score.f1, why()).toBeGreaterThanOrEqual(FLOORS.f1);
  });
  test('what each figure counts and where', () => {
    expect(score.metricRight / score.matched, why()).toBeGreaterThanOrEqual(FLOORS.metric);
    expect(score.placeRight / score.matched, why()).toBeGreaterThanOrEqual(FLOORS.place);
  });
  test('comparisons shown count the same thing; verdicts are founded', () => {
    expect(score.wrong / Math.max(1, score.shown), why()).toBeLessThanOrEqual(FLOORS.wrong);
    expect(score.unfounded, why()).toBeLessThanOrEqual(FLOORS.unfounded);
  });
  test('like with like is found where the seeds have it', () => {
    expect(score.likeFound / score.likeExpected, why()).toBeGreaterThanOrEqual(FLOORS.likeFound);
  });
});
