import { readFileSync, readdirSync, statSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { OPERATORS, OPERATOR_NAMES } from '../../src/policy/index.js';
import { compileRuleSet } from '../../src/index.js';
import { TEST_FACTS, ruleSetOf } from '../support/arbitraries.js';
import { ROOT } from '../support/helpers.js';

/*
 * Rule files cannot make the library backtrack (issue 8, point 2). Three guards:
 *  1. No regular expression in src/ is ever built at run time (`RegExp(…)`), so no pattern can come
 *     from a rule file, a person or a host option.
 *  2. No operator takes a pattern. An operator whose name suggests one must be listed in
 *     PATTERN_OPERATORS below, which requires a linear-time matcher and a fuzz test of its own.
 *  3. Every regex literal in src/ has star height one: no quantified group contains an unbounded
 *     quantifier, except the few listed in NESTED_OK with the reason they cannot backtrack; and each
 *     literal is run on adversarial input of 100,000 characters (a catastrophic one would not finish
 *     and the test would time out; no timing is asserted).
 */

function files(dir: string): string[] {
  return readdirSync(ROOT + dir).flatMap((f) => {
    const rel = `${dir}/${f}`;
    return statSync(ROOT + rel).isDirectory() ? files(rel) : rel.endsWith('.ts') ? [rel] : [];
  });
}

interface Found {
  readonly file: string;
  readonly text: string;
}

function scanSource(file: string, text: string, literals: Found[], constructed: Found[]): void {
  const implicit = new Set(['match', 'matchAll', 'search']);
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) literals.push({ file, text: node.getText(source) });
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText(source) === 'RegExp')
      constructed.push({ file, text: node.getText(source) });
    // String#match, #matchAll and #search turn a string argument into a RegExp: allowed only with a regex literal.
    // (CodeList#match takes two arguments, a system and a code, and is not a regex.)
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      implicit.has(node.expression.name.text) &&
      node.arguments.length === 1 &&
      node.arguments[0]!.kind !== ts.SyntaxKind.RegularExpressionLiteral
    )
      constructed.push({ file, text: node.getText(source) });
    ts.forEachChild(node, visit);
  };
  visit(source);
}

function scan(): { literals: Found[]; constructed: Found[] } {
  const literals: Found[] = [];
  const constructed: Found[] = [];
  for (const file of files('src')) scanSource(file, readFileSync(ROOT + file, 'utf8'), literals, constructed);
  return { literals, constructed };
}

const { literals, constructed } = scan();

/**
 * Regexes with a quantified group that contains an unbounded quantifier, and why each is linear:
 * every repetition of the outer group starts with a character the inner quantifier cannot match,
 * so there is only one way to split the input.
 */
const NESTED_OK: Record<string, string> = {
  '/^\\$((\\.[A-Za-z_][A-Za-z0-9_-]*)|(\\[\\d{1,6}\\]))+$/': 'each repetition starts with "." or "[", which [A-Za-z0-9_-]* cannot match',
  '/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/': 'each repetition starts with "-", which [A-Z0-9]+ cannot match',
};

/** Operators that take a pattern; each needs a linear-time matcher (no backtracking regex) and its own fuzz test. */
const PATTERN_OPERATORS: readonly string[] = [];

/** True when the regex source has a group, quantified with *, + or {n,}, that itself contains such a quantifier. */
function hasNestedUnboundedQuantifier(source: string): boolean {
  const stack: boolean[] = []; // per open group: does it contain an unbounded quantifier?
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') stack.push(false);
    else if (c === ')') {
      const inner = stack.pop() ?? false;
      const next = source.slice(i + 1);
      const unbounded = /^(\*|\+|\{\d+,\})/.test(next);
      if (inner && unbounded) return true;
      if ((inner || unbounded) && stack.length > 0) stack[stack.length - 1] = true;
    } else if ((c === '*' || c === '+' || (c === '{' && /^\{\d+,\}/.test(source.slice(i)))) && stack.length > 0)
      stack[stack.length - 1] = true;
  }
  return false;
}

/** Adversarial inputs: long runs of the characters regexes here match, each ended by a character that makes the match fail late. */
const N = 100_000;
const ADVERSARIAL = ['A', '0', 'a', '.', '-', '_', '$', '[0]', '.a', '-A', 'A0', '0.', '1-', ' '].flatMap((unit) => {
  const run = unit.repeat(Math.ceil(N / unit.length));
  return [run, `${run}!`, `$${run}!`, `A${run}\n`, `${run}\u0000`];
});

describe('regular expressions cannot be made to backtrack', () => {
  it('finds the regex literals in src (the scan works)', () => {
    expect(literals.length).toBeGreaterThan(10);
    expect(literals.some((l) => l.file === 'src/model/person.ts')).toBe(true);
  });

  it('no regex is built at run time from a string (RegExp(), or String#match/#search with a string), so none can come from a rule file or a record', () => {
    expect(constructed).toEqual([]);
    // The scan catches each form.
    const caught: Found[] = [];
    scanSource(
      'x.ts',
      'new RegExp(rule.value); RegExp(p); s.match(rule.pattern); s.search(p); s.match(/a/); list.match(system, code);',
      [],
      caught,
    );
    expect(caught.map((c) => c.text)).toEqual(['new RegExp(rule.value)', 'RegExp(p)', 's.match(rule.pattern)', 's.search(p)']);
  });

  it('no operator takes a pattern (a pattern operator needs a linear-time matcher and a fuzz test first)', () => {
    const patternLike = OPERATOR_NAMES.filter((n) => /match|regex|pattern|like|glob|wildcard|search/i.test(n));
    expect(patternLike.filter((n) => !PATTERN_OPERATORS.includes(n))).toEqual([]);
    // The operator table itself uses no regular expression at all.
    expect(literals.filter((l) => l.file === 'src/engine/operators.ts')).toEqual([]);
  });

  it('a rule cannot smuggle a pattern in: an unknown operator such as `matches` is refused at compile time', () => {
    for (const operator of ['matches', 'regex', 'like']) {
      expect(OPERATORS.has(operator)).toBe(false);
      const r = compileRuleSet(ruleSetOf([{ all: [{ fact: 's0', operator, value: '(a+)+$' }] }]), { extraFacts: TEST_FACTS });
      expect(r._tag === 'Left' && r.left.issues[0]!.code).toBe('unknown_operator');
    }
  });

  it('every regex literal has star height one, or is listed with the reason it is unambiguous', () => {
    const nested = literals.filter((l) => hasNestedUnboundedQuantifier(l.text.slice(1, l.text.lastIndexOf('/'))));
    expect(nested.map((l) => l.text).filter((t) => !(t in NESTED_OK))).toEqual([]);
    // The check itself catches the classic catastrophic shapes.
    for (const bad of ['(a+)+$', '(a|aa)*b', '^(\\w+\\s?)*$', '(x*)*', '((ab)*c)+'])
      expect(hasNestedUnboundedQuantifier(bad), bad).toBe(bad !== '(a|aa)*b');
  });

  it('every regex literal finishes on adversarial input of 100,000 characters', () => {
    let runs = 0;
    for (const l of literals) {
      const last = l.text.lastIndexOf('/');
      const re = new RegExp(l.text.slice(1, last), l.text.slice(last + 1).replace('g', ''));
      for (const input of ADVERSARIAL) {
        re.test(input);
        runs++;
      }
    }
    expect(runs).toBe(literals.length * ADVERSARIAL.length);
  });
});
