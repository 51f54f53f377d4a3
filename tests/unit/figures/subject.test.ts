/**
 * lib/figures/subject.ts on its own: who a figure counts, from the evidence readFigures gathers (built from a
 * sentence with the number in braces by tests/unit/support/evidence.ts).
 */
import { describe, expect, test } from 'vitest';
import { nationalityBefore, readSubject, type SubjectEvidence } from '../../../lib/figures/subject.ts';
import type { Nationality } from '../../../lib/figures/noun-phrase.ts';
import type { Subject } from '../../../lib/types.ts';
import { subjectEvidence } from '../support/evidence.ts';

function subject(marked: string, over: Partial<SubjectEvidence> = {}): Subject {
  return readSubject(subjectEvidence(marked, over));
}

describe('readSubject: who is counted', () => {
  test.each<[Subject, string]>([
    ['civilians', 'At least {780} civilians were killed.'],
    ['civilians', 'The UN confirmed {516} civilian casualties.'],
    ['children', 'At least {129} children have been killed.'],
    ['people', 'About {300} people were killed in the strike.'],
    ['people', 'At least {40} Sudanese were killed.'],
    ['health_workers', 'At least {15} doctors have been killed.'],
    ['military', 'Some {12} soldiers were killed.'],
    ['russian_military', 'At least {498} Russian soldiers have died.'],
    ['russian_military', 'The ministry reported {498} Russian deaths.'],
    ['russian_military', 'Putin’s forces have lost {7,000} soldiers.'],
    ['ukrainian_military', 'Ukraine said {1,300} of its troops had died.'],
    ['ukrainian_military', 'Kyiv has lost about {1,300} servicemen.'],
    ['military', 'Fighting in Ukraine has killed {7,000} soldiers.'],
    // displacement counts everyone who moved
    ['people', 'More than {3.2 million} civilians have fled.'],
    ['people', 'About {1.2 million} Ukrainian refugees have reached Poland.'],
    ['children', 'Some {1.5 million} children have fled Ukraine.'],
    // things and money
    ['other', 'Shelling has destroyed {300} homes.'],
    ['other', 'The EU pledged {$350 million} in humanitarian aid.'],
    ['other', 'The US has sent {800} Stinger missiles.'],
    // a bare number takes its clause's words, else people
    ['civilians', 'The civilian death toll rose to over {2,000}.'],
    ['people', 'In all {300} were killed.'],
  ])('%s: %j', (expected, marked) => {
    expect(subject(marked)).toBe(expected);
  });

  test.each<[Subject, string, Partial<SubjectEvidence>]>([
    ['children', 'At least 100 civilians were killed,| including {21} children.', { previous: 'civilians' }],
    ['civilians', 'Some 48 civilians were killed and| {553} others injured.', { previous: 'civilians' }],
    [
      'civilians',
      'Of the 6,884 civilians killed,| {2,719} were men.',
      { previous: 'civilians', metric: 'killed' },
    ],
    [
      'children',
      'Of the 6,884 civilians killed,| {1,524} were children.',
      { previous: 'civilians', metric: 'killed' },
    ],
    ['civilians', 'Of that number {4,253} had been killed.', { paragraphPrevious: 'civilians' }],
    [
      'russian_military',
      'Rudskoi also said that {3,825} have been wounded.',
      { recentPrevious: 'russian_military' },
    ],
  ])('%s: %j, after %j', (expected, marked, over) => {
    expect(subject(marked, over)).toBe(expected);
  });
});

describe('nationalityBefore: the side named before soldiers', () => {
  test.each<[Nationality | null, string]>([
    ['russian', 'Russia said its troops'],
    ['russian', 'The Kremlin’s forces'],
    ['ukrainian', 'Ukrainian commanders said'],
    ['ukrainian', 'Russia invaded Ukraine, and Kyiv said'],
    [null, 'Fighting in Ukraine'],
    [null, 'Officials said'],
  ])('%s: %j', (expected, s) => {
    expect(nationalityBefore(s)).toBe(expected);
  });
});
