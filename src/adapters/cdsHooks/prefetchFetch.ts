import type { PersonListKind, PrefetchTemplate } from '../fhir/model/prefetch.js';

/*
 * A prefetch the CDS client left out (or sent as `null`) is fetched through a function the host
 * passes in: the library does no network. What is still missing afterwards is named by key, with
 * the person lists it leaves unknown, so the response can say so instead of reading "none".
 */

/** The parts of a hook request the prefetch queries are filled from. */
export interface PrefetchRequest {
  readonly hook: string;
  readonly hookInstance: string;
  readonly fhirServer?: string | undefined;
  readonly context: Readonly<Record<string, unknown>>;
  readonly prefetch?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Fetches one prefetch the client did not send: `key` is the template's key, `query` the template
 * with the request's context filled in (e.g. `Condition?patient=123`), relative to `request.fhirServer`.
 * Resolve to the FHIR resource or Bundle, or to `undefined` when it cannot be had; a rejection counts
 * as not fetched. The request is passed for its `fhirServer` and `fhirAuthorization`.
 */
export type FetchPrefetch<R extends PrefetchRequest = PrefetchRequest> = (
  key: string,
  query: string,
  request: R,
) => Promise<unknown> | unknown;

/** The prefetch after fetching, and what is still missing. */
export interface CompletedPrefetch {
  /** Every template key that has a resource or Bundle, as sent or as fetched. */
  readonly prefetch: Readonly<Record<string, unknown>>;
  /** Keys fetched through the host's function. */
  readonly fetched: readonly string[];
  /** Keys with no data: not sent, and not fetched (no function, or it gave nothing). */
  readonly missing: readonly string[];
  /** The person lists the missing keys leave unknown, in a fixed order. */
  readonly unknownLists: readonly PersonListKind[];
}

const TOKEN = /\{\{\s*context\.([A-Za-z]+)\s*\}\}/g;

/** The template's query with `{{context.x}}` filled in, or undefined when the context lacks a value. */
export function fillQuery(query: string, context: Readonly<Record<string, unknown>>): string | undefined {
  let complete = true;
  const filled = query.replace(TOKEN, (_, name: string) => {
    const v = context[name];
    if (typeof v !== 'string' || v === '') {
      complete = false;
      return '';
    }
    return encodeURIComponent(v);
  });
  return complete ? filled : undefined;
}

const isResource = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { resourceType?: unknown }).resourceType === 'string';

/**
 * Fills in the prefetch keys of `templates` the request lacks, through `fetcher` when given. The
 * function is called only for a key that is absent or `null`, never for one the client sent.
 */
export async function completePrefetch<R extends PrefetchRequest>(
  request: R,
  templates: Readonly<Record<string, PrefetchTemplate>>,
  fetcher?: FetchPrefetch<R>,
  allLists: readonly PersonListKind[] = [],
): Promise<CompletedPrefetch> {
  const prefetch: Record<string, unknown> = {};
  const fetched: string[] = [];
  const missing: string[] = [];
  const sent = request.prefetch ?? {};
  // Keys the client sent beyond the templates are kept, so the reader reports them as it always does.
  for (const [k, v] of Object.entries(sent)) if (v !== null && !Object.hasOwn(templates, k)) prefetch[k] = v;
  for (const [key, template] of Object.entries(templates)) {
    const given = Object.hasOwn(sent, key) ? sent[key] : undefined;
    if (given !== undefined && given !== null) {
      prefetch[key] = given;
      continue;
    }
    const query = fillQuery(template.query, request.context);
    let got: unknown;
    if (fetcher && query !== undefined) {
      try {
        got = await fetcher(key, query, request);
      } catch {
        // A failed fetch is a missing prefetch: the lists it answers stay unknown, and the response says so.
        got = undefined;
      }
    }
    if (isResource(got)) {
      prefetch[key] = got;
      fetched.push(key);
    } else missing.push(key);
  }
  const unknown = new Set(missing.flatMap((k) => templates[k]?.completes ?? []));
  const order = allLists.length > 0 ? allLists : [...unknown];
  return { prefetch, fetched, missing, unknownLists: order.filter((k) => unknown.has(k)) };
}
