import { describe, expect, it } from 'vitest';
import { evaluate, evaluateFacts, explainDecision, loadBundledRuleSet, parsePerson } from '../../src/index.js';
import { personFromBundle } from '../../src/adapters/fhir/index.js';
import { examplePerson, left, readJson, right } from '../support/helpers.js';
import { TrapError, trapped } from './hostile.js';

/*
 * A host's record may be a live object rather than plain data: an ORM entity whose lazy getter
 * throws once its session is closed, a reactive proxy. Where the library takes data (a person, fact
 * values, a rule file, an envelope, an event, FHIR input, a CDS Hooks body), a getter or proxy trap
 * that throws is a typed error (`unreadable` at the path it guards), never an exception; and input is
 * read exactly once, so a getter that answers the first read and throws on the next cannot reach the
 * code after validation. Options and stored records read back (decisions, traces, issues) are
 * documented as plain data: there the host's own error passes through unchanged.
 */

const AS_OF = '2026-11-23';
const identification = right(loadBundledRuleSet('identification'));
const klara = () => JSON.parse(JSON.stringify(examplePerson('klara'))) as Record<string, unknown>;

describe('throwing accessors in data are typed errors', () => {
  it('parsePerson: a getter that throws is unreadable at its path, in the requested language, without a value', () => {
    const p = klara();
    trapped(p, 'getter', 'birthDate');
    const e = left(parsePerson(p, 'en'));
    expect(e).toMatchObject({ _tag: 'InvalidPerson', issues: [{ code: 'unreadable', path: 'birthDate' }] });
    expect(e.issues[0]!.message).toBe('«birthDate» could not be read: a getter or proxy threw. Pass plain data (as JSON.parse gives).');
  });

  it('evaluate: a proxy whose get trap throws for one list is unreadable at that list', () => {
    const p = klara();
    const proxied = trapped(p, 'proxy-get', 'diagnoses');
    expect(left(evaluate(identification, proxied, { asOf: AS_OF }))).toMatchObject({
      _tag: 'InvalidPerson',
      issues: [{ code: 'unreadable', path: 'diagnoses' }],
    });
    // Deeper: one encounter's getter.
    const q = klara();
    trapped((q['encounters'] as object[])[1]!, 'getter', 'date');
    expect(left(evaluate(identification, q, { asOf: AS_OF }))).toMatchObject({
      issues: [{ code: 'unreadable', path: 'encounters[1].date' }],
    });
  });

  it('personFromBundle: a resource whose getter throws is unreadable at its path', () => {
    const bundle = readJson('examples/fhir/klara.json') as { entry: { resource: Record<string, unknown> }[] };
    trapped(bundle.entry[1]!.resource, 'getter', 'resourceType');
    expect(left(personFromBundle(bundle))).toMatchObject({
      _tag: 'InvalidFhirInput',
      issues: [{ code: 'unreadable', path: 'entry[1].resource.resourceType' }],
    });
    const revoked = readJson('examples/fhir/klara.json') as { entry: unknown[] };
    revoked.entry[2] = trapped({}, 'revoked', undefined);
    expect(left(personFromBundle(revoked))).toMatchObject({ issues: [{ code: 'unreadable', path: 'entry[2]' }] });
  });

  it('a getter that answers the first read and throws on the next never escapes: the input is read once', () => {
    for (const kind of ['getter-second-read', 'proxy-get-second-read'] as const) {
      const p = klara();
      const r = evaluate(identification, trapped(p, kind, 'diagnoses'), { asOf: AS_OF });
      expect(r._tag, kind).toBe('Right');
      // A proxy whose every key answers once: the second key read throws, which is a typed error.
      const all = trapped(klara(), kind === 'getter-second-read' ? 'getter' : kind, undefined);
      expect(evaluate(identification, all, { asOf: AS_OF })._tag, kind).toBe('Left');
      const facts = trapped({ age: 80, regularMedications: 12, emergencyAdmissions: 2 }, kind, 'regularMedications') as Record<
        string,
        unknown
      >;
      expect(right(evaluateFacts(identification, facts, { asOf: AS_OF })).outcomes.length).toBeGreaterThan(0);
      const bundle = readJson('examples/fhir/klara.json') as { entry: { resource: Record<string, unknown> }[] };
      bundle.entry[1]!.resource = trapped(bundle.entry[1]!.resource, kind, 'resourceType') as Record<string, unknown>;
      expect(personFromBundle(bundle)._tag, kind).toBe('Right');
    }
  });

  it('stored records are documented as plain data: a getter that throws in one passes the host’s own error through unchanged', () => {
    const d = JSON.parse(JSON.stringify(right(evaluate(identification, klara(), { asOf: AS_OF })))) as { trace: Record<string, unknown>[] };
    trapped(d.trace[0]!, 'getter', 'ruleId');
    expect(() => explainDecision(d as never, { ruleSet: identification })).toThrow(TrapError);
  });
});
