/**
 * A/B runs of one benchmark case over two or more source trees, in alternating rounds:
 *
 *   npx tsx bench/ab.ts --case decision --n 20000 --rounds 7 <treeA> <treeB> [<treeC> …]
 *   npx tsx bench/ab.ts --script bench/pathway.ts --case transition-rules --n 3000 <treeA> <treeB>
 *
 * A tree is a directory holding this repository's `src/` and `bench/` (a git worktree, or a commit
 * extracted with `git archive` next to a `node_modules` link). Each tree's case script is bundled
 * with that tree's own sources by tsup, as `npm run bench` bundles them, and every round runs each
 * tree once, in turn, each in its own process; the order rotates from round to round so that no tree
 * always runs right after another. On this shared machine a single run moves by up to 1.5×, so
 * compare the median and the 25th percentile of the rounds' medians, not one run.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = args[i + 1] ?? fallback;
  args.splice(i, 2);
  return v;
};
const script = opt('script', 'bench/engines.ts');
const name = opt('case', 'decision');
const n = opt('n', '20000');
const rounds = Number(opt('rounds', '7'));
const trees = args.map((t) => resolve(t));
if (trees.length < 2) throw new Error('give at least two source trees');

async function bundle(tree: string): Promise<string> {
  const { build } = await import('tsup');
  const out = `.bench-ab-${process.pid}`;
  await build({
    entry: { [out]: join(tree, script) },
    outDir: join(tree, 'examples'),
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    bundle: true,
    splitting: false,
    silent: true,
    outExtension: () => ({ js: '.mjs' }),
    noExternal: [/.*/],
    banner: { js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);" },
    config: false,
  });
  const file = join(tree, 'examples', `${out}.mjs`);
  process.on('exit', () => rmSync(file, { force: true }));
  return file;
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

const entries: string[] = [];
for (const t of trees) entries.push(await bundle(t));
const medians: number[][] = trees.map(() => []);
for (let r = 0; r < rounds; r++) {
  const line: string[] = [];
  for (let k = 0; k < trees.length; k++) {
    const i = (k + r) % trees.length;
    const { stdout } = await exec(process.execPath, [entries[i]!, name, n], { cwd: trees[i], maxBuffer: 1 << 24 });
    const res = JSON.parse(stdout.trim().split('\n').pop()!) as { medianUs: number };
    medians[i]!.push(res.medianUs);
    line.push(`${basename(trees[i]!)} ${res.medianUs.toFixed(2)}`);
  }
  process.stdout.write(`round ${r + 1}: ${line.join(', ')}\n`);
}
const base = quantile(medians[0]!, 0.5);
const baseP25 = quantile(medians[0]!, 0.25);
process.stdout.write(`\ncase ${name} (${script}), ${n} per run, ${rounds} rounds; µs per call\n`);
process.stdout.write('| tree | median of rounds | p25 of rounds | min–max | median / first | p25 / first |\n| --- | --- | --- | --- | --- | --- |\n');
trees.forEach((t, i) => {
  const m = medians[i]!;
  const med = quantile(m, 0.5);
  const p25 = quantile(m, 0.25);
  process.stdout.write(
    `| ${basename(t)} | ${med.toFixed(2)} | ${p25.toFixed(2)} | ${Math.min(...m).toFixed(2)}–${Math.max(...m).toFixed(2)} | ${(med / base).toFixed(3)} | ${(p25 / baseP25).toFixed(3)} |\n`,
  );
});
