/**
 * Runtime schemas (valibot) for the shared vocabulary in lib/types.ts. Messages between the content
 * script, popup and background are checked against these, so a malformed or hostile message is refused
 * with a reason instead of reaching the database or the DOM. Each schema is typed against its interface:
 * if lib/types.ts gains a required field, this file stops compiling until the schema follows.
 */
import * as v from 'valibot';
import {
  METRICS,
  QUALIFIERS,
  SUBJECTS,
  type Claim,
  type ClaimDatabase,
  type ClaimRef,
  type Comparison,
  type DocumentMeta,
  type Figure,
  type IsoDate,
  type Reading,
  type Report,
} from './types.ts';

/** Generous bounds: they exist to refuse absurd input, not to limit real pages (a 5 MB live blog). */
export const LIMITS = {
  text: 1_000,
  quote: 100_000,
  name: 1_000,
  list: 100_000,
} as const;

type Schema<T> = v.GenericSchema<unknown, T>;

const shortText = v.pipe(v.string(), v.maxLength(LIMITS.text));
const name = v.pipe(v.string(), v.maxLength(LIMITS.name));
const number = v.pipe(v.number(), v.finite());
const offset = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

export const IsoDateSchema: Schema<IsoDate> = v.pipe(v.string(), v.isoDate('a date written YYYY-MM-DD'));

const readingEntries = {
  text: shortText,
  start: offset,
  end: offset,
  value: v.nullable(number),
  low: v.nullable(number),
  high: v.nullable(number),
  qualifier: v.picklist(QUALIFIERS),
  metric: v.picklist(METRICS),
  subject: v.picklist(SUBJECTS),
  place: v.nullable(name),
  period: v.picklist(['cumulative', 'window', 'event']),
  asOf: v.nullable(IsoDateSchema),
  source: v.nullable(name),
  modality: v.picklist(['reported', 'forecast']),
  scope: v.optional(v.nullable(name)),
  quote: v.pipe(v.string(), v.maxLength(LIMITS.quote)),
};

export const ReadingSchema: Schema<Reading> = v.object(readingEntries);

/** Exported so schemas of records that extend a document (lib/library: document + text) reuse them. */
export const documentMetaEntries = {
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.name)),
  title: name,
  publisher: name,
  date: IsoDateSchema,
  url: v.nullable(v.pipe(v.string(), v.maxLength(LIMITS.text))),
  origin: v.optional(v.picklist(['bundled', 'reader'])),
};

export const DocumentMetaSchema: Schema<DocumentMeta> = v.object(documentMetaEntries);

const claimEntries = {
  ...readingEntries,
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.name)),
  document: DocumentMetaSchema,
};

export const ClaimSchema: Schema<Claim> = v.object(claimEntries);

export const ClaimDatabaseSchema: Schema<ClaimDatabase> = v.object({
  claims: v.pipe(v.array(ClaimSchema), v.maxLength(LIMITS.list)),
  documents: v.pipe(v.array(DocumentMetaSchema), v.maxLength(LIMITS.list)),
});

const ClaimRefSchema: Schema<ClaimRef> = v.object({
  id: name,
  text: shortText,
  value: v.nullable(number),
  source: v.nullable(name),
  publisher: name,
  asOf: v.nullable(IsoDateSchema),
});

const reportEntries = {
  ...claimEntries,
  consistent: v.boolean(),
  relation: v.picklist(['earlier', 'same-day', 'later', 'unknown']),
  daysApart: v.nullable(number),
  supersededBy: v.nullable(ClaimRefSchema),
  note: shortText,
  outdated: v.optional(v.literal(true)),
};

export const ReportSchema: Schema<Report> = v.object(reportEntries);

const verdict = v.picklist(['agrees', 'differs', 'outdated', 'other-dates', 'no-reports']);

export const ComparisonSchema: Schema<Comparison> = v.object({
  verdict,
  reports: v.pipe(v.array(ReportSchema), v.maxLength(LIMITS.list)),
  summary: shortText,
});

export const FigureSchema: Schema<Figure> = v.object({
  ...readingEntries,
  verdict,
  reports: v.pipe(v.array(ReportSchema), v.maxLength(LIMITS.list)),
  summary: shortText,
});

/** "readings.3.metric: Invalid type…" — where and what, for logs and error replies. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path?.map((p) => String(p.key)).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
