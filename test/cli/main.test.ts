import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, rulesFolder } from './run.js';

/* The `oppfolgingsteam` command itself: help, version, unknown commands, the language option. */

describe('oppfolgingsteam', () => {
  it('prints its help in the chosen language; without arguments it is a usage error', async () => {
    let r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Bruk: oppfolgingsteam <kommando> [valg]');
    expect(r.stdout).toContain('Avslutningskode: 0 alt i orden, 1 feil eller feilede tester funnet, 2 feil bruk eller uleselig inndata.');
    r = await cli(['--help', '--lang', 'nn']);
    expect(r.stdout).toContain('Kommandoar:');
    r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Bruk: oppfolgingsteam');
  });

  it('prints a command’s help with --help or help <command>', async () => {
    const a = await cli(['validate', '--help', '--lang', 'en']);
    const b = await cli(['help', 'validate', '--lang', 'en']);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('Usage: oppfolgingsteam validate <dir|file>');
    expect(b.stdout).toBe(a.stdout);
  });

  it('prints the package version', async () => {
    const r = await cli(['--version']);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });

  it('refuses an unknown command (exit 2)', async () => {
    const r = await cli(['valdiate', 'rules']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('oppfolgingsteam: Ukjent kommando «valdiate».');
  });

  it('accepts --lang before the command', async () => {
    const r = await cli(['--lang', 'en', 'validate', 'rules']);
    expect(r.code).toBe(0);
    const f = rulesFolder();
    expect(r.stdout).toMatch(new RegExp(`^No errors in ${f.ruleSets + f.codeLists + f.vectorFiles} files`));
  });
});
