import { parseArgs } from 'node:util';
import type { Lang } from '../model/lang.js';
import { isLang } from '../model/lang.js';
import { HELP } from './help.js';
import type { CliIo } from './io.js';
import { EXIT } from './io.js';
import type { Messages } from './messages.js';
import { messages } from './messages.js';

/** Options a command accepts besides `--lang` and `--help`. */
export type OptionSpec = Readonly<Record<string, { readonly type: 'string' | 'boolean' }>>;

/** Parsed arguments. */
export interface ParsedArgs {
  readonly lang: Lang;
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** Finds `--lang` before parsing, so that even a parse error is reported in the chosen language. */
export function preScanLang(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a === '--lang') return args[i + 1] ?? '';
    if (a.startsWith('--lang=')) return a.slice('--lang='.length);
  }
  return undefined;
}

/** Reports a usage error with a pointer to the command's help, and returns exit code 2. */
export function usageError(io: CliIo, lang: Lang, command: string, message: string): number {
  const m = messages(lang);
  io.err(`oppfolgingsteam ${command}: ${message}\n${m.seeHelp(command)}\n`);
  return EXIT.usage;
}

/**
 * Parses a command's arguments strictly: an unknown option or a missing value is a usage error in
 * the chosen language. `--help` prints the command's help. Returns the exit code when it stops.
 */
export function parseCommandArgs(
  command: string,
  args: readonly string[],
  spec: OptionSpec,
  positionals: { readonly min: number; readonly max: number; readonly names: (m: Messages) => readonly string[] },
  io: CliIo,
): ParsedArgs | number {
  const requested = preScanLang(args);
  if (requested !== undefined && !isLang(requested)) return usageError(io, 'nb', command, messages('nb').badLang(requested));
  const lang = (requested ?? 'nb') as Lang;
  const m = messages(lang);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...spec, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const msg = e instanceof Error ? e.message : '';
    const opt = /'(-[^' ]+)/.exec(msg)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return usageError(io, lang, command, m.unknownOption(opt));
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return usageError(io, lang, command, m.missingValue(opt));
    return usageError(io, lang, command, m.tooManyArguments);
  }
  if (parsed.values.help) {
    io.out(`${HELP[lang][command] ?? HELP[lang]['main']}\n`);
    return EXIT.ok;
  }
  const pos = parsed.positionals;
  if (pos.length < positionals.min) return usageError(io, lang, command, m.missingArgument(positionals.names(m)[pos.length] ?? '?'));
  if (pos.length > positionals.max) return usageError(io, lang, command, m.tooManyArguments);
  return { lang, values: parsed.values as Record<string, string | boolean | undefined>, positionals: pos };
}
