/**
 * What the two commands (scripts/claims.ts, scripts/check.ts) share: argument parsing that refuses what
 * it does not know, one way to fail (a message on stderr naming what was wrong, a non-zero exit) and JSON
 * output that tolerates a closed pipe (`| head`).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Exit codes: 1 for bad input (a file, a date, the corpus), 2 for a command line that makes no sense. */
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT_INPUT,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses `argv` strictly: an unknown flag or a missing value is a usage error naming it. */
export function parseCommandLine<T extends Options>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\n${usage}`, EXIT_USAGE);
  }
}

/** Runs a command: prints its result, or its error to stderr with the right exit code. */
export async function runCommand(name: string, main: () => Promise<string>): Promise<void> {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  try {
    const out = await main();
    process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
  } catch (e) {
    const code = e instanceof CliError ? e.code : EXIT_INPUT;
    process.stderr.write(`${name}: ${(e as Error).message}\n`);
    process.exitCode = code;
  }
}

/** `YYYY-MM-DD` that is a real calendar day, or an error naming the flag. */
export function parseIsoDate(raw: string, flag: string): string {
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(raw) && new Date(`${raw}T00:00:00Z`).toISOString().startsWith(raw);
  if (!ok) throw new CliError(`${flag} "${raw}" is not a calendar date written YYYY-MM-DD`, EXIT_USAGE);
  return raw;
}
