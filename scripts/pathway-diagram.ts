/**
 * Writes the pathway statechart, generated from the machine, into docs/pathway.md between the
 * `pathway-diagram` markers. A test fails when the page's diagram is stale: run
 * `npx tsx scripts/pathway-diagram.ts` after changing the machine.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pathwayDiagram } from '../src/pathway/index.js';

const file = fileURLToPath(new URL('../docs/pathway.md', import.meta.url));
const readme = readFileSync(file, 'utf8');
const block = /(<!-- pathway-diagram:start[^>]*-->\n)```mermaid\n[\s\S]*?```\n(<!-- pathway-diagram:end -->)/;
if (!block.test(readme)) throw new Error('docs/pathway.md has no pathway-diagram block');
writeFileSync(
  file,
  readme.replace(block, (_m, start: string, end: string) => `${start}\`\`\`mermaid\n${pathwayDiagram()}\`\`\`\n${end}`),
);
