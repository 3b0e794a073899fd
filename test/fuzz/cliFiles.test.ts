import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runStratify } from '../../src/cli/commands/stratify.js';
import { NDJSON_LINE_BYTES, ndjsonLines } from '../../src/node/ndjson.js';
import { generateCohort } from '../../src/population/index.js';
import { ROOT } from '../support/helpers.js';
import { cli } from '../cli/run.js';

/*
 * The CLI's files. An output is never an input (`stratify c.ndjson --out c.ndjson` used to empty its
 * own input); every output is written under a temporary name and renamed only when the run succeeds,
 * so a failed run leaves existing files as they were and nothing half-written; NDJSON is read one way
 * everywhere (byte-order mark, CRLF, blank lines), and a line longer than the limit is rejected,
 * counted and skipped while the run goes on (a 560 MB line used to end it with a RangeError).
 */

const AS_OF = '2026-11-23';
const dir = mkdtempSync(join(tmpdir(), 'cli-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], cwd = dir) {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks: Buffer[] = [];
  const errChunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  err.on('data', (c: Buffer) => errChunks.push(c));
  const code = await runStratify(argv, { stdin: Readable.from(['']), stdout: out, stderr: err, cwd, today: () => AS_OF });
  return { code, stdout: Buffer.concat(chunks).toString('utf8'), stderr: Buffer.concat(errChunks).toString('utf8') };
}

const persons = [...generateCohort({ seed: 5, size: 60, asOf: AS_OF })].map((p) => JSON.stringify(p));
const cohort = `${persons.join('\n')}\n`;
/** A fresh folder holding `c.ndjson`. */
function folder(): string {
  const d = mkdtempSync(join(dir, 'run-'));
  writeFileSync(join(d, 'c.ndjson'), cohort);
  return d;
}
const leftovers = (d: string) => readdirSync(d).filter((f) => f.endsWith('.tmp'));

describe('an output is never an input', () => {
  it('`stratify c.ndjson --out c.ndjson` is refused (exit 2) in points and --top mode, and the input is untouched', async () => {
    for (const mode of [[], ['--top', '10']]) {
      const d = folder();
      const r = await run(['c.ndjson', '--out', 'c.ndjson', '--as-of', AS_OF, '--lang', 'en', ...mode], d);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--out c.ndjson: is an input file; it would be overwritten');
      expect(readFileSync(join(d, 'c.ndjson'), 'utf8')).toBe(cohort);
      expect(leftovers(d)).toEqual([]);
    }
  });

  it('whatever the spelling (./, ../, absolute, a symbolic or hard link), and for --report, --summary and --rule-set too', async () => {
    const d = folder();
    mkdirSync(join(d, 'sub'));
    symlinkSync(join(d, 'c.ndjson'), join(d, 'link.ndjson'));
    linkSync(join(d, 'c.ndjson'), join(d, 'hard.ndjson'));
    const rules = readFileSync(join(ROOT, 'rules/identification.json'), 'utf8');
    writeFileSync(join(d, 'rules.json'), rules);
    const cases: string[][] = [
      ['c.ndjson', '--out', './c.ndjson'],
      ['c.ndjson', '--out', 'sub/../c.ndjson'],
      ['c.ndjson', '--out', join(d, 'c.ndjson')],
      ['c.ndjson', '--out', 'link.ndjson'],
      ['c.ndjson', '--out', 'hard.ndjson'],
      ['link.ndjson', '--out', 'c.ndjson'],
      ['c.ndjson', '--report', 'c.ndjson'],
      ['c.ndjson', '--summary', 'c.ndjson'],
      ['c.ndjson', '--rule-set', 'rules.json', '--summary', 'rules.json'],
      ['c.ndjson', '--out', 'x.ndjson', '--report', 'x.ndjson'],
    ];
    for (const c of cases) {
      const r = await run([...c, '--as-of', AS_OF], d);
      expect(r.code, c.join(' ')).toBe(2);
      expect(readFileSync(join(d, 'c.ndjson'), 'utf8')).toBe(cohort);
      expect(readFileSync(join(d, 'rules.json'), 'utf8')).toBe(rules);
    }
    expect(readdirSync(d).sort()).toEqual(['c.ndjson', 'hard.ndjson', 'link.ndjson', 'rules.json', 'sub']);
  });
});

describe('outputs are written whole or not at all', () => {
  it('a run that succeeds writes every output under its name and leaves no temporary file', async () => {
    const d = folder();
    const r = await run(
      ['c.ndjson', '--out', 'w.ndjson', '--report', 'r.html', '--summary', 's.json', '--min-points', '0', '--as-of', AS_OF, '--quiet'],
      d,
    );
    expect(r.code).toBe(0);
    expect(readFileSync(join(d, 'w.ndjson'), 'utf8').trim().split('\n')).toHaveLength(60);
    expect(JSON.parse(readFileSync(join(d, 's.json'), 'utf8'))).toMatchObject({ read: 60, ranked: 60 });
    expect(readFileSync(join(d, 'r.html'), 'utf8')).toContain('<html');
    expect(leftovers(d)).toEqual([]);
  });

  it('a run that fails leaves existing outputs as they were and no temporary file', async () => {
    const d = folder();
    writeFileSync(join(d, 'w.ndjson'), 'yesterday\n');
    writeFileSync(join(d, 's.json'), '{"yesterday": true}\n');
    writeFileSync(join(d, 'bad-rules.json'), '{"id": "x"}');
    const bad = await run(['c.ndjson', '--out', 'w.ndjson', '--summary', 's.json', '--rule-set', 'bad-rules.json', '--as-of', AS_OF], d);
    expect(bad.code).toBe(2);
    const missing = await run(['no-such.ndjson', '--out', 'w.ndjson', '--summary', 's.json', '--as-of', AS_OF], d);
    expect(missing.code).toBe(1);
    expect(readFileSync(join(d, 'w.ndjson'), 'utf8')).toBe('yesterday\n');
    expect(readFileSync(join(d, 's.json'), 'utf8')).toBe('{"yesterday": true}\n');
    expect(leftovers(d)).toEqual([]);
    // An output in a folder that does not exist is an error before anything is read.
    const nowhere = await run(['c.ndjson', '--out', 'no/such/dir/w.ndjson', '--as-of', AS_OF], d);
    expect(nowhere.code).toBe(1);
  });
});

describe('NDJSON is read one way', () => {
  it('a byte-order mark costs stratify no record, as it costs diff --cohort none', async () => {
    const d = folder();
    writeFileSync(join(d, 'bom.ndjson'), `\uFEFF${persons.slice(0, 3).join('\r\n')}\r\n`);
    const r = await run(['bom.ndjson', '--as-of', AS_OF, '--lang', 'en', '--summary', 's.json'], d);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(d, 's.json'), 'utf8'))).toMatchObject({ read: 3, ranked: 3, rejected: 0 });
  });

  it('examples/cohort.ndjson stratifies: four records read, four ranked, none rejected', async () => {
    const r = await cli(['stratify', 'examples/cohort.ndjson', '--as-of', AS_OF, '--lang', 'en', '--min-points', '0', '--stdout']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('read 4, ranked 4, rejected 0');
    expect(r.stdout.trim().split('\n')).toHaveLength(4);
  });

  it('a line longer than the limit is rejected, counted and skipped; the records around it are written', async () => {
    const d = folder();
    const huge = `{"birthDate": "1950-01-01", "x": "${'9'.repeat(NDJSON_LINE_BYTES)}"}`;
    writeFileSync(join(d, 'huge.ndjson'), `${persons[0]}\n${huge}\n${persons[1]}\n`);
    const r = await run(['huge.ndjson', '--min-points', '0', '--as-of', AS_OF, '--lang', 'en', '--summary', 's.json', '--stdout'], d);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toContain('line 2: $ line_too_long');
    expect(JSON.parse(readFileSync(join(d, 's.json'), 'utf8'))).toMatchObject({ read: 3, ranked: 2, rejected: 1 });
  });

  /** The lines a plain split of the whole text gives, as the reader must give them. */
  function reference(bytes: Buffer, max: number): { line: number; text: string | null }[] {
    let b = bytes;
    if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
    const out: { line: number; text: string | null }[] = [];
    const lines: Buffer[] = [];
    let from = 0;
    for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, from)) {
      lines.push(b.subarray(from, i));
      from = i + 1;
    }
    if (from < b.length) lines.push(b.subarray(from));
    lines.forEach((l, i) => {
      const body = l.length > 0 && l[l.length - 1] === 13 ? l.subarray(0, l.length - 1) : l;
      if (body.length > max) out.push({ line: i + 1, text: null });
      else if (body.toString('utf8').trim() !== '') out.push({ line: i + 1, text: body.toString('utf8') });
    });
    return out;
  }

  it('whatever the chunking, the reader gives the lines a plain split gives: BOM, CRLF, blank lines, multi-byte characters, lines at and past the limit', async () => {
    const max = 12;
    const piece = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', '{', '"', ' ', 'ø', '€', '😀', '\r'), maxLength: 16 }),
      fc.constantFrom('', ' ', '\r', 'x'.repeat(max), 'x'.repeat(max + 1), `${'x'.repeat(max)}\r`, 'ø'.repeat(6), 'ø'.repeat(7)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(piece, { maxLength: 12 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }),
        async (bom, lines, endNl, sizes) => {
          const bytes = Buffer.from(`${bom ? '\uFEFF' : ''}${lines.join('\n')}${endNl ? '\n' : ''}`, 'utf8');
          const chunks: Buffer[] = [];
          for (let at = 0, k = 0; at < bytes.length; k++) {
            const n = sizes[k % sizes.length]!;
            chunks.push(bytes.subarray(at, at + n));
            at += n;
          }
          const got: { line: number; text: string | null }[] = [];
          for await (const l of ndjsonLines(Readable.from(chunks), max)) got.push(l);
          expect(got).toEqual(reference(bytes, max));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('self-overwriting output, fuzzed', () => {
  it('any output flag pointing at an input, spelt any way, is refused and changes no file', async () => {
    const d = folder();
    mkdirSync(join(d, 'a'));
    const spellings = ['c.ndjson', './c.ndjson', 'a/../c.ndjson', join(d, 'c.ndjson'), `${d}/./c.ndjson`];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('--out', '--report', '--summary'),
        fc.constantFrom(...spellings),
        fc.constantFrom(...spellings),
        fc.boolean(),
        async (flag, input, output, top) => {
          const r = await run([input, flag, output, '--as-of', AS_OF, ...(top ? ['--top', '5'] : [])], d);
          expect(r.code).toBe(2);
          expect(readFileSync(join(d, 'c.ndjson'), 'utf8')).toBe(cohort);
          expect(readdirSync(d).sort()).toEqual(['a', 'c.ndjson']);
        },
      ),
      { numRuns: 40 },
    );
  });
});
