import { readInput } from '../../../model/inputShape.js';
import type { Lang } from '../../../model/lang.js';
import { resolveLang } from '../../../model/lang.js';
import type { FhirIssue } from '../issueMessages.js';
import { fhirIssue } from '../issueMessages.js';
import type { SnomedMap } from './snomedMap.js';
import { isSnomedMap } from './snomedMap.js';

/*
 * The options of the FHIR readers, checked before anything is read. They are the host's code, but a
 * host calling from JavaScript may pass `null` or a map it built by hand; either gets a typed error
 * naming the option, not a TypeError from deep inside the reader.
 */

/** The options as the readers use them: a plain copy, and the map as it was given (it carries a brand a copy would lose). */
export interface CheckedOptions {
  readonly lang: Lang;
  readonly rest: Readonly<Record<string, unknown>>;
  readonly snomedMap: SnomedMap | undefined;
}

/** Checks and copies the readers' options. */
export function checkOptions(options: unknown): { readonly ok: CheckedOptions } | { readonly issue: FhirIssue; readonly lang: Lang } {
  if (options === undefined) return { ok: { lang: 'nb', rest: {}, snomedMap: undefined } };
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    return { issue: fhirIssue('invalid_type', ['options'], 'nb', { expected: 'object' }), lang: 'nb' };
  let snomedMap: unknown;
  let others: Record<string, unknown>;
  try {
    // A getter or proxy trap the host's object carries may throw; that is an unreadable option.
    ({ snomedMap, ...others } = options as Record<string, unknown>);
  } catch {
    return { issue: fhirIssue('unreadable', ['options'], 'nb'), lang: 'nb' };
  }
  const plain = readInput(others, 'nb', ['options']);
  if ('issue' in plain) return { issue: plain.issue, lang: 'nb' };
  const rest = plain.value as Record<string, unknown>;
  const lang = resolveLang(rest['lang']);
  if (snomedMap !== undefined && !isSnomedMap(snomedMap))
    return { issue: fhirIssue('invalid_type', ['options', 'snomedMap'], lang, { expected: 'SnomedMap (parseSnomedMap)' }), lang };
  return { ok: { lang, rest, snomedMap } };
}
