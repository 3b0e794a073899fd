import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSchemas } from '../scripts/schemas.js';
import { ROOT } from './helpers.js';

describe('JSON Schemas', () => {
  it('the committed schemas are generated from the current zod schemas (run `npm run schemas`)', () => {
    for (const [file, text] of Object.entries(renderSchemas())) expect(readFileSync(`${ROOT}schemas/${file}`, 'utf8'), file).toBe(text);
  });

  it('every rule, code-list and vector file points to its schema', () => {
    const expectFor = (f: string) => (f.endsWith('.test.json') ? '../schemas/rule-tests.schema.json' : '../schemas/rule-set.schema.json');
    for (const f of readdirSync(ROOT + 'rules').filter((x) => x.endsWith('.json'))) {
      expect((JSON.parse(readFileSync(`${ROOT}rules/${f}`, 'utf8')) as { $schema?: string }).$schema, f).toBe(expectFor(f));
    }
    for (const f of readdirSync(ROOT + 'rules/code-lists')) {
      expect((JSON.parse(readFileSync(`${ROOT}rules/code-lists/${f}`, 'utf8')) as { $schema?: string }).$schema, f).toBe('../../schemas/code-list.schema.json');
    }
  });
});
