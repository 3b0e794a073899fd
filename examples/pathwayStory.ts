/**
 * The three pathway stories, run through the public API (start, send, persist, restore):
 *
 * - Klara goes from candidate to an active plan and through her first evaluation.
 * - Morten declines, is not flagged again by routine screening, and comes back after a new
 *   emergency admission.
 * - Kasper's team gets school and PPT only after his parents' explicit consent; the first try is
 *   rejected, with the rule and the "why".
 *
 * `npm run demo` prints them in Norwegian. The rule sets are the bundled `team`, `consent` and
 * `plan` sets when the library ships them; until then the small test fixtures with the same rule ids
 * (test/fixtures/pathway/) stand in, and the output says so.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundledRuleSetIds, compileRuleSet } from '../src/index.js';
import {
  checkText,
  describeHistory,
  persistPathway,
  PATHWAY_RULE_SET_IDS,
  pathwayFacts,
  restorePathway,
  sendEvent,
  ROLE_LABELS,
  STATE_LABELS,
  startPathway,
  whatIsDue,
} from '../src/pathway/index.js';
import type { CompiledRuleSet, Lang } from '../src/index.js';
import type { Pathway, PathwayEventInput, PathwayRole, SendEventError } from '../src/pathway/index.js';

/** What the stories return, for tests: the pathways as they ended, and every line printed. */
export interface StoryResult {
  readonly klara: Pathway;
  readonly morten: Pathway;
  readonly kasper: Pathway;
  /** Every rejection, by story, in order. */
  readonly rejections: Readonly<Record<'klara' | 'morten' | 'kasper', readonly SendEventError[]>>;
  readonly lines: readonly string[];
}

/** Options for {@link runPathwayStories}. */
export interface StoryOptions {
  /** Rule sets to use; default {@link storyRuleSets}. */
  readonly ruleSets?: readonly CompiledRuleSet[];
  /** Where lines go; default `console.log`. */
  readonly print?: (line: string) => void;
  readonly lang?: Lang;
}

/**
 * The rule sets for the stories: none for ids the library bundles (the bundled ones are then used),
 * the test fixtures for the others.
 */
export function storyRuleSets(): { ruleSets: CompiledRuleSet[]; fixtures: string[] } {
  const fixtures = PATHWAY_RULE_SET_IDS.filter((id) => !bundledRuleSetIds().includes(id));
  const ruleSets = fixtures.map((id) => {
    const json = JSON.parse(
      readFileSync(fileURLToPath(new URL(`../test/fixtures/pathway/${id}.json`, import.meta.url)), 'utf8'),
    ) as unknown;
    const r = compileRuleSet(json, { extraFacts: pathwayFacts });
    if (r._tag === 'Left') throw new Error(`fixture ${id} is invalid: ${r.left.issues.map((i) => i.message).join('; ')}`);
    return r.right;
  });
  return { ruleSets, fixtures };
}

function loadPerson(name: string): Record<string, unknown> {
  const { $schema: _s, ...person } = JSON.parse(
    readFileSync(fileURLToPath(new URL(`./persons/${name}.json`, import.meta.url)), 'utf8'),
  ) as Record<string, unknown>;
  return person;
}

const H = {
  rejected: { nb: 'AVVIST', nn: 'AVVIST', en: 'REJECTED' },
  due: { nb: 'Venter på', nn: 'Ventar på', en: 'Waiting' },
  overdue: {
    nb: (n: number) => `forfalt for ${n} dager siden`,
    nn: (n: number) => `forfall for ${n} dagar sidan`,
    en: (n: number) => `overdue by ${n} days`,
  },
  dueOn: { nb: 'frist', nn: 'frist', en: 'due' },
  nothingDue: { nb: 'Ingenting venter.', nn: 'Ingenting ventar.', en: 'Nothing waits.' },
  history: { nb: 'Historikk', nn: 'Historikk', en: 'History' },
  title: {
    nb: 'FORLØPET: tre historier gjennom tilstandsmaskinen',
    nn: 'FORLØPET: tre forteljingar gjennom tilstandsmaskina',
    en: 'THE PATHWAY: three stories through the state machine',
  },
  fixtures: {
    nb: (ids: string) => `(Regelsettene ${ids} er ikke levert med biblioteket ennå; testutgavene med de samme regel-id-ene brukes.)`,
    nn: (ids: string) => `(Regelsetta ${ids} er ikkje leverte med biblioteket enno; testutgåvene med dei same regel-id-ane blir brukte.)`,
    en: (ids: string) => `(The rule sets ${ids} are not bundled yet; the test fixtures with the same rule ids are used.)`,
  },
} as const;

