/*
 * A small JSON scanner that keeps source positions, which `JSON.parse` throws away. It answers three
 * questions policy staff need answered in their editor's terms: where is the syntax error (Node's
 * message sometimes has no position), where does a JSON path point (line and column of an issue),
 * and which object keys are written twice (JSON.parse silently keeps the last one).
 *
 * It never returns the text it read, only offsets, so callers cannot echo data by accident.
 */

/** A position in source text: 1-based line and column (UTF-16 code units, as editors count). */
export interface SourcePosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** Why a text is not JSON. The codes are localized by the issue messages. */
export type JsonSyntaxReason =
  | 'unexpected_end'
  | 'unexpected_character'
  | 'expected_comma_or_end'
  | 'expected_colon'
  | 'expected_key'
  | 'trailing_comma'
  | 'bad_string'
  | 'bad_number'
  | 'trailing_data'
  | 'too_deep';

/** A scanned JSON value with the offsets of its parts. */
export type ScannedValue =
  | { readonly kind: 'object'; readonly start: number; readonly end: number; readonly members: readonly ScannedMember[] }
  | { readonly kind: 'array'; readonly start: number; readonly end: number; readonly items: readonly ScannedValue[] }
  | { readonly kind: 'scalar'; readonly start: number; readonly end: number };

/** An object member: its decoded key, where the key starts, and its value. */
export interface ScannedMember {
  readonly key: string;
  readonly keyStart: number;
  readonly value: ScannedValue;
}

/** The result of scanning: the value tree, or where and why the text stopped being JSON. */
export type ScanResult =
  | { readonly ok: true; readonly value: ScannedValue }
  | { readonly ok: false; readonly offset: number; readonly reason: JsonSyntaxReason };

/** Nesting beyond this is reported as `too_deep` instead of risking the call stack. */
const MAX_DEPTH = 1000;

class SyntaxStop {
  constructor(
    readonly offset: number,
    readonly reason: JsonSyntaxReason,
  ) {}
}

const isWs = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Scans JSON text with the grammar `JSON.parse` accepts (RFC 8259). */
export function scanJson(text: string): ScanResult {
  let i = 0;
  const n = text.length;
  const stop = (reason: JsonSyntaxReason, at = i): never => {
    throw new SyntaxStop(at, at >= n && reason !== 'trailing_data' ? 'unexpected_end' : reason);
  };
  const ws = () => {
    while (i < n && isWs(text.charCodeAt(i))) i++;
  };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    let simple = true;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        const raw = text.slice(start, i);
        return simple ? raw.slice(1, -1) : (JSON.parse(raw) as string);
      }
      if (c < 0x20) stop('bad_string');
      if (c === 0x5c) {
        simple = false;
        const e = text.charCodeAt(i + 1);
        if (e === 0x75) {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) stop('bad_string', i);
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(text[i + 1] ?? '')) stop('bad_string', i);
        i += 2;
        continue;
      }
      i++;
    }
    return stop('unexpected_end');
  };
  const num = () => {
    if (text.charCodeAt(i) === 0x2d) i++;
    if (text.charCodeAt(i) === 0x30) i++;
    else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
    else stop('bad_number');
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      if (!isDigit(text.charCodeAt(i))) stop('bad_number');
      while (isDigit(text.charCodeAt(i))) i++;
    }
    if (text.charCodeAt(i) === 0x65 || text.charCodeAt(i) === 0x45) {
      i++;
      if (text.charCodeAt(i) === 0x2b || text.charCodeAt(i) === 0x2d) i++;
      if (!isDigit(text.charCodeAt(i))) stop('bad_number');
      while (isDigit(text.charCodeAt(i))) i++;
    }
  };
  const value = (depth: number): ScannedValue => {
    if (depth > MAX_DEPTH) stop('too_deep');
    ws();
    const start = i;
    const c = text.charCodeAt(i);
    if (c === 0x7b) {
      i++;
      const members: ScannedMember[] = [];
      ws();
      if (text.charCodeAt(i) === 0x7d) {
        i++;
        return { kind: 'object', start, end: i, members };
      }
      for (;;) {
        ws();
        if (text.charCodeAt(i) !== 0x22) stop(members.length > 0 && text.charCodeAt(i) === 0x7d ? 'trailing_comma' : 'expected_key');
        const keyStart = i;
        const key = str();
        ws();
        if (text.charCodeAt(i) !== 0x3a) stop('expected_colon');
        i++;
        members.push({ key, keyStart, value: value(depth + 1) });
        ws();
        const d = text.charCodeAt(i);
        if (d === 0x2c) {
          i++;
          continue;
        }
        if (d === 0x7d) {
          i++;
          return { kind: 'object', start, end: i, members };
        }
        stop('expected_comma_or_end');
      }
    }
    if (c === 0x5b) {
      i++;
      const items: ScannedValue[] = [];
      ws();
      if (text.charCodeAt(i) === 0x5d) {
        i++;
        return { kind: 'array', start, end: i, items };
      }
      for (;;) {
        ws();
        if (items.length > 0 && text.charCodeAt(i) === 0x5d) stop('trailing_comma');
        items.push(value(depth + 1));
        ws();
        const d = text.charCodeAt(i);
        if (d === 0x2c) {
          i++;
          continue;
        }
        if (d === 0x5d) {
          i++;
          return { kind: 'array', start, end: i, items };
        }
        stop('expected_comma_or_end');
      }
    }
    if (c === 0x22) {
      str();
      return { kind: 'scalar', start, end: i };
    }
    if (c === 0x2d || isDigit(c)) {
      num();
      return { kind: 'scalar', start, end: i };
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { kind: 'scalar', start, end: i };
      }
    }
    return stop('unexpected_character');
  };
  try {
    const v = value(0);
    ws();
    if (i < n) stop('trailing_data');
    return { ok: true, value: v };
  } catch (e) {
    if (e instanceof SyntaxStop) return { ok: false, offset: e.offset, reason: e.reason };
    throw e;
  }
}

