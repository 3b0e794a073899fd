import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runStratify } from '../../src/cli/commands/stratify.js';
import { generateCohort } from '../../src/population/index.js';
import { ROOT } from '../support/helpers.js';

const AS_OF = '2026-11-23';
const dir = mkdtempSync(join(tmpdir(), 'stratify-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command in-process with captured streams. */
async function run(argv: string[], stdin = '') {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks: Buffer[] = [];
  const errChunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  err.on('data', (c: Buffer) => errChunks.push(c));
  const code = await runStratify(argv, { stdin: Readable.from([stdin]), stdout: out, stderr: err, cwd: dir, today: () => AS_OF });
  return { code, stdout: Buffer.concat(chunks).toString('utf8'), stderr: Buffer.concat(errChunks).toString('utf8') };
}

/** Runs the `oppfolgingsteam stratify` command as its own process (worker threads need a real process). */
async function spawn(argv: string[]) {
  const r = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'stratify', ...argv], {
    cwd: ROOT,
    maxBuffer: 64 << 20,
  });
  return r;
}

const persons = [...generateCohort({ seed: 11, size: 1500, asOf: AS_OF })].map((p) => JSON.stringify(p));
const withBad = [...persons.slice(0, 700), '{"birthDate": "2020-02-30"}', '', 'not json', ...persons.slice(700)];
writeFileSync(join(dir, 'in.ndjson'), `${withBad.join('\n')}\n`);