/** Runs the three stories and prints them. */
export function runPathwayStories(options: StoryOptions = {}): StoryResult {
  const lang = options.lang ?? 'nb';
  const lines: string[] = [];
  const out = (l: string) => {
    lines.push(l);
    (options.print ?? console.log)(l);
  };
  out(`\n${'='.repeat(78)}\n${H.title[lang]}\n${'='.repeat(78)}`);
  let ruleSets = options.ruleSets;
  if (ruleSets === undefined) {
    const s = storyRuleSets();
    ruleSets = s.ruleSets;
    if (s.fixtures.length > 0) out(H.fixtures[lang](s.fixtures.join(', ')));
  }

  /** One story: a pathway, the host's record of the person, and a log of what happened. */
  const story = (title: Record<Lang, string>, personName: string) => {
    out(`\n${'-'.repeat(78)}\n${title[lang]}\n${'-'.repeat(78)}`);
    const person = loadPerson(personName);
    // The host's own reference to the person binds the pathway to them; never the national id.
    const subject = typeof person['id'] === 'string' ? person['id'] : `example/${personName}`;
    let pathway: Pathway | undefined;
    const rejections: SendEventError[] = [];
    return {
      start(asOf: string, role: PathwayRole, input: { channel: 'risk-screening' | 'staff' | 'self' | 'relative'; reason?: string }) {
        const r = startPathway(input, { asOf, role, subject });
        if (r._tag === 'Left') throw new Error(`start failed: ${JSON.stringify(r.left)}`);
        pathway = r.right;
        out(`  ${asOf} · START (${ROLE_LABELS[role][lang]}) → ${STATE_LABELS[pathway.state][lang]}`);
      },
      send(asOf: string, role: PathwayRole, event: PathwayEventInput): boolean {
        const r = sendEvent(pathway!, event, { asOf, role, subject, person, ruleSets, lang, revision: pathway!.revision });
        if (r._tag === 'Left') {
          rejections.push(r.left);
          const e = r.left;
          const msg = 'message' in e ? (e.message as Record<Lang, string>)[lang] : e.issues.map((i) => i.message).join('; ');
          out(`  ${asOf} · ${event.type} · ${H.rejected[lang]}: ${msg}`);
          if (e._tag === 'Rejected')
            for (const reason of e.reasons) out(`      – ${reason.kind === 'rule' ? `${reason.ruleId}: ` : ''}${reason.why[lang]}`);
          return false;
        }
        const from = pathway!.state;
        pathway = r.right;
        const last = pathway.history[pathway.history.length - 1]!;
        const rules = last.decisions.length > 0 ? `  [${last.decisions.map((d) => checkText(d, lang)).join(', ')}]` : '';
        out(`  ${asOf} · ${event.type} · ${STATE_LABELS[from][lang]} → ${STATE_LABELS[pathway.state][lang]}${rules}`);
        return true;
      },
      due(asOf: string) {
        const due = whatIsDue(pathway!, asOf, { lang });
        if (due._tag === 'Left') throw new Error(due.left.issues[0]!.message);
        const items = due.right;
        if (items.length === 0) out(`  ${asOf} · ${H.nothingDue[lang]}`);
        for (const i of items)
          out(
            `  ${asOf} · ${H.due[lang]}: ${i.text[lang]} (${H.dueOn[lang]} ${i.due}${i.overdue ? `, ${H.overdue[lang](i.daysOverdue)}` : ''})`,
          );
      },
      /** Stores and restores the pathway, as a host does between visits. */
      storeAndRestore() {
        const stored = JSON.stringify(persistPathway(pathway!));
        const r = restorePathway(stored, { subject });
        if (r._tag === 'Left') throw new Error(`restore failed: ${JSON.stringify(r.left)}`);
        pathway = r.right;
      },
      end() {
        out(`  ${H.history[lang]}:`);
        const lines = describeHistory(pathway!, lang);
        if (lines._tag === 'Left') throw new Error(`history: ${JSON.stringify(lines.left)}`);
        for (const l of lines.right) out(`    ${l}`);
        return { pathway: pathway!, rejections };
      },
    };
  };

  // Klara: candidate → plan active → evaluation.
  const k = story(
    {
      nb: 'KLARA (75): fra kandidat til aktiv plan og første evaluering',
      nn: 'KLARA (75): frå kandidat til aktiv plan og første evaluering',
      en: 'KLARA (75): from candidate to an active plan and the first evaluation',
    },
    'klara',
  );
  k.start('2026-10-26', 'risk-screening', {
    channel: 'risk-screening',
    reason: 'Flagget av risikokartleggingen etter tre akuttinnleggelser',
  });
  k.send('2026-11-02', 'gp', { type: 'REVIEW_RELEVANT', note: 'Innkalt til konsultasjon' });
  k.send('2026-11-02', 'gp', { type: 'ACCEPT_OFFER', unit: 'adults' });
  k.storeAndRestore();
  k.due('2026-11-20');
  k.send('2026-11-20', 'coordinating-unit', { type: 'START_ASSESSMENT' });
  k.send('2026-11-27', 'coordinating-unit', {
    type: 'COMPLETE_ASSESSMENT',
    whatMatters: [{ text: 'Å bo hjemme så lenge som mulig og komme meg ut på tur hver dag.', date: '2026-11-27' }],
    serviceNeeds: [
      { service: 'home-nursing', level: 'municipal', longTerm: true },
      { service: 'physiotherapy', level: 'municipal', longTerm: true },
      { service: 'gp', level: 'municipal', longTerm: true },
      { service: 'specialist', level: 'specialist', longTerm: true },
    ],
    baseline: {
      instrument: 'PSFS',
      date: '2026-11-27',
      direction: 'higher-is-better',
      activities: [
        { activity: 'Gå tur ute', score: 3 },
        { activity: 'Handle selv', score: 2 },
      ],
    },
    targetGroupConfirmed: true,
  });
  k.send('2026-11-30', 'coordinating-unit', { type: 'DECIDE_TEAM' });
  k.send('2026-11-30', 'coordinating-unit', {
    type: 'RECORD_CONSENT',
    consent: {
      scope: 'team',
      givenBy: 'person',
      date: '2026-11-30',
      services: ['gp', 'home-nursing', 'physiotherapy', 'specialist'],
      purpose: 'Samarbeid i oppfølgingsteam',
      informedWithdrawable: true,
    },
  });
  k.send('2026-11-30', 'coordinating-unit', { type: 'ESTABLISH_TEAM' });
  k.send('2026-12-01', 'coordinating-unit', {
    type: 'APPOINT_COORDINATOR',
    coordinator: {
      name: 'Kari Nordmann',
      service: 'home-nursing',
      kind: 'coordinator',
      appointedDate: '2026-12-01',
      recordedInJournal: true,
    },
  });
  for (const service of ['gp', 'home-nursing', 'physiotherapy'] as const)
    k.send('2026-12-01', 'coordinating-unit', { type: 'ADD_MEMBER', member: { service } });
  k.send('2026-12-01', 'coordinating-unit', { type: 'ESTABLISH_TEAM' });
  k.send('2026-12-08', 'coordinator', {
    type: 'ACTIVATE_PLAN',
    plan: {
      kind: 'follow-up-plan',
      goals: [{ id: 'g1', text: 'Gå tur ute tre ganger i uka', expressedBy: 'person', status: 'open' }],
      measures: [
        { id: 'm1', text: 'Fysioterapi i hjemmet to ganger i uka', goalId: 'g1', owner: 'physiotherapy' },
        { id: 'm2', text: 'Legemiddelgjennomgang', goalId: 'g1', owner: 'gp' },
      ],
      checkpoints: [{ date: '2027-03-01' }],
      participants: ['gp', 'home-nursing', 'physiotherapy'],
    },
  });
  k.storeAndRestore();
  k.due('2027-03-05');
  k.send('2027-03-05', 'coordinator', { type: 'START_EVALUATION' });
  k.send('2027-03-05', 'team', { type: 'CONTINUE', nextCheckpoint: '2027-06-01', goals: [{ id: 'g1', status: 'open' }] });
  k.due('2027-03-05');
  const klara = k.end();

  // Morten: declines, is not re-flagged by routine screening, comes back after a new emergency admission.
  const m = story(
    {
      nb: 'MORTEN (28): takker nei, og kommer tilbake etter en ny akuttinnleggelse',
      nn: 'MORTEN (28): takkar nei, og kjem tilbake etter ei ny akuttinnlegging',
      en: 'MORTEN (28): declines, and comes back after a new emergency admission',
    },
    'morten',
  );
  m.start('2026-05-20', 'staff', { channel: 'staff', reason: 'Akuttinnleggelse; NAV er involvert' });
  m.send('2026-05-25', 'gp', { type: 'REVIEW_RELEVANT' });
  m.send('2026-05-25', 'gp', { type: 'DECLINE_OFFER', reason: 'Ønsker ikke team nå' });
  m.send('2026-08-15', 'risk-screening', { type: 'FLAG', channel: 'risk-screening' });
  m.storeAndRestore();
  m.send('2026-11-03', 'staff', {
    type: 'FLAG',
    channel: 'staff',
    reason: 'Ny akuttinnleggelse',
    trigger: { kind: 'emergency-admission', date: '2026-11-01' },
  });
  m.send('2026-11-10', 'gp', { type: 'REVIEW_RELEVANT' });
  m.send('2026-11-10', 'gp', { type: 'ACCEPT_OFFER', unit: 'adults' });
  m.due('2026-11-30');
  const morten = m.end();

  // Kasper: school and PPT join only after explicit consent.
  const c = story(
    {
      nb: 'KASPER (6): skole og PP-tjenesten først etter uttrykkelig samtykke',
      nn: 'KASPER (6): skule og PP-tenesta først etter uttrykkeleg samtykke',
      en: 'KASPER (6): school and PPT only after explicit consent',
    },
    'kasper',
  );
  c.start('2026-09-10', 'staff', { channel: 'staff', reason: 'Helsestasjonen melder behov for samordning' });
  c.send('2026-09-15', 'gp', { type: 'REVIEW_RELEVANT' });
  c.send('2026-09-15', 'gp', { type: 'ACCEPT_OFFER', unit: 'children' });
  c.send('2026-09-22', 'coordinating-unit', { type: 'START_ASSESSMENT' });
  c.send('2026-10-01', 'coordinating-unit', {
    type: 'COMPLETE_ASSESSMENT',
    whatMatters: [{ text: 'At Kasper trives på skolen, og at foreldrene slipper å koordinere alt selv.', date: '2026-10-01' }],
    serviceNeeds: [
      { service: 'physiotherapy', level: 'municipal', longTerm: true },
      { service: 'specialist', level: 'specialist', longTerm: true },
      { service: 'school', level: 'municipal', longTerm: true },
      { service: 'ppt', level: 'municipal', longTerm: true },
    ],
    targetGroupConfirmed: true,
  });
  c.send('2026-10-05', 'coordinating-unit', { type: 'DECIDE_TEAM' });
  c.send('2026-10-05', 'coordinating-unit', {
    type: 'RECORD_CONSENT',
    consent: {
      scope: 'team',
      givenBy: 'parent',
      date: '2026-10-05',
      services: ['gp', 'physiotherapy', 'specialist', 'health-station'],
      childHeard: true,
      informedWithdrawable: true,
    },
  });
  c.send('2026-10-05', 'coordinating-unit', {
    type: 'APPOINT_COORDINATOR',
    coordinator: {
      name: 'Ola Hansen',
      service: 'health-station',
      kind: 'child-coordinator',
      appointedDate: '2026-10-05',
      recordedInJournal: true,
    },
  });
  for (const service of ['gp', 'physiotherapy', 'specialist'] as const)
    c.send('2026-10-05', 'coordinating-unit', { type: 'ADD_MEMBER', member: { service } });
  c.send('2026-10-05', 'coordinating-unit', { type: 'ADD_MEMBER', member: { service: 'school' } });
  c.send('2026-10-12', 'coordinating-unit', {
    type: 'RECORD_CONSENT',
    consent: {
      scope: 'information-sharing',
      givenBy: 'parent',
      date: '2026-10-12',
      services: ['school', 'ppt'],
      purpose: 'Samarbeid med skolen og PP-tjenesten i oppfølgingsteamet',
      childHeard: true,
      informedWithdrawable: true,
    },
  });
  c.send('2026-10-12', 'coordinating-unit', { type: 'ADD_MEMBER', member: { service: 'school' } });
  c.send('2026-10-12', 'coordinating-unit', { type: 'ADD_MEMBER', member: { service: 'ppt' } });
  c.send('2026-10-12', 'coordinating-unit', { type: 'ESTABLISH_TEAM' });
  c.send('2026-10-20', 'coordinator', {
    type: 'ACTIVATE_PLAN',
    plan: {
      kind: 'individual-plan',
      goals: [
        { id: 'g1', text: 'Kasper trives på skolen', expressedBy: 'relative', status: 'open' },
        { id: 'g2', text: 'Foreldrene avlastes i koordineringen', expressedBy: 'team', status: 'open' },
      ],
      measures: [{ id: 'm1', text: 'Tilrettelegging i klasserommet', goalId: 'g1', owner: 'school' }],
      checkpoints: [{ date: '2027-01-15' }],
    },
  });
  c.due('2026-11-23');
  const kasper = c.end();

  return {
    klara: klara.pathway,
    morten: morten.pathway,
    kasper: kasper.pathway,
    rejections: { klara: klara.rejections, morten: morten.rejections, kasper: kasper.rejections },
    lines,
  };
}
