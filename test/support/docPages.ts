import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTRIES } from '../../tsup.config.js';
import { ROOT } from './helpers.js';

/*
 * The pages a user reads: README.md and every docs/*.md. The sample tests read them through here,
 * so a new page is tested as soon as it exists.
 */

/** README.md and docs/*.md, as paths from the repository root. */
export function docPages(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`);
  return ['README.md', ...docs];
}

export function readPage(page: string): string {
  return readFileSync(join(ROOT, page), 'utf8');
}

/** A fenced block of one language in a page, with the line its fence opens on. */
export interface Block {
  readonly page: string;
  readonly line: number;
  readonly code: string;
}

export function blocks(page: string, lang: string): Block[] {
  const md = readPage(page);
  const out: Block[] = [];
  for (const m of md.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\``, 'gm'))) {
    out.push({ page, line: md.slice(0, m.index).split('\n').length, code: m[1]! });
  }
  return out;
}

/**
 * How a ```ts block says what it is, on its first line: `// example: <name>` runs (blocks of one
 * name in one page are joined in order, so a sample may continue across prose), and
 * `// types-only: <name>` is type-checked but not run (a snippet that needs a host around it).
 */
export function marker(code: string): { kind: 'example' | 'types-only'; name: string } | undefined {
  const m = /^\/\/ (example|types-only): ([a-z0-9-]+)/.exec(code);
  return m ? { kind: m[1] as 'example' | 'types-only', name: m[2]! } : undefined;
}

/** Points `'oppfolgingsteam'` and each `'oppfolgingsteam/<subpath>'` at the entry's source, as the build maps them. */
export function pointAtSource(code: string): string {
  return code.replace(/from 'oppfolgingsteam(?:\/([a-z-]+(?:\/[a-z-]+)?))?'/g, (whole, sub: string | undefined) => {
    const entry = (ENTRIES as Record<string, string>)[sub ?? 'index'];
    if (entry === undefined) throw new Error(`a sample imports an entry that does not exist: ${whole}`);
    return `from '${join(ROOT, entry.replace(/\.ts$/, '.js'))}'`;
  });
}
