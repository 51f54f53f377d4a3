/**
 * axe-core in a real page: its source is evaluated by the driver (extension pages' CSP forbids injected
 * <script>s), then `axe.run` checks the page, or one element and its shadow tree, and the violations come
 * back as readable lines, one per element: "color-contrast [serious] Elements must meet minimum color
 * contrast ratio thresholds: figure-check-card > .verdict — Fix any of the following: ...".
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { TestPage } from './browser.ts';

let source: Promise<string> | undefined;

function axeSource(): Promise<string> {
  source ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

/**
 * Why axe may leave an element's contrast undetermined without it being a problem: icon characters, text
 * too short to judge, and SVG text inside an image (the timeline, whose colours come from the same theme).
 */
const HARMLESS_UNDETERMINED = ['nonBmp', 'shortTextContent', 'imgNode'];

/**
 * In the page: runs axe over `include` (a selector; its shadow tree counts) or the whole document. Besides
 * the violations, a colour contrast axe could not work out counts as a finding (unless harmless), and so
 * does a check in which axe found no text to check contrast of: a contrast check must not pass unseen.
 */
async function runAxe({
  include,
  harmless,
}: {
  include: string | null;
  harmless: string[];
}): Promise<AxeFinding[]> {
  type Node = {
    target: unknown[];
    failureSummary?: string;
    any?: { data?: { messageKey?: string } | null }[];
  };
  type Rule = { id: string; impact?: string | null; help: string; nodes: Node[] };
  type Result = { violations: Rule[]; passes: Rule[]; incomplete: Rule[] };
  const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<Result> } })
    .axe;
  const result = await axe.run(include ? { include: [include] } : document, {});
  const contrast = (rules: Rule[]) => rules.find((r) => r.id === 'color-contrast')?.nodes ?? [];
  const undetermined = contrast(result.incomplete).filter(
    (n) => !(n.any ?? []).some((a) => harmless.includes(a.data?.messageKey ?? '')),
  );
  const checked = contrast(result.passes).length + contrast(result.violations).length;
  const findings: Rule[] = [...result.violations];
  if (undetermined.length > 0)
    findings.push({
      id: 'color-contrast',
      impact: 'undetermined',
      help: 'axe could not work out the colour contrast',
      nodes: undetermined,
    });
  if (checked === 0)
    findings.push({
      id: 'color-contrast',
      impact: 'unchecked',
      help: 'axe found no text whose colour contrast it could check',
      nodes: [{ target: [include ?? 'html'] }],
    });
  return findings.map((v) => ({
    id: v.id,
    impact: v.impact ?? null,
    help: v.help,
    nodes: v.nodes.map((n) => ({
      // A target inside a shadow root is a list of selectors, host first.
      target: n.target.map((t) => (Array.isArray(t) ? t.join(' > ') : String(t))).join(', '),
      summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
    })),
  }));
}

/** The accessibility violations axe finds, as one readable line per failing element ([] when none). */
export async function accessibilityViolations(page: TestPage, include?: string): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window, null);
  if (!loaded) await page.evaluateScript(await axeSource());
  const found = await page.evaluate(runAxe, { include: include ?? null, harmless: HARMLESS_UNDETERMINED });
  return found.flatMap((v) =>
    v.nodes.map((n) => `${v.id} [${v.impact ?? 'unknown'}] ${v.help}: ${n.target} — ${n.summary}`),
  );
}
