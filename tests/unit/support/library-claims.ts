import type { Claim, DocumentMeta } from '../../../lib/types.ts';

export const bundledDoc: DocumentMeta = {
  id: 'un-2022-03-08',
  title: 'Civilian casualties',
  publisher: 'OHCHR',
  date: '2022-03-08',
  url: 'https://example.org/ohchr',
  origin: 'bundled',
};

export const readerDoc: DocumentMeta = {
  id: 'reader-2022-03-30-abcdef012345',
  title: 'Kharkiv damage report',
  publisher: 'Kharkiv Daily',
  date: '2022-03-30',
  url: null,
  origin: 'reader',
};

export function claim(id: string, doc: DocumentMeta, fields: Partial<Claim> = {}): Claim {
  const value = fields.value === undefined ? 100 : fields.value;
  return {
    id,
    text: value === null ? 'dozens' : String(value),
    start: 0,
    end: 3,
    value,
    low: value,
    high: value,
    qualifier: value === null ? 'vague' : 'exact',
    metric: 'killed',
    subject: 'civilians',
    place: 'Ukraine',
    period: 'cumulative',
    asOf: doc.date,
    source: null,
    modality: 'reported',
    quote: 'A sentence.',
    document: doc,
    ...fields,
  };
}
