import * as E from '../util/either.js';
import type { InvalidRuleSetError } from './errors.js';
import { invalidRuleSet } from './errors.js';
import { makeIssue } from './issues.js';
import type { Lang } from './lang.js';
import { positionAt, scanJson } from '../util/jsonScan.js';

/**
 * Parses JSON text and reports a syntax error with its line and column. `JSON.parse` gives only a
 * character offset, and on some errors (an unexpected letter) none at all, so on failure the text is
 * scanned again to find where and why it stops being JSON. The text itself is never echoed.
 * Only syntax is checked here: the size and depth limits apply when the value is compiled or validated.
 */
export function parseJsonText(text: string, lang: Lang = 'nb'): E.Either<InvalidRuleSetError, unknown> {
  if (typeof text !== 'string') return E.left(invalidRuleSet([makeIssue('invalid_type', [], lang, { expected: 'string' })]));
  try {
    return E.right(JSON.parse(text) as unknown);
  } catch {
    const s = scanJson(text);
    // The scanner accepts exactly what JSON.parse accepts; if it disagrees, report the end of the text.
    const { line, column } = positionAt(text, s.ok ? text.length : s.offset);
    const reason = s.ok ? 'unexpected_character' : s.reason;
    return E.left(invalidRuleSet([makeIssue('json_syntax', [], lang, { line, column, reason })]));
  }
}
