/**
 * Writes the pathway statechart, generated from the machine, into the README between the
 * `pathway-diagram` markers. A test fails when the README's diagram is stale: run
 * `npx tsx scripts/pathway-diagram.ts` after changing the machine.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pathwayDiagram } from '../src/pathway/index.js';

const file = fileURLToPath(new URL('../README.md', import.meta.url));
const readme = readFileSync(file, 'utf8');
const block = /(<!-- pathway-diagram:start[^>]*-->\n)```mermaid\n[\s\S]*?```\n(<!-- pathway-diagram:end -->)/;
if (!block.test(readme)) throw new Error('README.md has no pathway-diagram block');
writeFileSync(file, readme.replace(block, (_m, start: string, end: string) => `${start}\`\`\`mermaid\n${pathwayDiagram()}\`\`\`\n${end}`));
