import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinFacts, OPERATORS } from '../../src/policy/index.js';
import { CDS_TEXTS } from '../../src/adapters/cdsHooks/texts.js';
import { CODE_DISPLAYS } from '../../src/adapters/fhir/index.js';
import { FHIR_TEXTS } from '../../src/adapters/fhir/out/texts.js';
import { issueCodes } from '../../src/model/issues.js';
import { bokmalInNynorsk } from '../../src/policy/nynorsk.js';
import { Lang, localizeIssue } from '../../src/index.js';
import { OVERRIDE_REASONS } from '../../src/adapters/cdsHooks/index.js';
import { ADAPTER_ISSUE_MESSAGES, readJson, ROOT } from '../support/helpers.js';

/*
 * Every prompt, reason and error message exists in bokmål, nynorsk and English. This test fails when
 * a text is missing in any language in any rule set or code list under rules/, in any issue message,
 * in the card and FHIR texts, override reasons, code displays, fact labels or operator labels; when the
 * languages of one text use different placeholders; or when a nynorsk text uses a word that only
 * exists in bokmål (nynorsk is its own written language, see shared/glossary.md).
 */

const LANGS = Lang.options;
/** English with a number and the wrong form of the noun ("1 points"). */
const ONE_PLURAL = /(?<![\d.,])1 (points|days|visits|admissions|medicines)(?![\p{L}])/u;

interface Problem {
  readonly where: string;
  readonly problem: string;
}

