import * as E from '../util/either.js';
import type { CompiledRuleSet } from '../engine/compile.js';
import { parseVectorFile } from './vectors.js';
import { fromZodIssues, makeIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
import type { CodeListFile as CodeListFileType } from '../model/ruleSet.js';
import { CodeListFile } from '../model/ruleSet.js';
import type { TestVectorFile } from '../model/vectors.js';
import type { RuleSetOptions } from '../ruleSets/load.js';
import { compileRuleSet } from '../ruleSets/load.js';
import { periodOverlap, ruleSetInForce } from '../ruleSets/versions.js';
import type { LocatedIssue, SourceFile } from './located.js';
import { compareLocated } from './located.js';
import type { ParsedSource } from './source.js';
import { isYamlPath, locateIssue, parseSource } from './source.js';
import { namedWithSuggestion } from '../util/suggest.js';

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
  // Several versions of one id may sit side by side; on any date at most one of them may be in force.
  const versions = new Map<string, WorkspaceRuleSet[]>();
  for (const src of byKind['rule-set']) {
    const c = compileRuleSet(src.value, ruleOptions);
    if (E.isLeft(c)) {
      issues.push(...c.left.issues.map((i) => locateIssue(src, i, lang)));
      ruleSets.push({ path: src.path, source: src });
      continue;
    }
    const rs = c.right;
    const siblings = versions.get(rs.id) ?? [];
    const same = siblings.find((o) => o.compiled!.version === rs.version);
    if (same) {
      issues.push(
        locateIssue(src, makeIssue('duplicate_version', ['version'], lang, { name: rs.id, version: rs.version, other: same.path }), lang),
      );
      ruleSets.push({ path: src.path, source: src });
      continue;
    }
    const clash = siblings.flatMap((o) => {
      const overlap = periodOverlap(o.compiled!, rs);
      return overlap ? [{ o, overlap }] : [];
    })[0];
    if (clash) {
      // The error sits on the version that starts later (inside the other's period): that is the
      // one most likely added or moved. The other stays in use, so that commands still run on it.
      const earlier = clash.o.compiled!;
      const laterIsNew = rs.validFrom >= earlier.validFrom;
      const [bad, badSrc, good, goodPath] = laterIsNew ? [rs, src, earlier, clash.o.path] : [earlier, clash.o.source, rs, src.path];
      const detail = {
        name: rs.id,
        version: bad.version,
        otherVersion: good.version,
        other: goodPath,
        from: clash.overlap.from,
        to: clash.overlap.to ?? '…',
      };
      issues.push(locateIssue(badSrc, makeIssue('overlapping_versions', ['validFrom'], lang, detail), lang));
      if (laterIsNew) {
        ruleSets.push({ path: src.path, source: src });
        continue;
      }
      const at = ruleSets.indexOf(clash.o);
      ruleSets[at] = { path: clash.o.path, source: clash.o.source };
      versions.set(
        rs.id,
        siblings.filter((x) => x !== clash.o),
      );
      // With three or more versions, the new one may clash with another as well.
      const next = (versions.get(rs.id) ?? []).find((o) => periodOverlap(o.compiled!, rs));
      if (next) {
        const overlap = periodOverlap(next.compiled!, rs)!;
        const more = {
          ...detail,
          version: rs.version,
          otherVersion: next.compiled!.version,
          other: next.path,
          from: overlap.from,
          to: overlap.to ?? '…',
        };
        issues.push(locateIssue(src, makeIssue('overlapping_versions', ['validFrom'], lang, more), lang));
        ruleSets.push({ path: src.path, source: src });
        continue;
      }
    }
    ruleSetIds.add(rs.id);
    const entry = { path: src.path, source: src, compiled: rs };
    versions.set(rs.id, [...(versions.get(rs.id) ?? []), entry]);
    ruleSets.push(entry);
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
      issues.push(
        locateIssue(src, makeIssue('unknown_rule_set', ['ruleSet'], lang, namedWithSuggestion(r.right.ruleSet, ruleSetIds)), lang),
      );
    else if (
      r.right.version !== undefined &&
      versions.has(r.right.ruleSet) &&
      !ruleSets.some((x) => x.compiled?.id === r.right.ruleSet && x.compiled.version === r.right.version) &&
      // A version whose file has errors is still there: its own errors say what is wrong.
      !ruleSets.some(
        (x) => !x.compiled && rawField(x.source.value, 'id') === r.right.ruleSet && rawField(x.source.value, 'version') === r.right.version,
      )
    )
      issues.push(
        locateIssue(src, makeIssue('unknown_version', ['version'], lang, { name: r.right.ruleSet, version: r.right.version }), lang),
      );
    vectors.push({ path: src.path, source: src, file: r.right });
  }

  return { ruleSets, codeLists, vectors, unparsed, skipped, options: ruleOptions, issues: issues.sort(compareLocated) };
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

function rawField(v: unknown, key: string): unknown {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
}

/** The vector files that belong to a rule set, by its id (every version's). */
export function vectorsFor(ws: Workspace, ruleSetId: string): WorkspaceVectors[] {
  return ws.vectors.filter((v) => v.file?.ruleSet === ruleSetId);
}

/** The compiled versions of a rule set in a workspace, by id. */
export function versionsOf(ws: Workspace, ruleSetId: string): CompiledRuleSet[] {
  return ws.ruleSets.flatMap((r) => (r.compiled?.id === ruleSetId ? [r.compiled] : []));
}

/** A vector file and which of its vectors (by index) run against one version. */
export interface VersionVectors {
  readonly vectors: WorkspaceVectors;
  readonly indices: readonly number[];
}

/**
 * The vectors that run against one version of a rule set. A file that names a `version` belongs to
 * that version alone. Otherwise a vector goes to the version in force on its `asOf`; a vector without
 * `asOf`, or whose date no version covers, runs against every version (with one version in the
 * folder, every vector runs against it).
 */
export function vectorsForVersion(ws: Workspace, ruleSet: CompiledRuleSet): VersionVectors[] {
  const siblings = versionsOf(ws, ruleSet.id);
  const out: VersionVectors[] = [];
  for (const vf of vectorsFor(ws, ruleSet.id)) {
    const file = vf.file;
    if (!file) continue;
    if (file.version !== undefined) {
      if (file.version === ruleSet.version) out.push({ vectors: vf, indices: file.vectors.map((_, i) => i) });
      continue;
    }
    const indices = file.vectors.flatMap((v, i) => {
      const home = v.asOf === undefined ? undefined : ruleSetInForce(siblings, v.asOf);
      return home === undefined || home === ruleSet ? [i] : [];
    });
    if (indices.length > 0) out.push({ vectors: vf, indices });
  }
  return out;
}
