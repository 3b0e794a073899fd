import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import * as E from '../util/either.js';
import type { ValidationIssue } from '../model/issues.js';
import { makeIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';
import { parseJsonText } from '../model/parseJson.js';
import type { LoadError } from './sources.js';

/*
 * The one way the CLI reads NDJSON (one JSON value per line), for `stratify` and `diff --cohort`
 * alike: a byte-order mark at the start of the file is dropped, a line ends at LF (a CR before it is
 * dropped too), blank lines are no records, and no line longer than NDJSON_LINE_BYTES is ever held
 * in memory. A longer line is skipped as it streams past and reported with its number: one huge line
 * must cost neither the run nor the records around it. Lines are split on bytes (LF never occurs
 * inside a multi-byte UTF-8 character) and decoded one by one, so memory stays flat however large
 * the file.
 */

/** The longest line read, in bytes (16 MiB): far beyond any person record within `LIMITS`. */
export const NDJSON_LINE_BYTES = 16 * 1024 * 1024;

/** One line of an NDJSON stream: its 1-based number and its text, or `null` when it was longer than the limit and skipped. */
export interface NdjsonLine {
  readonly line: number;
  readonly text: string | null;
}

const LF = 10;
const CR = 13;

/**
 * The non-blank lines of a stream, in order. `maxBytes` is for tests; the CLI always uses
 * {@link NDJSON_LINE_BYTES}.
 */
export async function* ndjsonLines(input: Readable, maxBytes: number = NDJSON_LINE_BYTES): AsyncGenerator<NdjsonLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let line = 0;
  /** Keeps bytes of the current line; one byte more than the limit is room for a CR before the LF. */
  const take = (chunk: Buffer, from: number, to: number): void => {
    if (tooLong || to <= from) return;
    if (size + (to - from) > maxBytes + 1) {
      tooLong = true;
      parts = [];
      size = 0;
      return;
    }
    parts.push(chunk.subarray(from, to));
    size += to - from;
  };
  /** Ends the current line: its text, `null` when too long, `undefined` when blank. */
  const end = (): NdjsonLine | undefined => {
    line++;
    let buf = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    parts = [];
    size = 0;
    if (buf.length > 0 && buf[buf.length - 1] === CR) buf = buf.subarray(0, buf.length - 1);
    const skipped = tooLong || buf.length > maxBytes;
    tooLong = false;
    if (skipped) return { line, text: null };
    const text = buf.toString('utf8');
    return text.trim() === '' ? undefined : { line, text };
  };
  for await (const chunk of withoutBom(input)) {
    let from = 0;
    for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, from)) {
      take(chunk, from, i);
      const l = end();
      if (l) yield l;
      from = i + 1;
    }
    take(chunk, from, chunk.length);
  }
  if (size > 0 || tooLong) {
    const l = end();
    if (l) yield l;
  }
}

/** The stream's bytes, without a UTF-8 byte-order mark at the start (which may be split across chunks). */
async function* withoutBom(input: Readable): AsyncGenerator<Buffer> {
  let head: Buffer | undefined = Buffer.alloc(0);
  for await (const data of input as AsyncIterable<Buffer | string>) {
    const chunk = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    if (head === undefined) {
      yield chunk;
      continue;
    }
    head = Buffer.concat([head, chunk]);
    if (head.length < 3) continue;
    yield head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
    head = undefined;
  }
  if (head !== undefined && head.length > 0) yield head;
}

/** The issue of a line skipped for its length. */
export function lineTooLong(lang: Lang): ValidationIssue {
  return makeIssue('line_too_long', [], lang, { maximum: NDJSON_LINE_BYTES });
}

/** A record without its top-level `$schema` key (editor support in person files; not part of the person). */
export function withoutSchema(x: unknown): unknown {
  if (typeof x !== 'object' || x === null || Array.isArray(x) || !Object.hasOwn(x, '$schema')) return x;
  const { $schema: _s, ...rest } = x as Record<string, unknown>;
  return rest;
}

/** A line that is not JSON, or too long: where it is and why. */
export interface NdjsonSyntaxError {
  readonly _tag: 'NdjsonSyntax';
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * Streams a file of one JSON value per line (NDJSON) through {@link ndjsonLines}, so a cohort of any
 * size is read in constant memory. Stops at the first line that is not JSON or is too long.
 */
export async function readNdjson(
  path: string,
  onRecord: (line: number, value: unknown) => void,
  lang: Lang,
): Promise<E.Either<LoadError | NdjsonSyntaxError, number>> {
  try {
    if (!statSync(path).isFile()) return E.left({ _tag: 'Unreadable', path });
  } catch {
    return E.left({ _tag: 'NotFound', path });
  }
  let count = 0;
  try {
    for await (const { line, text } of ndjsonLines(createReadStream(path))) {
      if (text === null) return E.left({ _tag: 'NdjsonSyntax', path, line, column: 1, message: lineTooLong(lang).message });
      const r = parseJsonText(text, lang);
      if (E.isLeft(r)) {
        const issue = r.left.issues[0]!;
        return E.left({ _tag: 'NdjsonSyntax', path, line, column: Number(issue.detail?.['column'] ?? 1), message: issue.message });
      }
      count++;
      onRecord(line, r.right);
    }
  } catch {
    return E.left({ _tag: 'Unreadable', path });
  }
  return E.right(count);
}
