import * as E from '../util/either.js';
import { readInput } from '../model/inputShape.js';
import type { ValidationIssue } from '../model/issues.js';
import { fromZodIssues, makeIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
import type { Pathway } from './envelope.js';
import { PathwayEnvelope } from './envelope.js';
import type { CorruptEnvelopeError } from './errors.js';
import { corruptEnvelope } from './errors.js';

/*
 * The pathway a host passes back to `sendEvent` or `replayPathway`. It is a value the library made,
 * typed in TypeScript; from JavaScript it may be anything. The fields the functions read first are
 * checked here, in constant time (a full check is `restorePathway`'s, for stored pathways), so that
 * something else gives a typed error naming the field instead of a TypeError.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What is wrong with a value passed where a pathway belongs; empty when it has a pathway's shape. */
export function pathwayArgumentIssues(pathway: unknown, lang: Lang): ValidationIssue[] {
  const expected = { expected: 'Pathway (startPathway, sendEvent, restorePathway)' };
  try {
    if (!isObject(pathway)) return [makeIssue('invalid_type', [], lang, expected)];
    const history = pathway['history'];
    if (!Array.isArray(history) || history.length === 0) return [makeIssue('invalid_type', ['history'], lang, { expected: 'array (≥ 1)' })];
    const last = history[history.length - 1] as unknown;
    if (!isObject(last) || typeof last['at'] !== 'string')
      return [makeIssue('invalid_type', ['history', history.length - 1, 'at'], lang, { expected: 'YYYY-MM-DD' })];
    const snapshot = pathway['snapshot'];
    if (!isObject(snapshot) || !isObject(snapshot['context']) || typeof snapshot['status'] !== 'string')
      return [makeIssue('invalid_type', ['snapshot'], lang, { expected: '{ value, status, context }' })];
    if (typeof snapshot['value'] !== 'string' && !isObject(snapshot['value']))
      return [makeIssue('invalid_type', ['snapshot', 'value'], lang, { expected: 'string | object' })];
    for (const key of ['state', 'subject'] as const)
      if (typeof pathway[key] !== 'string') return [makeIssue('invalid_type', [key], lang, { expected: 'string' })];
    if (!Number.isInteger(pathway['revision'])) return [makeIssue('invalid_type', ['revision'], lang, { expected: 'integer ≥ 0' })];
    if (!Array.isArray(pathway['ruleSets'])) return [makeIssue('invalid_type', ['ruleSets'], lang, { expected: 'array' })];
    return [];
  } catch {
    // A getter or proxy trap threw.
    return [makeIssue('unreadable', [], lang)];
  }
}

/**
 * The pathway read once into plain data and checked as a stored envelope is (its schema; not its
 * replay), for the functions that read all of it: a value that is not a pathway is `CorruptEnvelope`.
 */
export function checkedPathway(pathway: unknown, lang: Lang): E.Either<CorruptEnvelopeError, Pathway> {
  const read = readInput(pathway, lang, [], { jsonOnly: true });
  if ('issue' in read) return E.left(corruptEnvelope([read.issue]));
  const checked = PathwayEnvelope.safeParse(read.value);
  return checked.success ? E.right(checked.data) : E.left(corruptEnvelope(fromZodIssues(checked.error.issues, lang)));
}
