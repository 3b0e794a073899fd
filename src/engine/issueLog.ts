import type { IssueCode, ValidationIssue } from '../model/issues.js';
import { capIssues, makeIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
import { LIMITS } from '../model/limits.js';
import { canonicalJson } from '../util/sha256.js';

/** A path segment into the rule-set file. */
export type Seg = string | number;

/**
 * The issues one compilation finds, each kept once. Past one more issue than an error shows, or
 * once the rule set is too big, the log is `stopped`: nothing more is compiled, since nothing more
 * would be reported.
 */
export class IssueLog {
  private readonly kept: ValidationIssue[] = [];
  /** Keys of the issues kept, so a named condition reached at several depths reports each issue once. */
  private readonly keys = new Set<string>();
  private halted = false;

  constructor(readonly lang: Lang) {}

  get stopped(): boolean {
    return this.halted;
  }

  get size(): number {
    return this.kept.length;
  }

  /** Records an issue at `segs`, in the compilation's language. */
  issue(code: IssueCode, segs: readonly Seg[], detail: Record<string, string | number | readonly string[]> = {}): void {
    this.keep(makeIssue(code, segs, this.lang, detail));
  }

  /** Keeps an issue unless it was kept already; past one more than an error shows, stops. */
  keep(issue: ValidationIssue): void {
    if (this.halted) return;
    const k = issueKey(issue);
    if (this.keys.has(k)) return;
    this.keys.add(k);
    this.kept.push(issue);
    if (this.kept.length > LIMITS.issues) this.halted = true;
  }

  /** Stops the compilation (the rule set is too big to go on). */
  stop(): void {
    this.halted = true;
  }

  /** The issues, capped as an error shows them. */
  issues(): ValidationIssue[] {
    return capIssues(this.kept, this.lang);
  }
}

const issueKey = (i: ValidationIssue): string => `${i.code}|${i.path}|${canonicalJson(i.detail ?? {})}`;

/** The issues without repeats (same code, path and detail), in their first order. */
export function dedupe(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = issueKey(i);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
