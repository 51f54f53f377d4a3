/**
 * `npm run -s claims -- [--json] [--documents DIR]`: builds the claim database from the corpus
 * (--documents, else the folder FIGURE_CHECK_DOCUMENTS names, else assets/documents/) and prints it: `{"claims": [...], "documents": [...]}` with --json, a
 * readable list per document without. A corpus problem exits non-zero naming the file.
 */
import { loadCorpusDatabase, documentsDir } from './corpus.ts';
import { parseCommandLine, runCommand, CliError, EXIT_USAGE } from './cli.ts';
import { METRIC_LABELS, NO_PLACE_LABEL, SUBJECT_LABELS } from '../lib/labels.ts';
import type { Claim, ClaimDatabase } from '../lib/types.ts';

const USAGE = 'usage: npm run -s claims -- [--json] [--documents DIR]';

function describe(c: Claim): string {
  const what = `${METRIC_LABELS[c.metric]} · ${SUBJECT_LABELS[c.subject]} · ${c.place ?? NO_PLACE_LABEL}`;
  const extras = [
    c.source ?? 'no source named',
    c.asOf ?? 'undated',
    c.period === 'window' ? 'one day only' : c.period === 'event' ? 'one incident' : null,
    c.modality === 'forecast' ? 'forecast' : null,
    c.scope ? `only ${c.scope}` : null,
  ].filter(Boolean);
  return `  ${c.text.padEnd(24)} ${what} (${extras.join(', ')})`;
}

function readable(db: ClaimDatabase): string {
  const lines = [`${db.claims.length} claims in ${db.documents.length} documents`];
  for (const d of db.documents) {
    const claims = db.claims.filter((c) => c.document.id === d.id);
    lines.push('', `${d.publisher}, ${d.date}: ${d.title} [${d.id}] — ${claims.length} claims`);
    for (const c of claims) lines.push(describe(c));
  }
  return lines.join('\n');
}

await runCommand('claims', async () => {
  const { values, positionals } = parseCommandLine(
    process.argv.slice(2),
    { json: { type: 'boolean' }, documents: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    USAGE,
  );
  if (values.help) return USAGE;
  if (positionals.length > 0)
    throw new CliError(`unexpected argument "${positionals[0]}"\n${USAGE}`, EXIT_USAGE);
  const db = await loadCorpusDatabase(values.documents ?? documentsDir()).catch((e: Error) => {
    throw new CliError(e.message);
  });
  return values.json ? JSON.stringify(db, null, 2) : readable(db);
});
