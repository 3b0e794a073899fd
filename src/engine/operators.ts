import type { CodeList } from '../facts/codeList.js';
import type { FactType } from '../facts/types.js';
import type { LocalizedText } from '../model/lang.js';
import { toDayNumber } from '../util/dates.js';

/**
 * The operator table. The first eight are json-rules-engine's defaults with its exact semantics
 * (including its validators: a non-array fact makes `contains` false, a non-numeric fact makes
 * `lessThan` false). The rest are ours: code-list membership, dates and list sizes. They are
 * declared once here and documented in the README.
 *
 * Every operator is total: whatever the two operands (a fact value from a host's JSON, or another
 * fact's value used as the compared value), it returns a boolean and never throws. Where
 * json-rules-engine would throw (`in` against a number, a number compared with `{"toString": 0}`),
 * the answer is false; so is `in` against another fact holding a string, where json-rules-engine
 * would search the string for a substring. No operator takes a pattern, so no rule can make one
 * backtrack. test/engine/operators.test.ts gives the known answers, row by row.
 */

/** What an operator needs at evaluation time beyond its two operands. */
export interface OperatorEnv {
  readonly asOfDay: number;
}

/** What the compared value must be, checked when a rule set is compiled. */
export type ValueKind = 'any' | 'array' | 'number' | 'date' | 'code-list' | 'integer';

/** An operator definition. */
export interface OperatorDefinition {
  readonly name: string;
  /** A verb phrase for explanations: "is at least". */
  readonly label: LocalizedText;
  readonly valueKind: ValueKind;
  /** Fact types it makes sense on; compile rejects others. `undefined` means any. */
  readonly factTypes?: readonly FactType[];
  /** True when the operator exists in json-rules-engine's default set. */
  readonly jsonRulesEngineDefault: boolean;
  /**
   * True when the answer depends on the evaluation date as well as the operands (it reads
   * `env.asOfDay`): equal fact values then do not give equal traces, so a rule using it never
   * shares a trace between decisions.
   */
  readonly readsAsOf?: boolean;
  /** Evaluates with known operands. `compare` is the value after {@link prepare}. */
  evaluate(fact: unknown, compare: unknown, env: OperatorEnv): boolean;
}

/** json-rules-engine's number validator: what `parseFloat` reads as a number passes (so does `"12"` or `[12]`). */
const numberValidator = (v: unknown) => Number.parseFloat(v as string).toString() !== 'NaN';

/**
 * A numeric comparison with json-rules-engine's semantics, where a value that cannot be converted
 * (JSON can hold `{"toString": 0}`, whose conversion throws) compares false instead of throwing.
 */
function numeric(cmp: (a: number, b: number) => boolean): (a: unknown, b: unknown) => boolean {
  return (a, b) => {
    // Two numbers (nearly every comparison) need neither the validator's string round trip nor the
    // guard: parseFloat(n).toString() is 'NaN' only for NaN itself.
    if (typeof a === 'number' && typeof b === 'number') return a === a && cmp(a, b);
    try {
      return numberValidator(a) && cmp(a as number, b as number);
    } catch {
      return false;
    }
  };
}

function codeMatch(fact: unknown, list: CodeList): boolean {
  if (typeof list !== 'object' || list === null || typeof list.match !== 'function') return false;
  const one = (x: unknown) => {
    if (typeof x !== 'object' || x === null) return false;
    const { system, code } = x as { system?: unknown; code?: unknown };
    return typeof system === 'string' && typeof code === 'string' && list.match(system, code) !== undefined;
  };
  return Array.isArray(fact) ? fact.some(one) : one(fact);
}

function dayOf(v: unknown): number | undefined {
  return typeof v === 'string' ? toDayNumber(v) : undefined;
}

function dateOp(name: string, label: LocalizedText, cmp: (a: number, b: number) => boolean): OperatorDefinition {
  return {
    name,
    label,
    valueKind: 'date',
    factTypes: ['date', 'string'],
    jsonRulesEngineDefault: false,
    evaluate: (fact, compare) => {
      const a = dayOf(fact);
      const b = dayOf(compare);
      return a !== undefined && b !== undefined && cmp(a, b);
    },
  };
}

const NUMERIC: readonly FactType[] = ['number'];

