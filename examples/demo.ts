/**
 * `npm run demo`: every bundled rule set on every example person, with the prompts, the data
 * needed and the "why" in Norwegian (bokmål). Pass `--lang nn` or `--lang en` for the other languages.
 */
import { bundledRuleSetIds, evaluate, explainRule, loadBundledRuleSet } from '../src/index.js';
import type { CompiledRuleSet, Lang } from '../src/index.js';
import { DEMO_AS_OF, loadExamplePersons } from './loadPersons.js';
import { runPathwayStories } from './pathwayStory.js';

const langArg = process.argv.indexOf('--lang');
const lang = (langArg > 0 ? process.argv[langArg + 1] : 'nb') as Lang;

const ruleSets: CompiledRuleSet[] = [];
for (const id of bundledRuleSetIds()) {
  const r = loadBundledRuleSet(id, { lang });
  if (r._tag === 'Left') {
    console.error(`Regelsettet ${id} er ugyldig:`, r.left.issues.map((i) => i.message).join('\n'));
    process.exit(1);
  }
  ruleSets.push(r.right);
}

const TIER = {
  nb: { low: 'lav', moderate: 'moderat', high: 'høy' },
  nn: { low: 'låg', moderate: 'moderat', high: 'høg' },
  en: { low: 'low', moderate: 'moderate', high: 'high' },
}[lang];
const W = {
  nb: {
    dataNeeded: (n: number) => `${n} regler er ukjente fordi det mangler data om`,
    score: 'Risikoskår',
    points: 'poeng',
    from: 'høy fra',
    upTo: 'opptil',
    missing: 'med manglende data',
    why: 'Hvorfor',
    source: 'Kilde',
  },
  nn: {
    dataNeeded: (n: number) => `${n} reglar er ukjende fordi det manglar data om`,
    score: 'Risikoskår',
    points: 'poeng',
    from: 'høg frå',
    upTo: 'opptil',
    missing: 'med manglande data',
    why: 'Kvifor',
    source: 'Kjelde',
  },
  en: {
    dataNeeded: (n: number) => `${n} rules are unknown for lack of data on`,
    score: 'Risk score',
    points: 'points',
    from: 'high from',
    upTo: 'up to',
    missing: 'with missing data',
    why: 'Why',
    source: 'Source',
  },
}[lang];
const H = { nb: 'Vurdering per', nn: 'Vurdering per', en: 'Assessment as of' }[lang];
for (const { name, person } of loadExamplePersons()) {
  console.log(`\n${'='.repeat(78)}\n${name.toUpperCase()}  (${H} ${DEMO_AS_OF})\n${'='.repeat(78)}`);
  for (const rs of ruleSets) {
    const r = evaluate(rs, person, { asOf: DEMO_AS_OF, lang });
    if (r._tag === 'Left') {
      console.log(`  ${rs.id}: ${r.left.issues.map((i) => i.message).join('; ')}`);
      continue;
    }
    const d = r.right;
    if (d.prompts.length === 0 && d.dataNeeded.length === 0 && !d.score) continue;
    console.log(`\n  [${rs.file.title[lang]} · ${rs.id} ${rs.version}]`);
    if (d.score) {
      const s = d.score;
      console.log(
        `  ${W.score}: ${s.points} ${W.points} (${TIER[s.tier]}; ${W.from} ${s.highCutOff})${s.maxPoints > s.points ? `, ${W.upTo} ${s.maxPoints} ${W.missing}` : ''}`,
      );
      for (const reason of s.reasons) console.log(`    + ${reason.text}`);
    }
    for (const p of d.prompts) {
      const trace = d.trace?.find((t) => t.ruleId === p.ruleId);
      console.log(`  ${p.severity === 'info' ? '·' : p.severity === 'warning' ? '!' : '‼'} ${p.title} (${p.ruleId}, ${p.evidence})`);
      console.log(`      ${p.text}`);
      if (trace) console.log(`      ${W.why}: ${explainRule(trace, { lang, ruleSet: rs }).summary}`);
      console.log(`      ${W.source}: ${p.source.document}, ${p.source.section}`);
    }
    // Data needed: one line per rule set, naming the missing facts once, so the prompts stay readable.
    if (d.dataNeeded.length > 0) {
      const labels = [...new Set(d.dataNeeded.flatMap((n) => n.missing.map((m) => m.label)))];
      console.log(`  ? ${W.dataNeeded(d.dataNeeded.length)}: ${labels.join(', ')}.`);
    }
  }
}

runPathwayStories({ lang });
