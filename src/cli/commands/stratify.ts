import * as E from '../../util/either.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { Lang } from '../../model/lang.js';
import { isLang } from '../../model/lang.js';
import type { Parameter } from '../../model/ruleSet.js';
import { describeCutOff } from '../../population/format.js';
import { renderStratifyReport } from '../../population/stratifyReport.js';
import type { StratifySummary } from '../../population/stratifier.js';
import { dateProblem } from '../../util/dates.js';
import { parseJsonText } from '../../model/parseJson.js';
import type { StratifySource } from '../../node/stratifyRun.js';
import { runStratifyJob } from '../../node/stratifyRun.js';
import type { PendingOutput } from '../../node/writeFiles.js';
import { commitOutputs, discardOutputs, pendingOutput, pendingStream, sameFile, writePending } from '../../node/writeFiles.js';

/** What a CLI command reads from and writes to (the process's streams, or test doubles). */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable & { readonly isTTY?: boolean };
  /** Directory relative paths resolve against. Default `process.cwd()`. */
  readonly cwd?: string;
  /** Today's date for the default `--as-of` (the CLI may read the clock; the library never does). */
  readonly today?: () => string;
}

type M = Record<Lang, string>;
const MSG = {
  usage: {
    nb: `Bruk: oppfolgingsteam stratify [FIL.ndjson | -] [valg]

Rangerer en populasjon med identifiseringsreglene og skriver en arbeidsliste (NDJSON eller CSV).

  --synthetic N        lag N syntetiske personer i stedet for å lese inndata
                       (de lages her og valideres ikke på nytt; innlest data valideres alltid)
  --seed S             frø for --synthetic (standard 1)
  --as-of ÅÅÅÅ-MM-DD   vurderingsdato (standard: i dag)
  --top P              list de øverste P prosent, rangert
  --min-points N       list alle med minst N poeng (standard: grensen for høy risiko)
  --out FIL            skriv arbeidslisten hit
  --stdout             skriv arbeidslisten til standard ut (uten --out og --stdout
                       skrives bare sammendraget)
  --format ndjson|csv|csv-no
                       (standard: etter filendelsen til --out, ellers ndjson);
                       csv-no er for Excel på norsk: semikolon, desimalkomma,
                       norske overskrifter, UTF-8 med BOM
  --csv-excel          det samme som --format csv-no
  --report FIL.html    skriv en rapport med fordeling, nivåer, undergrupper og grunner
  --summary FIL.json   skriv sammendraget som JSON
  --workers N          antall arbeidstråder (standard 0: hovedtråden)
  --param NAVN=VERDI   overstyr en parameter i regelsettet, f.eks. highRiskCutOff=12
  --rule-set FIL       et annet regelsett med poengsum
  --lang nb|nn|en      språk (standard nb)
  --timing             skriv tidsbruk og minnetopp til standard feil
  --quiet              ikke skriv sammendrag
`,
    nn: `Bruk: oppfolgingsteam stratify [FIL.ndjson | -] [val]

Rangerer ein populasjon med identifiseringsreglane og skriv ei arbeidsliste (NDJSON eller CSV).

  --synthetic N        lag N syntetiske personar i staden for å lese inndata
                       (dei blir laga her og ikkje validerte på nytt; innlesne data blir alltid validerte)
  --seed S             frø for --synthetic (standard 1)
  --as-of ÅÅÅÅ-MM-DD   vurderingsdato (standard: i dag)
  --top P              list dei øvste P prosent, rangerte
  --min-points N       list alle med minst N poeng (standard: grensa for høg risiko)
  --out FIL            skriv arbeidslista hit
  --stdout             skriv arbeidslista til standard ut (utan --out og --stdout
                       blir berre samandraget skrive)
  --format ndjson|csv|csv-no
                       (standard: etter filendinga til --out, elles ndjson);
                       csv-no er for Excel på norsk: semikolon, desimalkomma,
                       norske overskrifter, UTF-8 med BOM
  --csv-excel          det same som --format csv-no
  --report FIL.html    skriv ein rapport med fordeling, nivå, undergrupper og grunnar
  --summary FIL.json   skriv samandraget som JSON
  --workers N          tal arbeidstrådar (standard 0: hovudtråden)
  --param NAMN=VERDI   overstyr ein parameter i regelsettet, t.d. highRiskCutOff=12
  --rule-set FIL       eit anna regelsett med poengsum
  --lang nb|nn|en      språk (standard nb)
  --timing             skriv tidsbruk og minnetopp til standard feil
  --quiet              ikkje skriv samandrag
`,
    en: `Usage: oppfolgingsteam stratify [FILE.ndjson | -] [options]

Ranks a population with the identification rules and writes a worklist (NDJSON or CSV).

  --synthetic N        generate N synthetic persons instead of reading input
                       (generated here, so not validated again; input read is always validated)
  --seed S             seed for --synthetic (default 1)
  --as-of YYYY-MM-DD   evaluation date (default: today)
  --top P              list the top P per cent, ranked
  --min-points N       list everyone with at least N points (default: the high-risk cut-off)
  --out FILE           write the worklist here
  --stdout             write the worklist to standard output (without --out and
                       --stdout only the summary is printed)
  --format ndjson|csv|csv-no
                       (default: from the extension of --out, else ndjson);
                       csv-no is for Excel set to Norwegian: semicolons, decimal
                       comma, Norwegian headers, UTF-8 with a byte-order mark
  --csv-excel          the same as --format csv-no
  --report FILE.html   write a report with the distribution, tiers, sub-groups and reasons
  --summary FILE.json  write the summary as JSON
  --workers N          worker threads (default 0: the main thread)
  --param NAME=VALUE   override a rule-set parameter, e.g. highRiskCutOff=12
  --rule-set FILE      another rule set with a score
  --lang nb|nn|en      language (default nb)
  --timing             print elapsed time and peak memory to standard error
  --quiet              do not print the summary
`,
  },
  bad: { nb: 'Ugyldig valg', nn: 'Ugyldig val', en: 'Invalid option' },
  read: { nb: 'lest', nn: 'lese', en: 'read' },
  ranked: { nb: 'rangert', nn: 'rangert', en: 'ranked' },
  rejected: { nb: 'avvist', nn: 'avvist', en: 'rejected' },
  listed: { nb: 'på arbeidslisten', nn: 'på arbeidslista', en: 'on the worklist' },
  adultsHigh: { nb: 'voksne med høy risiko', nn: 'vaksne med høg risiko', en: 'adults at high risk' },
  line: { nb: 'linje', nn: 'linje', en: 'line' },
  more: {
    nb: 'flere avviste poster; se --report eller --summary',
    nn: 'fleire avviste postar; sjå --report eller --summary',
    en: 'more rejected records; see --report or --summary',
  },
  elapsed: { nb: 'tid', nn: 'tid', en: 'elapsed' },
  peak: { nb: 'minnetopp (RSS)', nn: 'minnetopp (RSS)', en: 'peak memory (RSS)' },
  failed: { nb: 'Feil', nn: 'Feil', en: 'Error' },
  overwritesInput: {
    nb: 'er en inndatafil; den ville blitt overskrevet',
    nn: 'er ei inndatafil; ho ville blitt overskriven',
    en: 'is an input file; it would be overwritten',
  },
  sameOutput: { nb: 'er samme fil som', nn: 'er same fil som', en: 'is the same file as' },
  notWritten: {
    nb: 'Arbeidslisten er ikke skrevet ut; bruk --out FIL (eller --stdout) for å få den.',
    nn: 'Arbeidslista er ikkje skriven ut; bruk --out FIL (eller --stdout) for å få henne.',
    en: 'The worklist was not written; use --out FILE (or --stdout) to get it.',
  },
} satisfies Record<string, M>;

