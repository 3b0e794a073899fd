/**
 * A/B runs of one benchmark case over two or more source trees, in alternating rounds:
 *
 *   npx tsx bench/ab.ts --case decision --n 20000 --rounds 7 <treeA> <treeB> [<treeC> …]
 *   npx tsx bench/ab.ts --script bench/pathway.ts --case transition-rules --n 3000 <treeA> <treeB>
 *   npx tsx bench/ab.ts --n 20000 .@decision .@decision-unshared     # one tree, two cases
 *   npx tsx bench/ab.ts --script bench/chart.ts --case chart --metric stageSumUs --n 1000 <treeA> <treeB>
 *
 * `<tree>@<case>` runs that case in that tree instead of `--case`: the A/B of an off switch is one
 * tree with two cases (such as `decision` and `decision-unshared`).
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
import { bundleForBench } from './bundle.js';

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
/** The figure compared: a case's median per call, or another number it prints (`stageSumUs` for `bench/chart.ts`). */
const metric = opt('metric', 'medianUs');
const arms = args.map((a) => {
  const at = a.lastIndexOf('@');
  return at > 0 ? { tree: resolve(a.slice(0, at)), name: a.slice(at + 1) } : { tree: resolve(a), name };
});
const trees = arms.map((a) => a.tree);
if (arms.length < 2) throw new Error('give at least two source trees (or tree@case arms)');
const label = (i: number): string => `${basename(trees[i]!)}${arms[i]!.name === name ? '' : `@${arms[i]!.name}`}`;

async function bundle(tree: string): Promise<string> {
  const out = `.bench-ab-${process.pid}`;
  await bundleForBench(join(tree, 'examples'), { [out]: join(tree, script) });
  const file = join(tree, 'examples', `${out}.mjs`);
  process.on('exit', () => rmSync(file, { force: true }));
  return file;
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

const entries: string[] = [];
const bundled = new Map<string, string>();
for (const t of trees) {
  if (!bundled.has(t)) bundled.set(t, await bundle(t));
  entries.push(bundled.get(t)!);
}
const medians: number[][] = trees.map(() => []);
for (let r = 0; r < rounds; r++) {
  const line: string[] = [];
  for (let k = 0; k < trees.length; k++) {
    const i = (k + r) % trees.length;
    const { stdout } = await exec(process.execPath, [entries[i]!, arms[i]!.name, n], { cwd: trees[i], maxBuffer: 1 << 24 });
    const res = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, number>;
    const value = res[metric];
    if (typeof value !== 'number') throw new Error(`${arms[i]!.name} prints no ${metric}`);
    medians[i]!.push(value);
    line.push(`${label(i)} ${value.toFixed(2)}`);
  }
  process.stdout.write(`round ${r + 1}: ${line.join(', ')}\n`);
}
const base = quantile(medians[0]!, 0.5);
const baseP25 = quantile(medians[0]!, 0.25);
const cases = [...new Set(arms.map((a) => a.name))].join(', ');
process.stdout.write(`\ncase ${cases} (${script}), ${n} per run, ${rounds} rounds; µs per call\n`);
process.stdout.write(
  '| tree | median of rounds | p25 of rounds | min–max | median / first | p25 / first |\n| --- | --- | --- | --- | --- | --- |\n',
);
trees.forEach((_t, i) => {
  const m = medians[i]!;
  const med = quantile(m, 0.5);
  const p25 = quantile(m, 0.25);
  process.stdout.write(
    `| ${label(i)} | ${med.toFixed(2)} | ${p25.toFixed(2)} | ${Math.min(...m).toFixed(2)}–${Math.max(...m).toFixed(2)} | ${(med / base).toFixed(3)} | ${(p25 / baseP25).toFixed(3)} |\n`,
  );
});
