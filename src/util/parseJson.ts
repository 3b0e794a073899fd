import * as E from 'fp-ts/lib/Either.js';
import type { InvalidRuleSetError } from '../model/errors.js';
import { invalidRuleSet } from '../model/errors.js';
import { makeIssue } from '../model/issues.js';
import type { Lang } from '../model/lang.js';

/**
 * Parses JSON text and reports a syntax error with its line and column, which `JSON.parse` only gives
 * as a character offset (and not at all on some engines). The text itself is never echoed. Only
 * syntax is checked here: the size and depth limits apply when the value is compiled or validated.
 */
export function parseJsonText(text: string, lang: Lang = 'nb'): E.Either<InvalidRuleSetError, unknown> {
  if (typeof text !== 'string') return E.left(invalidRuleSet([makeIssue('invalid_type', [], lang, { expected: 'string' })]));
  try {
    return E.right(JSON.parse(text) as unknown);
  } catch (err) {
    const msg = err instanceof Error ? err.message : '';
    const pos = /position (\d+)/.exec(msg);
    const lc = /line (\d+) column (\d+)/.exec(msg);
    let line: number | undefined;
    let column: number | undefined;
    if (lc) {
      line = Number(lc[1]);
      column = Number(lc[2]);
    } else if (pos) {
      const offset = Number(pos[1]);
      const before = text.slice(0, offset);
      line = before.split('\n').length;
      column = offset - before.lastIndexOf('\n');
    } else {
      line = text.split('\n').length;
      column = (text.split('\n').pop()?.length ?? 0) + 1;
    }
    // Only the kind of error is kept from the engine's message; its excerpt of the text is dropped.
    const reason = /Unexpected end/.test(msg) ? 'unexpected end of input' : /Unexpected token|Unexpected non-whitespace|Expected/.test(msg) ? 'unexpected character' : 'syntax error';
    return E.left(invalidRuleSet([makeIssue('json_syntax', [], lang, { line, column, reason })]));
  }
}
