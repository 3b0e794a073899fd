import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as root from '../../src/index.js';
import * as pathway from '../../src/pathway/index.js';
import * as fhir from '../../src/adapters/fhir/index.js';
import * as cdsHooks from '../../src/services/cdsHooks.js';
import * as policy from '../../src/policy/index.js';
import * as population from '../../src/population/index.js';
import * as jsonRulesEngine from '../../src/adapters/jsonRulesEngine.js';
import { expectProtosUnchanged, protoSnapshot } from './guard.js';
import { anythingHostile, DEEP_VALUES, hostileScalar, ODD_STRINGS, protoKeyed } from './hostile.js';

/*
 * The README's promise, "nothing is thrown for bad input", over every public function of every entry
 * point: each is listed from the entry modules themselves (so a new export is covered the day it
 * lands), called with hostile arguments in every position, and must return. A returned promise must
 * settle without rejecting, a returned iterator must yield its first items, and no built-in prototype
 * may change. entryPoints.test.ts checks the error values of the entry points that take untrusted
 * data; this file checks the plain promise for every function, including the small helpers.
 */

const ENTRIES = { root, pathway, fhir, cdsHooks, policy, population, jsonRulesEngine } as const;

type Thrown = readonly (new (...a: never[]) => Error)[];

/**
 * Functions whose contract is to throw for arguments that are the host's own code, never data from
 * outside, each with its reason. Every other function must return.
 */
const HOST_CODE: Readonly<Record<string, { readonly types: Thrown; readonly reason: string }>> = {
  'policy.deriveFacts': {
    types: [RangeError, TypeError],
    reason: 'the low-level fact derivation takes the date and registries the host built; `evaluate` is the checked entry',
  },
  'population.generateCohort': {
    types: [RangeError],
    reason: 'synthetic cohorts for tests and demos: options are the host’s code (seed, size, dates), not data',
  },
  'population.generatePerson': { types: [RangeError, TypeError], reason: 'as generateCohort: the seed and date are the host’s code' },
  'jsonRulesEngine.registerOnJsonRulesEngine': {
    types: [RangeError, TypeError],
    reason: 'registration happens once at start-up with the host’s own engine and date; a run’s date is checked (InvalidOptions)',
  },
};

/**
 * Functions that take a value the library itself made (a compiled rule set, a decision, a pathway,
 * a score, a stratification, a worklist entry, cards) or the host's own options object, typed in
 * TypeScript. Called from JavaScript with something else, they throw a TypeError today rather than
 * return a typed error: not bad *input* (no data from outside reaches them unchecked), but short of
 * "nothing throws", so they are listed here, by name, until each returns a typed error instead.
 */
const LIBRARY_VALUES: readonly string[] = [
  'root.evaluateParsed', // ParsedPerson and options, after parsePerson
  'root.scoreSummaryText',
  'root.scoreMissingText',
  'root.tierUncertain',
  'pathway.persistPathway',
  'pathway.checkText',
  'pathway.pathwayPerson',
  'cdsHooks.defaultSuggestionPolicy',
  'cdsHooks.overrideReasons',
  'cdsHooks.resourcesToCreate',
  'cdsHooks.cardOptionsFromRequest',
  'cdsHooks.cdsDiscovery',
  'cdsHooks.nameBasedUuid',
  'cdsHooks.patientViewService', // options object (`null` is not one)
  'policy.normalizeCode',
  'policy.runVector',
  'policy.runVectors',
  'policy.locateJsonPath',
  'policy.conditionProse',
  'policy.leafProse',
  'policy.proseContext',
  'policy.createCoverage',
  'policy.coverageNodes',
  'policy.createImpact',
  'policy.computeImpact',
  'policy.isValidOn',
  'policy.renderCatalogueMarkdown',
  'policy.renderCatalogueHtml',
  'population.mergeStratifications',
  'population.ranksAbove',
  'population.worklistCsvRow',
  'population.worklistJsonLine',
  'population.describeCutOff',
  'population.renderStratifyReport',
  'jsonRulesEngine.toJsonRulesEngineRules',
  'fhir.ruleSystem', // a rule-set id, made into text: a 10,000-deep array overflows the stack
];

