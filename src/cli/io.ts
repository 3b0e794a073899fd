/** What a command may do to the outside world besides reading and writing files: print, and know today's date. */
export interface CliIo {
  /** Writes to standard output. */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** Today's date as `YYYY-MM-DD`, the default for `--as-of`. Only the CLI reads the clock. */
  today(): string;
}

/** Exit codes: 0 all well, 1 findings or failed tests, 2 usage error or unusable input. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** A command: takes its arguments (without the command name) and returns the exit code. */
export type Command = (args: readonly string[], io: CliIo) => Promise<number>;
