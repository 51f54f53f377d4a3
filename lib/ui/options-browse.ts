/**
 * "All claims": every claim in the database with its document, searched, filtered and sorted with
 * lib/library/query.ts, the filters kept in the page address. Long results show a page at a time.
 */
import type { Claim } from '../types.ts';
import { claimsToCsv } from '../library/csv.ts';
import { exportFileName } from '../library/library-file.ts';
import {
  DEFAULT_QUERY,
  SORTS,
  facetsOf,
  pageOf,
  queryClaims,
  queryFromSearch,
  queryToSearch,
  searchTerms,
  type ClaimQuery,
  type Facet,
  type SortKey,
} from '../library/query.ts';
import { METRIC_LABELS, NO_PLACE_LABEL, SUBJECT_LABELS, formatNumber } from '../labels.ts';
import { h } from './elements.ts';
import { claimItem } from './claim-view.ts';
import { markSearchTerms } from './marking.ts';
import { say, type LibraryDeps } from './options-deps.ts';

/** Claims rendered at first and added by each "Show more". */
export const PAGE_SIZE = 100;

const SORT_LABELS: Record<SortKey, string> = {
  'date-desc': 'Newest first',
  'date-asc': 'Oldest first',
  'value-desc': 'Largest figure first',
  'value-asc': 'Smallest figure first',
};

const ORIGIN_LABELS = { reader: 'Your documents', bundled: 'Documents that ship with Figure Check' } as const;

export interface BrowseSection {
  element: HTMLElement;
  show(claims: readonly Claim[]): void;
}