class Usage extends Error {}

/** A stream that drops what it is given: the worklist when it was not asked for. */
function discard(): Writable {
  return new Writable({
    write(_chunk, _enc, done) {
      done();
    },
  });
}

function fmtInt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

function pct(n: number, of: number): string {
  return of === 0 ? '–' : `${((100 * n) / of).toFixed(2)} %`;
}

/** A one-paragraph summary for standard error. */
export function summaryText(s: StratifySummary, lang: Lang): string {
  const lines = [
    `${MSG.read[lang]} ${fmtInt(s.read)}, ${MSG.ranked[lang]} ${fmtInt(s.ranked)}, ${MSG.rejected[lang]} ${fmtInt(s.rejected)}, ${MSG.listed[lang]} ${fmtInt(s.listed)} (${describeCutOff(s.cutOff)})`,
    `${MSG.adultsHigh[lang]}: ${fmtInt(s.adultTiers.high)} / ${fmtInt(s.adults)} = ${pct(s.adultTiers.high, s.adults)} (highRiskCutOff ${s.highCutOff ?? '–'})`,
  ];
  for (const r of s.rejectedRecords.slice(0, 20))
    lines.push(`  ${MSG.line[lang]} ${r.line}: ${r.issues.map((i) => `${i.path || '$'} ${i.code}`).join('; ')}`);
  if (s.rejected > 20) lines.push(`  … ${fmtInt(s.rejected - 20)} ${MSG.more[lang]}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `oppfolgingsteam stratify`: ranks a population and writes a worklist. Returns the exit code:
 * 0 done (rejected records do not fail the run), 2 usage error, 1 failure (e.g. an unreadable file).
 */
export async function runStratify(argv: readonly string[], io: CliIo): Promise<number> {
  let lang: Lang = 'nb';
  const langAt = argv.indexOf('--lang');
  if (langAt >= 0 && isLang(argv[langAt + 1])) lang = argv[langAt + 1] as Lang;
  const err = (s: string) => io.stderr.write(s);
  const cwd = io.cwd ?? process.cwd();
  /** Output files being written, removed unless the run completes. */
  let pending: { readonly flag: 'out' | 'report' | 'summary'; readonly output: PendingOutput }[] = [];
  let outStream: Writable | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        synthetic: { type: 'string' },
        seed: { type: 'string' },
        'as-of': { type: 'string' },
        top: { type: 'string' },
        'min-points': { type: 'string' },
        out: { type: 'string', short: 'o' },
        stdout: { type: 'boolean' },
        format: { type: 'string' },
        'csv-excel': { type: 'boolean' },
        report: { type: 'string' },
        summary: { type: 'string' },
        workers: { type: 'string' },
        param: { type: 'string', multiple: true },
        'rule-set': { type: 'string' },
        lang: { type: 'string' },
        timing: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout.write(MSG.usage[lang]);
      return 0;
    }
    const int = (name: string, v: string | undefined, min: number): number | undefined => {
      if (v === undefined) return undefined;
      if (!/^-?\d+$/.test(v) || Number(v) < min) throw new Usage(`--${name}: ${v}`);
      return Number(v);
    };
    const num = (name: string, v: string | undefined): number | undefined => {
      if (v === undefined) return undefined;
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n)) throw new Usage(`--${name}: ${v}`);
      return n;
    };
    if (values.lang !== undefined && !isLang(values.lang)) throw new Usage(`--lang: ${values.lang}`);
    const asOf = values['as-of'] ?? (io.today ?? (() => new Date().toISOString().slice(0, 10)))();
    if (dateProblem(asOf)) throw new Usage(`--as-of: ${asOf}`);
    const synthetic = int('synthetic', values.synthetic, 0);
    const seed = int('seed', values.seed, -2_147_483_648) ?? 1;
    const workers = int('workers', values.workers, 0) ?? 0;
    if (workers > 64) throw new Usage(`--workers: ${workers}`);
    if (synthetic !== undefined && positionals.length > 0) throw new Usage(`--synthetic + ${positionals[0]}`);
    if (positionals.length > 1) throw new Usage(positionals.slice(1).join(' '));
    if (values['csv-excel'] && values.format !== undefined && values.format !== 'csv-no')
      throw new Usage(`--csv-excel + --format ${values.format}`);
    if (values.stdout && values.out !== undefined) throw new Usage('--stdout + --out');
    const format = values['csv-excel'] ? 'csv-no' : (values.format ?? (values.out?.toLowerCase().endsWith('.csv') ? 'csv' : 'ndjson'));
    if (format !== 'csv' && format !== 'ndjson' && format !== 'csv-no') throw new Usage(`--format: ${format}`);
    const parameters: Record<string, Parameter['value']> = {};
    for (const p of values.param ?? []) {
      const eq = p.indexOf('=');
      if (eq <= 0) throw new Usage(`--param: ${p}`);
      const raw = p.slice(eq + 1);
      const parsed = parseJsonText(raw);
      parameters[p.slice(0, eq)] = (E.isRight(parsed) ? parsed.right : raw) as Parameter['value'];
    }
    let ruleSetFile: unknown;
    if (values['rule-set'] !== undefined) {
      const parsed = parseJsonText(readFileSync(resolve(cwd, values['rule-set']), 'utf8'), lang);
      if (E.isLeft(parsed)) throw new Usage(`--rule-set: ${parsed.left.issues.map((i) => i.message).join('; ')}`);
      ruleSetFile = parsed.right;
    }
    const source: StratifySource =
      synthetic !== undefined
        ? { kind: 'synthetic', size: synthetic, seed }
        : positionals.length === 0 || positionals[0] === '-'
          ? { kind: 'stream', stream: io.stdin }
          : { kind: 'file', path: resolve(cwd, positionals[0]!) };

    // No output may be an input, or another output: `stratify c.ndjson --out c.ndjson` used to empty
    // its own input before reading it.
    const inputs = [
      ...(source.kind === 'file' ? [source.path] : []),
      ...(values['rule-set'] !== undefined ? [resolve(cwd, values['rule-set'])] : []),
    ];
    const targets = (['out', 'report', 'summary'] as const).flatMap((flag) =>
      values[flag] !== undefined ? [{ flag, path: resolve(cwd, values[flag]) }] : [],
    );
    for (const [i, t] of targets.entries()) {
      if (inputs.some((input) => sameFile(input, t.path))) throw new Usage(`--${t.flag} ${values[t.flag]}: ${MSG.overwritesInput[lang]}`);
      const other = targets.slice(0, i).find((o) => sameFile(o.path, t.path));
      if (other) throw new Usage(`--${t.flag} ${values[t.flag]}: ${MSG.sameOutput[lang]} --${other.flag}`);
    }
    pending = targets.map((t) => ({ flag: t.flag, output: pendingOutput(t.path) }));
    const outputOf = (flag: 'out' | 'report' | 'summary') => pending.find((p) => p.flag === flag)?.output;

    const started = process.hrtime.bigint();
    // Every file is written under a temporary name and renamed only when the whole run has succeeded.
    const outFile = outputOf('out');
    outStream = outFile !== undefined ? pendingStream(outFile) : undefined;
    // A worklist of a whole population is megabytes: it goes to the terminal only when asked for.
    const out: Writable = outStream ?? (values.stdout ? io.stdout : discard());
    const tty = io.stderr.isTTY === true;
    let lastProgress = 0;
    const result = await runStratifyJob({
      setup: {
        asOf,
        lang,
        ...(values.top !== undefined ? { topPercent: num('top', values.top)! } : {}),
        ...(values['min-points'] !== undefined ? { minPoints: num('min-points', values['min-points'])! } : {}),
        ...(ruleSetFile !== undefined ? { ruleSetFile } : {}),
        ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
      },
      source,
      out,
      format,
      workers,
      // Progress only on a terminal: piped or redirected stderr stays clean for logs.
      ...(tty
        ? {
            onProgress: (p) => {
              const now = Date.now();
              if (now - lastProgress < 200) return;
              lastProgress = now;
              err(
                `\r${MSG.read[lang]} ${fmtInt(p.read)} · ${MSG.ranked[lang]} ${fmtInt(p.ranked)} · ${MSG.rejected[lang]} ${fmtInt(p.rejected)} · ${MSG.listed[lang]} ${fmtInt(p.listed)}   `,
              );
            },
          }
        : {}),
    });
    if (outFile !== undefined) {
      out.end();
      await finished(out);
    }
    if (tty && lastProgress > 0) err('\r\x1b[K');
    if (E.isLeft(result)) {
      discardOutputs(pending.map((p) => p.output));
      err(`${MSG.bad[lang]}: ${result.left.usage.join('\n')}\n`);
      return 2;
    }
    const summary = result.right.summary;
    const report = outputOf('report');
    if (report !== undefined)
      writePending(
        report,
        renderStratifyReport(summary, lang, source.kind === 'synthetic' ? { synthetic: { seed: source.seed, size: source.size } } : {}),
      );
    const summaryFile = outputOf('summary');
    if (summaryFile !== undefined) writePending(summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
    commitOutputs(pending.map((p) => p.output));
    pending = [];
    if (!values.quiet) err(summaryText(summary, lang));
    if (!values.quiet && outFile === undefined && !values.stdout) err(`${MSG.notWritten[lang]}\n`);
    if (values.timing) {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const cpu = process.cpuUsage(); // all threads of the process, workers included
      err(
        `${MSG.elapsed[lang]} ${(ms / 1000).toFixed(2)} s · CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s · ${MSG.peak[lang]} ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB\n`,
      );
    }
    return 0;
  } catch (e) {
    outStream?.destroy();
    discardOutputs(pending.map((p) => p.output));
    if (e instanceof Usage || (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) {
      err(`${MSG.bad[lang]}: ${e.message}\n\n${MSG.usage[lang]}`);
      return 2;
    }
    const code = (e as { code?: string }).code;
    err(
      `${MSG.failed[lang]}: ${code ?? (e instanceof Error ? e.message : String(e))}${(e as { path?: string }).path ? ` (${(e as { path?: string }).path})` : ''}\n`,
    );
    return 1;
  }
}
