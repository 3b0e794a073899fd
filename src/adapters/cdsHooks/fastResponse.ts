import * as z from 'zod';
import { isHttpUrl } from '../../model/url.js';

/*
 * The fast accept path for a CDS Hooks response: a structural check, written out by hand, of the
 * response `cdsResponse` builds from the cards `toCards` made. zod took a third of the time of a
 * response for a chart opening, validating output the library had just built itself.
 *
 * It is only ever a shortcut, like the person's fast accept path (src/model/fastParse.ts): it says
 * yes only for what the schemas in schema.ts and the empty-value rule (issues.ts) accept, and only
 * in the form zod would give back (each object's keys in the schema's order, so that the plain copy
 * it accepts is equal to zod's output). Whenever it is not sure (an unknown or misplaced key, links
 * or system actions, which `toCards` never makes, any value out of place) it says no and the caller
 * validates with zod, which alone words the issues. `cdsResponse(cards, { fastParse: false })`
 * turns it off; test/adapters/cdsHooks/fastResponse.test.ts holds it equal to zod's answer.
 *
 * It reads a plain JSON copy (readInput with `jsonOnly`), so every value is a string, a finite
 * number, a boolean, null, an array or a plain object, and the copy is within the input limits.
 */

type Json = unknown;
type Obj = Record<string, Json>;

const UUID = (z.uuid()._zod.def as { pattern?: RegExp }).pattern;

const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: Json): boolean => typeof v === 'string' && v.length > 0;
const optStr = (o: Obj, k: string): boolean => !(k in o) || str(o[k]);

/** Every element, holes included (`Array.prototype.every` skips a hole, which zod reads as undefined). */
function everyOf(xs: readonly Json[], f: (x: Json) => boolean): boolean {
  for (let i = 0; i < xs.length; i++) if (!f(xs[i])) return false;
  return true;
}

/** The object's keys are among `order`, each once, in that order, and none is undefined. */
function keysInOrder(o: Obj, order: readonly string[]): boolean {
  let at = 0;
  for (const k of Object.keys(o)) {
    const i = order.indexOf(k, at);
    if (i < 0 || o[k] === undefined) return false;
    at = i + 1;
  }
  return true;
}

/** The empty-value rule: no null, "", [] or {} anywhere below, except under a key named `extension`. */
function noEmpties(v: Json): boolean {
  if (v === null || v === '') return false;
  if (Array.isArray(v)) {
    if (v.length === 0) return false;
    for (let i = 0; i < v.length; i++) if (!noEmpties(v[i])) return false;
    return true;
  }
  if (isObj(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0) return false;
    for (const k of keys) if (k !== 'extension' && !noEmpties(v[k])) return false;
  }
  return true;
}

/** A JSON value with no `undefined` in it (nor a hole in an array), which `z.json()` refuses. */
function json(v: Json): boolean {
  if (v === undefined) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!json(v[i])) return false;
    return true;
  }
  if (isObj(v)) for (const k of Object.keys(v)) if (!json(v[k])) return false;
  return true;
}

/** A vendor extension: a non-empty object whose keys are non-empty and whose values are JSON. */
function extension(v: Json): boolean {
  if (!isObj(v)) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => k.length > 0 && json(v[k]));
}

const CODING = ['system', 'version', 'code', 'display'];
/** A Coding with a display (cds-resp-4 asks it of override reasons; topics carry one too, or give up). */
function coding(v: Json): boolean {
  return isObj(v) && keysInOrder(v, CODING) && optStr(v, 'system') && optStr(v, 'version') && str(v['code']) && str(v['display']);
}

const SOURCE = ['label', 'url', 'icon', 'topic'];
function source(v: Json): boolean {
  return (
    isObj(v) &&
    keysInOrder(v, SOURCE) &&
    str(v['label']) &&
    !('icon' in v) &&
    (!('url' in v) || isHttpUrl(v['url'])) &&
    (!('topic' in v) || coding(v['topic']))
  );
}

const ACTION = ['type', 'description', 'resource', 'resourceId'];
/** A create action with a description and a resource whose first key is its `resourceType` (zod's key order). */
function action(v: Json): boolean {
  if (!isObj(v) || !keysInOrder(v, ACTION) || v['type'] !== 'create' || !str(v['description']) || 'resourceId' in v) return false;
  const r = v['resource'];
  return isObj(r) && Object.keys(r)[0] === 'resourceType' && str(r['resourceType']) && noEmpties(r);
}

const SUGGESTION = ['label', 'uuid', 'isRecommended', 'actions', 'actionSelectionBehavior', 'extension'];
function suggestion(v: Json): boolean {
  if (!isObj(v) || !keysInOrder(v, SUGGESTION) || !str(v['label']) || 'actionSelectionBehavior' in v) return false;
  if ('uuid' in v && !(typeof v['uuid'] === 'string' && UUID !== undefined && UUID.test(v['uuid']))) return false;
  if ('isRecommended' in v && typeof v['isRecommended'] !== 'boolean') return false;
  const actions = v['actions'];
  if (actions !== undefined && !(Array.isArray(actions) && actions.length > 0 && everyOf(actions, action))) return false;
  return !('extension' in v) || extension(v['extension']);
}

const INDICATORS = new Set(['info', 'warning', 'critical']);
const CARD = [
  'uuid',
  'summary',
  'detail',
  'indicator',
  'source',
  'suggestions',
  'selectionBehavior',
  'overrideReasons',
  'links',
  'extension',
];
function card(v: Json): boolean {
  if (!isObj(v) || !keysInOrder(v, CARD) || 'links' in v) return false;
  if ('uuid' in v && !(typeof v['uuid'] === 'string' && UUID !== undefined && UUID.test(v['uuid']))) return false;
  const summary = v['summary'];
  if (typeof summary !== 'string' || summary.length < 1 || summary.length > 139) return false;
  if (!optStr(v, 'detail') || !INDICATORS.has(v['indicator'] as string) || !source(v['source'])) return false;
  const suggestions = v['suggestions'];
  const behaviour = v['selectionBehavior'];
  if (suggestions !== undefined) {
    // cds-resp-6: suggestions need a selectionBehavior; cds-resp-1: at most one recommended with at-most-one.
    if (!Array.isArray(suggestions) || suggestions.length === 0 || !everyOf(suggestions, suggestion)) return false;
    if (behaviour !== 'any' && behaviour !== 'at-most-one') return false;
    if (behaviour === 'at-most-one' && suggestions.filter((s) => (s as Obj)['isRecommended'] === true).length > 1) return false;
  } else if (behaviour !== undefined && behaviour !== 'any' && behaviour !== 'at-most-one') return false;
  const reasons = v['overrideReasons'];
  if (reasons !== undefined && !(Array.isArray(reasons) && reasons.length > 0 && everyOf(reasons, coding))) return false;
  return !('extension' in v) || extension(v['extension']);
}

/**
 * Whether the fast accept path accepts a response (a plain JSON copy): `true` only when zod's schema
 * and the empty-value rule accept it and zod's output equals it; `false` means "ask zod".
 */
export function acceptsResponse(v: Json): boolean {
  if (!isObj(v) || !keysInOrder(v, ['cards', 'systemActions', 'extension']) || 'systemActions' in v) return false;
  const cards = v['cards'];
  return Array.isArray(cards) && everyOf(cards, card) && (!('extension' in v) || extension(v['extension']));
}