export function browseSection(doc: Document, deps: LibraryDeps): BrowseSection {
  let all: readonly Claim[] = [];
  let query: ClaimQuery = queryFromSearch(deps.search);
  let shown = PAGE_SIZE;
  let results: Claim[] = [];

  const field = (id: string, label: string, control: HTMLElement) =>
    h(doc, 'p', { class: 'field' }, h(doc, 'label', { for: id }, label), control);
  const select = (id: string) => h(doc, 'select', { id, name: id });

  const search = h(doc, 'input', {
    id: 'q',
    name: 'q',
    type: 'search',
    placeholder: 'a figure, a place, a source, words of the sentence',
    autocomplete: 'off',
  });
  const metric = select('metric');
  const subject = select('subject');
  const place = select('place');
  const source = select('source');
  const origin = select('origin');
  const from = h(doc, 'input', { id: 'from', name: 'from', type: 'date' });
  const to = h(doc, 'input', { id: 'to', name: 'to', type: 'date' });
  const sort = select('sort');
  for (const key of SORTS) sort.append(h(doc, 'option', { value: key }, SORT_LABELS[key]));
  const clear = h(doc, 'button', { type: 'button', id: 'clear-filters' }, 'Clear filters');

  const form = h(
    doc,
    'form',
    { class: 'filters', id: 'filters', role: 'search', 'aria-label': 'Search and filter claims' },
    h(doc, 'p', { class: 'field wide' }, h(doc, 'label', { for: 'q' }, 'Search'), search),
    field('metric', 'What is counted', metric),
    field('subject', 'Who', subject),
    field('place', 'Place', place),
    field('source', 'Source', source),
    field('origin', 'Documents', origin),
    field('from', 'From', from),
    field('to', 'To', to),
    field('sort', 'Sort', sort),
    h(doc, 'p', { class: 'field actions' }, clear),
  );
  form.addEventListener('submit', (e) => e.preventDefault());

  const count = h(doc, 'p', { class: 'count', 'data-testid': 'count', role: 'status' });
  const list = h(doc, 'ol', {
    class: 'claims',
    'data-testid': 'claims',
    'aria-labelledby': 'claims-heading',
  });
  const more = h(doc, 'button', { type: 'button', id: 'more', hidden: true }, 'Show more');
  const csv = h(doc, 'button', { type: 'button', id: 'export-shown-csv' }, 'Download these claims (CSV)');
  const csvMessage = h(doc, 'p', { class: 'message', role: 'status', hidden: true });

  const element = h(
    doc,
    'section',
    { id: 'claims', 'aria-labelledby': 'claims-heading' },
    h(doc, 'h2', { id: 'claims-heading' }, 'All claims'),
    form,
    h(doc, 'div', { class: 'result-bar' }, count, csv),
    csvMessage,
    list,
    more,
  );

  function fillSelect<T extends string>(
    el: HTMLSelectElement,
    anyLabel: string,
    facets: readonly Facet<T>[],
    label: (value: T) => string,
    current: string | null,
  ): void {
    const options = [h(doc, 'option', { value: '' }, anyLabel)];
    for (const f of facets)
      options.push(
        h(doc, 'option', { value: `=${f.value}` }, `${label(f.value)} (${formatNumber(f.count)})`),
      );
    // A filter from the address that matches nothing any more stays visible, so it can be cleared.
    if (current !== null && !facets.some((f) => f.value === current)) {
      options.push(h(doc, 'option', { value: `=${current}` }, `${label(current as T)} (0)`));
    }
    el.replaceChildren(...options);
    el.value = current === null ? '' : `=${current}`;
  }

  /** Select values carry a "=" prefix so that "" (any) differs from "=" (e.g. claims without a source). */
  const chosen = (el: HTMLSelectElement): string | null => (el.value === '' ? null : el.value.slice(1));

  function renderFilters(): void {
    const facets = facetsOf(all);
    fillSelect(metric, 'Anything', facets.metrics, (m) => METRIC_LABELS[m] ?? m, query.metric);
    fillSelect(subject, 'Anyone', facets.subjects, (s) => SUBJECT_LABELS[s] ?? s, query.subject);
    fillSelect(place, 'Anywhere', facets.places, (p) => p || NO_PLACE_LABEL, query.place);
    fillSelect(source, 'Any source', facets.sources, (s) => s || 'no source named', query.source);
    fillSelect(origin, 'All documents', facets.origins, (o) => ORIGIN_LABELS[o] ?? o, query.origin);
    search.value = query.text;
    from.value = query.from ?? '';
    to.value = query.to ?? '';
    sort.value = query.sort;
  }

  function readForm(): ClaimQuery {
    return queryFromSearch(
      queryToSearch({
        text: search.value,
        metric: chosen(metric) as ClaimQuery['metric'],
        subject: chosen(subject) as ClaimQuery['subject'],
        place: chosen(place),
        source: chosen(source),
        origin: chosen(origin) as ClaimQuery['origin'],
        from: from.value || null,
        to: to.value || null,
        sort: sort.value as SortKey,
      }),
    );
  }

  function renderResults(): void {
    results = queryClaims(all, query);
    const page = pageOf(results, shown);
    const total = all.length;
    const filtered = results.length !== total;
    count.textContent =
      results.length === 0
        ? total === 0
          ? 'The database holds no claims.'
          : `No claim matches (of ${formatNumber(total)} in all).`
        : `${page.more > 0 ? `Showing ${formatNumber(page.items.length)} of ` : ''}${formatNumber(results.length)} ${
            results.length === 1 ? 'claim' : 'claims'
          }${filtered ? ` (of ${formatNumber(total)} in all)` : ''}${
            query.from && query.to && query.from > query.to ? ' — “From” is after “To”' : ''
          }.`;
    list.replaceChildren(...page.items.map((c) => claimItem(doc, c)));
    // The words searched for, highlighted where they stand in each result (not in its links).
    markSearchTerms(list, searchTerms(query.text), ['.claim-links', '.claim-links *']);
    more.hidden = page.more === 0;
    more.textContent = `Show ${formatNumber(Math.min(PAGE_SIZE, page.more))} more`;
    csv.disabled = results.length === 0;
  }

  function apply(): void {
    query = readForm();
    shown = PAGE_SIZE;
    deps.setSearch(queryToSearch(query));
    renderResults();
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(apply, 150);
  });
  for (const el of [metric, subject, place, source, origin, from, to, sort])
    el.addEventListener('change', apply);
  clear.addEventListener('click', () => {
    query = { ...DEFAULT_QUERY, sort: query.sort };
    renderFilters();
    apply();
  });
  more.addEventListener('click', () => {
    const first = shown;
    shown += PAGE_SIZE;
    renderResults();
    // Keyboard users continue where the new claims start.
    list.children[first]?.querySelector('a')?.focus();
  });
  csv.addEventListener('click', () => {
    const name = exportFileName(deps.now(), 'csv');
    const href = deps.download(name, 'text/csv;charset=utf-8', `\uFEFF${claimsToCsv(results)}`);
    csvMessage.hidden = false;
    say(csvMessage, 'ok', '');
    csvMessage.replaceChildren(
      `✓ ${formatNumber(results.length)} claims saved as `,
      h(doc, 'a', { href, download: name, 'data-testid': 'download' }, name),
      '.',
    );
    csvMessage.hidden = false;
  });

  return {
    element,
    show(claims) {
      all = claims;
      renderFilters();
      renderResults();
    },
  };
}
