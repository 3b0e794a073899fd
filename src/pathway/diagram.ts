import type { AnyStateNode } from 'xstate';
import { GUARD_LABELS } from './guards.js';
import { pathwayMachine } from './machine.js';

/*
 * The statechart as a Mermaid `stateDiagram-v2`, generated from the machine definition itself, so
 * the picture in the README cannot drift from the code: a test compares them. Guards are labelled
 * with the rule ids they evaluate. Each transition is written inside the innermost composite state
 * that holds both ends, which is where Mermaid expects it.
 */

const clean = (s: string) =>
  s
    .replace(/[;:{}#]/g, ',')
    .replace(/\s+/g, ' ')
    .trim();

function guardLabel(guard: unknown): string | undefined {
  const name =
    typeof guard === 'string'
      ? guard
      : guard && typeof guard === 'object' && 'type' in guard
        ? String((guard as { type: unknown }).type)
        : undefined;
  return name === undefined ? undefined : (GUARD_LABELS[name] ?? name);
}

function ancestors(n: AnyStateNode): AnyStateNode[] {
  const out: AnyStateNode[] = [];
  for (let p: AnyStateNode | undefined = n; p; p = p.parent) out.unshift(p);
  return out;
}

/** The innermost node that contains both (the root machine node when only it does). */
function commonParent(a: AnyStateNode, b: AnyStateNode): AnyStateNode {
  const pa = ancestors(a);
  const pb = ancestors(b);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  // Both ends inside `x` means the edge lives in x's block; a self-loop lives in its parent's.
  const c = pa[i - 1]!;
  return c === a || c === b ? (c.parent ?? c) : c;
}

/** Renders the pathway statechart as Mermaid text. */
export function pathwayDiagram(): string {
  const edges = new Map<AnyStateNode, string[]>();
  const visit = (n: AnyStateNode): void => {
    for (const [event, ts] of n.transitions) {
      for (const t of ts) {
        const target = t.target?.[0] ?? n;
        const g = guardLabel(t.guard);
        const line = `${n.key} --> ${target.key} : ${event}${g ? ` [${clean(g)}]` : ''}`;
        const home = commonParent(n, target);
        edges.set(home, [...(edges.get(home) ?? []), line]);
      }
    }
    for (const c of Object.values(n.states)) visit(c);
  };
  visit(pathwayMachine.root);

  const lines: string[] = ['stateDiagram-v2'];
  const block = (n: AnyStateNode, indent: string): void => {
    const children = Object.values(n.states);
    if (n.initial?.target[0]) lines.push(`${indent}[*] --> ${n.initial.target[0].key}`);
    for (const c of children) {
      if (Object.keys(c.states).length > 0) {
        lines.push(`${indent}state ${c.key} {`);
        block(c, `${indent}  `);
        lines.push(`${indent}}`);
      } else if (c.description) {
        lines.push(`${indent}${c.key} : ${clean(c.description)}`);
      }
    }
    for (const e of edges.get(n) ?? []) lines.push(`${indent}${e}`);
    for (const c of children) if (c.type === 'final') lines.push(`${indent}${c.key} --> [*]`);
  };
  block(pathwayMachine.root, '  ');
  return `${lines.join('\n')}\n`;
}
