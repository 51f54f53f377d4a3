// @vitest-environment happy-dom
/**
 * The five verdicts, as the reader meets them: each with its own word and glyph (never colour alone) in the
 * card, the popup's groups and legend, and the summary line that says why.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { FigureCard } from '../../../lib/ui/card.ts';
import { VERDICT_LABELS } from '../../../lib/labels.ts';
import { groupFigures, verdictLegend } from '../../../lib/ui/popup-view.ts';
import { VERDICTS, type Verdict } from '../../../lib/types.ts';
import { figure, report } from '../support/figures.ts';

afterEach(() => document.documentElement.querySelectorAll('figure-check-card').forEach((c) => c.remove()));

describe('labels', () => {
  test('every verdict has its own word, glyph and sentence', () => {
    const labels = VERDICTS.map((v) => VERDICT_LABELS[v]);
    expect(new Set(labels.map((l) => l.text)).size).toBe(5);
    expect(new Set(labels.map((l) => l.icon)).size).toBe(5);
    for (const l of labels) expect(l.description).toMatch(/\.$/);
  });

  test('the legend lists them all, in the order of the vocabulary', () => {
    expect(verdictLegend().map((item) => item.verdict)).toEqual([...VERDICTS]);
  });
});

describe('the card', () => {
  const summaries: Record<Verdict, string> = {
    agrees: 'Agrees: UN human rights office said 953 on March 21, a day earlier.',
    differs: 'Differs: UN human rights office said 953 on March 21, the same day.',
    outdated:
      "Outdated: 249 (UN, 2022-03-02) had been replaced by 953 (UN, 2022-03-21) by this figure's date.",
    'other-dates': 'Only other dates: UN human rights office said 780 on March 18, 10 days earlier.',
    'no-reports': 'No other reports of civilians killed in Ukraine.',
  };

  test.each(VERDICTS.map((v) => [v]))('%s: glyph and word, and one line that says why', (verdict) => {
    const anchor = document.createElement('span');
    anchor.textContent = '1,000';
    document.body.append(anchor);
    const card = new FigureCard(document, {});
    const reports = verdict === 'no-reports' ? [] : [report()];
    card.show(anchor, figure({ verdict, reports, summary: summaries[verdict] }));
    const root = card.host.shadowRoot!;
    const line = root.querySelector('[data-testid="verdict"]')!;
    expect(line.getAttribute('data-verdict')).toBe(verdict);
    expect(line.textContent).toBe(`${VERDICT_LABELS[verdict].icon} ${VERDICT_LABELS[verdict].text}`);
    expect(root.querySelector('[data-testid="summary"]')!.textContent).toBe(summaries[verdict]);
    card.destroy();
  });

  test('an incident’s toll and a narrower count say so', () => {
    const anchor = document.createElement('span');
    document.body.append(anchor);
    const card = new FigureCard(document, {});
    card.show(anchor, figure({ period: 'event', scope: 'Kramatorsk station strike' }));
    const facts = card.host.shadowRoot!.querySelector('.facts')!.textContent;
    expect(facts).toContain('the toll of one incident');
    expect(facts).toContain('only Kramatorsk station strike');
    card.destroy();
  });
});

describe('popup groups', () => {
  test('figures of another scope or period kind are grouped apart, and the heading says what narrows them', () => {
    const groups = groupFigures([
      figure({ start: 0 }),
      figure({ start: 10, scope: 'health care attacks' }),
      figure({ start: 20, scope: 'Health care attacks' }),
      figure({ start: 30, period: 'window' }),
      figure({ start: 40, period: 'event', scope: 'Kramatorsk station strike' }),
    ]);
    expect(groups.map((g) => [g.heading, g.figures.length])).toEqual([
      ['Civilians killed — Ukraine', 1],
      ['Civilians killed — Ukraine (health care attacks)', 2],
      ['Civilians killed — Ukraine (one day)', 1],
      ['Civilians killed — Ukraine (Kramatorsk station strike, one incident)', 1],
    ]);
  });
});
