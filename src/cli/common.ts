import * as E from '../util/either.js';
import type { Lang } from '../model/lang.js';
import type { LoadError, LoadedSources } from '../node/sources.js';
import { readSources } from '../node/sources.js';
import type { LocatedIssue } from '../policy/located.js';
import type { Workspace } from '../policy/workspace.js';
import { analyzeWorkspace } from '../policy/workspace.js';
import type { CliIo } from './io.js';
import { EXIT } from './io.js';
import type { Messages } from './messages.js';
import { messages } from './messages.js';

/*
 * What several commands share: reading a folder or file into an analysed workspace, reporting why
 * that failed, and printing located issues the way compilers do (file:line:column), which terminals
 * and editors turn into links.
 */

/** The message for a load error. */
export function loadErrorMessage(e: LoadError, m: Messages): string {
  switch (e._tag) {
    case 'NotFound':
      return m.notFound(e.path);
    case 'Unreadable':
      return m.unreadable(e.path);
    case 'TooMany':
      return m.tooMany(e.path, e.limit);
    case 'TooLarge':
      return m.tooLarge(e.path, e.limit);
  }
}

/**
 * One issue on one line: `file:line:column: message`. The message names its place (a rule's id and
 * field in rule files, the path in a person); the JSON path itself is in `--json` output.
 */
export function formatLocated(li: LocatedIssue, m?: Messages): string {
  const kind = li.severity === 'warning' && m ? `${m.warning}: ` : '';
  return `${li.file}:${li.line}:${li.column}: ${kind}${li.issue.message}`;
}

/** A located issue as plain JSON for `--json` output. */
export function locatedJson(li: LocatedIssue): Record<string, unknown> {
  return {
    file: li.file,
    line: li.line,
    column: li.column,
    path: li.issue.path,
    code: li.issue.code,
    severity: li.severity ?? 'error',
    message: li.issue.message,
    ...(li.issue.detail ? { detail: li.issue.detail } : {}),
  };
}

/** A loaded, analysed workspace and the files reports should cover. */
export interface LoadedWorkspace {
  readonly sources: LoadedSources;
  readonly ws: Workspace;
  /** Files to report on: all of them, or the named file and those that belong with it. */
  readonly relevant: ReadonlySet<string>;
}

function rawId(v: unknown, key: 'id' | 'ruleSet'): string | undefined {
  const x = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
  return typeof x === 'string' ? x : undefined;
}

/**
 * When the user names one file, reports cover that file and the files that belong with it: a rule
 * set's vector files, or a vector file's rule set. Other files next to it are read only as context.
 */
export function relevantFiles(ws: Workspace, sources: LoadedSources): ReadonlySet<string> {
  const all = [
    ...ws.ruleSets.map((r) => r.path),
    ...ws.codeLists.map((c) => c.path),
    ...ws.vectors.map((v) => v.path),
    ...ws.unparsed.map((u) => u.path),
  ];
  const focus = sources.focus;
  if (focus === undefined) return new Set(all);
  const out = new Set<string>([focus]);
  const ids = new Set<string>();
  for (const r of ws.ruleSets) if (r.path === focus) ids.add(r.compiled?.id ?? rawId(r.source.value, 'id') ?? '');
  for (const v of ws.vectors) if (v.path === focus) ids.add(v.file?.ruleSet ?? rawId(v.source.value, 'ruleSet') ?? '');
  for (const r of ws.ruleSets) if (ids.has(r.compiled?.id ?? rawId(r.source.value, 'id') ?? '\u0000')) out.add(r.path);
  for (const v of ws.vectors) if (ids.has(v.file?.ruleSet ?? rawId(v.source.value, 'ruleSet') ?? '\u0000')) out.add(v.path);
  return out;
}

/**
 * Reads and analyses a folder or file. Prints the reason and returns exit code 2 when it cannot be
 * read, or when `requireRuleSets` and there is no rule set among the relevant files.
 */
export function loadWorkspace(target: string, lang: Lang, io: CliIo, command: string, requireRuleSets = true): LoadedWorkspace | number {
  const m = messages(lang);
  const src = readSources(target);
  if (E.isLeft(src)) {
    io.err(`oppfolgingsteam ${command}: ${loadErrorMessage(src.left, m)}\n`);
    return EXIT.usage;
  }
  const ws = analyzeWorkspace(src.right.files, { lang });
  const relevant = relevantFiles(ws, src.right);
  const hasRuleSet =
    ws.ruleSets.some((r) => relevant.has(r.path)) || ws.unparsed.some((u) => u.kind === 'rule-set' && relevant.has(u.path));
  const hasAnything =
    hasRuleSet ||
    ws.codeLists.some((c) => relevant.has(c.path)) ||
    ws.vectors.some((v) => relevant.has(v.path)) ||
    ws.unparsed.some((u) => relevant.has(u.path));
  if (requireRuleSets ? !hasRuleSet : !hasAnything) {
    io.err(`oppfolgingsteam ${command}: ${m.noRuleSets(target)}\n`);
    return EXIT.usage;
  }
  return { sources: src.right, ws, relevant };
}

/** The workspace's issues in the relevant files. */
export function relevantIssues(lw: LoadedWorkspace, issues: readonly LocatedIssue[] = lw.ws.issues): LocatedIssue[] {
  return issues.filter((i) => lw.relevant.has(i.file));
}

/**
 * For commands that need valid rule files (test, docs, diff, explain --rules): prints the issues and
 * returns exit code 2 when there are any, otherwise `undefined`.
 */
export function refuseInvalid(lw: LoadedWorkspace, lang: Lang, io: CliIo, command: string): number | undefined {
  const issues = relevantIssues(lw);
  if (issues.length === 0) return undefined;
  const m = messages(lang);
  io.err(`${issues.map((i) => formatLocated(i)).join('\n')}\n\noppfolgingsteam ${command}: ${m.inputHasErrors(issues.length)}\n`);
  return EXIT.usage;
}
