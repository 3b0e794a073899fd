import type { CodeListEntry } from '../model/ruleSet.js';
import type { CodeList } from './codeList.js';

/*
 * A code's matches in every code list, found once per code and shared by all the lists' lookups.
 * A person's diagnoses are matched against up to seven lists (chronic conditions, mental health,
 * Charlson in two systems, paediatric conditions, social problems, functional limitation); looking
 * each list up on its own cost two map lookups per list and diagnosis, which dominated the diagnosis
 * facts. Now a diagnosis costs two lookups for its profile, and each list an array read in it.
 * Pure and bounded: a list never changes after compilation, and the cache is cleared when full.
 */

/** One code's matches, by the list's number ({@link listNumber}); holes are lists not asked yet. */
export type CodeProfile = (readonly CodeListEntry[] | undefined)[];

const MAX_CODES = 50_000;
/** Lists numbered from here on are not kept in profiles. */
const PROFILE_LISTS = 256;
const profiles = new Map<string, Map<string, CodeProfile>>();
let codes = 0;

const numbers = new WeakMap<CodeList, number>();
let nextNumber = 0;

/** A small number for a compiled list, its index in every profile. */
export function listNumber(list: CodeList): number {
  let n = numbers.get(list);
  if (n === undefined) numbers.set(list, (n = nextNumber++));
  return n;
}

/** The profile of a code in a system. */
export function codeProfile(system: string, code: string): CodeProfile {
  let bySystem = profiles.get(system);
  if (bySystem === undefined) profiles.set(system, (bySystem = new Map()));
  let p = bySystem.get(code);
  if (p === undefined) {
    if (++codes > MAX_CODES) {
      profiles.clear();
      codes = 1;
      profiles.set(system, (bySystem = new Map()));
    }
    bySystem.set(code, (p = []));
  }
  return p;
}

/** The entries of `list` that match the code of `profile` (`system`, `code`). */
export function profileMatches(profile: CodeProfile, list: CodeList, number: number, system: string, code: string): readonly CodeListEntry[] {
  // A process that compiles lists again and again (rule reloads) numbers them past any small array:
  // those lists are looked up on their own, as before.
  if (number >= PROFILE_LISTS) return list.matchAll(system, code);
  let es = profile[number];
  if (es === undefined) profile[number] = es = list.matchAll(system, code);
  return es;
}
