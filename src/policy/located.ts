import type { ValidationIssue } from '../model/issues.js';

/** A file's text, as read from disk or given by a host. `path` is only used to name the file in reports. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** A validation issue placed in a file: the file, the line and column, and the issue with its JSON path. */
export interface LocatedIssue {
  readonly file: string;
  /** 1-based line of the offending field (or of its nearest existing parent when the field is absent). */
  readonly line: number;
  /** 1-based column, counted as editors count. */
  readonly column: number;
  readonly issue: ValidationIssue;
  /** `warning` for a finding that does not make the file wrong (e.g. nynorsk that looks like bokmål); absent for an error. */
  readonly severity?: 'warning';
}

/** Orders issues by file, then line, then column, so reports read top to bottom like the file. */
export function compareLocated(a: LocatedIssue, b: LocatedIssue): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}
