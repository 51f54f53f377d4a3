/**
 * `npm start`: serves the demo news page (tests/fixtures/pages/demo.html) on 127.0.0.1 and runs `wxt` in dev
 * mode, which builds the extension, opens Chromium with it loaded on the demo page and rebuilds on change.
 * Arguments go to wxt: `npm start -- -b firefox` opens Firefox instead.
 *
 * Environment: FIGURE_CHECK_PORT (fixed port for the page server; default: a free one),
 * FIGURE_CHECK_CHROMIUM_ARGS (extra Chromium flags, e.g. `--headless=new`; read by wxt.config.ts).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveFixtures } from './serve.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<number> {
  const headless = /--headless\b/.test(process.env.FIGURE_CHECK_CHROMIUM_ARGS ?? '');
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && !headless) {
    console.error(
      'npm start opens a browser window, and there is no display here (DISPLAY is not set).\n' +
        'Run it in a desktop session, or under a virtual one: xvfb-run -a npm start\n' +
        '(or FIGURE_CHECK_CHROMIUM_ARGS=--headless=new npm start to run the browser without a window).',
    );
    return 2;
  }

  const port = Number(process.env.FIGURE_CHECK_PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`FIGURE_CHECK_PORT must be a port number, got "${process.env.FIGURE_CHECK_PORT}"`);
    return 2;
  }
  const server = await serveFixtures({ port });
  const demo = `${server.url}demo.html`;
  console.log(`Figure Check demo page: ${demo}`);

  const wxt = spawn(path.join(ROOT, 'node_modules/.bin/wxt'), process.argv.slice(2), {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, FIGURE_CHECK_START_URL: demo },
  });
  // Ctrl-C reaches wxt through the terminal; a plain kill of this process is passed on.
  const forward = (signal: NodeJS.Signals) => () => wxt.kill(signal);
  process.on('SIGTERM', forward('SIGTERM'));
  process.on('SIGINT', () => {});

  const code = await new Promise<number>((resolve) => {
    wxt.on('error', (error) => {
      console.error(`Could not run wxt (${error.message}): run npm install first.`);
      resolve(1);
    });
    wxt.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 0 : 1)));
  });
  await server.close();
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
