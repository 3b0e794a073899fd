import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKLIST_CSV_HEADER } from '../../src/population/index.js';
import { blocks, docPages, marker, pointAtSource } from '../support/docPages.js';
import { ROOT } from '../support/helpers.js';

/*
 * Every TypeScript sample in README.md and docs/*.md is what a user copies, so each must run and
 * type-check as written, and print what the page says it does. A ```ts block starts with
 * `// example: <name>` (run; blocks of one name in one page are joined in order) or
 * `// types-only: <name>` (type-checked only). `'oppfolgingsteam'` and its subpaths are pointed at
 * the entries' source files; each example runs in a child process, as a user's script would.
 */

const DIR = join(ROOT, '.tmp/docs-samples');

interface Sample {
  readonly key: string; // page#name
  readonly kind: 'example' | 'types-only';
  readonly file: string;
}

/** What each example must print: the output's shape, so that a sample cannot print the wrong thing. */
const EXPECT: Record<string, (stdout: string) => void> = {
  'README.md#evaluate': (out) => {
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('[warning] Consider structured interdisciplinary follow-up (ID-TARGET-GROUP)');
    expect(lines[1]).toMatch(/^ {2}Fired because: number of long-term conditions is 2, which is at least 2/);
    expect(lines.at(-1)).toMatch(/^score: \d+ points, high; data needed: \d+$/);
  },
  'docs/getting-started.md#chart': (out) => {
    const lines = out.trimEnd().split('\n');
    const perRuleSet = lines.filter((l) => /^[a-z]+: \d+ prompts, \d+ data needed$/.test(l));
    expect(perRuleSet).toHaveLength(8);
    expect(perRuleSet[0]).toMatch(/^identification: [1-9]\d* prompts/);
    expect(lines).toContain('card: [warning] Vurder strukturert tverrfaglig oppfølging');
    expect(lines.filter((l) => !perRuleSet.includes(l)).every((l) => /^card: \[(info|warning|critical)\] \S/.test(l))).toBe(true);
  },
  'docs/getting-started.md#service': (out) => {
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('services: oppfolgingsteam (patient-view), oppfolgingsteam-discharge (encounter-discharge)');
    expect(lines[1]).toBe('200');
    const cards = lines.filter((l) => l.startsWith('card: '));
    expect(cards[0]).toBe('card: [warning] Vurder strukturert tverrfaglig oppfølging');
    expect(cards.filter((l) => /^card: \[warning\] Risikoskår \d+ poeng: høy risiko$/.test(l))).toHaveLength(1);
    // What was not sent is unknown, and the last card says so.
    expect(cards.at(-1)).toBe(
      'card: [info] Deler av journalen ble ikke hentet: IPLOS-opplysninger, funksjonsmål, samtykker, «Hva er viktig for deg?» er ukjent',
    );
    expect(lines.at(-1)).toMatch(/^400 context\.patientId: «context\.patientId» skal være en FHIR-id uten ressurstypen foran/);
    expect(out).not.toContain('_tag');
  },
  'docs/getting-started.md#invalid': (out) => {
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^InvalidPerson birthDate birth_date: /);
    expect(lines[1]).toMatch(/^InvalidPerson diagnoses\[0\]\.activ unknown_key: /);
    // No value from the record in a message.
    expect(out).not.toContain('1951-02-30');
  },
  'docs/concepts.md#explain': (out) => {
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^ID-TARGET-GROUP unknown: Unknown because data is missing on .*number of emergency visits in the last 6 months/,
    );
    expect(lines.slice(1)).toHaveLength(3);
    for (const l of lines.slice(1)) expect(l).toMatch(/^data needed: [A-Z-]+ \([a-zA-Z, ]+\)$/);
  },
  'docs/pathway.md#pathway': (out) => {
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^offer 1 \[/);
    expect(out).toContain("kind: 'offer-answer'");
    expect(out).toContain("due: '2026-11-17'");
    expect(out).toContain('daysOverdue: 3');
    expect(lines.slice(-3)).toEqual(['A saved: true', 'B saved: false', 'StaleRevision']);
  },
  'docs/cds-hooks-and-fhir.md#vendor': (out) => {
    expect(out).toContain('"summary": "Vurder strukturert tverrfaglig oppfølging"');
    expect(out).not.toContain('"_tag"');
    expect(out).toContain("resourceType: 'Task'");
    expect(out).toContain("resourceType: 'RiskAssessment'");
    expect(out).toContain("resourceType: 'CareTeam'");
    expect(out).toContain("type: 'transaction'");
  },
  'docs/cds-hooks-and-fhir.md#snomed': (out) => {
    const lines = out.trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toEqual([
      { system: 'ICD-10', code: 'I50' },
      { system: 'ICPC-2', code: 'P76' },
    ]);
    expect(lines[1]).toBe('undefined');
    expect(lines[2]).toMatch(/^gap: «Condition»: 1 diagnosis codes in SNOMED CT have no mapping in the code map/);
    expect(lines[3]).toMatch(/^line 4: «entries\[0\]» must map to exactly one of "icd10" and "icpc2"\.$/);
    expect(lines).toHaveLength(4);
    // The unmapped code is never named.
    expect(out).not.toContain('44054006');
  },
  'docs/cds-hooks-and-fhir.md#service': (out) => {
    type Answer = { status: number; body: Record<string, unknown> };
    const sent = JSON.parse(out.trimEnd().split('\n').at(-1)!) as {
      discovery: { status: number; body: { services: { hook: string; id: string; prefetch: Record<string, string> }[] } };
      viewed: Answer & { body: { cards: { uuid: string; summary: string; detail: string }[] } };
      feedback: Answer & { records: { cardUuid: string; outcome: string }[] };
    };
    expect(sent.discovery.status).toBe(200);
    expect(sent.discovery.body.services.map((s) => s.hook)).toEqual(['patient-view', 'encounter-discharge']);
    // The body a CDS client reads: `{ cards: [...] }`, never the Either around it.
    expect(sent.viewed.status).toBe(200);
    expect(Object.keys(sent.viewed.body)).toEqual(['cards']);
    expect(out).not.toContain('"_tag"');
    const quality = sent.viewed.body.cards.at(-1)!;
    expect(quality.summary).toBe('Data quality: not everything in the record could be read');
    // Fetched through fetchPrefetch: conditions and encounters are not among the unknown; the SNOMED CT diagnosis is named by system only.
    expect(quality.detail).toMatch(
      /^Not fetched \(prefetch medications, observations, consents, goals, careTeams, carePlans\): medications,/,
    );
    expect(quality.detail).toContain('Not read: 1 Condition (code systems: http://snomed.info/sct).');
    expect(quality.detail).not.toContain('44054006');
    expect(sent.feedback.status).toBe(200);
    expect(sent.feedback.body).toEqual({
      matched: 1,
      unknown: [expect.objectContaining({ path: 'feedback[1].card', code: 'cds_unknown_card' })],
    });
    expect(sent.feedback.records).toEqual([expect.objectContaining({ cardUuid: sent.viewed.body.cards[0]!.uuid, outcome: 'overridden' })]);
  },
  'docs/population.md#stratify': (out) => {
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('read 2000, listed 100');
    expect(lines[1]).toBe(WORKLIST_CSV_HEADER);
    expect(lines.slice(2, 5).map((l) => l.split(',')[0])).toEqual(['1', '2', '3']);
    expect(lines.at(-1)).toMatch(/^report: \d{4,} characters$/);
  },
  'docs/api.md#one-rule-set': (out) => {
    expect(out.trimEnd()).toMatch(/^consent \d+\.\d+\.\d+: \d+ prompts, [1-9]\d* data needed$/);
  },
  'docs/api.md#facts': (out) => {
    expect(JSON.parse(out)).toEqual({ age: 75, longTermConditions: 2, physicalAndMental: true });
  },
  'docs/api.md#json-rules-engine': (out) => {
    const ids = out.trim().split(' ');
    expect(ids).toContain('ID-MULTIMORBIDITY');
    expect(ids).not.toContain('ID-TARGET-GROUP'); // no emergency care recorded: unknown there is false
  },
};

