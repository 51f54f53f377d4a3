/**
 * "Export and import": the whole database as JSON (documents with their texts), all claims as CSV, and
 * importing an export — refused whole, with what is wrong and where, when anything in it is malformed.
 */
import type { Claim } from '../types.ts';
import { claimsToCsv } from '../library/csv.ts';
import { exportFileName } from '../library/library-file.ts';
import { formatNumber } from '../labels.ts';
import { h } from './elements.ts';
import { say, type LibraryDeps } from './options-deps.ts';

export interface TransferSection {
  element: HTMLElement;
  show(claims: readonly Claim[]): void;
}

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

export function transferSection(doc: Document, deps: LibraryDeps, onImported: () => void): TransferSection {
  let claims: readonly Claim[] = [];
  const exportJson = h(doc, 'button', { type: 'button', id: 'export-json' }, 'Export the database (JSON)');
  const exportCsv = h(doc, 'button', { type: 'button', id: 'export-csv' }, 'Export all claims (CSV)');
  const importFile = h(doc, 'input', {
    type: 'file',
    id: 'import-file',
    accept: '.json,application/json',
    'aria-describedby': 'import-hint',
  });
  const message = h(doc, 'p', {
    class: 'message',
    'data-testid': 'transfer-message',
    role: 'status',
    hidden: true,
  });
  const element = h(
    doc,
    'section',
    { id: 'transfer', 'aria-labelledby': 'transfer-heading' },
    h(doc, 'h2', { id: 'transfer-heading' }, 'Export and import'),
    h(
      doc,
      'p',
      { class: 'hint' },
      'The JSON export holds every claim and document, with the full text of each, so it can be imported again here or in another browser. The CSV holds the claims only, for a spreadsheet.',
    ),
    h(doc, 'p', { class: 'actions' }, exportJson, ' ', exportCsv),
    h(
      doc,
      'p',
      { class: 'field wide' },
      h(doc, 'label', { for: 'import-file' }, 'Import a JSON export'),
      importFile,
    ),
    h(
      doc,
      'p',
      { class: 'hint', id: 'import-hint' },
      'Your documents in the file are added, or replace the ones with the same id; your other documents stay. The documents that ship with the extension are kept as this version has them. A file with any error is refused whole.',
    ),
    message,
  );

  function offer(name: string, type: string, content: string, what: string): void {
    const href = deps.download(name, type, content);
    message.hidden = false;
    message.dataset.kind = 'ok';
    message.replaceChildren(
      `✓ ${what} saved as `,
      h(doc, 'a', { href, download: name, 'data-testid': 'download' }, name),
      '.',
    );
  }

  exportJson.addEventListener('click', () => {
    exportJson.disabled = true;
    void (async () => {
      const reply = await deps.send('database:export');
      exportJson.disabled = false;
      if (!reply.ok) {
        say(message, 'error', `Not exported: ${reply.error}`);
        return;
      }
      const file = reply.value;
      const name = exportFileName(deps.now(), 'json');
      offer(
        name,
        'application/json',
        `${JSON.stringify(file, null, 2)}\n`,
        `${plural(file.claims.length, 'claim', 'claims')} from ${plural(file.documents.length, 'document', 'documents')}`,
      );
    })();
  });

  exportCsv.addEventListener('click', () => {
    offer(
      exportFileName(deps.now(), 'csv'),
      'text/csv;charset=utf-8',
      // The byte-order mark makes spreadsheet programs read the file as UTF-8.
      `\uFEFF${claimsToCsv(claims)}`,
      plural(claims.length, 'claim', 'claims'),
    );
  });

  importFile.addEventListener('change', () => {
    const chosen = importFile.files?.[0];
    if (!chosen) return;
    say(message, 'info', `Reading ${chosen.name}…`);
    void (async () => {
      let text: string;
      try {
        text = await chosen.text();
      } catch (e) {
        say(
          message,
          'error',
          `${chosen.name} could not be read (${e instanceof Error ? e.message : String(e)}).`,
        );
        return;
      } finally {
        importFile.value = '';
      }
      const reply = await deps.send('database:import', { text });
      if (!reply.ok) {
        say(message, 'error', `${chosen.name}: ${reply.error}`);
        return;
      }
      const r = reply.value;
      const parts = [
        `Imported ${plural(r.added + r.replaced, 'document', 'documents')} of yours`,
        r.replaced > 0
          ? ` (${formatNumber(r.added)} new, ${formatNumber(r.replaced)} replacing the same document)`
          : '',
        ` with ${plural(r.claims, 'claim', 'claims')} from ${chosen.name}.`,
        r.skippedBundled > 0
          ? ` ${plural(r.skippedBundled, 'document that ships with the extension was', 'documents that ship with the extension were')} left as this version has ${r.skippedBundled === 1 ? 'it' : 'them'}.`
          : '',
      ];
      say(message, 'ok', parts.join(''));
      onImported();
    })();
  });

  return {
    element,
    show(all) {
      claims = all;
      exportCsv.disabled = all.length === 0;
    },
  };
}
