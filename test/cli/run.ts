import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/helpers.js';

export { ROOT };
/** The CLI built by test/setup/buildCli.ts. */
export const CLI = join(ROOT, '.tmp', 'cli', 'cli.js');

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `oppfolgingsteam <args>` as a separate Node process. */
export function cli(args: readonly string[], options: { cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: options.cwd ?? ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'oppf-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A copy of the repository's rules/ folder in a temporary folder; returns the copy's path. */
export function copyRules(): string {
  const dir = join(tempDir(), 'rules');
  cpSync(join(ROOT, 'rules'), dir, { recursive: true });
  return dir;
}

/**
 * The fixture rule set for the CLI tests (test/fixtures/cli/rules/: one rule set, its vectors, two
 * code lists). Tests that break a file on purpose use it, so their paths and positions do not move
 * when the clinical rule sets in rules/ change.
 */
export const FIXTURE = join(ROOT, 'test', 'fixtures', 'cli', 'rules');

/** A copy of the fixture rules folder in a temporary folder; returns the copy's path. */
export function copyFixture(): string {
  const dir = join(tempDir(), 'rules');
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

/** Edits a text file in place. */
export function edit(path: string, change: (text: string) => string): void {
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

/** Edits a JSON file in place, keeping the two-space layout. */
export function editJson(path: string, change: (json: any) => void): void {
  const json = JSON.parse(readFileSync(path, 'utf8'));
  change(json);
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
}

/** The 1-based line and column of the first occurrence of `needle` in a file. */
export function positionOf(path: string, needle: string): { line: number; column: number } {
  const text = readFileSync(path, 'utf8');
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" not in ${path}`);
  const before = text.slice(0, i);
  return { line: before.split('\n').length, column: i - before.lastIndexOf('\n') };
}

/** 1-based line and column of `needle`, searching after the first occurrence of `anchor`. */
export function positionAfter(path: string, anchor: string, needle: string): { line: number; column: number } {
  const text = readFileSync(path, 'utf8');
  const from = text.indexOf(anchor);
  if (from < 0) throw new Error(`"${anchor}" not in ${path}`);
  const i = text.indexOf(needle, from + anchor.length);
  if (i < 0) throw new Error(`"${needle}" not after "${anchor}" in ${path}`);
  const before = text.slice(0, i);
  return { line: before.split('\n').length, column: i - before.lastIndexOf('\n') };
}

/** What the repository's rules/ folder holds, counted from disk, so tests hold when rule sets are added. */
export function rulesFolder(): { ruleSets: number; codeLists: number; vectorFiles: number; vectors: number } {
  const top = readdirSync(join(ROOT, 'rules')).filter((f) => f.endsWith('.json'));
  const vectorFiles = top.filter((f) => f.endsWith('.test.json'));
  const vectors = vectorFiles.reduce(
    (n, f) => n + (JSON.parse(readFileSync(join(ROOT, 'rules', f), 'utf8')) as { vectors: unknown[] }).vectors.length,
    0,
  );
  return {
    ruleSets: top.length - vectorFiles.length,
    codeLists: readdirSync(join(ROOT, 'rules', 'code-lists')).filter((f) => f.endsWith('.json')).length,
    vectorFiles: vectorFiles.length,
    vectors,
  };
}
