import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFeedback, toCards } from '../../src/adapters/cdsHooks/index.js';
import { evaluate, loadBundledRuleSet } from '../../src/index.js';
import { examplePerson, right } from '../support/helpers.js';
import { cli, tempDir } from './run.js';

/* `oppfolgingsteam feedback`: what clinicians did with the cards, per rule and rule-set version. */

const AS_OF = '2026-11-23';
const HOOK = '5d2b1c3e-7f4a-4b8c-9d0e-1f2a3b4c5d6e';

/**
 * Stored feedback records made as a host makes them: cards from the CDS Hooks adapter, feedback on
 * them through ingestFeedback. Klara's prompt card: 3 overridden (2 «already followed up»,
 * one with a comment; 1 «other»), 1 accepted. Her score card: 1 overridden on clinical judgement.
 */
function feedbackFile(extraLines: readonly string[] = []): { path: string; ruleId: string; version: string } {
  const rs = right(loadBundledRuleSet('identification'));
  const decision = right(evaluate(rs, examplePerson('klara'), { asOf: AS_OF }));
  const cards = right(toCards(decision, rs, { hookInstance: HOOK, patient: 'Patient/klara', user: 'Practitioner/gp1', score: 'always' }));
  const prompt = cards.find((c) => c.overrideReasons?.some((r) => r.code === 'already-followed-up'))!;
  const score = cards.find((c) => c.overrideReasons?.every((r) => r.code !== 'already-followed-up'))!;
  const reason = (code: string) => prompt.overrideReasons!.find((r) => r.code === code)!;
  const at = '2026-11-23T10:15:00Z';
  const records = right(
    ingestFeedback(
      {
        feedback: [
          { card: prompt.uuid, outcome: 'overridden', overrideReason: { reason: reason('already-followed-up') }, outcomeTimestamp: at },
          {
            card: prompt.uuid,
            outcome: 'overridden',
            overrideReason: { reason: reason('already-followed-up'), userComment: 'Følges av NAV-veileder' },
            outcomeTimestamp: at,
          },
          { card: prompt.uuid, outcome: 'overridden', overrideReason: { reason: reason('other') }, outcomeTimestamp: at },
          { card: prompt.uuid, outcome: 'accepted', acceptedSuggestions: [{ id: prompt.suggestions![0]!.uuid }], outcomeTimestamp: at },
          {
            card: score.uuid,
            outcome: 'overridden',
            overrideReason: { reason: score.overrideReasons!.find((r) => r.code === 'clinical-judgement') },
            outcomeTimestamp: at,
          },
        ],
      },
      cards,
    ),
  );
  const path = join(tempDir(), 'feedback.ndjson');
  writeFileSync(path, `${[...records.map((r) => JSON.stringify(r)), ...extraLines].join('\n')}\n`);
  return { path, ruleId: records[0]!.ruleId!, version: rs.version };
}

describe('feedback', () => {
  it('counts accepted and overridden cards per rule and version, with the reasons in Norwegian, most overridden first', async () => {
    const { path, ruleId, version } = feedbackFile();
    const html = join(tempDir(), 'ut', 'tilbakemeldinger.html');
    const r = await cli(['feedback', path, '--html', html]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        `Tilbakemeldinger i ${path}: 5 kort`,
        '',
        `identification ${version} · score`,
        '  1 kort: 0 godtatt, 1 overstyrt (100,0 % overstyrt)',
        '  grunner: Klinisk vurdering tilsier noe annet 1',
        `identification ${version} · ${ruleId}`,
        '  4 kort: 1 godtatt, 3 overstyrt (75,0 % overstyrt)',
        '  grunner: Personen følges allerede opp på annen måte 2; Annen grunn 1',
        '  1 med fritekstkommentar (ikke vist: den kan inneholde helseopplysninger)',
        `Skrev rapporten til ${html}.`,
        '',
      ].join('\n'),
    );
    // The clinician's comment may hold health data: it is never printed.
    expect(r.stdout).not.toContain('NAV-veileder');
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<th>Andel overstyrt</th>');
    expect(page).toContain('Personen følges allerede opp på annen måte: 2<br>Annen grunn: 1');
    expect(page).not.toContain('NAV-veileder');
    expect(page).not.toMatch(/<script|<link|<img|\ssrc=|href=/i);

    const nn = await cli(['feedback', path, '--lang', 'nn', '--json']);
    const json = JSON.parse(nn.stdout) as { rules: { ruleId: string; overridden: number; reasons: { reason: string; count: number }[] }[] };
    expect(json.rules[1]).toMatchObject({ ruleId, overridden: 3, withComment: 1 });
    expect(json.rules[1]!.reasons).toEqual([
      { reason: 'Personen blir allereie følgd opp på anna vis', count: 2 },
      { reason: 'Anna grunn', count: 1 },
    ]);
  });

  it('skips a line that is not a feedback record, naming the line and fields but no value; stops at a line that is not JSON', async () => {
    const { path } = feedbackFile(['{"outcome": "maybe", "userComment": "Hemmelig"}']);
    const r = await cli(['feedback', path]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${path}:6: ikke en tilbakemeldingspost (`);
    expect(r.stderr).not.toContain('Hemmelig');
    expect(r.stdout).toContain('5 kort, 1 ugyldige linjer hoppet over');

    const bad = feedbackFile(['{"outcome": ,}']);
    const b = await cli(['feedback', bad.path]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/feedback\.ndjson:6:\d+: Ugyldig JSON/);
    const missing = await cli(['feedback', 'no/such.ndjson']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Fant ikke «no/such.ndjson»');
  });
});
