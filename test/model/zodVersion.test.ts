import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Person } from '../../src/index.js';
import { compileFastParse } from '../../src/model/fastParse.js';

/*
 * The fast accept path for persons reads zod's internal schema definitions, so it is tested against
 * the lowest zod the peer range allows as well as the lockfile's (scripts/zod-range.sh runs this file
 * and the fast path's properties with `ZOD_EXPECTED` set to the version it installed).
 */

describe('the zod these tests run against', () => {
  it('is the one asked for, and the fast accept path compiles for it', () => {
    const expected = process.env['ZOD_EXPECTED'];
    const { major, minor, patch } = z.core.version;
    if (expected !== undefined) expect(`${major}.${minor}.${patch}`).toBe(expected);
    else expect(major).toBe(4);
    expect(typeof compileFastParse(Person)).toBe('function');
  });
});
