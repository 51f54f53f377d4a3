/**
 * Claims as the extraction layer reads them from the five seed documents, written out by hand so the
 * comparison tests do not depend on the extractor. Each is built from the sentence it stands in.
 */
import type { Claim, DocumentMeta, Reading, Report } from '../../../lib/types.ts';

export const DOCS = {
  cbs: {
    id: '004',
    title: 'Russia invasion of Ukraine latest news',
    publisher: 'CBS News (republished)',
    date: '2022-03-03',
    url: null,
  },
  voi18: {
    id: '001',
    title: 'Russia-Ukraine Peace Talks Do Not Make Much Progress',
    publisher: 'VOI (Jakarta)',
    date: '2022-03-18',
    url: null,
  },
  mirror: {
    id: '003',
    title: 'Russia admits almost 10000 soldiers dead',
    publisher: 'Mirror',
    date: '2022-03-22',
    url: 'https://www.mirror.co.uk/news/world-news/russia-admits-almost-10000-soldiers-26524579',
  },
  voi29: {
    id: '000',
    title: 'Civilian Casualties Continue To Rise',
    publisher: 'VOI (Jakarta)',
    date: '2022-03-29',
    url: null,
  },
  dw: { id: '002', title: 'Russia-Ukraine live updates', publisher: 'DW', date: '2022-06-07', url: null },
} satisfies Record<string, DocumentMeta>;

const READING_DEFAULTS: Reading = {
  text: '',
  start: 0,
  end: 0,
  value: null,
  low: null,
  high: null,
  qualifier: 'exact',
  metric: 'killed',
  subject: 'civilians',
  place: 'Ukraine',
  period: 'cumulative',
  asOf: null,
  source: null,
  modality: 'reported',
  quote: 'A sentence on the page being read.',
};

/** A page figure: `exact` figures get low = high = value unless given. */
export function reading(fields: Partial<Reading> & Pick<Reading, 'text'>): Reading {
  const r = { ...READING_DEFAULTS, end: fields.text.length, ...fields };
  if (r.qualifier === 'exact' && r.value !== null) {
    r.low = fields.low ?? r.value;
    r.high = fields.high ?? r.value;
  }
  return r;
}

let nextId = 0;
export function claim(document: DocumentMeta, fields: Partial<Reading> & Pick<Reading, 'text'>): Claim {
  const quote = `${document.title}: ${fields.text}.`;
  return {
    ...reading({ asOf: document.date, quote, ...fields }),
    id: `${document.id}:${nextId++}`,
    document,
  };
}

const Q = {
  un249:
    'The UN human rights office said on Thursday that 249 civilians had been killed and 553 others injured by the previous evening.',
  officials: 'Ukrainian officials put the civilian death toll at over 2,000, including 21 children.',
  russia:
    'Russia finally confirmed military casualties on Wednesday, saying nearly 500 of its troops had died, but Zelenskyy says Putin’s forces lost more than 9,000.',
  un780:
    'The United Nations human rights office in Geneva, Switzerland revealed, so far 2,032 civilians have been victims of the Russian invasion of Ukraine, with details 780 people killed and 1,252 injured.',
  kremlin:
    'Officially the Kremlin had claimed that there had been 498 Russian deaths on March 2 but now it appears to be as high as 9,861, with a further 16,153 injured.',
  kp: 'A pro-Kremlin newspaper quoted a Russian defence ministry official as saying that the actual number of its soldiers that have died since the Ukraine invasion began stands at 9,861',
  almost10k:
    'The Russian army has lost almost 10,000 soldiers in less than a month since the invasion of Ukraine, a pro-Kremlin newspaper revealed before quickly scrubbing the figures.',
  ohchr: 'Of that number the UN said 4,253 had been killed while 5,141 had been injured.',
  children272: 'According to the UN statement 272 children were among those killed.',
  fled1m:
    'Already more than 1 million people have fled the country and another million are considered internally displaced.',
  fled32:
    'In addition, some 3.2 million civilians, mostly women, and children, have now fled to neighboring countries, the UN said.',
  fled38:
    "The more than month-long invasion, the largest in a Western country since the Second World War, has caused more than 3.8 million people to flee abroad, left thousands dead or injured, and brought Russia's economic isolation.",
  germany: 'Germany predicted the refugee number could reach as high as 10 million in coming weeks.',
  mariupol:
    'Nearly 5.000 people have died, including about 210 children, in the port city of Mariupol amid heavy Russian bombardment, according to figures from the mayor.',
  trapped160: 'In addition, about 160.000 people are said to be trapped there.',
  trappedVague:
    'Mariupol has experienced the worst humanitarian disaster in war, with hundreds of thousands of civilians trapped in basements without food, water, or electricity.',
  chernihiv:
    'Viacheslav Chaus, governor of the region based in the northern city of Chernihiv, said 53 civilians had died there in the past 24 hours.',
};

