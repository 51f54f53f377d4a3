import type { DocumentMeta, Figure, Report } from '../../../lib/types.ts';

export const unDoc: DocumentMeta = {
  id: 'un-2022-03-22',
  title: 'Ukraine: civilian casualty update',
  publisher: 'OHCHR',
  date: '2022-03-22',
  url: 'https://www.ohchr.org/en/news/2022/03/ukraine-civilian-casualty-update',
};

export function report(fields: Partial<Report> = {}): Report {
  return {
    id: 'un-2022-03-22#1',
    text: '953',
    start: 0,
    end: 3,
    value: 953,
    low: 953,
    high: 953,
    qualifier: 'exact',
    metric: 'killed',
    subject: 'civilians',
    place: 'Ukraine',
    period: 'cumulative',
    asOf: '2022-03-21',
    source: 'UN human rights office',
    modality: 'reported',
    quote: 'The UN human rights office said 953 civilians had been killed.',
    document: unDoc,
    consistent: false,
    relation: 'later',
    daysApart: 3,
    supersededBy: null,
    note: 'reported 3 days later',
    ...fields,
  };
}

export function figure(fields: Partial<Figure> = {}): Figure {
  return {
    text: 'over 2,000',
    start: 100,
    end: 110,
    value: 2000,
    low: 2000,
    high: null,
    qualifier: 'more_than',
    metric: 'killed',
    subject: 'civilians',
    place: 'Ukraine',
    period: 'cumulative',
    asOf: '2022-03-02',
    source: 'Ukrainian officials',
    modality: 'reported',
    quote: 'Ukrainian officials said over 2,000 civilians had died.',
    verdict: 'differs',
    reports: [report()],
    summary: '1 report differs: 953 (UN human rights office, 2022-03-21)',
    ...fields,
  };
}
