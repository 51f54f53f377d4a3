/**
 * The two commands as a user runs them (`npx tsx scripts/claims.ts`, `npx tsx scripts/check.ts`): JSON
 * shapes of the command-line contract (docs/architecture.md), offsets that slice back to the text read,
 * and the error path.
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function command(script: 'claims' | 'check', ...args: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', `scripts/${script}.ts`, ...args], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

const tmp = mkdtempSync(path.join(tmpdir(), 'fc-cli-'));
function file(name: string, content: string | Buffer): string {
  const p = path.join(tmp, name);
  writeFileSync(p, content);
  return p;
}

const ARTICLE = [
  'Kyiv, March 18 (Wire) - More than 3.8 million people have fled abroad, the UN refugee agency said on Thursday.',
  '',
  'The UN human rights office said 780 civilians had been killed and 1,252 injured in Ukraine since February 24.',
  '',
  '5 min read · 1.2k shares',
].join('\n');

// The keys the command-line contract promises on every figure (docs/architecture.md).
const SPEC_FIGURE_KEYS = [
  'text',
  'start',
  'end',
  'value',
  'low',
  'high',
  'qualifier',
  'metric',
  'subject',
  'place',
  'scope',
  'period',
  'asOf',
  'source',
  'verdict',
  'reports',
];

describe('claims', { timeout: 60_000 }, () => {
  test('--json prints the database built from assets/documents', async () => {
    const r = await command('claims', '--json');
    expect(r.code).toBe(0);
    const db = JSON.parse(r.stdout) as {
      claims: Record<string, unknown>[];
      documents: Record<string, unknown>[];
    };
    expect(Object.keys(db).sort()).toEqual(['claims', 'documents']);
    expect(db.documents).toHaveLength(5);
    for (const d of db.documents)
      expect(Object.keys(d).sort()).toEqual(['date', 'id', 'publisher', 'title', 'url']);
    expect(db.claims.length).toBeGreaterThan(30);
    const keys = [
      'id',
      'text',
      'value',
      'low',
      'high',
      'qualifier',
      'metric',
      'subject',
      'place',
      'period',
      'asOf',
      'source',
      'modality',
      'document',
      'quote',
    ];
    for (const c of db.claims)
      for (const k of keys) expect(c, `claim ${String(c.id)} lacks ${k}`).toHaveProperty(k);
    const texts = db.claims.map((c) => c.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        '780',
        '1,252',
        '2,032',
        '4,253',
        '249',
        'over 2,000',
        'more than 3.8 million',
      ]),
    );
    // The claims are the document's own text at their offsets.
    const docs = path.join(ROOT, 'assets/documents');
    for (const c of db.claims) {
      const doc = c.document as { id: string };
      const text = readFileSync(path.join(docs, `${doc.id}.txt`), 'utf8');
      expect(text.slice(c.start as number, c.end as number)).toBe(c.text);
    }
  });

  test('without --json prints a readable list per document', async () => {
    const r = await command('claims');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+ claims in 5 documents/);
    expect(r.stdout).toContain('Komsomolskaya Pravda');
    expect(() => JSON.parse(r.stdout)).toThrow();
  });

  test('a corpus error names the file and exits non-zero', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fc-corpus-'));
    const src = path.join(ROOT, 'assets/documents');
    for (const n of readdirSync(src)) copyFileSync(path.join(src, n), path.join(dir, n));
    writeFileSync(
      path.join(dir, '001_d1e05c12c5471c13.json'),
      '{"title": "t", "publisher": "p", "date": "2022-13-45"}',
    );
    const r = await command('claims', '--json', '--documents', dir);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('001_d1e05c12c5471c13.json');
    expect(r.stderr).toMatch(/date/);
  });

  test('an unknown flag is refused with the usage', async () => {
    const r = await command('claims', '--jsn');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'--jsn'");
    expect(r.stderr).toContain('usage:');
  });
});

describe('check', { timeout: 60_000 }, () => {
  test('--json prints the figures of a .txt file in order, each compared with the database', async () => {
    const f = file('wire.txt', ARTICLE);
    const r = await command('check', '--json', '--date', '2022-03-18', f);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { figures: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['figures']);
    expect(out.figures.map((x) => x.text)).toEqual(['More than 3.8 million', '780', '1,252']);
    for (const fig of out.figures) {
      for (const k of SPEC_FIGURE_KEYS) expect(fig).toHaveProperty(k);
      expect(ARTICLE.slice(fig.start as number, fig.end as number)).toBe(fig.text);
      expect(['agrees', 'differs', 'outdated', 'other-dates', 'no-reports']).toContain(fig.verdict);
    }
    const [refugees, killed, injured] = out.figures;
    expect(refugees).toMatchObject({
      metric: 'fled_abroad',
      source: 'UNHCR',
      asOf: '2022-03-17',
      qualifier: 'more_than',
      low: 3_800_000,
      high: null,
    });
    expect(killed).toMatchObject({
      value: 780,
      metric: 'killed',
      subject: 'civilians',
      source: 'UN human rights office',
      verdict: 'agrees',
    });
    expect(injured).toMatchObject({
      value: 1252,
      metric: 'injured',
      subject: 'civilians',
      verdict: 'agrees',
    });
    const reports = killed!.reports as { text: string; document: { publisher: string } }[];
    expect(reports.map((x) => x.text)).toContain('780');
  });

  test('--json: each figure has scope, period and asOf (null when unknown), each report daysApart and consistent', async () => {
    const text = '780 civilians have been killed in Ukraine, officials said. Thousands fled.';
    const r = await command('check', '--json', '--date', '2022-03-28', file('keys.txt', text));
    expect(r.code).toBe(0);
    const { figures } = JSON.parse(r.stdout) as { figures: Record<string, unknown>[] };
    expect(figures.length).toBeGreaterThan(0);
    for (const fig of figures) {
      for (const k of ['scope', 'period', 'asOf']) expect(Object.keys(fig)).toContain(k);
      expect(fig.scope === null || typeof fig.scope === 'string').toBe(true);
      expect(['cumulative', 'window', 'event']).toContain(fig.period);
      expect(fig.asOf === null || /^\d{4}-\d{2}-\d{2}$/.test(fig.asOf as string)).toBe(true);
      for (const report of fig.reports as Record<string, unknown>[]) {
        expect(Object.keys(report)).toEqual(expect.arrayContaining(['daysApart', 'consistent']));
        expect(report.daysApart === null || Number.isInteger(report.daysApart)).toBe(true);
        expect(typeof report.consistent).toBe('boolean');
      }
    }
    // The UN's 780 of March 18, ten days before this page: context, not agreement.
    const killed = figures.find((f) => f.text === '780')!;
    expect(killed.verdict).toBe('other-dates');
    expect((killed.reports as { daysApart: number }[]).some((x) => x.daysApart === -10)).toBe(true);
  });

  test('without --json prints a report for a person', async () => {
    const r = await command('check', '--date', '2022-03-18', file('wire2.txt', ARTICLE));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 figures \(page date 2022-03-18\)/);
    expect(r.stdout).toContain('"780"');
    expect(r.stdout).toMatch(/Agrees/);
  });

  test('.html: the visible text of the body, the page date from its metadata, scripts and inputs ignored', async () => {
    const html = `<!doctype html><html><head>
      <meta property="article:published_time" content="2022-03-18T09:00:00Z">
      <title>1,000 in the title is not body text</title><script>var x = "999 people killed";</script></head>
      <body><h1>Russia-Ukraine live</h1>
      <p>The UN human rights office said <b>780</b> civilians had been killed and 1,252 injured.</p>
      <p><input value="5000 people killed"> Share 45</p><style>.a{width:300px}</style></body></html>`;
    const f = file('page.html', html);
    const r = await command('check', '--json', f);
    expect(r.code).toBe(0);
    const figures = (
      JSON.parse(r.stdout) as { figures: { text: string; asOf: string; start: number; end: number }[] }
    ).figures;
    expect(figures.map((x) => x.text)).toEqual(['780', '1,252']);
    expect(figures[0]!.asOf).toBe('2022-03-18');
    const numbers = JSON.parse((await command('check', '--json', '--numbers', f)).stdout) as {
      numbers: { text: string; start: number; end: number; value: number | null }[];
    };
    expect(numbers.numbers.map((n) => n.text)).toEqual(['780', '1,252', '45']);
    // Offsets are into the text read: the figure offsets agree with the number offsets.
    expect(numbers.numbers[0]).toMatchObject({ start: figures[0]!.start, end: figures[0]!.end, value: 780 });
  });

  test('.html: what the page links to is never fetched, and addresses it cannot parse do not stop it', async () => {
    // A loopback server stands for the web: nothing may reach it while the page is read.
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const web = `http://127.0.0.1:${port}`;
    try {
      const html = `<!doctype html><html><head>
        <link rel="preload" as="fetch" href="/page-data/blog/page-data.json" crossorigin>
        <link rel="preload" as="fetch" href="http://exa mple.com/[broken">
        <link rel="preload" as="fetch" href="${web}/preload.json">
        <link rel="preload" as="script" href="${web}/app.js"><link rel="modulepreload" href="${web}/m.js">
        <link rel="stylesheet" href="${web}/site.css"><script src="${web}/app2.js"></script></head>
        <body><p>The UN human rights office said 780 civilians had been killed.</p>
        <img src="${web}/photo.jpg"><iframe src="${web}/frame.html"></iframe>
        <link rel="preload" as="fetch" href="https://[::1/bad"></body></html>`;
      const r = await command('check', '--json', file('links.html', html));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as { figures: { text: string }[] }).figures.map((f) => f.text)).toEqual([
        '780',
      ]);
      expect(requests).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('--numbers --json lists every number, figure or not, with offsets into the text', async () => {
    const text =
      'On February 24, 2022, nearly 5.000 people, twenty-one children and hundreds of thousands more.\n\n5 min read';
    const f = file('numbers.txt', text);
    const r = await command('check', '--json', '--numbers', f);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      numbers: { text: string; start: number; end: number; value: number | null }[];
    };
    expect(Object.keys(out)).toEqual(['numbers']);
    for (const n of out.numbers) {
      expect(Object.keys(n).sort()).toEqual(['end', 'start', 'text', 'value']);
      expect(text.slice(n.start, n.end)).toBe(n.text);
    }
    expect(out.numbers.map((n) => [n.text, n.value])).toEqual([
      ['24', 24],
      ['2022', 2022],
      ['5.000', 5000],
      ['twenty-one', 21],
      ['hundreds of thousands', null],
      ['5', 5],
    ]);
  });

  test.concurrent.each([
    ['a missing file', ['--json', '/no/such/file.txt'], /\/no\/such\/file\.txt: no such file/, 1],
    ['another kind of file', ['--json', 'package.json'], /package\.json: expected a \.txt or \.html file/, 1],
    ['a bad date', ['--date', '2022-02-30', 'x.txt'], /--date "2022-02-30" is not a calendar date/, 2],
    ['no file', ['--json'], /no FILE given/, 2],
    ['two files', ['a.txt', 'b.txt'], /one FILE expected, got 2/, 2],
    ['an unknown flag', ['--dat', '2022-03-03', 'a.txt'], /Unknown option '--dat'/, 2],
  ])('%s: a clear message on stderr and a non-zero exit', async (_what, args, message, code) => {
    const r = await command('check', ...args);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  test('a file that is not UTF-8 text is refused, naming it', async () => {
    const f = file('binary.txt', Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x81]));
    const r = await command('check', '--json', f);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}: is not valid UTF-8 text`);
  });
});