/** Every marked sample of every page, written to its own file with imports pointed at the source. */
function writeSamples(): Sample[] {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const joined = new Map<string, { kind: 'example' | 'types-only'; code: string }>();
  for (const page of docPages()) {
    for (const b of blocks(page, 'ts')) {
      const m = marker(b.code);
      if (!m) continue;
      const key = `${page}#${m.name}`;
      const prev = joined.get(key);
      if (prev && prev.kind !== m.kind) throw new Error(`${key} is marked both example and types-only`);
      joined.set(key, { kind: m.kind, code: `${prev?.code ?? ''}${b.code}\n` });
    }
  }
  return [...joined].map(([key, { kind, code }]) => {
    const file = join(DIR, `${key.replace(/\.md#/, '--').replace(/[^a-zA-Z0-9-]/g, '-')}.ts`);
    writeFileSync(file, pointAtSource(code));
    return { key, kind, file };
  });
}

describe('code samples in README.md and docs/', () => {
  const samples = writeSamples();
  const examples = samples.filter((s) => s.kind === 'example');

  it('every ```ts block is marked as an example to run or as types-only', () => {
    const unmarked = docPages().flatMap((page) =>
      blocks(page, 'ts')
        .filter((b) => marker(b.code) === undefined)
        .map((b) => `${b.page}:${b.line}`),
    );
    expect(unmarked, 'start each ```ts block with `// example: <name>` or `// types-only: <name>`').toEqual([]);
  });

  it('every example has its output asserted here, and every assertion has its example', () => {
    expect(examples.map((s) => s.key).sort()).toEqual(Object.keys(EXPECT).sort());
  });

  it('samples import the entries by their published names, adapters from their subpaths', () => {
    for (const page of docPages()) {
      for (const b of blocks(page, 'ts')) {
        for (const m of b.code.matchAll(/from '([^']+)'/g))
          expect(m[1], `${b.page}:${b.line}`).toMatch(
            /^(oppfolgingsteam(\/[a-z-]+|\/rule-sets\/[a-z-]+)?|node:[a-z]+|json-rules-engine|xstate|zod)$/,
          );
        // What lives at a subpath is not imported from the root.
        const root = /import (?:type )?\{([^}]*)\} from 'oppfolgingsteam';/.exec(b.code)?.[1] ?? '';
        expect(root, `${b.page}:${b.line}`).not.toMatch(
          /\b(toCards|cdsResponse|personFrom\w+|to(RiskAssessment|Flags|CareTeam|FollowUpPlan)|startPathway|sendEvent|stratify|deriveFacts|builtinFacts)\b/,
        );
      }
    }
  });

  it.each(examples.map((s) => [s.key, s] as const))('%s runs and prints what the page says', (_key, s) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', s.file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    EXPECT[s.key]!(r.stdout);
  });

  it('all type-check under the project settings', () => {
    writeFileSync(join(DIR, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.json', include: ['*.ts'], exclude: [] }));
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', join(DIR, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
    expect(samples.length).toBeGreaterThanOrEqual(Object.keys(EXPECT).length);
    expect(r.stdout + r.stderr).toBe('');
    // One tsc run over every sample: about a minute on two busy cores, so more than the default limit.
  }, 240_000);
});