describe('oppfolgingsteam stratify', () => {
  it('reports invalid records with their line numbers, goes on, and summarises read, ranked, rejected', async () => {
    const r = await run(['in.ndjson', '--as-of', AS_OF, '--lang', 'en', '--summary', 'summary.json', '--stdout']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('read 1 502, ranked 1 500, rejected 2');
    expect(r.stderr).toContain('line 701: birthDate birth_date');
    expect(r.stderr).toContain('line 703: $ json_syntax');
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary.rejectedRecords.map((x: { line: number }) => x.line)).toEqual([701, 703]);
    // Points mode streams in input order; every listed person has at least the cut-off.
    const entries = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(entries.length).toBe(summary.listed);
    expect(entries.every((e: { points: number }) => e.points >= summary.highCutOff)).toBe(true);
    expect(entries.map((e: { line: number }) => e.line)).toEqual([...entries.map((e: { line: number }) => e.line)].sort((a, b) => a - b));
  });

  it('writes the same worklist as CSV and NDJSON, top percent ranked, from stdin too', async () => {
    const nd = await run(['-', '--top', '4', '--quiet', '--stdout'], `${withBad.join('\n')}\n`);
    const csv = await run(['in.ndjson', '--top', '4', '--format', 'csv', '--quiet', '--stdout']);
    const rows = csv.stdout.trim().split('\n');
    const entries = nd.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows[0]).toBe('rank,line,id,points,maxPoints,tier,tierIfComplete,subGroups,reasons,prompts,why,dataNeeded,cutOff');
    expect(entries.length).toBe(Math.ceil(0.04 * 1500));
    expect(rows.length - 1).toBe(entries.length);
    entries.forEach((e: { rank: number; line: number; points: number; id: string }, i: number) => {
      expect(e.rank).toBe(i + 1);
      expect(rows[i + 1]!.startsWith(`${e.rank},${e.line},${e.id},${e.points},`)).toBe(true);
    });
    for (let i = 1; i < entries.length; i++) expect(entries[i - 1].points).toBeGreaterThanOrEqual(entries[i].points);
  });

  it('writes a self-contained HTML report and prints no progress when stderr is not a terminal', async () => {
    const r = await run(['--synthetic', '800', '--seed', '3', '--report', 'r.html', '--out', 'w.csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('\r');
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(readFileSync(join(dir, 'w.csv'), 'utf8').split('\n')[0]).toMatch(/^rank,line,id/);
  });

  it('writes the worklist to the terminal only when asked for; otherwise a short summary and where to get it', async () => {
    const quietly = await run(['--synthetic', '3000', '--seed', '2', '--min-points', '0']);
    expect(quietly.code).toBe(0);
    expect(quietly.stdout).toBe('');
    expect(quietly.stderr).toContain('lest 3 000, rangert 3 000, avvist 0, på arbeidslisten 3 000');
    expect(quietly.stderr).toContain('Arbeidslisten er ikke skrevet ut; bruk --out FIL (eller --stdout) for å få den.');
    expect(quietly.stderr.length).toBeLessThan(600);
    const asked = await run(['--synthetic', '3000', '--seed', '2', '--min-points', '0', '--stdout', '--quiet']);
    expect(asked.stdout.trim().split('\n')).toHaveLength(3000);
    expect(asked.stderr).toBe('');
  });

  it('writes CSV for Excel in Norwegian: byte-order mark, semicolons, Norwegian headers and tiers, the same rows', async () => {
    const plain = await run(['in.ndjson', '--top', '4', '--format', 'csv', '--quiet', '--stdout']);
    const [excel, nn] = await Promise.all([
      run(['in.ndjson', '--top', '4', '--csv-excel', '--quiet', '--out', 'excel.csv']),
      run(['in.ndjson', '--top', '4', '--format', 'csv-no', '--quiet', '--stdout', '--lang', 'nn']),
    ]);
    expect(excel.code).toBe(0);
    const bytes = readFileSync(join(dir, 'excel.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes.toString('utf8').slice(1).trim().split('\n');
    expect(rows[0]).toBe(
      'Rangering;Linje;Id;Poeng;Maks poeng;Risikonivå;Nivå med fullstendige data;Undergrupper;Grunner;Meldinger;Hvorfor;Mangler data;Avgrensning',
    );
    expect(nn.stdout.split('\n')[0]).toContain(';Grunnar;Meldingar;Kvifor;Manglar data;Avgrensing');
    const plainRows = plain.stdout.trim().split('\n');
    expect(rows.length).toBe(plainRows.length);
    // Same people in the same order, thirteen cells each, tiers in Norwegian.
    for (let i = 1; i < rows.length; i++) {
      const [rank, line, id, points, , tier] = rows[i]!.split(';');
      expect(plainRows[i]!.startsWith(`${rank},${line},${id},${points},`)).toBe(true);
      expect(['høy', 'moderat', 'lav']).toContain(tier);
    }
    expect(rows.every((r) => r.replace(/"(?:[^"]|"")*"/g, 'x').split(';').length === 13)).toBe(true);
  });

  it('marks a synthetic cohort in the report, and draws one colour per tier, the cut-offs and the 3–5 % band', async () => {
    const r = await run(['--synthetic', '4000', '--seed', '3', '--report', 'syn.html', '--quiet']);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'syn.html'), 'utf8');
    expect(html).toContain('<title>Syntetiske data – Risikokartlegging – populasjonsrapport</title>');
    expect(html).toContain('<p class="synthetic"><strong>Syntetiske data</strong> (4\u202f000 personer, frø 3).');
    expect(html).toContain('lineær skala');
    expect(html).not.toContain('logaritmisk');
    expect(html).toContain('>Moderat fra 5</text>');
    expect(html).toContain('>Høy risiko fra 10</text>');
    expect(html).toContain('3–5 %');
    expect(html).toContain(
      'https://www.helsedirektoratet.no/om-oss/forsoksordninger-og-prosjekter/pilot-for-strukturert-tverrfaglig-oppfolgingsteam',
    );
    // Reason bars carry the rule's title, not its id.
    expect(html).toMatch(/text-anchor="end">Akutt innleggelse siste 12 måneder<\/text>/);
    expect(html).not.toMatch(/text-anchor="end">RS-[A-Z-]+<\/text>/);
    // One colour per tier in every chart: each tier's colour is used, and never for anything else.
    const fills = (colour: string) => html.split(`fill="${colour}"`).length - 1;
    expect(fills('#b3261e')).toBeGreaterThan(2);
    expect(fills('#d08c00')).toBeGreaterThan(2);
    expect(fills('#6b8fb8')).toBeGreaterThan(2);
    expect(html).not.toContain('#4a6fa5');

    const read = await run(['in.ndjson', '--report', 'real.html', '--quiet']);
    expect(read.code).toBe(0);
    expect(readFileSync(join(dir, 'real.html'), 'utf8')).not.toContain('Syntetiske data');
  });

  it('fails with exit code 2 and the usage on bad options', async () => {
    for (const argv of [
      ['--top', 'x'],
      ['--as-of', '2026-02-30'],
      ['--workers', '-1'],
      ['--format', 'xml'],
      ['--bogus'],
      ['--top', '5', '--min-points', '3'],
      ['--stdout', '--out', 'x.ndjson'],
      ['--csv-excel', '--format', 'csv'],
    ]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
    }
    expect((await run(['missing.ndjson'])).code).toBe(1);
    expect((await run(['--help'])).stdout).toContain('--synthetic');
  });

  it('gives byte-identical output with worker threads and without', async () => {
    const synthetic = ['--synthetic', '2500', '--seed', '5', '--quiet', '--stdout'];
    const two = await run([...synthetic, '--workers', '2']);
    expect(two.code).toBe(0);
    expect(two.stdout.length).toBeGreaterThan(0);
    expect(two.stdout).toBe((await run(synthetic)).stdout);
    const file = ['in.ndjson', '--top', '3', '--quiet', '--stdout'];
    expect((await run([...file, '--workers', '2'])).stdout).toBe((await run(file)).stdout);
  }, 180_000); // each worker boots its own TypeScript loader; slow on a busy two-core machine

  it('runs as its own process (the temporary entry)', async () => {
    const r = await spawn(['--synthetic', '300', '--as-of', AS_OF, '--min-points', '0', '--format', 'csv', '--stdout']);
    expect(r.stdout.trim().split('\n')).toHaveLength(301);
    expect(r.stderr).toContain('lest 300, rangert 300, avvist 0');
  }, 120_000);
});
