import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The fictional example persons in `examples/persons/`, by file name without `.json`. */
export function loadExamplePersons(): { name: string; person: Record<string, unknown> }[] {
  const dir = fileURLToPath(new URL('./persons/', import.meta.url));
  const order = ['klara', 'morten', 'kasper', 'nora'];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const { $schema: _s, ...person } = JSON.parse(readFileSync(dir + f, 'utf8')) as Record<string, unknown>;
      return { name: f.replace(/\.json$/, ''), person };
    })
    .sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
}

/** The date the demo evaluates as of. Fixed, so the output is the same on every machine and day. */
export const DEMO_AS_OF = '2026-11-23';