/** Finds every localized text (an object with an nb, nn or en key) in a JSON value and checks it. */
export function checkTexts(value: unknown, where: string, out: Problem[] = []): Problem[] {
  if (Array.isArray(value)) value.forEach((v, i) => checkTexts(v, `${where}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (LANGS.some((l) => l in o)) {
      for (const l of LANGS) {
        const t = o[l];
        if (typeof t !== 'string' || t.trim() === '') out.push({ where, problem: `missing ${l}` });
      }
      const ph = LANGS.map((l) =>
        typeof o[l] === 'string'
          ? [...(o[l] as string).matchAll(/\{([a-zA-Z]+)\}/g)]
              .map((m) => m[1])
              .sort()
              .join(',')
          : '',
      );
      if (new Set(ph).size > 1) out.push({ where, problem: `placeholders differ: ${ph.join(' | ')}` });
      // The same check `oppfolgingsteam validate` warns with.
      const nn = o['nn'];
      const bokmal = typeof nn === 'string' ? bokmalInNynorsk(nn) : undefined;
      if (bokmal !== undefined) out.push({ where, problem: `bokmål in nynorsk: "${bokmal}"` });
      const en = o['en'];
      if (typeof en === 'string' && ONE_PLURAL.test(en))
        out.push({ where, problem: `plural after 1 in English: "${ONE_PLURAL.exec(en)![0]}"` });
    } else for (const [k, v] of Object.entries(o)) checkTexts(v, `${where}.${k}`, out);
  }
  return out;
}

describe('texts in bokmål, nynorsk and English', () => {
  it('the check itself finds a missing language, differing placeholders and a bokmål word in nynorsk', () => {
    expect(checkTexts({ a: { nb: 'x', en: 'x' } }, 'demo')).toEqual([{ where: 'demo.a', problem: 'missing nn' }]);
    expect(checkTexts([{ nb: '{n} poeng', nn: 'poeng', en: '{n} points' }], 'demo').map((p) => p.problem)).toEqual([
      'placeholders differ: n |  | n',
    ]);
    expect(checkTexts({ nb: 'ikke', nn: 'ikke', en: 'not' }, 'demo').map((p) => p.problem)).toEqual(['bokmål in nynorsk: "ikke"']);
    expect(checkTexts({ nb: 'ikke', nn: 'ikkje', en: 'not' }, 'demo')).toEqual([]);
    expect(checkTexts({ nb: 'Personen bruker', nn: 'Personen bruker', en: 'uses' }, 'demo').map((p) => p.problem)).toEqual([
      'bokmål in nynorsk: "bruker"',
    ]);
    expect(checkTexts({ nb: 'Alder under hvilken', nn: 'Alder under kva', en: 'Age below which' }, 'demo').map((p) => p.problem)).toEqual([
      'bokmål in nynorsk: "under kva"',
    ]);
    expect(checkTexts({ nb: '1 poeng', nn: '1 poeng', en: '1 points' }, 'demo').map((p) => p.problem)).toEqual([
      'plural after 1 in English: "1 points"',
    ]);
    expect(checkTexts({ nb: '1 poeng', nn: '1 poeng', en: '1 point, 11 points' }, 'demo')).toEqual([]);
  });

  const files = [
    ...readdirSync(ROOT + 'rules')
      .filter((f) => f.endsWith('.json'))
      .map((f) => `rules/${f}`),
    ...readdirSync(ROOT + 'rules/code-lists')
      .filter((f) => f.endsWith('.json'))
      .map((f) => `rules/code-lists/${f}`),
  ];
  for (const file of files) {
    it(`${file}: every text in all three languages`, () => {
      expect(checkTexts(readJson(file), file)).toEqual([]);
    });
  }

  it('card texts, override reasons, FHIR texts and code displays', () => {
    expect(checkTexts(CDS_TEXTS, 'CDS_TEXTS')).toEqual([]);
    expect(checkTexts(OVERRIDE_REASONS, 'OVERRIDE_REASONS')).toEqual([]);
    expect(checkTexts(FHIR_TEXTS, 'FHIR_TEXTS')).toEqual([]);
    expect(checkTexts(CODE_DISPLAYS, 'CODE_DISPLAYS')).toEqual([]);
    expect(Object.keys(OVERRIDE_REASONS).length).toBeGreaterThanOrEqual(5);
  });

  it('fact labels and descriptions, operator labels', () => {
    const problems: Problem[] = [];
    for (const [name, def] of builtinFacts()) checkTexts({ label: def.label, description: def.description }, `fact ${name}`, problems);
    for (const [name, op] of OPERATORS) checkTexts(op.label, `operator ${name}`, problems);
    expect(problems).toEqual([]);
  });

  it('every issue message of the core and the adapters, in every language, names the path and nothing is left unfilled', () => {
    const detail = {
      expected: 'x',
      allowed: ['"a"'],
      maximum: '9',
      minimum: '1',
      format: 'f',
      name: 'n',
      lang: 'nn',
      operator: 'equal',
      type: 'number',
      asOf: '2026-01-01',
      from: '2026-01-01',
      to: '2026-12-31',
      reason: 'r',
      line: 1,
      column: 2,
      resourceType: 'Procedure',
      url: 'http://example.org/x',
      status: 'cancelled',
      count: 2,
      invariant: 'cds-resp-1',
    };
    const problems: Problem[] = [];
    const codes: string[] = [...issueCodes(), ...Object.keys(ADAPTER_ISSUE_MESSAGES.nb)];
    expect(codes).toContain('fhir_page');
    expect(codes).toContain('cds_invariant');
    for (const code of codes) {
      const text: Record<string, string> = {};
      for (const lang of LANGS)
        text[lang] = localizeIssue({ code, path: 'a.b', segments: ['a', 'b'], message: '', detail }, lang, ADAPTER_ISSUE_MESSAGES).message;
      checkTexts(text, `issue ${code}`, problems);
      for (const lang of LANGS) {
        if (/undefined|\[object/.test(text[lang]!)) problems.push({ where: `issue ${code}`, problem: `unfilled in ${lang}` });
        // These are about a whole input or file (located by file and line), not a field.
        if (
          ![
            'fhir_patient',
            'json_syntax',
            'line_too_long',
            'yaml_syntax',
            'rule_not_fired',
            'no_vectors',
            'not_valid_now',
            'too_many_issues',
          ].includes(code) &&
          !text[lang]!.includes('a.b')
        )
          problems.push({ where: `issue ${code}`, problem: `no path in ${lang}` });
      }
      if (text['nb'] === text['en']) problems.push({ where: `issue ${code}`, problem: 'English is the same as bokmål' });
    }
    expect(problems).toEqual([]);
  });
});
