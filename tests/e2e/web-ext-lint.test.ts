/**
 * Mozilla's add-on linter on the built Firefox extension: what addons.mozilla.org would say on upload.
 * Needs `npm run build` (or build:firefox) first.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { OUTPUT_DIRS, ROOT } from './support/browser.ts';
import { existsSync } from 'node:fs';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}
interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

const format = (m: LintMessage): string =>
  `${m.code}: ${m.message}${m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : ''}`;

test('web-ext lint finds no error and no warning in the Firefox build', async () => {
  const source = OUTPUT_DIRS.firefox;
  if (!existsSync(path.join(source, 'manifest.json'))) {
    throw new Error(`${path.relative(ROOT, source)}/manifest.json is missing: run npm run build first.`);
  }
  const webExt = path.join(ROOT, 'node_modules/.bin/web-ext');
  const run = await promisify(execFile)(
    webExt,
    ['lint', '--source-dir', source, '--warnings-as-errors', '--output', 'json', '--no-config-discovery'],
    // The linter needs no network; keep its update check quiet too.
    { cwd: ROOT, env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, maxBuffer: 16 * 1024 * 1024 },
  ).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({
      code: e.code ?? 1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    }),
  );
  let report: LintReport;
  try {
    report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as LintReport;
  } catch {
    throw new Error(`web-ext lint printed no JSON report (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
  expect(report.errors.map(format)).toEqual([]);
  expect(report.warnings.map(format)).toEqual([]);
  expect(run.code, run.stderr).toBe(0);
}, 120_000);
