/**
 * Writes the one-rule-set entries `src/ruleSets/entries/<id>.ts` (see scripts/ruleSetEntries.ts),
 * then formats them as the repository does.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ruleSetEntries } from './ruleSetEntries.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const files = Object.entries(ruleSetEntries());
for (const [path, text] of files) writeFileSync(root + path, text);
execFileSync('npx', ['biome', 'format', '--write', ...files.map(([p]) => p)], { cwd: root, stdio: 'inherit' });