/** Converts an offset into a 1-based line and column. */
export function positionAt(text: string, offset: number): SourcePosition {
  const o = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < o; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { offset: o, line, column: o - lineStart + 1 };
}

/** Where a path points, and how much of it exists in the text. */
export interface PathLocation extends SourcePosition {
  /** How many leading segments were found; less than the path's length when the rest is absent. */
  readonly matched: number;
}

/**
 * Finds the position a JSON path points to in a scanned value: an object member's key, an array
 * element's first character. When the path goes further than the text (a missing field), the deepest
 * existing ancestor is returned with `matched` telling how far it got. A key written twice resolves
 * to the last one, as `JSON.parse` does.
 */
export function locateInScanned(root: ScannedValue, segments: readonly (string | number)[]): { offset: number; matched: number } {
  let node: ScannedValue = root;
  let offset = root.start;
  let matched = 0;
  for (const seg of segments) {
    if (node.kind === 'object') {
      let found: ScannedMember | undefined;
      for (const m of node.members) if (m.key === String(seg)) found = m;
      if (!found) break;
      offset = found.keyStart;
      node = found.value;
    } else if (node.kind === 'array' && typeof seg === 'number' && seg >= 0 && seg < node.items.length) {
      node = node.items[seg]!;
      offset = node.start;
    } else break;
    matched++;
  }
  return { offset, matched };
}

/** Locates a JSON path in JSON text; `undefined` when the text is not JSON. */
export function locateJsonPath(text: string, segments: readonly (string | number)[]): PathLocation | undefined {
  const s = scanJson(text);
  if (!s.ok) return undefined;
  const { offset, matched } = locateInScanned(s.value, segments);
  return { ...positionAt(text, offset), matched };
}

/** Paths of object keys that appear more than once in their object (the later occurrences). */
export function duplicateKeys(root: ScannedValue): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (v: ScannedValue, path: (string | number)[]) => {
    if (v.kind === 'object') {
      const seen = new Set<string>();
      for (const m of v.members) {
        if (seen.has(m.key)) out.push([...path, m.key]);
        seen.add(m.key);
        walk(m.value, [...path, m.key]);
      }
    } else if (v.kind === 'array') v.items.forEach((it, k) => walk(it, [...path, k]));
  };
  walk(root, []);
  return out;
}
