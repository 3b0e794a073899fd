import * as E from '../util/either.js';
import { parsePerson } from '../engine/evaluate.js';
import type { ValidationIssue } from '../model/issues.js';
import { makeIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
import { LIMITS } from '../model/limits.js';
import { builtinFacts } from '../ruleSets/load.js';
import { namedWithSuggestion } from '../util/suggest.js';
import type { LocatedIssue } from './located.js';
import { compareLocated } from './located.js';
import type { ParsedSource } from './source.js';
import { locateIssue } from './source.js';
import type { Workspace } from './workspace.js';
import { vectorsForVersion } from './workspace.js';

/*
 * Checks that need the rule set and its vectors together, beyond what compiling either one finds:
 * vectors that name rules, facts or parameters that do not exist (they would pass or fail for the
 * wrong reason), and rules no vector expects to fire. Each version of a rule set is checked with the
 * vectors that run against it (`vectorsForVersion`).
 */

const EXPECT_LISTS = ['fired', 'notFired', 'unknown'] as const;

/**
 * Runs the cross-file checks on an analysed workspace. Rule sets that did not compile are skipped.
 * Each file gets at most `LIMITS.issues` issues and then one `too_many_issues`, as a rule set's own
 * error does: 10,000 vectors with ten mistakes each are a readable report, not 100,000 lines.
 */
export function checkVectors(ws: Workspace, lang: Lang = 'nb'): LocatedIssue[] {
  const out: LocatedIssue[] = [];
  const perFile = new Map<string, number>();
  /** Whether another issue of this file is still wanted. */
  const wanted = (file: string): boolean => (perFile.get(file) ?? 0) <= LIMITS.issues;
  const push = (source: ParsedSource, issue: ValidationIssue): void => {
    const n = perFile.get(source.path) ?? 0;
    if (n > LIMITS.issues) return;
    perFile.set(source.path, n + 1);
    out.push(locateIssue(source, n < LIMITS.issues ? issue : makeIssue('too_many_issues', [], lang, { maximum: LIMITS.issues }), lang));
  };
  const facts = builtinFacts();
  for (const rs of ws.ruleSets) {
    const compiled = rs.compiled;
    if (!compiled) continue;
    const files = vectorsForVersion(ws, compiled);
    if (files.length === 0) {
      push(rs.source, makeIssue('no_vectors', ['id'], lang, { name: compiled.id, file: `${compiled.id}.test.json` }));
      continue;
    }
    const ruleIds = new Set(compiled.file.rules.map((r) => r.id));
    const params = compiled.parameters;
    const expectedToFire = new Set<string>();
    for (const { vectors: vf, indices } of files) {
      const file = vf.file!;
      for (const i of indices) {
        const v = file.vectors[i]!;
        const at = (issue: ValidationIssue) => push(vf.source, issue);
        // Past the file's cap only the rules its vectors expect to fire are still wanted.
        if (!wanted(vf.source.path)) {
          for (const id of v.expect.fired ?? []) if (ruleIds.has(id)) expectedToFire.add(id);
          continue;
        }
        for (const list of EXPECT_LISTS)
          (v.expect[list] ?? []).forEach((id, j) => {
            if (!ruleIds.has(id)) at(makeIssue('unknown_rule', ['vectors', i, 'expect', list, j], lang, namedWithSuggestion(id, ruleIds)));
            else if (list === 'fired') expectedToFire.add(id);
          });
        for (const key of Object.keys(v.facts ?? {})) {
          const name = key.split(':')[0]!;
          if (name !== 'asOf' && !facts.has(name))
            at(makeIssue('unknown_fact', ['vectors', i, 'facts', key], lang, namedWithSuggestion(name, facts.keys())));
        }
        for (const key of Object.keys(v.parameters ?? {}))
          if (!Object.prototype.hasOwnProperty.call(params, key))
            at(makeIssue('unknown_parameter', ['vectors', i, 'parameters', key], lang, namedWithSuggestion(key, Object.keys(params))));
        if (v.person !== undefined) {
          const p = parsePerson(v.person, lang);
          if (E.isLeft(p))
            for (const issue of p.left.issues)
              at(makeIssue(issue.code, ['vectors', i, 'person', ...issue.segments], lang, (issue.detail ?? {}) as Record<string, string>));
        }
      }
    }
    compiled.file.rules.forEach((r, i) => {
      if (!expectedToFire.has(r.id)) push(rs.source, makeIssue('rule_not_fired', ['rules', i, 'id'], lang, { name: r.id }));
    });
  }
  // A vector that runs against two versions is one vector: the same issue in it is said once.
  const seen = new Set<string>();
  return out
    .filter((li) => {
      const key = `${li.file}\u0000${li.line}\u0000${li.column}\u0000${li.issue.code}\u0000${li.issue.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(compareLocated);
}

/** The detail of an unknown name: the name, and the nearest known one when one is near. */
