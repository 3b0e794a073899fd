import type { ValidationIssue } from '../model/issues.js';
import { makeIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
import type { LocatedIssue } from './located.js';
import { locateIssue } from './source.js';
import type { Workspace } from './workspace.js';

/*
 * Nynorsk is its own written language. A text under `nn` that is bokmål (often a copy of the `nb`
 * text not yet translated) reads wrong to a nynorsk user and is easy to miss in review. These are
 * words and constructions that exist only in bokmål, after the project's glossary; finding one is a
 * warning, not proof, so `validate` reports it without failing.
 */

const BOKMAL_ONLY =
  /(?<![\p{L}])(ikke|hva|hvem|hvordan|hvilke|hvis|noen|være|fra|mangler|sykehus|tjenester|tjenesten|enhet|mye|jeg|bruker|brukere)(?![\p{L}])/iu;
/** Bokmål constructions carried word for word into nynorsk ("Alder under kva …"): nynorsk says it otherwise. */
const CALQUE = /(?<![\p{L}])(under|frå|fra|ved|etter) kva(?![\p{L}])/iu;

/** The first bokmål-only word or construction in a nynorsk text, as written there; undefined when there is none. */
export function bokmalInNynorsk(text: string): string | undefined {
  return BOKMAL_ONLY.exec(text)?.[0] ?? CALQUE.exec(text)?.[0];
}

/** Deepest nesting searched: rule files are far shallower, and a hostile file must not exhaust the stack. */
const MAX_DEPTH = 64;

/**
 * A `nynorsk_bokmal` issue for every localized text (an object with an `nn` key) in a parsed rule
 * file whose nynorsk looks like bokmål, at the `nn` field.
 */
export function nynorskIssues(value: unknown, lang: Lang): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const walk = (v: unknown, segs: (string | number)[]): void => {
    if (segs.length > MAX_DEPTH || typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...segs, i]));
      return;
    }
    const o = v as Record<string, unknown>;
    const nn = Object.hasOwn(o, 'nn') ? o['nn'] : undefined;
    if (typeof nn === 'string' && (Object.hasOwn(o, 'nb') || Object.hasOwn(o, 'en'))) {
      const word = bokmalInNynorsk(nn);
      if (word !== undefined) out.push(makeIssue('nynorsk_bokmal', [...segs, 'nn'], lang, { word }));
      return;
    }
    for (const [k, x] of Object.entries(o)) walk(x, [...segs, k]);
  };
  walk(value, []);
  return out;
}

/** The nynorsk check over every rule set and code list of a workspace, as warnings placed in their files. */
export function checkNynorsk(ws: Workspace, lang: Lang = 'nb'): LocatedIssue[] {
  return [...ws.ruleSets, ...ws.codeLists].flatMap(({ source }) =>
    nynorskIssues(source.value, lang).map((i) => ({ ...locateIssue(source, i, lang), severity: 'warning' as const })),
  );
}
