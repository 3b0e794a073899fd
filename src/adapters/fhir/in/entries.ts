import * as z from 'zod';
import type { ValidationIssue } from '../../../model/issues.js';
import { fromZodIssues } from '../../../model/issues.js';
import type { Lang } from '../../../model/lang.js';
import type { Reporter } from './report.js';

/*
 * Turns a Bundle, or the values of a CDS Hooks prefetch, into a flat list of resources with the path
 * each came from, and resolves references between them (relative, absolute, `urn:uuid:` full URLs
 * and contained resources).
 */

type Seg = string | number;

/** One resource to read, with its path in the input. */
export interface Entry {
  readonly resource: Record<string, unknown> & { resourceType: string };
  readonly segs: readonly Seg[];
  readonly fullUrl: string | undefined;
}

const ResourceIn = z.looseObject({ resourceType: z.string().min(1), id: z.string().optional() });
const BundleIn = z.looseObject({
  resourceType: z.literal('Bundle'),
  entry: z.array(z.looseObject({ fullUrl: z.string().optional(), resource: z.unknown().optional() })).optional(),
});

/** Entries read, or the issues that made the value unreadable. */
export type EntriesResult = { readonly ok: true; readonly entries: Entry[] } | { readonly ok: false; readonly issues: ValidationIssue[] };

/** Reads a Bundle's entries. Returns issues when the value is not a Bundle at all. */
export function bundleEntries(value: unknown, prefix: readonly Seg[], reporter: Reporter, lang: Lang): EntriesResult {
  const b = BundleIn.safeParse(value);
  if (!b.success) return { ok: false, issues: fromZodIssues(b.error.issues, lang, [...prefix]) };
  const out: Entry[] = [];
  (b.data.entry ?? []).forEach((e, i) => {
    const segs = [...prefix, 'entry', i, 'resource'];
    const r = ResourceIn.safeParse(e.resource);
    if (!r.success) {
      reporter.report(e.resource === undefined ? 'missing' : 'invalid_shape', segs);
      return;
    }
    if (r.data.resourceType === 'Bundle') {
      reporter.report('fhir_resource_type', segs, { resourceType: 'Bundle' });
      return;
    }
    out.push({ resource: r.data as Entry['resource'], segs, fullUrl: e.fullUrl });
  });
  return { ok: true, entries: out };
}

/**
 * Whether a Bundle is only one page of a search result: it has a `next` link, or its `total` is above
 * the number of matches it holds (entries with `search.mode` match, or without a mode). A host that
 * passes such a page has not sent the whole list, so the list must not be read as complete.
 */
export function isPartialSearch(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const b = value as { link?: unknown; total?: unknown; entry?: unknown };
  if (
    Array.isArray(b.link) &&
    b.link.some((l: unknown) => typeof l === 'object' && l !== null && (l as { relation?: unknown }).relation === 'next')
  )
    return true;
  if (typeof b.total !== 'number' || !Number.isFinite(b.total)) return false;
  const entries = Array.isArray(b.entry) ? (b.entry as unknown[]) : [];
  const matches = entries.filter((e) => {
    const mode = typeof e === 'object' && e !== null ? (e as { search?: { mode?: unknown } }).search?.mode : undefined;
    return mode === undefined || mode === 'match';
  }).length;
  return b.total > matches;
}

/** Reads one prefetch value: a single resource or a Bundle. `null` (not prefetched) gives nothing. */
export function prefetchEntries(key: string, value: unknown, reporter: Reporter, lang: Lang): EntriesResult {
  if (value === null || value === undefined) return { ok: true, entries: [] };
  const r = ResourceIn.safeParse(value);
  if (!r.success) return { ok: false, issues: fromZodIssues(r.error.issues, lang, [key]) };
  if (r.data.resourceType === 'Bundle') return bundleEntries(value, [key], reporter, lang);
  return { ok: true, entries: [{ resource: r.data as Entry['resource'], segs: [key], fullUrl: undefined }] };
}

function stripHistory(ref: string): string {
  const i = ref.indexOf('/_history/');
  return i >= 0 ? ref.slice(0, i) : ref;
}

/** Finds the resource a reference points at, among the entries or the referrer's contained resources. */
export class Resolver {
  private readonly byKey = new Map<string, Entry>();

  constructor(entries: readonly Entry[]) {
    for (const e of entries) {
      const id = e.resource['id'];
      if (typeof id === 'string') this.byKey.set(`${e.resource.resourceType}/${id}`, e);
      if (e.fullUrl) this.byKey.set(e.fullUrl, e);
    }
  }

  /** The relative key of an entry (`Condition/123`) or its full URL; undefined when it has neither. */
  static key(e: Entry): string | undefined {
    const id = e.resource['id'];
    return typeof id === 'string' ? `${e.resource.resourceType}/${id}` : e.fullUrl;
  }

  /** The referenced resource, or undefined. */
  resolve(ref: string | undefined, from: Entry): Record<string, unknown> | undefined {
    if (ref === undefined || ref === '') return undefined;
    if (ref.startsWith('#')) {
      const contained = from.resource['contained'];
      if (!Array.isArray(contained)) return undefined;
      return contained.find((c: unknown) => typeof c === 'object' && c !== null && (c as { id?: unknown }).id === ref.slice(1)) as
        | Record<string, unknown>
        | undefined;
    }
    const clean = stripHistory(ref);
    const direct = this.byKey.get(clean);
    if (direct) return direct.resource;
    // An absolute URL (https://host/fhir/Type/id) matches the relative key.
    // Found by walking back from the end (a regex search from every position would be quadratic).
    const slash = clean.lastIndexOf('/');
    let start = slash;
    while (start > 0 && /[A-Za-z]/.test(clean[start - 1]!)) start--;
    const id = clean.slice(slash + 1);
    if (slash <= 0 || start === slash || !/^[A-Za-z0-9\-.]{1,64}$/.test(id)) return undefined;
    return this.byKey.get(clean.slice(start))?.resource;
  }
}
