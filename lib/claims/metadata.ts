import * as v from 'valibot';
import type { DocumentMeta } from '../types.ts';

const isoDate = v.pipe(
  v.string('date must be a string'),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD'),
  v.check(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'date is not a real calendar day',
  ),
);

const MetaSchema = v.object({
  title: v.pipe(v.string('title must be a string'), v.nonEmpty('title is empty')),
  publisher: v.pipe(v.string('publisher is missing'), v.nonEmpty('publisher is empty')),
  date: isoDate,
  url: v.nullish(v.pipe(v.string('url must be a string or null'), v.url('url is not a valid URL')), null),
});

export type Result<T> = { ok: true; value: T } | { ok: false; error: string; field: string | null };

/** Validates a document's metadata; the error names the field that is wrong (`field`, for line numbers). */
export function parseDocumentMeta(id: string, raw: unknown): Result<DocumentMeta> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      error: 'metadata must be a JSON object {"title", "publisher", "date", "url"}',
      field: null,
    };
  }
  const parsed = v.safeParse(MetaSchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const key = issue.path?.[0]?.key;
    const field = typeof key === 'string' && Object.prototype.hasOwnProperty.call(raw, key) ? key : null;
    const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    // valibot words a missing key as "Invalid key: Expected …": say it plainly.
    if (issue.input === undefined && field === null && where)
      return { ok: false, error: `${where} is missing`, field };
    return { ok: false, error: `${where ? `${where}: ` : ''}${issue.message}`, field };
  }
  const { title, publisher, date, url } = parsed.output;
  return { ok: true, value: { id, title, publisher, date, url: url ?? null } };
}
