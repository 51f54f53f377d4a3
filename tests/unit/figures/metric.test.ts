/**
 * lib/figures/metric.ts on its own: what a figure counts, from the evidence readFigures gathers around the
 * number (tests/unit/support/evidence.ts builds it from a sentence with the number in braces).
 */
import { describe, expect, test } from 'vitest';
import {
  firstEvent,
  lastEvent,
  predicateMetric,
  readMetric,
  type EventMetric,
} from '../../../lib/figures/metric.ts';
import type { Metric } from '../../../lib/types.ts';
import { metricEvidence } from '../support/evidence.ts';

function metric(marked: string, previous: Metric | null = null): Metric {
  return readMetric(metricEvidence(marked, { previous }));
}

describe('readMetric: what a figure counts', () => {
  test.each<[Metric, string]>([
    // money
    ['aid_money', 'The EU pledged {$350 million} in humanitarian aid.'],
    ['aid_money', 'Britain approved a further {£1.5m} in assistance.'],
    ['other', 'Each tank costs {$4 million} to build.'],
    // the noun after the number
    ['killed', 'The UN has confirmed {780} civilian deaths.'],
    ['fled_abroad', 'More than {3.8 million} refugees have left.'],
    ['casualties', 'The office recorded {516} casualties.'],
    ['attacks', 'WHO has verified {64} attacks on health care.'],
    ['internally_displaced', 'There are {6.5 million} internally displaced people.'],
    ['displaced', 'The floods left {40,000} displaced people in camps.'],
    ['detained', 'The army holds {1,000} prisoners of war.'],
    ['casualties', 'The strike left {thousands} dead or injured.'],
    ['killed', 'Monitors counted {1,200} victims of direct killings.'],
    // things: buildings and weapons
    ['buildings_destroyed', 'Shelling has destroyed {300} homes in the city.'],
    ['other', 'The city has {20} schools.'],
    ['weapons', 'The US has sent {800} Stinger missiles.'],
    ['attacks', 'Russia fired {30} missiles at Kyiv overnight.'],
    ['other', 'Air defences shot down {12} missiles over the capital.'],
    // the verb before it
    ['killed', 'Russian forces killed {12} people in Kharkiv.'],
    ['killed', 'Russia has lost almost {10,000} soldiers.'],
    ['killed', 'Officials put the death toll at {2,000}.'],
    ['casualties', 'The casualty toll rose to {1,500} on Friday.'],
    ['injured', 'The blast injured {dozens} of shoppers.'],
    ['evacuated', 'Volunteers evacuated {3,000} residents on Sunday.'],
    ['detained', 'Police arrested {200} protesters in Moscow.'],
    ['displaced', 'In the floods {1,000} people lost their homes.'],
    // the predicate after it
    ['killed', 'In Mariupol {4,253} had been killed.'],
    ['evacuated', 'On Thursday {3,810} people were evacuated from Sumy.'],
    ['trapped', 'About {100,000} people are still trapped in the city.'],
    ['missing', 'At least {50} people are missing after the strike.'],
    ['detained', 'Some {20} journalists have been kidnapped.'],
    ['killed', 'At least {40} Sudanese were killed in the attack.'],
    // where they went
    ['displaced', 'Some {150,000} people have fled the city.'],
    ['fled_abroad', 'About {6 million} had evacuated from Ukraine.'],
    ['displaced', 'Around {150,000} fled Mariupol in March.'],
    ['internally_displaced', 'Some {2 million} people are displaced within Sudan.'],
    ['other', 'About {5.5 million} internally displaced persons have come back home.'],
    ['other', 'Russia and Ukraine exchanged {215} prisoners of war.'],
    // the event words of its clause
    ['fled_abroad', 'Poland alone has taken in {1.3 million}.'],
    ['fled_abroad', 'The refugee number could reach as high as {10 million}.'],
  ])('%s: %j', (expected, marked) => {
    expect(metric(marked)).toBe(expected);
  });

  test.each<[Metric, string, Metric]>([
    ['killed', 'At least 100 people were killed,| including {21} children.', 'killed'],
    ['injured', '48 people were killed and| {553} others injured.', 'killed'],
    ['killed', 'The dead included 1,709 women|, {229} girls and 318 boys.', 'killed'],
    ['killed', 'Shelling killed 12 people| in Kharkiv and {5} in Sumy.', 'killed'],
    ['displaced', '150,000 fled Mariupol| and another {140,000} left.', 'displaced'],
  ])('%s: %j, after a figure of %s', (expected, marked, previous) => {
    expect(metric(marked, previous)).toBe(expected);
  });

  test('a number that names nothing counts nothing of the list', () => {
    expect(metric('The {3} charts that explain the refugee crisis.')).toBe('other');
  });
});

describe('predicateMetric: the verb a figure’s people are subject of', () => {
  test.each<[Metric | null, string, boolean]>([
    ['killed', 'had died in the shelling', false],
    ['killed', 'were reportedly killed', false],
    ['injured', 'have been wounded since Monday', false],
    ['fled_abroad', 'have fled to Poland', false],
    ['evacuated', 'were evacuated on Thursday', false],
    ['detained', 'had been taken prisoner', false],
    ['killed', 'lost in the fighting', true],
    ['other', 'have returned home', false],
    ['other', 'received food parcels', false],
    [null, 'in Kharkiv', false],
    [null, '', false],
  ])('%s: %j (soldiers: %s)', (expected, own, military) => {
    expect(predicateMetric(own, military)).toBe(expected);
  });
});

describe('firstEvent and lastEvent: the event words of a clause', () => {
  test.each<[EventMetric | null, EventMetric | null, string]>([
    ['killed', 'injured', 'were killed and 20 others injured'],
    ['fled_abroad', 'fled_abroad', 'have fled to Poland'],
    ['casualties', 'casualties', 'civilian casualties'],
    ['injured', 'injured', 'were treated in hospital'],
    ['displaced', 'evacuated', 'lost their homes and were evacuated'],
    ['internally_displaced', 'internally_displaced', 'are internally displaced'],
    ['detained', 'killed', 'were taken prisoner and later executed'],
    [null, null, 'received food parcels on Monday'],
  ])('first %s, last %s: %j', (first, last, s) => {
    expect(firstEvent(s)).toBe(first);
    expect(lastEvent(s)).toBe(last);
  });
});