/** All operators, by name. */
export const OPERATORS: ReadonlyMap<string, OperatorDefinition> = new Map(
  (
    [
      {
        name: 'equal',
        label: { nb: 'er', nn: 'er', en: 'is' },
        valueKind: 'any',
        jsonRulesEngineDefault: true,
        evaluate: (a, b) => a === b,
      },
      {
        name: 'notEqual',
        label: { nb: 'er ikke', nn: 'er ikkje', en: 'is not' },
        valueKind: 'any',
        jsonRulesEngineDefault: true,
        evaluate: (a, b) => a !== b,
      },
      {
        name: 'in',
        label: { nb: 'er en av', nn: 'er ein av', en: 'is one of' },
        valueKind: 'array',
        jsonRulesEngineDefault: true,
        evaluate: (a, b) => Array.isArray(b) && b.indexOf(a) > -1,
      },
      {
        name: 'notIn',
        label: { nb: 'er ingen av', nn: 'er ingen av', en: 'is none of' },
        valueKind: 'array',
        jsonRulesEngineDefault: true,
        evaluate: (a, b) => Array.isArray(b) && b.indexOf(a) === -1,
      },
      {
        name: 'contains',
        label: { nb: 'inneholder', nn: 'inneheld', en: 'contains' },
        valueKind: 'any',
        factTypes: ['list'],
        jsonRulesEngineDefault: true,
        evaluate: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
      },
      {
        name: 'doesNotContain',
        label: { nb: 'inneholder ikke', nn: 'inneheld ikkje', en: 'does not contain' },
        valueKind: 'any',
        factTypes: ['list'],
        jsonRulesEngineDefault: true,
        evaluate: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
      },
      {
        name: 'lessThan',
        label: { nb: 'er mindre enn', nn: 'er mindre enn', en: 'is less than' },
        valueKind: 'number',
        factTypes: NUMERIC,
        jsonRulesEngineDefault: true,
        evaluate: numeric((a, b) => a < b),
      },
      {
        name: 'lessThanInclusive',
        label: { nb: 'er høyst', nn: 'er høgst', en: 'is at most' },
        valueKind: 'number',
        factTypes: NUMERIC,
        jsonRulesEngineDefault: true,
        evaluate: numeric((a, b) => a <= b),
      },
      {
        name: 'greaterThan',
        label: { nb: 'er større enn', nn: 'er større enn', en: 'is greater than' },
        valueKind: 'number',
        factTypes: NUMERIC,
        jsonRulesEngineDefault: true,
        evaluate: numeric((a, b) => a > b),
      },
      {
        name: 'greaterThanInclusive',
        label: { nb: 'er minst', nn: 'er minst', en: 'is at least' },
        valueKind: 'number',
        factTypes: NUMERIC,
        jsonRulesEngineDefault: true,
        evaluate: numeric((a, b) => a >= b),
      },
      {
        name: 'inCodeList',
        label: { nb: 'har en kode i kodelisten', nn: 'har ein kode i kodelista', en: 'has a code in the code list' },
        valueKind: 'code-list',
        factTypes: ['list', 'object'],
        jsonRulesEngineDefault: false,
        evaluate: (a, b) => codeMatch(a, b as CodeList),
      },
      {
        name: 'notInCodeList',
        label: { nb: 'har ingen kode i kodelisten', nn: 'har ingen kode i kodelista', en: 'has no code in the code list' },
        valueKind: 'code-list',
        factTypes: ['list', 'object'],
        jsonRulesEngineDefault: false,
        evaluate: (a, b) => !codeMatch(a, b as CodeList),
      },
      dateOp('dateBefore', { nb: 'er før', nn: 'er før', en: 'is before' }, (a, b) => a < b),
      dateOp('dateOnOrBefore', { nb: 'er på eller før', nn: 'er på eller før', en: 'is on or before' }, (a, b) => a <= b),
      dateOp('dateAfter', { nb: 'er etter', nn: 'er etter', en: 'is after' }, (a, b) => a > b),
      dateOp('dateOnOrAfter', { nb: 'er på eller etter', nn: 'er på eller etter', en: 'is on or after' }, (a, b) => a >= b),
      {
        name: 'withinLastDays',
        label: { nb: 'er innenfor siste antall dager', nn: 'er innanfor siste tal dagar', en: 'is within the last number of days' },
        valueKind: 'integer',
        factTypes: ['date', 'string'],
        jsonRulesEngineDefault: false,
        readsAsOf: true,
        evaluate: (a, b, env) => {
          const d = dayOf(a);
          return d !== undefined && typeof b === 'number' && d <= env.asOfDay && d > env.asOfDay - b;
        },
      },
      {
        name: 'hasAtLeast',
        label: { nb: 'har minst antall elementer', nn: 'har minst tal element', en: 'has at least this many items' },
        valueKind: 'integer',
        factTypes: ['list'],
        jsonRulesEngineDefault: false,
        evaluate: (a, b) => Array.isArray(a) && typeof b === 'number' && a.length >= b,
      },
      {
        name: 'hasAtMost',
        label: { nb: 'har høyst antall elementer', nn: 'har høgst tal element', en: 'has at most this many items' },
        valueKind: 'integer',
        factTypes: ['list'],
        jsonRulesEngineDefault: false,
        evaluate: (a, b) => Array.isArray(a) && typeof b === 'number' && a.length <= b,
      },
    ] satisfies OperatorDefinition[]
  ).map((o) => [o.name, o]),
);

/** Operator names, for validation messages and documentation. */
export const OPERATOR_NAMES: readonly string[] = [...OPERATORS.keys()];
