import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, rulesFolder } from './run.js';

/* The `oppfolgingsteam` command itself: help, version, unknown commands, the language option. */

describe('oppfolgingsteam', () => {
  it('prints its help in the chosen language; without arguments it is a usage error', async () => {
    const [nb, nn, none] = await Promise.all([cli(['--help']), cli(['--help', '--lang', 'nn']), cli([])]);
    expect(nb.code).toBe(0);
    expect(nb.stdout).toContain('Bruk: oppfolgingsteam <kommando> [valg]');
    expect(nb.stdout).toContain('Avslutningskode: 0 alt i orden, 1 feil eller feilede tester funnet, 2 feil bruk eller uleselig inndata.');
    expect(nn.code).toBe(0);
    expect(nn.stdout).toContain('Kommandoar:');
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('Bruk: oppfolgingsteam');
  });

  it('prints a command’s help with --help or help <command>', async () => {
    const [a, b] = await Promise.all([cli(['validate', '--help', '--lang', 'en']), cli(['help', 'validate', '--lang', 'en'])]);
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
