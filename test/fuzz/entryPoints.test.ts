import fc from 'fast-check';
import { describe, it } from 'vitest';
import { ENTRY_POINTS } from './entryPoints.js';
import { expectSafeCall } from './guard.js';
import { accessorTraps, HUGE_VALUES, hostileInputs, TrapError } from './hostile.js';

/*
 * Fuzzing every public entry point that takes untrusted input (issue 8, point 1). For each row of
 * ENTRY_POINTS and each kind of hostile input, the call must return (never throw; a hang fails the
 * test by its timeout), leave the built-in prototypes untouched, and fail only with typed errors
 * whose issues have a path, a known code and a message. Seeds are random; fast-check prints the seed
 * and the shrunk input of any failure, which `fc.assert(..., { seed, path })` replays.
 */

/** Runs per entry point and input kind; 44 rows × 6 kinds × RUNS stays within about ten CPU seconds. */
const RUNS = 40;

describe.each(ENTRY_POINTS.map((e) => [e.name, e] as const))('fuzz: %s', (_name, entry) => {
  for (const { name, arb } of hostileInputs(entry.base)) {
    it(`${name} input: returns, pollutes nothing, fails with typed errors`, () => {
      fc.assert(
        fc.property(arb, (input) => {
          expectSafeCall(() => entry.call(input), entry);
        }),
        { numRuns: Math.max(5, Math.round(RUNS / (entry.cost ?? 1))) },
      );
    });
  }

  it(`accessor traps (getters and proxy traps that throw, at once or on a second read): ${entry.accessors === 'host' ? "the host's own error propagates unchanged (documented: plain data)" : 'a typed error, never an exception'}`, () => {
    fc.assert(
      fc.property(accessorTraps(entry.base), (make) => {
        expectSafeCall(() => {
          try {
            return entry.call(make());
          } catch (e) {
            // Where the input is documented as plain data, the trap's own error may pass through, as it is
            // (for a revoked proxy, the engine's TypeError saying so).
            if (entry.accessors === 'host' && (e instanceof TrapError || (e instanceof TypeError && /revoked/.test(e.message))))
              return undefined;
            throw e;
          }
        }, entry);
      }),
      { numRuns: Math.max(5, Math.round(RUNS / (entry.cost ?? 1))) },
    );
  });

  it('huge input (a million values, a sparse array of length 2³²−1, 20,000 junk items, 10,000 keys)', () => {
    for (const input of HUGE_VALUES) expectSafeCall(() => entry.call(input), entry);
  });
});