/** Of those, the ones that turn a 10,000-level nested value into text and overflow the stack (RangeError). */
const STACK_DEPTH: readonly string[] = [
  'fhir.ruleSystem',
  'population.worklistJsonLine',
  'pathway.persistPathway',
  'cdsHooks.nameBasedUuid',
  'cdsHooks.overrideReasons',
  'policy.isValidOn',
  'policy.renderCatalogueMarkdown',
];

/** What each function may throw: nothing, unless it is listed above. */
function allowedThrows(name: string): Thrown {
  const host = HOST_CODE[name];
  if (host) return host.types;
  // persistPathway stringifies the pathway it is given; a value that is not one fails in JSON.parse.
  const extra: Thrown = [...(name === 'pathway.persistPathway' ? [SyntaxError] : []), ...(STACK_DEPTH.includes(name) ? [RangeError] : [])];
  return LIBRARY_VALUES.includes(name) ? [TypeError, ...extra] : [];
}

/** Every exported function, named `entry.export`. Schemas (zod objects) and constants are not functions. */
const FUNCTIONS: readonly (readonly [string, (...args: unknown[]) => unknown])[] = Object.entries(ENTRIES).flatMap(([entry, mod]) =>
  Object.entries(mod)
    .filter(([, v]) => typeof v === 'function')
    .map(([name, fn]) => [`${entry}.${name}`, fn as (...args: unknown[]) => unknown] as const),
);

/** One hostile argument: odd strings and numbers, anything, prototype keys, deep nesting. */
const hostileArg: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileScalar },
  { weight: 3, arbitrary: anythingHostile },
  { weight: 1, arbitrary: protoKeyed },
  { weight: 1, arbitrary: fc.constantFrom(...ODD_STRINGS, {}, [], null, undefined) },
  { weight: 1, arbitrary: fc.constantFrom(...DEEP_VALUES) },
);

/** Calls `fn`, follows a promise or an iterator it returns, and reports what escaped. */
async function callFully(fn: (...args: unknown[]) => unknown, args: readonly unknown[]): Promise<unknown> {
  const out = fn(...args);
  if (out !== null && typeof out === 'object' && typeof (out as { then?: unknown }).then === 'function') return await out;
  if (out !== null && typeof out === 'object' && !Array.isArray(out) && typeof (out as { next?: unknown }).next === 'function') {
    const it = out as Iterator<unknown>;
    for (let i = 0; i < 3; i++) if (it.next().done) break;
  }
  return out;
}

describe('every public function returns for hostile arguments (README: nothing is thrown for bad input)', () => {
  it('lists the functions of every entry, and every documented exception names a real function', () => {
    const names = FUNCTIONS.map(([n]) => n);
    expect(names.length).toBeGreaterThanOrEqual(87);
    for (const entry of Object.keys(ENTRIES))
      expect(
        names.some((n) => n.startsWith(`${entry}.`)),
        entry,
      ).toBe(true);
    for (const name of [...Object.keys(HOST_CODE), ...LIBRARY_VALUES]) expect(names).toContain(name);
  });

  it.each(FUNCTIONS.map(([n, f]) => [n, f] as const))('%s', async (name, fn) => {
    const allowed = allowedThrows(name);
    const arity = Math.min(Math.max(fn.length, 1), 4) + 1;
    await fc.assert(
      fc.asyncProperty(fc.array(hostileArg, { minLength: 0, maxLength: arity }), async (args) => {
        const before = protoSnapshot();
        try {
          await callFully(fn, args);
        } catch (err) {
          if (!allowed.some((t) => err instanceof t))
            throw new Error(`${name} threw ${err instanceof Error ? `${err.constructor.name}: ${err.message.slice(0, 200)}` : typeof err}`);
        }
        expectProtosUnchanged(before);
      }),
      { numRuns: Number(process.env['EVERY_FUNCTION_RUNS'] ?? 25) },
    );
  });
});
