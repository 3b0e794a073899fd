import type { z } from 'zod';
import { capIssues, formatPath, fromZodIssues } from '../../model/issues.js';
import type { Lang } from '../../model/lang.js';
import type { CdsHooksIssue } from './issueMessages.js';
import { cdsHooksIssue } from './issueMessages.js';

/*
 * Turns zod issues on CDS Hooks messages into localized issues: invariant breaches keep their id
 * (cds-resp-N, cds-fb-N), and empty values get their own code, because CDS Hooks asks for optional
 * fields to be left out rather than sent as "", [], {} or null.
 */

type Seg = string | number;

/** Paths of empty values ("", [], {}, null) in a JSON value, skipping the given top-level lists and vendor extensions. */
export function emptyPaths(value: unknown, allowEmpty: ReadonlySet<string>, path: Seg[] = []): Seg[][] {
  const out: Seg[][] = [];
  const walk = (v: unknown, p: Seg[]): void => {
    const key = p[p.length - 1];
    if (key === 'extension') return;
    const empty =
      v === null ||
      v === '' ||
      (Array.isArray(v) && v.length === 0) ||
      (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);
    if (empty && p.length > 0 && !(p.length === 1 && allowEmpty.has(String(key)))) {
      out.push(p);
      return;
    }
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(value, path);
  return out;
}

/** Localized issues for a CDS Hooks message: empties first, then the rest, one issue per path and code; at most LIMITS.issues, then `too_many_issues`. */
export function cdsIssues(
  raw: unknown,
  zodIssues: readonly z.core.$ZodIssue[],
  lang: Lang,
  allowEmpty: ReadonlySet<string> = new Set(),
): CdsHooksIssue[] {
  const out: CdsHooksIssue[] = emptyPaths(raw, allowEmpty).map((p) => cdsHooksIssue('cds_empty', p, lang));
  const emptied = new Set(out.map((i) => i.path));
  const rest: z.core.$ZodIssue[] = [];
  for (const i of zodIssues) {
    const segs = i.path.map((s) => (typeof s === 'symbol' ? String(s) : s));
    const params = i.code === 'custom' ? (i.params as { code?: string; invariant?: string } | undefined) : undefined;
    // An invariant is always named, even where the value is also empty.
    if (params?.code === 'cds_invariant') out.push(cdsHooksIssue('cds_invariant', segs, lang, { invariant: String(params.invariant) }));
    else if (emptied.has(formatPath(segs))) continue;
    else if (params?.code === 'cds_empty') out.push(cdsHooksIssue('cds_empty', segs, lang));
    else rest.push(i);
  }
  // Capped like every other error: 20,000 empty cards would otherwise be 20,000 issues.
  return capIssues([...out, ...fromZodIssues(rest, lang)], lang);
}
