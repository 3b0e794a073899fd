import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATOR_NAMES, builtinFacts } from '../../src/policy/index.js';
import { ROOT } from '../support/helpers.js';

/* The rule-set schema carries the facts and operators, so an editor completes and explains them. */

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'rule-set.schema.json'), 'utf8')) as unknown;

/** Every `enum` list offered for a property of this name, with its descriptions. */
function offered(name: string): { enum: string[]; markdownEnumDescriptions: string[] }[] {
  const out: { enum: string[]; markdownEnumDescriptions: string[] }[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, any>;
    const p = o['properties']?.[name];
    if (p?.anyOf) for (const b of p.anyOf) if (Array.isArray(b.enum)) out.push(b);
    for (const v of Object.values(o)) visit(v);
  };
  visit(schema);
  return out;
}

describe('rule-set.schema.json editor help', () => {
  it('lists every registered fact, each with its Norwegian label and description, wherever a fact is named', () => {
    const lists = offered('fact');
    // A condition's fact and a value that is another fact.
    expect(lists.length).toBeGreaterThanOrEqual(2);
    const facts = [...builtinFacts().values()];
    for (const list of lists) {
      expect([...list.enum].sort()).toEqual(facts.map((f) => f.name).sort());
      for (const f of facts) expect(list.markdownEnumDescriptions[list.enum.indexOf(f.name)]).toContain(f.label.nb);
    }
  });

  it('lists every operator, each with what it means', () => {
    const lists = offered('operator');
    expect(lists.length).toBeGreaterThanOrEqual(1);
    for (const list of lists) {
      expect([...list.enum].sort()).toEqual([...OPERATOR_NAMES].sort());
      expect(list.markdownEnumDescriptions.every((d) => d.length > 0)).toBe(true);
    }
  });
});
