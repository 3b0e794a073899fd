import * as E from '../util/either.js';
import { LineCounter, isCollection, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { ValidationIssue } from '../model/issues.js';
import { makeIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
import type { ScannedValue } from '../util/jsonScan.js';
import { duplicateKeys, locateInScanned, positionAt, scanJson } from '../util/jsonScan.js';
import { parseJsonText } from '../model/parseJson.js';
import { forPolicyStaff } from './issueLabel.js';
import type { LocatedIssue, SourceFile } from './located.js';

/*
 * A parsed source file that can still answer "where is this path?". Rule sets, code lists and
 * vectors are JSON; vectors may also be YAML, which policy staff often find easier to write.
 */

/** A parsed file: its value and a way to place any JSON path in its text. */
export interface ParsedSource {
  readonly path: string;
  readonly format: 'json' | 'yaml';
  readonly value: unknown;
  /** Line and column of a path; the nearest existing parent when the path goes past the text. */
  locate(segments: readonly (string | number)[]): { line: number; column: number };
  /** Non-fatal findings made while parsing, such as a key written twice. */
  readonly issues: readonly LocatedIssue[];
}

/**
 * Places one issue in a parsed file. With `lang`, the message names the place as policy staff do
 * (rule id, parameter or vector name, field) instead of by JSON path; see {@link forPolicyStaff}.
 */
export function locateIssue(source: ParsedSource, issue: ValidationIssue, lang?: Lang): LocatedIssue {
  const { line, column } = source.locate(issue.segments);
  const li = { file: source.path, line, column, issue };
  return lang === undefined ? li : forPolicyStaff(li, source.value, lang);
}

/** True when a file name says YAML. */
export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** Parses a JSON or YAML file. A syntax error comes back located, and nothing of the file is used. */
export function parseSource(file: SourceFile, lang: Lang): E.Either<LocatedIssue, ParsedSource> {
  return isYamlPath(file.path) ? parseYaml(file, lang) : parseJson(file, lang);
}

function parseJson(file: SourceFile, lang: Lang): E.Either<LocatedIssue, ParsedSource> {
  const parsed = parseJsonText(file.text, lang);
  if (E.isLeft(parsed)) {
    const issue = parsed.left.issues[0]!;
    return E.left({ file: file.path, line: Number(issue.detail?.['line'] ?? 1), column: Number(issue.detail?.['column'] ?? 1), issue });
  }
  // Scanning is only needed to place issues; do it once, on first use.
  let scanned: ScannedValue | undefined;
  const tree = (): ScannedValue | undefined => {
    if (scanned === undefined) {
      const s = scanJson(file.text);
      if (s.ok) scanned = s.value;
    }
    return scanned;
  };
  const locate = (segments: readonly (string | number)[]) => {
    const t = tree();
    const { line, column } = positionAt(file.text, t ? locateInScanned(t, segments).offset : 0);
    return { line, column };
  };
  const t = tree();
  const issues: LocatedIssue[] = (t ? duplicateKeys(t) : []).map((segs) => {
    const issue = makeIssue('duplicate_key', segs, lang);
    return { file: file.path, ...locate(segs), issue };
  });
  return E.right({ path: file.path, format: 'json', value: parsed.right, locate, issues });
}

function parseYaml(file: SourceFile, lang: Lang): E.Either<LocatedIssue, ParsedSource> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    // An unclosed { [ or quote is found where the parser gives up, often lines later: the place to
    // fix is where it was opened.
    const opened = err.code === 'BAD_INDENT' || err.code === 'MISSING_CHAR' ? unclosedAt(doc, err.pos[0]) : undefined;
    const pos = lineCounter.linePos(opened?.offset ?? err.pos[0]);
    // Only the error's code is kept: the parser's message quotes the text.
    const issue = makeIssue('yaml_syntax', [], lang, { line: pos.line, column: pos.col, reason: opened?.reason ?? err.code });
    return E.left({ file: file.path, line: pos.line, column: pos.col, issue });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch {
    const issue = makeIssue('yaml_syntax', [], lang, { line: 1, column: 1, reason: 'ALIAS_COUNT' });
    return E.left({ file: file.path, line: 1, column: 1, issue });
  }
  const locate = (segments: readonly (string | number)[]) => {
    let node: unknown = doc.contents;
    let offset = (doc.contents as YamlNode | null)?.range?.[0] ?? 0;
    for (const seg of segments) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
        if (!pair) break;
        offset = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number' && seg >= 0 && seg < node.items.length) {
        node = node.items[seg];
        offset = (node as YamlNode | null)?.range?.[0] ?? offset;
      } else break;
    }
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  return E.right({ path: file.path, format: 'yaml', value, locate, issues: [] });
}

/**
 * The flow collection ({ } or [ ]) or quoted text that runs, unclosed, up to where the parser gave up
 * (`pos`): where it opens, and why. The innermost one when several are open.
 */
function unclosedAt(doc: Document, pos: number): { offset: number; reason: 'UNCLOSED_FLOW' | 'UNCLOSED_QUOTE' } | undefined {
  let found: { offset: number; reason: 'UNCLOSED_FLOW' | 'UNCLOSED_QUOTE' } | undefined;
  visit(doc, (_key, node) => {
    const flow = isCollection(node) && node.flow === true;
    const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
    const range = (node as YamlNode).range;
    if ((flow || quoted) && range && range[0] < pos && range[2] >= pos && (found === undefined || range[0] > found.offset))
      found = { offset: range[0], reason: flow ? 'UNCLOSED_FLOW' : 'UNCLOSED_QUOTE' };
  });
  return found;
}
