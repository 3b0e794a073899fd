/**
 * A Node EPJ backend calling the library in-process, as a CDS Hooks `patient-view` service would:
 *
 *   FHIR record → CDS Hooks request (context + prefetch) → person → decision per rule set → cards
 *   → (the GP accepts a suggestion) → feedback record + FHIR resources to create.
 *
 * Run: npx tsx examples/node-epj/index.ts [klara|morten|kasper|nora ...] [--lang nb|nn|en] [--json]
 * In your own code, import from 'oppfolgingsteam', 'oppfolgingsteam/cds-hooks' and 'oppfolgingsteam/fhir'
 * instead of the source files below.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundledRuleSetIds, evaluateParsed, loadBundledRuleSet } from '../../src/index.js';
import {
  cardOptionsFromRequest,
  cdsResponse,
  ingestFeedback,
  nameBasedUuid,
  parseCdsHooksRequest,
  resourcesToCreate,
  toCards,
} from '../../src/adapters/cdsHooks/index.js';
import { personFromPrefetch, toRiskAssessment } from '../../src/adapters/fhir/index.js';
import type { CdsCard } from '../../src/adapters/cdsHooks/index.js';
import type { CompiledRuleSet, Lang } from '../../src/index.js';
import { patientViewRequest } from './ehr.js';

const args = process.argv.slice(2);
const langAt = args.indexOf('--lang');
const lang = (langAt >= 0 ? args[langAt + 1] : 'nb') as Lang;
const asJson = args.includes('--json');
const dir = fileURLToPath(new URL('../fhir/', import.meta.url));
const names = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--lang');
const files =
  names.length > 0
    ? names.map((n) => `${n}.json`)
    : readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort();

// A real EPJ passes today's date; the example is fixed so its output never changes.
const AS_OF = '2026-11-23';
const H = {
  nb: {
    notUsed: 'Ikke brukt fra journalen',
    cards: 'Kort',
    suggestions: 'Forslag',
    recommended: 'anbefalt',
    accepted: 'Godtatt',
    creates: 'oppretter',
    stored: 'Lagret tilbakemelding',
    risk: 'RiskAssessment',
  },
  nn: {
    notUsed: 'Ikkje brukt frå journalen',
    cards: 'Kort',
    suggestions: 'Forslag',
    recommended: 'tilrådd',
    accepted: 'Godteke',
    creates: 'opprettar',
    stored: 'Lagra tilbakemelding',
    risk: 'RiskAssessment',
  },
  en: {
    notUsed: 'Not used from the record',
    cards: 'Cards',
    suggestions: 'Suggestions',
    recommended: 'recommended',
    accepted: 'Accepted',
    creates: 'creates',
    stored: 'Stored feedback',
    risk: 'RiskAssessment',
  },
}[lang];

const ruleSets: CompiledRuleSet[] = [];
for (const id of bundledRuleSetIds()) {
  const r = loadBundledRuleSet(id, { lang });
  if (r._tag === 'Left') throw new Error(`rule set ${id}: ${r.left.issues.map((i) => i.message).join('; ')}`);
  ruleSets.push(r.right);
}

for (const file of files) {
  const record = JSON.parse(readFileSync(dir + file, 'utf8'));
  const name = file.replace(/\.json$/, '');
  // 1. The EPJ calls the hook. 2. The service validates the request.
  const requestJson = patientViewRequest(record, nameBasedUuid(['example-hook', name]), `Practitioner/gp-${name}`);
  const request = parseCdsHooksRequest(requestJson, lang);
  if (request._tag === 'Left') {
    console.error(request.left.issues.map((i) => i.message).join('\n'));
    process.exitCode = 1;
    continue;
  }
  // 3. The prefetch becomes the person model; what is not used is reported, never dropped.
  const read = personFromPrefetch(request.right.prefetch, { lang, patientId: request.right.context.patientId });
  if (read._tag === 'Left') {
    console.error(read.left.issues.map((i) => i.message).join('\n'));
    process.exitCode = 1;
    continue;
  }
  // 4. Every rule set gives cards; one response carries them all.
  const cards: CdsCard[] = [];
  const riskAssessments: unknown[] = [];
  for (const rs of ruleSets) {
    const decision = evaluateParsed(rs, read.right.person, { asOf: AS_OF, lang });
    const made = toCards(decision, rs, { ...cardOptionsFromRequest(request.right), lang });
    // A Left here is the host's own slip (a decision paired with another rule set), never the patient's data.
    if (made._tag === 'Left') throw new Error(made.left.issues.map((i) => i.message).join('\n'));
    cards.push(...made.right);
    const ra = toRiskAssessment(decision, rs, { patient: `Patient/${request.right.context.patientId}`, lang, basis: read.right.basis });
    if (ra._tag === 'Left') throw new Error(ra.left.issues.map((i) => i.message).join('\n'));
    if (ra.right) riskAssessments.push(ra.right);
  }
  const response = cdsResponse(cards, { lang });
  if (response._tag === 'Left') throw new Error(response.left.issues.map((i) => i.message).join('\n'));
  if (asJson) {
    console.log(JSON.stringify(response.right, null, 2));
    continue;
  }

  console.log(`\n${'='.repeat(78)}\n${name.toUpperCase()}  (${file}, patient-view ${request.right.hookInstance})\n${'='.repeat(78)}`);
  console.log(`${H.notUsed}: ${read.right.notUnderstood.length}`);
  for (const i of read.right.notUnderstood) console.log(`  - ${i.message}`);
  console.log(`\n${H.cards}: ${response.right.cards.length}`);
  for (const c of response.right.cards) {
    console.log(`\n  [${c.indicator.toUpperCase()}] ${c.summary}`);
    console.log(`  ${c.source.label}${c.source.url ? ` <${c.source.url}>` : ''}`);
    for (const line of (c.detail ?? '').split('\n')) if (line.trim() !== '') console.log(`    ${line}`);
    for (const s of c.suggestions ?? []) console.log(`    > ${s.label}${s.isRecommended ? ` (${H.recommended})` : ''}`);
  }
  for (const ra of riskAssessments as { status: string; prediction: { qualitativeRisk: { text?: string } }[] }[])
    console.log(`\n${H.risk}: ${ra.status}, ${ra.prediction[0]!.qualitativeRisk.text}`);

  // 5. The GP accepts the recommended suggestion on the first card that has one; the EPJ posts feedback.
  const card = response.right.cards.find((c) => c.suggestions?.some((s) => s.isRecommended));
  const suggestion = card?.suggestions?.find((s) => s.isRecommended);
  if (card && suggestion) {
    const feedback = {
      feedback: [
        { card: card.uuid, outcome: 'accepted', acceptedSuggestions: [{ id: suggestion.uuid }], outcomeTimestamp: `${AS_OF}T10:15:00Z` },
      ],
    };
    const stored = ingestFeedback(feedback, response.right.cards, lang);
    if (stored._tag === 'Left') throw new Error(stored.left.issues.map((i) => i.message).join('\n'));
    const created = resourcesToCreate(card, [suggestion.uuid!]);
    console.log(`\n${H.accepted}: «${suggestion.label}» ${H.creates} ${created.map((r) => r['resourceType']).join(', ')}`);
    console.log(`${H.stored}: ${JSON.stringify(stored.right[0])}`);
  }
}
