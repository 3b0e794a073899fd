import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Options } from 'tsup';
import { build } from 'tsup';
import configs from '../../tsup.config.js';

/*
 * Builds the ESM half of `npm run build` once before the suite, with the same tsup settings (the
 * library's entries, the CLI and its worker, sharing chunks), without declaration files, into
 * .tmp/cli/. CLI tests then run it as a separate `node` process, as users do; the bundle-size test
 * bundles the library's entries from it. The build is skipped when nothing under src/ changed since the last one.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
export const CLI_OUT_DIR = join(root, '.tmp', 'cli');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export default async function setup(): Promise<void> {
  const out = join(CLI_OUT_DIR, 'cli.js');
  const sources = Math.max(
    newestMtime(join(root, 'src')),
    newestMtime(join(root, 'rules')),
    statSync(join(root, 'package.json')).mtimeMs,
    statSync(join(root, 'tsup.config.ts')).mtimeMs,
  );
  try {
    if (statSync(out).mtimeMs > sources) return;
  } catch {
    // not built yet
  }
  const list = (Array.isArray(configs) ? configs : [configs]) as Options[];
  const cli = list.find((c) => typeof c.entry === 'object' && c.entry !== null && 'cli' in c.entry);
  if (!cli) throw new Error('tsup.config.ts has no `cli` entry');
  await build({ ...cli, dts: false, outDir: CLI_OUT_DIR, silent: true, config: false });
}
