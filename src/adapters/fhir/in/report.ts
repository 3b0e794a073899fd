import type { IssueCode } from '../../../model/issues.js';
import type { Lang } from '../../../model/lang.js';
import type { FhirIssue, FhirIssueCode } from '../issueMessages.js';
import { fhirIssue } from '../issueMessages.js';

/*
 * What the input adapter did not use, and why. Nothing is dropped silently: a resource type that is
 * not read, a code in an unknown system, a value that is not supported, an element or extension that
 * is not read, all end up here with a path and a code, never with the value itself.
 *
 * Element-level findings repeat for every resource of a type, so they are reported once per
 * `Type.element` with a count; resource-level findings keep the entry's path.
 */

type Seg = string | number;
type Detail = Record<string, string | number | readonly string[]>;
type Code = IssueCode | FhirIssueCode;

/** Collects reports and errors while a bundle is read. */
export class Reporter {
  readonly notUnderstood: FhirIssue[] = [];
  readonly errors: FhirIssue[] = [];
  /** What was sent but could not be used and leaves a fact the rules read unknown; also in `notUnderstood`. */
  readonly gaps: FhirIssue[] = [];
  private readonly elementCounts = new Map<string, { segs: Seg[]; code: Code; detail: Detail; count: number }>();

  constructor(readonly lang: Lang) {}

  /** Something in one resource was not used. */
  report(code: Code, segs: readonly Seg[], detail: Detail = {}): void {
    this.notUnderstood.push(fhirIssue(code, segs, this.lang, detail));
  }

  /** Something sent that could not be used, so a fact the rules read (the age, a whole list) is unknown. */
  gap(code: Code, segs: readonly Seg[], detail: Detail = {}): void {
    const issue = fhirIssue(code, segs, this.lang, detail);
    this.notUnderstood.push(issue);
    this.gaps.push(issue);
  }

  /** The bundle cannot be used at all (e.g. two patients). */
  error(code: Code, segs: readonly Seg[], detail: Detail = {}): void {
    this.errors.push(fhirIssue(code, segs, this.lang, detail));
  }

  /** An element or extension of a resource type that is not read; counted per type and element. */
  element(code: 'fhir_element' | 'fhir_extension', resourceType: string, element: string, detail: Detail = {}): void {
    const key = `${code}|${resourceType}|${element}|${String(detail['url'] ?? '')}`;
    const seen = this.elementCounts.get(key);
    if (seen) seen.count++;
    else this.elementCounts.set(key, { segs: [resourceType, element], code, detail, count: 1 });
  }

  /** Everything not used, resource-level findings first, then element-level ones sorted by path. */
  all(): FhirIssue[] {
    const elements = [...this.elementCounts.values()]
      .map((e) => fhirIssue(e.code, e.segs, this.lang, { ...e.detail, count: e.count }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return [...this.notUnderstood, ...elements];
  }
}
