import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATOR_NAMES, builtinFacts, bundledCodeLists } from '../../src/policy/index.js';
import { ROOT } from '../support/helpers.js';

/* The rule-set schema carries the facts, operators and code lists, and what every field means, so an editor completes and explains them. */

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

  it('describes every property of a rule file, wherever it occurs', () => {
    const missing: string[] = [];
    let seen = 0;
    const visit = (node: unknown, at: string): void => {
      if (Array.isArray(node)) {
        node.forEach((n) => visit(n, at));
        return;
      }
      if (typeof node !== 'object' || node === null) return;
      const o = node as Record<string, any>;
      for (const [name, prop] of Object.entries((o['properties'] ?? {}) as Record<string, any>)) {
        seen++;
        if (typeof prop?.description !== 'string' || prop.description.trim() === '') missing.push(`${at}.${name}`);
      }
      for (const [k, v] of Object.entries(o)) visit(v, `${at}/${k}`);
    };
    visit(schema, '#');
    // The top level alone has 16 properties; the walk must have reached the rules and conditions too.
    expect(seen).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('explains each value of every fixed list (severity, evidence, tier)', () => {
    const lists: { enum: unknown[]; markdownEnumDescriptions?: unknown[] }[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) {
        node.forEach(visit);
        return;
      }
      if (typeof node !== 'object' || node === null) return;
      const o = node as Record<string, any>;
      if (Array.isArray(o['enum'])) lists.push(o as { enum: unknown[] });
      for (const v of Object.values(o)) visit(v);
    };
    visit(schema);
    const flat = lists.flatMap((l) => l.enum);
    for (const v of ['info', 'warning', 'critical', 'found', 'inferred', 'low', 'moderate', 'high']) expect(flat).toContain(v);
    for (const list of lists) {
      expect(list.markdownEnumDescriptions?.length).toBe(list.enum.length);
      expect(list.markdownEnumDescriptions?.every((d) => typeof d === 'string' && d.length > 0)).toBe(true);
    }
  });

  it('offers every bundled code list, with its Norwegian title, where a condition names one', () => {
    const codeLists = [...bundledCodeLists().keys()].sort();
    expect(codeLists.length).toBeGreaterThan(0);
    const titles = new Map<string, string>();
    for (const file of readdirSync(join(ROOT, 'rules', 'code-lists'))) {
      const list = JSON.parse(readFileSync(join(ROOT, 'rules', 'code-lists', file), 'utf8')) as { id: string; title: { nb: string } };
      titles.set(list.id, list.title.nb);
    }
    const lists = offered('value').filter((l) => l.enum.some((v) => codeLists.includes(v)));
    expect(lists.length).toBeGreaterThanOrEqual(1);
    for (const list of lists) {
      expect([...list.enum].sort()).toEqual(codeLists);
      for (const id of codeLists) expect(list.markdownEnumDescriptions[list.enum.indexOf(id)]).toContain(titles.get(id));
    }
  });
});
