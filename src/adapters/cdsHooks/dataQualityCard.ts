import type { ValidationIssue } from '../../model/issues.js';
import type { Lang } from '../../model/lang.js';
import { escapeMarkdown } from '../../util/markdown.js';
import { fill } from '../../util/template.js';
import { nameBasedUuid } from '../../util/uuid.js';
import type { PersonListKind } from '../fhir/model/prefetch.js';
import { summaryOf } from './cards.js';
import type { CdsCard } from './schema.js';
import { LIST_NAMES, SERVICE_TEXTS } from './serviceTexts.js';
import { CDS_TEXTS } from './texts.js';

/*
 * A card that tells the clinician what the service could not see: prefetch that was not fetched
 * (its lists unknown, not "none"), and resources that were sent but could not be read, counted by
 * resource type with the code systems they were coded in. Never a code, a value or a text from the
 * record: a resource type and a code-system address say what to look for without repeating it.
 */

/** What the card reports. */
export interface DataQuality {
  /** Prefetch keys with no data (not sent, not fetched). */
  readonly missing: readonly string[];
  /** The person lists those keys leave unknown. */
  readonly unknownLists: readonly PersonListKind[];
  /** Issues from reading the prefetch (what was not used), or none. Their paths point into `prefetch`. */
  readonly notRead?: readonly ValidationIssue<string>[];
  /** Gaps from reading the prefetch (a paged search, a birth date that is not a date): their messages name paths, never values. */
  readonly gaps?: readonly ValidationIssue<string>[];
  /** The prefetch that was read, to find the resource type and code systems at each issue's path. */
  readonly prefetch?: Readonly<Record<string, unknown>>;
}

/** Issue codes that mean "left out by design" (an element or resource type the rules do not use, a resource entered in error): not a data-quality problem. */
const BY_DESIGN: ReadonlySet<string> = new Set(['fhir_element', 'fhir_extension', 'fhir_excluded', 'fhir_resource_type']);

const SYSTEM = /^(https?:|urn:)[^\s]{1,200}$/;

/** The innermost resource on the path, with the code systems of its codings. */
function resourceAt(root: unknown, segments: readonly (string | number)[]): { type: string; systems: string[]; at: string } | undefined {
  let node: unknown = root;
  let found: Record<string, unknown> | undefined;
  let depth = 0;
  for (const [i, s] of segments.entries()) {
    if (typeof node !== 'object' || node === null) break;
    node = (node as Record<string | number, unknown>)[s];
    if (typeof node === 'object' && node !== null && typeof (node as { resourceType?: unknown }).resourceType === 'string') {
      found = node as Record<string, unknown>;
      depth = i + 1;
    }
  }
  if (!found) return undefined;
  const systems = new Set<string>();
  const walk = (v: unknown, depth: number): void => {
    if (depth > 6 || typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      if (k === 'coding' && Array.isArray(x))
        for (const c of x) {
          const system = (c as { system?: unknown } | null)?.system;
          if (typeof system === 'string' && SYSTEM.test(system)) systems.add(system);
        }
      else if (k !== 'contained') walk(x, depth + 1);
    }
  };
  walk(found, 0);
  // A FHIR resource type is a name like `Condition`; anything else the input called a type is not repeated.
  const type = String(found['resourceType']);
  return {
    type: /^[A-Z][A-Za-z]{1,63}$/.test(type) ? type : 'Resource',
    systems: [...systems].sort(),
    at: segments.slice(0, depth).join('/'),
  };
}

/** The "not read" line items: `2 Condition (code systems: http://snomed.info/sct)`, by resource type. */
function notReadItems(q: DataQuality, lang: Lang): string[] {
  const byType = new Map<string, { resources: Set<string>; systems: Set<string> }>();
  for (const issue of q.notRead ?? []) {
    if (BY_DESIGN.has(issue.code)) continue;
    const at = resourceAt(q.prefetch, issue.segments);
    if (!at) continue;
    const entry = byType.get(at.type) ?? { resources: new Set<string>(), systems: new Set<string>() };
    // One resource may have several issues: count resources, by the path to the resource.
    entry.resources.add(at.at);
    if (issue.code === 'fhir_code') for (const s of at.systems) entry.systems.add(s);
    byType.set(at.type, entry);
  }
  return [...byType.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      ([type, e]) =>
        `${e.resources.size} ${type}${e.systems.size > 0 ? ` (${SERVICE_TEXTS.codeSystems[lang]}: ${[...e.systems].sort().join(', ')})` : ''}`,
    );
}

/**
 * The data-quality card, or undefined when there is nothing to report. With `full` false only the
 * prefetch that was not fetched is reported (the lists it leaves unknown); with `full` true also
 * what was sent and could not be read.
 */
export function dataQualityCard(
  q: DataQuality,
  options: { readonly lang: Lang; readonly hookInstance: string; readonly patient: string; readonly full: boolean },
): CdsCard | undefined {
  const { lang } = options;
  const lists = q.unknownLists.map((k) => LIST_NAMES[k][lang]).join(', ');
  const parts: string[] = [];
  if (q.missing.length > 0)
    parts.push(escapeMarkdown(fill(SERVICE_TEXTS.notFetched[lang], { keys: q.missing.join(', '), lists: lists || '–' })));
  const items = options.full ? notReadItems(q, lang) : [];
  if (items.length > 0) parts.push(escapeMarkdown(fill(SERVICE_TEXTS.notRead[lang], { items: items.join('; ') })));
  const gaps = options.full ? (q.gaps ?? []) : [];
  for (const g of gaps) parts.push(escapeMarkdown(g.message));
  if (parts.length === 0) return undefined;
  parts.push(`*${escapeMarkdown(SERVICE_TEXTS.madeWithout[lang])}*`);
  const onlyUnfetched = items.length === 0 && gaps.length === 0 && lists !== '';
  return {
    uuid: nameBasedUuid(['oppfolgingsteam', 'data-quality', options.patient, options.hookInstance]),
    summary: summaryOf(onlyUnfetched ? fill(SERVICE_TEXTS.notFetchedSummary[lang], { lists }) : SERVICE_TEXTS.dataQualitySummary[lang]),
    detail: parts.join('\n\n'),
    indicator: 'info',
    source: { label: CDS_TEXTS.serviceTitle[lang] },
  };
}
