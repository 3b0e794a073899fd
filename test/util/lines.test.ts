import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinLines, trimEndChars } from '../../src/util/lines.js';

/*
 * The linear-time replacements for two regexes that backtracked quadratically on long whitespace
 * runs (found by test/project/regex.test.ts). They must give exactly what the regexes gave.
 */
describe('linear-time text helpers', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\t', '\r', ',', '.', ';'), maxLength: 40 });
  it('joinLines equals replacing /\\s*\\n\\s*/g by one space', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(joinLines(t)).toBe(t.replace(/\s*\n\s*/g, ' '));
      }),
      { numRuns: 3000 },
    );
  });
  it('trimEndChars equals removing /[\\s,;:.]+$/', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(trimEndChars(t, ',;:.')).toBe(t.replace(/[\s,;:.]+$/, ''));
      }),
      { numRuns: 3000 },
    );
  });
});
