/**
 * A tiny static file server for the fixture pages (tests/fixtures/pages), bound to 127.0.0.1 only.
 * Used by the end-to-end tests and by `npm start` for the demo page. Serves files, nothing else:
 * no directory listings, no paths outside the root, GET and HEAD only.
 *
 * A fixture that needs response headers (a Content-Security-Policy, say) has them in a JSON object next to
 * it: `csp.html.headers.json` = `{ "content-security-policy": "default-src 'none'" }`.
 *
 *   npx tsx scripts/serve.ts [--port N] [--root DIR]     prints the URL and serves until Ctrl-C
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const PAGES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../tests/fixtures/pages',
);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

export interface FixtureServer {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ServeOptions {
  root?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Changes a file's bytes before they are served (the end-to-end tests make saved pages static). */
  transform?: (file: string, body: Buffer) => Buffer;
  /** Response headers for every file, under those of its own `.headers.json`. */
  headers?: Record<string, string>;
}

/** Starts serving `root` on 127.0.0.1. Resolves once the server listens. */
export async function serveFixtures(options: ServeOptions = {}): Promise<FixtureServer> {
  const root = path.resolve(options.root ?? PAGES_DIR);
  const server = createServer((req, res) => {
    void respond(root, req.method ?? 'GET', req.url ?? '/', options.transform).then(
      ({ status, type, body, headers }) => {
        res.writeHead(status, {
          ...(status === 200 ? options.headers : {}),
          ...headers,
          'content-type': type,
          'content-length': body.length,
          // Tests reload pages and expect the file as it is on disk now.
          'cache-control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
    );
  });
  await listen(server, options.port ?? 0);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('serve: server has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

interface Reply {
  status: number;
  type: string;
  body: Buffer;
  /** Extra response headers from the file's `.headers.json`. */
  headers?: Record<string, string>;
}

const text = (status: number, message: string): Reply => ({
  status,
  type: 'text/plain; charset=utf-8',
  body: Buffer.from(`${message}\n`),
});

async function respond(
  root: string,
  method: string,
  rawUrl: string,
  transform?: ServeOptions['transform'],
): Promise<Reply> {
  if (method !== 'GET' && method !== 'HEAD') return text(405, 'method not allowed');
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(rawUrl, 'http://127.0.0.1').pathname);
  } catch {
    return text(400, 'bad request');
  }
  // Browsers ask for it unprompted; an empty answer keeps "404" errors out of the page console.
  if (pathname === '/favicon.ico') return { status: 204, type: 'image/x-icon', body: Buffer.alloc(0) };
  if (pathname.endsWith('/')) pathname += 'index.html';
  const file = path.resolve(root, `.${pathname}`);
  if (file !== root && !file.startsWith(root + path.sep)) return text(403, 'forbidden');
  try {
    if (!(await stat(file)).isFile()) return text(404, 'not found');
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const read = await readFile(file);
    const body = transform ? transform(file, read) : read;
    const headers = await fixtureHeaders(file);
    if (typeof headers === 'string') return text(500, headers);
    return { status: 200, type, body, ...(headers ? { headers } : {}) };
  } catch {
    return text(404, 'not found');
  }
}

/**
 * The headers in `<file>.headers.json`, if there is one; a string (the problem) if it is not an object of
 * strings, so a broken fixture fails loudly rather than being served without its headers.
 */
async function fixtureHeaders(file: string): Promise<Record<string, string> | string | null> {
  let raw: string;
  try {
    raw = await readFile(`${file}.headers.json`, 'utf8');
  } catch {
    return null;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    return `serve: ${file}.headers.json is not JSON: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return `serve: ${file}.headers.json must be an object of header names to strings`;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') return `serve: ${file}.headers.json: "${name}" must be a string`;
    headers[name.toLowerCase()] = value;
  }
  return headers;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '0' }, root: { type: 'string' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`serve: --port must be a whole number from 0 to 65535, got "${values.port}"`);
  }
  const server = await serveFixtures({ port, ...(values.root ? { root: values.root } : {}) });
  console.log(`Serving ${values.root ?? PAGES_DIR} at ${server.url}`);
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
