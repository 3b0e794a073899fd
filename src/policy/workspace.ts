import * as E from 'fp-ts/lib/Either.js';
import type { CompiledRuleSet } from '../engine/compile.js';
import { parseVectorFile } from './vectors.js';
import { fromZodIssues, makeIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
import type { CodeListFile as CodeListFileType } from '../model/ruleSet.js';
import { CodeListFile } from '../model/ruleSet.js';
import type { TestVectorFile } from '../model/vectors.js';
import type { RuleSetOptions } from '../ruleSets/load.js';
import { compileRuleSet } from '../ruleSets/load.js';
import type { LocatedIssue, SourceFile } from './located.js';
import { compareLocated } from './located.js';
import type { ParsedSource } from './source.js';
import { isYamlPath, locateIssue, parseSource } from './source.js';

/*
 * A workspace is what policy staff edit: a folder of rule sets, their test vectors and code lists.
 * Analysing it parses and compiles everything it can and places every issue in its file, so that
 * the CLI and an editor integration report the same thing. Pure: files come in as text.
 */

/** What a file is, decided from its name, its `$schema` and its shape. */
export type FileKind = 'rule-set' | 'code-list' | 'vectors' | 'other';

/** A rule-set file in a workspace. */
export interface WorkspaceRuleSet {
  readonly path: string;
  readonly source: ParsedSource;
  /** The compiled rule set; absent when the file has issues. */
  readonly compiled?: CompiledRuleSet;
}

/** A code-list file in a workspace. */
export interface WorkspaceCodeList {
  readonly path: string;
  readonly source: ParsedSource;
  /** The validated file; absent when it has issues. */
  readonly file?: CodeListFileType;
}

/** A test-vector file in a workspace. */
export interface WorkspaceVectors {
  readonly path: string;
  readonly source: ParsedSource;
  /** The validated file; absent when it has issues. */
  readonly file?: TestVectorFile;
}

/** The analysed workspace. */
export interface Workspace {
  readonly ruleSets: readonly WorkspaceRuleSet[];
  readonly codeLists: readonly WorkspaceCodeList[];
  readonly vectors: readonly WorkspaceVectors[];
  /** Files that could not be parsed, with the kind their name suggests; their syntax error is among the issues. */
  readonly unparsed: readonly { readonly path: string; readonly kind: Exclude<FileKind, 'other'> }[];
  /** Files that are none of the above (e.g. a person example); they are not checked. */
  readonly skipped: readonly string[];
  /**
   * Options to compile and run this workspace's rules with: its own code lists when it has any,
   * otherwise the bundled ones.
   */
  readonly options: RuleSetOptions;
  /** Every issue found while parsing and compiling, ordered by file and position. */
  readonly issues: readonly LocatedIssue[];
}

/** Options for {@link analyzeWorkspace}. */
export interface AnalyzeOptions {
  readonly lang?: Lang;
}

const VECTOR_NAME = /\.test\.(json|ya?ml)$/i;

function schemaName(v: unknown): string | undefined {
  const s = typeof v === 'object' && v !== null ? (v as { $schema?: unknown }).$schema : undefined;
  return typeof s === 'string' ? s.split('/').pop() : undefined;
}

/** Decides what a file is. A file that could not be parsed is judged by its name and folder. */
export function classifyFile(path: string, value: unknown, parsed: boolean): FileKind {
  if (VECTOR_NAME.test(path)) return 'vectors';
  const inCodeLists = /(^|[\\/])code-lists[\\/]/.test(path);
  if (!parsed) return isYamlPath(path) ? 'other' : inCodeLists ? 'code-list' : 'rule-set';
  switch (schemaName(value)) {
    case 'rule-set.schema.json':
      return 'rule-set';
    case 'code-list.schema.json':
      return 'code-list';
    case 'rule-tests.schema.json':
      return 'vectors';
    default:
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || isYamlPath(path)) return 'other';
  if ('rules' in value) return 'rule-set';
  if ('entries' in value || inCodeLists) return 'code-list';
  if ('vectors' in value) return 'vectors';
  return 'other';
}

/**
 * Parses, classifies, validates and compiles every file. Code lists in the workspace replace the
 * bundled ones (so a deleted or broken list is noticed); without any, the bundled lists are used.
 */
export function analyzeWorkspace(files: readonly SourceFile[], options: AnalyzeOptions = {}): Workspace {
  const lang = options.lang ?? 'nb';
  const issues: LocatedIssue[] = [];
  const skipped: string[] = [];
  const byKind: Record<FileKind, ParsedSource[]> = { 'rule-set': [], 'code-list': [], vectors: [], other: [] };
  const unparsed: { path: string; kind: Exclude<FileKind, 'other'> }[] = [];

  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const r = parseSource(f, lang);
    if (E.isLeft(r)) {
      const kind = classifyFile(f.path, undefined, false);
      if (kind === 'other') skipped.push(f.path);
      else {
        issues.push(r.left);
        unparsed.push({ path: f.path, kind });
      }
      continue;
    }
    const kind = classifyFile(f.path, r.right.value, true);
    if (kind === 'other') {
      skipped.push(f.path);
      continue;
    }
    issues.push(...r.right.issues);
    byKind[kind].push(r.right);
  }

  // Code lists first: rule sets compile against them.
  const codeLists: WorkspaceCodeList[] = [];
  const listIds = new Map<string, string>();
  for (const src of byKind['code-list']) {
    const r = CodeListFile.safeParse(src.value);
    if (!r.success) {
      issues.push(...fromZodIssues(r.error.issues, lang).map((i) => locateIssue(src, i, lang)));
      codeLists.push({ path: src.path, source: src });
      continue;
    }
    if (listIds.has(r.data.id)) {
      issues.push(locateIssue(src, makeIssue('duplicate_id', ['id'], lang, { name: r.data.id }), lang));
      codeLists.push({ path: src.path, source: src });
      continue;
    }
    listIds.set(r.data.id, src.path);
    codeLists.push({ path: src.path, source: src, file: r.data });
  }
  const hasOwnLists = byKind['code-list'].length > 0 || unparsed.some((u) => u.kind === 'code-list');
  const ruleOptions: RuleSetOptions = hasOwnLists
    ? { lang, codeLists: codeLists.flatMap((c) => (c.file ? [c.source.value] : [])) }
    : { lang };

  const ruleSets: WorkspaceRuleSet[] = [];
  const ruleSetIds = new Set<string>();
  for (const src of byKind['rule-set']) {
    const c = compileRuleSet(src.value, ruleOptions);
    if (E.isLeft(c)) {
      issues.push(...c.left.issues.map((i) => locateIssue(src, i, lang)));
      ruleSets.push({ path: src.path, source: src });
      continue;
    }
    if (ruleSetIds.has(c.right.id)) {
      issues.push(locateIssue(src, makeIssue('duplicate_id', ['id'], lang, { name: c.right.id }), lang));
      ruleSets.push({ path: src.path, source: src });
      continue;
    }
    ruleSetIds.add(c.right.id);
    ruleSets.push({ path: src.path, source: src, compiled: c.right });
  }
  // A rule set that does not compile still has an id other files may refer to.
  for (const rs of ruleSets)
    if (!rs.compiled) {
      const id = (rs.source.value as { id?: unknown } | null)?.id;
      if (typeof id === 'string') ruleSetIds.add(id);
    }

  const vectors: WorkspaceVectors[] = [];
  for (const src of byKind.vectors) {
    const r = parseVectorFile(src.value, lang);
    if (E.isLeft(r)) {
      issues.push(...r.left.issues.map((i) => locateIssue(src, i, lang)));
      vectors.push({ path: src.path, source: src });
      continue;
    }
    // A rule set with a syntax error has no id to read, but its file name says which one it is:
    // its vectors then need no second error of their own.
    const unreadable = unparsed.some((u) => u.kind === 'rule-set' && baseName(u.path) === `${r.right.ruleSet}.json`);
    if (!ruleSetIds.has(r.right.ruleSet) && !unreadable)
      issues.push(locateIssue(src, makeIssue('unknown_rule_set', ['ruleSet'], lang, { name: r.right.ruleSet }), lang));
    vectors.push({ path: src.path, source: src, file: r.right });
  }

  return { ruleSets, codeLists, vectors, unparsed, skipped, options: ruleOptions, issues: issues.sort(compareLocated) };
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The vector files that belong to a rule set, by its id. */
export function vectorsFor(ws: Workspace, ruleSetId: string): WorkspaceVectors[] {
  return ws.vectors.filter((v) => v.file?.ruleSet === ruleSetId);
}
