/**
 * The extension build with a bad corpus: `wxt build` stops before it writes anything, names the
 * bad file and line, exits non-zero, and the previous build — its claims.json included — is left exactly as
 * it was. WXT empties its output folder at the start of a build, so the corpus is read and checked in the
 * `build:before` hook (wxt.config.ts), which runs first.
 *
 * Each build goes to a temporary folder (tests/e2e/support/build-into.ts) with FIGURE_CHECK_DOCUMENTS
 * pointing at a temporary corpus: .output/ and assets/documents/ are never touched.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { ROOT } from './support/browser.ts';

const DOCUMENTS = path.join(ROOT, 'assets/documents');

function corpus(files: Record<string, string>, withSeeds: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fc-build-corpus-'));
  if (withSeeds)
    for (const n of readdirSync(DOCUMENTS)) copyFileSync(path.join(DOCUMENTS, n), path.join(dir, n));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

async function build(outDir: string, documents: string) {
  try {
    const r = await promisify(execFile)('npx', ['tsx', 'tests/e2e/support/build-into.ts', outDir, 'chrome'], {
      cwd: ROOT,
      env: { ...process.env, FIGURE_CHECK_DOCUMENTS: documents, NO_COLOR: '1' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, output: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, output: (err.stdout ?? '') + (err.stderr ?? '') };
  }
}

/** Every file under `dir` with its contents, to show nothing changed. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = await readFile(file, 'utf8');
  }
  return out;
}

/** A reader's document whose title and text carry markup: the build keeps it as text, never as markup. */
const HOSTILE_TITLE =
  'Mariupol <img src=x onerror="window.__pwned=1"> report</title><script>window.__pwned=2</script>';
const HOSTILE_TEXT =
  'Officials said <script>window.__pwned=3</script> 120 civilians had been killed in Mariupol <img src=x onerror=alert(1)>.\n';

describe('the build and a bad corpus', { timeout: 120_000 }, () => {
  test('a bad document stops the build, named with its line, and the previous build stays whole', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'fc-build-out-'));
    // The previous build, as a person has it: a manifest and the database it shipped.
    mkdirSync(path.join(out, 'chrome-mv3'));
    writeFileSync(path.join(out, 'chrome-mv3/manifest.json'), '{"manifest_version":3,"name":"Figure Check"}');
    writeFileSync(path.join(out, 'chrome-mv3/claims.json'), '{"claims":[],"documents":[],"previous":true}');
    const before = await snapshot(out);

    const bad = corpus(
      {
        '005_wire.txt': 'Officials said 120 civilians had been killed.\n',
        '005_wire.json': '{\n  "title": "A report",\n  "publisher": "Wire",\n  "date": "2022-02-30"\n}\n',
      },
      true,
    );
    const r = await build(out, bad);
    expect(r.code, r.output).not.toBe(0);
    expect(r.output).toContain(
      `${path.join(bad, '005_wire.json')}:4:3: date: date is not a real calendar day`,
    );
    expect(await snapshot(out)).toEqual(before);
  });

  test('a good corpus from FIGURE_CHECK_DOCUMENTS is what the build ships, markup in it kept as text', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'fc-build-out-'));
    const good = corpus(
      {
        'hostile.txt': HOSTILE_TEXT,
        'hostile.json': JSON.stringify({
          title: HOSTILE_TITLE,
          publisher: 'Wire <b>',
          date: '2022-03-10',
          url: null,
        }),
      },
      false,
    );
    const r = await build(out, good);
    expect(r.code, r.output).toBe(0);
    const shipped = JSON.parse(readFileSync(path.join(out, 'chrome-mv3/claims.json'), 'utf8')) as {
      claims: { text: string; quote: string; document: { title: string } }[];
      documents: { id: string; title: string; publisher: string; text: string }[];
    };
    expect(shipped.documents.map((d) => [d.id, d.title, d.publisher])).toEqual([
      ['hostile', HOSTILE_TITLE, 'Wire <b>'],
    ]);
    expect(shipped.documents[0]?.text).toBe(HOSTILE_TEXT);
    expect(shipped.claims.map((c) => c.text)).toContain('120');
    for (const c of shipped.claims) {
      expect(HOSTILE_TEXT).toContain(c.quote.trim());
      expect(c.document.title).toBe(HOSTILE_TITLE);
    }
  });
});
