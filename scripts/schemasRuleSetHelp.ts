/*
 * What each field of a rule-set file means, in short bokmål, for the editor's hover text. Kept here
 * rather than as zod descriptions: zod keeps those in a registry that every browser bundle would
 * carry, and only the editor needs them.
 *
 * Keys are paths of property names: `*` for a named entry (a parameter, a named condition), `[]` for
 * an array's items. A property takes the longest key that ends its path, so `rules[].evidence` wins
 * over a plain `evidence`, and the generic keys (`nb`, `all`, `document`…) serve every place they occur.
 */
export const RULE_SET_DESCRIPTIONS: Readonly<Record<string, string>> = {
  $schema: 'Adressen til dette skjemaet, så editoren kan fullføre og forklare feltene.',
  id: 'Regelsettets id: små bokstaver, tall og bindestrek (f.eks. «identification»). Flere versjoner kan dele id.',
  version: 'Versjonsnummer (f.eks. 1.2.0). Øk det ved hver endring.',
  validFrom: 'Første dag denne versjonen gjelder (ÅÅÅÅ-MM-DD).',
  validTo: 'Siste dag denne versjonen gjelder, dagen medregnet (ÅÅÅÅ-MM-DD). Utelates når den ikke har sluttdato. Ikke før validFrom.',
  approvedBy: 'Hvem som godkjente denne versjonen: navn, rolle eller organ.',
  approvedOn: 'Dagen versjonen ble godkjent (ÅÅÅÅ-MM-DD).',
  changeNote: 'Hva som er endret i denne versjonen, og hvorfor (nb, nn, en). Vises i endringsloggen.',
  title: 'Regelsettets tittel på bokmål, nynorsk og engelsk.',
  description: 'Hva regelsettet gjør (nb, nn, en).',
  parameters:
    'Verdier som kan justeres lokalt (terskler, alder, frister). Regler viser til dem med { "param": "navn" }, tekster med {navn}.',
  'parameters.*.value': 'Verdien som gjelder: tall, tekst, ja/nei (true/false) eller en liste.',
  'parameters.*.description': 'Hva parameteren styrer (nb, nn, en).',
  'parameters.*.evidence': '«found»: verdien står i kilden. «inferred»: den er utledet eller et lokalt valg.',
  'parameters.*.source': 'Kilden verdien bygger på: dokument, avsnitt og lenke.',
  'parameters.*.rationale': 'Hvorfor verdien er valgt (nb, nn, en). Vises i katalogen.',
  'parameters.*.sourceValue': 'Verdien kilden oppgir (ved evidence «found»). Avviker value fra den, må changeNote si hvorfor.',
  'parameters.*.changeNote': 'Hvorfor value avviker fra sourceValue: den lokale beslutningen (nb, nn, en). Vises ved verdien i katalogen.',
  conditions: 'Navngitte betingelser som regler kan vise til med { "condition": "navn" }.',
  scoring: 'Poengberegning: regler med event.type «score» gir event.params.points; nivået følger av høyeste grense som nås.',
  'scoring.tiers': 'Nivågrensene: low, moderate og high.',
  'scoring.description': 'Hva poengsummen uttrykker (nb, nn, en).',
  tier: 'Nivået grensen gjelder: low (lav), moderate (moderat) eller high (høy).',
  minPoints: 'Minste poengsum for nivået: et tall eller { "param": "navn" }.',
  rules: 'Reglene i regelsettet.',
  'rules[].id': 'Regelens id: store bokstaver, tall og bindestrek (f.eks. «ID-01»). Unik i regelsettet.',
  'rules[].title': 'Kort tittel på regelen (nb, nn, en). Kan nevne parametre som {navn}.',
  'rules[].text': 'Teksten klinikeren ser når regelen slår til (nb, nn, en). Kan nevne parametre som {navn}.',
  'rules[].source':
    'Kilden regelen bygger på, på sin kanoniske adresse (lovdata.no, helsedirektoratet.no eller den publiserte veilederen).',
  'rules[].evidence': '«found»: regelen står i kilden. «inferred»: den er utledet av kilden; begrunn det i rationale.',
  'rules[].severity': 'Hvor tydelig meldingen vises: info, warning eller critical (indikatoren på CDS Hooks-kortet).',
  'rules[].conditions': 'Når regelen slår til: all, any, not eller { "condition": "navn" } øverst.',
  'rules[].event': 'Det regelen gir når den slår til.',
  'rules[].rationale': 'Hvorfor regelen er slik (nb, nn, en), særlig når evidence er «inferred». Vises i katalogen.',
  'event.type': 'Hva slags utfall: f.eks. «prompt» (en melding), «score» (poeng) eller «finding» (et funn).',
  'event.params': 'Data til utfallet, f.eks. points for «score».',
  priority: 'Rekkefølge ved evaluering (høyere først). Sjelden nødvendig.',
  document: 'Dokumentets navn.',
  section: 'Avsnitt eller kapittel i dokumentet.',
  url: 'Lenke til kilden (https:).',
  note: 'Merknad om kilden.',
  nb: 'Bokmål.',
  nn: 'Nynorsk.',
  en: 'Engelsk.',
  all: 'Alle betingelsene i listen må være oppfylt.',
  any: 'Minst én av betingelsene i listen må være oppfylt.',
  not: 'Betingelsen må ikke være oppfylt.',
  condition: 'Navnet på en navngitt betingelse i conditions.',
  name: 'Et navn på betingelsen, vist i forklaringer.',
  fact: 'Faktumet betingelsen leser (se «oppfolgingsteam docs» for alle).',
  operator: 'Sammenligningen.',
  value:
    'Det faktumet sammenlignes med: en verdi, { "param": "navn" }, { "fact": "navn" } eller, for inCodeList og notInCodeList, id-en til en kodeliste.',
  path: 'Sti inn i faktumets verdi (json-rules-engine, f.eks. «$.count»).',
  params: 'Parametre til faktumet, f.eks. { "months": 12 } (se «oppfolgingsteam docs» for hva hvert faktum tar).',
  param: 'Navnet på en parameter i dette regelsettet (under parameters).',
};

/** What each value of the fixed lists means, shown beside it when the editor completes. */
export const ENUM_DESCRIPTIONS: Readonly<Record<string, string>> = {
  found: 'Står i kilden.',
  inferred: 'Utledet av kilden eller et lokalt valg; begrunn det i rationale.',
  info: 'Informasjon (kortets indikator «info»).',
  warning: 'Advarsel (kortets indikator «warning»).',
  critical: 'Kritisk (kortets indikator «critical»).',
  low: 'Lav.',
  moderate: 'Moderat.',
  high: 'Høy.',
};

/** The description for a property at this path: the longest key that ends it. */
export function describeRuleSetPath(path: readonly string[]): string | undefined {
  for (let i = 0; i < path.length; i++) {
    const key = path.slice(i).join('.').replaceAll('.[]', '[]');
    const d = RULE_SET_DESCRIPTIONS[key];
    if (d !== undefined) return d;
  }
  return undefined;
}
