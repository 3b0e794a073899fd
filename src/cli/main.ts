#!/usr/bin/env node
/**
 * The `oppfolgingsteam` command for policy staff: validate, test, explain, document and compare rule
 * sets. Built to `dist/cli.js` and shipped as the package's `bin`, so `npx oppfolgingsteam` runs it.
 *
 * Each command lives in `commands/<name>.ts` and is registered below with one line.
 */
import { setFlagsFromString } from 'node:v8';
import pkg from '../../package.json';
import type { Lang } from '../model/lang.js';
import { resolveLang } from '../model/lang.js';
import { preScanLang } from './args.js';
import * as diff from './commands/diff.js';
import * as docs from './commands/docs.js';
import * as explain from './commands/explain.js';
import * as feedback from './commands/feedback.js';
import { runStratify } from './commands/stratify.js';
import * as test from './commands/test.js';
import * as validate from './commands/validate.js';
import { HELP } from './help.js';
import type { CliIo, Command } from './io.js';
import { EXIT } from './io.js';
import { messages } from './messages.js';

/** The sub-commands, by name. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  validate: validate.run,
  test: test.run,
  explain: explain.run,
  docs: docs.run,
  diff: diff.run,
  feedback: feedback.run,
  // stratify streams its input and output, so it takes the process streams rather than text io.
  stratify: (args, io) => {
    // Population runs allocate one short-lived person after another; V8's allocation-site
    // pretenuring moves them to the old generation, which then grows lazily. Off, a million-person
    // run with two workers peaks about 25 MiB lower at the same speed (BENCHMARKS.md). The CLI owns
    // its process, so it may set this; the library never sets V8 flags for its host.
    setFlagsFromString('--no-allocation-site-pretenuring');
    return runStratify(args, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, today: io.today });
  },
};

/** Runs the CLI with the arguments after the program name; returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const requested = preScanLang(argv);
  const lang: Lang = resolveLang(requested);
  let args = [...argv];
  // The language may also come before the command: `oppfolgingsteam --lang nn validate rules`.
  if (args[0] === '--lang') args = [...args.slice(2), `--lang=${args[1] ?? ''}`];
  else if (args[0]?.startsWith('--lang=')) args = [...args.slice(1), args[0]];
  const [first, ...rest] = args;
  if (first === undefined || first.startsWith('--lang')) {
    io.out(`${HELP[lang]['main']}\n`);
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = rest.find((a) => !a.startsWith('-'));
    io.out(
      `${HELP[lang][topic !== undefined && Object.prototype.hasOwnProperty.call(COMMANDS, topic) ? topic : 'main'] ?? HELP[lang]['main']}\n`,
    );
    return EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.out(`${pkg.version}\n`);
    return EXIT.ok;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!command) {
    io.err(`oppfolgingsteam: ${messages(lang).unknownCommand(first)}\n\n${HELP[lang]['main']}\n`);
    return EXIT.usage;
  }
  return command(rest, io);
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const nodeIo: CliIo = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  today,
};

runCli(process.argv.slice(2), nodeIo).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // A bug, not bad input: say so briefly; the stack helps the maintainers.
    process.stderr.write(`oppfolgingsteam: internal error\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 70;
  },
);