/** The seed claims the comparisons are tested against, by a name for each. */
export const SEED = {
  un249: claim(DOCS.cbs, {
    text: '249',
    value: 249,
    source: 'UN human rights office',
    asOf: '2022-03-02',
    quote: Q.un249,
  }),
  officials2000: claim(DOCS.cbs, {
    text: 'over 2,000',
    value: 2000,
    low: 2000,
    high: null,
    qualifier: 'more_than',
    source: 'Ukrainian officials',
    quote: Q.officials,
  }),
  officials21: claim(DOCS.cbs, {
    text: '21',
    value: 21,
    subject: 'children',
    source: 'Ukrainian officials',
    quote: Q.officials,
  }),
  russia500: claim(DOCS.cbs, {
    text: 'nearly 500',
    value: 500,
    low: 450,
    high: 500,
    qualifier: 'nearly',
    subject: 'russian_military',
    source: 'Russia',
    asOf: '2022-03-02',
    quote: Q.russia,
  }),
  zelenskyy9000: claim(DOCS.cbs, {
    text: 'more than 9,000',
    value: 9000,
    low: 9000,
    high: null,
    qualifier: 'more_than',
    subject: 'russian_military',
    source: 'Zelenskyy',
    quote: Q.russia,
  }),
  fled1m: claim(DOCS.cbs, {
    text: 'more than 1 million',
    value: 1e6,
    low: 1e6,
    high: null,
    qualifier: 'more_than',
    metric: 'fled_abroad',
    subject: 'people',
    quote: Q.fled1m,
  }),
  un780: claim(DOCS.voi18, { text: '780', value: 780, source: 'UN human rights office', quote: Q.un780 }),
  fled32: claim(DOCS.voi18, {
    text: 'some 3.2 million',
    value: 3.2e6,
    low: 2.88e6,
    high: 3.52e6,
    qualifier: 'about',
    metric: 'fled_abroad',
    subject: 'people',
    source: 'UN',
    quote: Q.fled32,
  }),
  trappedVague: claim(DOCS.voi18, {
    text: 'hundreds of thousands',
    qualifier: 'vague',
    metric: 'trapped',
    subject: 'civilians',
    place: 'Mariupol',
    quote: Q.trappedVague,
  }),
  chernihiv53: claim(DOCS.voi18, {
    text: '53',
    value: 53,
    place: 'Chernihiv',
    period: 'window',
    source: 'Viacheslav Chaus',
    asOf: '2022-03-18',
    quote: Q.chernihiv,
  }),
  kremlin498: claim(DOCS.mirror, {
    text: '498',
    value: 498,
    subject: 'russian_military',
    source: 'Kremlin',
    asOf: '2022-03-02',
    quote: Q.kremlin,
  }),
  kp9861: claim(DOCS.mirror, {
    text: '9,861',
    value: 9861,
    subject: 'russian_military',
    source: 'Komsomolskaya Pravda',
    asOf: '2022-03-20',
    quote: Q.kp,
  }),
  almost10k: claim(DOCS.mirror, {
    text: 'almost 10,000',
    value: 10000,
    low: 9000,
    high: 10000,
    qualifier: 'nearly',
    subject: 'russian_military',
    source: 'pro-Kremlin newspaper',
    quote: Q.almost10k,
  }),
  germany10m: claim(DOCS.mirror, {
    text: 'as high as 10 million',
    value: 1e7,
    low: null,
    high: 1e7,
    qualifier: 'up_to',
    metric: 'fled_abroad',
    subject: 'people',
    source: 'Germany',
    modality: 'forecast',
    quote: Q.germany,
  }),
  fled38: claim(DOCS.voi29, {
    text: 'more than 3.8 million',
    value: 3.8e6,
    low: 3.8e6,
    high: null,
    qualifier: 'more_than',
    metric: 'fled_abroad',
    subject: 'people',
    quote: Q.fled38,
  }),
  mariupol5000: claim(DOCS.voi29, {
    text: 'Nearly 5.000',
    value: 5000,
    low: 4500,
    high: 5000,
    qualifier: 'nearly',
    subject: 'people',
    place: 'Mariupol',
    source: 'Mariupol mayor',
    quote: Q.mariupol,
  }),
  mariupolChildren: claim(DOCS.voi29, {
    text: 'about 210',
    value: 210,
    low: 189,
    high: 231,
    qualifier: 'about',
    subject: 'children',
    place: 'Mariupol',
    source: 'Mariupol mayor',
    quote: Q.mariupol,
  }),
  trapped160: claim(DOCS.voi29, {
    text: 'about 160.000',
    value: 160000,
    low: 144000,
    high: 176000,
    qualifier: 'about',
    metric: 'trapped',
    subject: 'civilians',
    place: 'Mariupol',
    quote: Q.trapped160,
  }),
  ohchr4253: claim(DOCS.dw, { text: '4,253', value: 4253, source: 'OHCHR', quote: Q.ohchr }),
  un272: claim(DOCS.dw, { text: '272', value: 272, subject: 'children', source: 'UN', quote: Q.children272 }),
} satisfies Record<string, Claim>;

export const SEED_CLAIMS: Claim[] = Object.values(SEED);

/** A claim as a report next to a page figure, as lib/compare returns it. */
export function asReport(c: Claim, consistent = true, note = ''): Report {
  return { ...c, consistent, relation: 'unknown', daysApart: null, supersededBy: null, note };
}
