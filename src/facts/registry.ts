import * as demographics from './demographics.js';
import * as diagnoses from './diagnoses.js';
import * as encounters from './encounters.js';
import * as fn from './function.js';
import * as frailty from './frailty.js';
import * as medications from './medications.js';
import * as social from './social.js';
import * as stage from './stage.js';
import * as assessment from './assessment.js';
import * as consent from './consent.js';
import * as evaluation from './evaluation.js';
import * as needs from './needs.js';
import * as plan from './plan.js';
import * as preferences from './preferences.js';
import * as rights from './rights.js';
import * as team from './team.js';
import * as transition from './transition.js';
import type { FactDefinition } from './types.js';

/** A set of facts by name. */
export type FactRegistry = ReadonlyMap<string, FactDefinition<any>>;

function isFact(v: unknown): v is FactDefinition<any> {
  return typeof v === 'object' && v !== null && 'derive' in v && 'name' in v;
}

/** Builds a registry from fact definitions; a duplicate name is a programming error. */
export function createFactRegistry(defs: readonly FactDefinition<any>[]): FactRegistry {
  const m = new Map<string, FactDefinition<any>>();
  for (const d of defs) {
    if (m.has(d.name)) throw new Error(`duplicate fact ${d.name}`);
    m.set(d.name, d);
  }
  return m;
}

/** Every built-in derived fact. */
export function builtinFactDefinitions(): FactDefinition<any>[] {
  return [...builtinList];
}

/**
 * Whether a definition is one of the library's own facts. Their string and list values are codes
 * and enumerated values (service kinds, statuses, ICD-10 and ICPC-2 groups), never free text or
 * dates from a record, so traces that show them may be kept and shared between calls; a host's own
 * facts may return anything, so only their numbers and booleans are.
 */
export function isBuiltinFact(def: FactDefinition<any> | undefined): boolean {
  return def !== undefined && builtinSet.has(def);
}

const builtinList: FactDefinition<any>[] = [
  demographics,
  encounters,
  diagnoses,
  medications,
  fn,
  frailty,
  social,
  // Framework facts (issue 3): needs, assessment, consent, team, plan, evaluation, transitions, rights.
  needs,
  preferences,
  assessment,
  consent,
  team,
  plan,
  evaluation,
  transition,
  rights,
  stage,
]
  .flatMap((mod) => Object.values(mod))
  .filter(isFact);
const builtinSet: ReadonlySet<FactDefinition<any>> = new Set(builtinList);
