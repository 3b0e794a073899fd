import type { Lang } from '../model/lang.js';

/** Help texts per command, in the three languages. `main` is the overview. */
export const HELP: Record<Lang, Record<string, string>> = {
  nb: {
    main: `oppfolgingsteam – verktøy for regelfilene til oppfølgingsteam

Bruk: oppfolgingsteam <kommando> [valg]

Kommandoer:
  validate <mappe|fil>        kontroller regelsett, kodelister og testvektorer
  test <mappe|fil>            kjør testvektorene og vis betingelsesdekning
  explain <fil>               vis beslutningen for en person, og hvorfor
  docs <mappe> --out <mappe>  lag regelkatalog (Markdown og HTML, bokmål og nynorsk)
  diff <gammel> <ny>          vis hva som er endret, og hvem endringen rammer
  stratify [fil.ndjson]       ranger en populasjon til en arbeidsliste (risikokartlegging)

Felles valg:
  --lang nb|nn|en             språk for meldingene (standard: nb)
  --help                      vis hjelp for en kommando
  --version                   vis versjonen

Avslutningskode: 0 alt i orden, 1 feil eller feilede tester funnet, 2 feil bruk eller uleselig inndata.`,
    validate: `Bruk: oppfolgingsteam validate <mappe|fil> [--lang nb|nn|en] [--json]

Kontrollerer regelsett, kodelister og testvektorer: skjema, ukjente fakta, operatorer,
kodelister, parametre og betingelser, like id-er, manglende tekster (nb, nn, en), og regler
som ingen testvektor forventer utløst. Hver feil vises som fil:linje:kolonne med regelens id og
feltet; --json gir også JSON-stien. En nynorsk tekst som ser ut som bokmål, gir en advarsel
som ikke teller som feil.

  --json   skriv funnene som JSON`,
    test: `Bruk: oppfolgingsteam test <mappe|fil> [--lang nb|nn|en]

Kjører testvektorene (<id>.test.json, .yaml eller .yml ved siden av regelsettet). En feilet
vektor vises med forventet og faktisk resultat og hvorfor. Til slutt vises betingelser som
aldri ble sanne, usanne eller ukjente i noen vektor.`,
    explain: `Bruk: oppfolgingsteam explain <fil> [--as-of ÅÅÅÅ-MM-DD] [--lang nb|nn|en] [--json] [--all] [--rules <mappe>]

Vurderer en person (JSON i bibliotekets personmodell) mot alle regelsettene og forklarer
beslutningen.

  --as-of   datoen vurderingen gjelder (standard: i dag)
  --json    skriv beslutningene som JSON
  --all     vis også hvorfor regler ikke ble utløst
  --rules   bruk regelsettene i denne mappen i stedet for de innebygde`,
    docs: `Bruk: oppfolgingsteam docs <mappe> --out <mappe> [--as-of ÅÅÅÅ-MM-DD] [--lang nb|nn|en]

Lager regelkatalogen: regelkatalog.nb.md, regelkatalog.nn.md og regelkatalog.html (én
selvstendig side på bokmål og nynorsk uten eksterne forespørsler). Ved feil skrives ingenting.
Har mappen flere versjoner av et regelsett, beskrives den som gjelder på --as-of, med
godkjenning og endringslogg.

  --as-of   datoen versjonen skal gjelde på (standard: i dag)`,
    diff: `Bruk: oppfolgingsteam diff <gammel> <ny> [--cohort FIL | --synthetic N] [--seed N] [--as-of ÅÅÅÅ-MM-DD] [--examples N] [--lang nb|nn|en] [--json]
       oppfolgingsteam diff <mappe> --id ID --from VERSJON|DATO --to VERSJON|DATO [valg som over]

Viser regler som er lagt til, fjernet og endret mellom to versjoner (mapper eller filer), og
virkningen: hvilke personers beslutninger som endres, per regel og med eksempler. Med --id
sammenlignes to versjoner av ett regelsett i samme mappe; en dato velger versjonen som gjelder
den dagen, og virkningen vises den dagen den nye versjonen begynner å gjelde.

  --cohort     personer, én JSON-person per linje (NDJSON)
  --synthetic  antall personer i en syntetisk kohort
  --seed       frø for den syntetiske kohorten (standard: 1)
  --as-of      datoen beslutningene gjelder (standard: i dag)
  --examples   antall eksempler per regel (standard: 5)
  --json       skriv endringene og virkningen som JSON`,
  },
  nn: {
    main: `oppfolgingsteam – verktøy for regelfilene til oppfølgingsteam

Bruk: oppfolgingsteam <kommando> [val]

Kommandoar:
  validate <mappe|fil>        kontroller regelsett, kodelister og testvektorar
  test <mappe|fil>            køyr testvektorane og vis vilkårsdekning
  explain <fil>               vis avgjerda for ein person, og kvifor
  docs <mappe> --out <mappe>  lag regelkatalog (Markdown og HTML, bokmål og nynorsk)
  diff <gammal> <ny>          vis kva som er endra, og kven endringa råkar
  stratify [fil.ndjson]       ranger ein populasjon til ei arbeidsliste (risikokartlegging)

Felles val:
  --lang nb|nn|en             språk for meldingane (standard: nb)
  --help                      vis hjelp for ein kommando
  --version                   vis versjonen

Avslutningskode: 0 alt i orden, 1 feil eller feila testar funne, 2 feil bruk eller uleseleg inndata.`,
    validate: `Bruk: oppfolgingsteam validate <mappe|fil> [--lang nb|nn|en] [--json]

Kontrollerer regelsett, kodelister og testvektorar: skjema, ukjende fakta, operatorar,
kodelister, parametrar og vilkår, like id-ar, manglande tekstar (nb, nn, en), og reglar
som ingen testvektor ventar utløyste. Kvar feil blir vist som fil:linje:kolonne med id-en til
regelen og feltet; --json gir òg JSON-stien. Ein nynorsk tekst som ser ut som bokmål, gir ei
åtvaring som ikkje tel som feil.

  --json   skriv funna som JSON`,
    test: `Bruk: oppfolgingsteam test <mappe|fil> [--lang nb|nn|en]

Køyrer testvektorane (<id>.test.json, .yaml eller .yml ved sida av regelsettet). Ein feila
vektor blir vist med venta og faktisk resultat og kvifor. Til slutt blir vilkår som aldri
vart sanne, usanne eller ukjende i nokon vektor viste.`,
    explain: `Bruk: oppfolgingsteam explain <fil> [--as-of ÅÅÅÅ-MM-DD] [--lang nb|nn|en] [--json] [--all] [--rules <mappe>]

Vurderer ein person (JSON i personmodellen til biblioteket) mot alle regelsetta og forklarer
avgjerda.

  --as-of   datoen vurderinga gjeld (standard: i dag)
  --json    skriv avgjerdene som JSON
  --all     vis også kvifor reglar ikkje vart utløyste
  --rules   bruk regelsetta i denne mappa i staden for dei innebygde`,
    docs: `Bruk: oppfolgingsteam docs <mappe> --out <mappe> [--as-of ÅÅÅÅ-MM-DD] [--lang nb|nn|en]

Lagar regelkatalogen: regelkatalog.nb.md, regelkatalog.nn.md og regelkatalog.html (éi
sjølvstendig side på bokmål og nynorsk utan eksterne førespurnader). Ved feil blir ingenting skrive.
Har mappa fleire versjonar av eit regelsett, blir den som gjeld på --as-of skildra, med
godkjenning og endringslogg.

  --as-of   datoen versjonen skal gjelde på (standard: i dag)`,
    diff: `Bruk: oppfolgingsteam diff <gammal> <ny> [--cohort FIL | --synthetic N] [--seed N] [--as-of ÅÅÅÅ-MM-DD] [--examples N] [--lang nb|nn|en] [--json]
       oppfolgingsteam diff <mappe> --id ID --from VERSJON|DATO --to VERSJON|DATO [val som over]

Viser reglar som er lagde til, fjerna og endra mellom to versjonar (mapper eller filer), og
verknaden: kva personar som får endra avgjerd, per regel og med døme. Med --id blir to
versjonar av eitt regelsett i same mappe samanlikna; ein dato vel versjonen som gjeld den dagen,
og verknaden blir vist den dagen den nye versjonen byrjar å gjelde.

  --cohort     personar, éin JSON-person per linje (NDJSON)
  --synthetic  talet på personar i ein syntetisk kohort
  --seed       frø for den syntetiske kohorten (standard: 1)
  --as-of      datoen avgjerdene gjeld (standard: i dag)
  --examples   talet på døme per regel (standard: 5)
  --json       skriv endringane og verknaden som JSON`,
  },
  en: {
    main: `oppfolgingsteam – tools for the follow-up team rule files

Usage: oppfolgingsteam <command> [options]

Commands:
  validate <dir|file>         check rule sets, code lists and test vectors
  test <dir|file>             run the test vectors and report condition coverage
  explain <file>              show the decision for a person, and why
  docs <dir> --out <dir>      write the rule catalogue (Markdown and HTML, bokmål and nynorsk)
  diff <old> <new>            show what changed, and whom the change affects
  stratify [file.ndjson]      rank a population into a worklist (risk screening)

Common options:
  --lang nb|nn|en             language of the messages (default: nb)
  --help                      show help for a command
  --version                   show the version

Exit code: 0 all well, 1 errors or failed tests found, 2 usage error or unreadable input.`,
    validate: `Usage: oppfolgingsteam validate <dir|file> [--lang nb|nn|en] [--json]

Checks rule sets, code lists and test vectors: schema, unknown facts, operators, code lists,
parameters and conditions, duplicate ids, missing texts (nb, nn, en), and rules that no test
vector expects to fire. Each error is shown as file:line:column with the rule's id and the
field; --json adds the JSON path. A nynorsk text that looks like bokmål gets a warning, which
does not count as an error.

  --json   print the findings as JSON`,
    test: `Usage: oppfolgingsteam test <dir|file> [--lang nb|nn|en]

Runs the test vectors (<id>.test.json, .yaml or .yml next to the rule set). A failed vector is
shown with its expected and actual result and why. Ends with the conditions never seen true,
false or unknown in any vector.`,
    explain: `Usage: oppfolgingsteam explain <file> [--as-of YYYY-MM-DD] [--lang nb|nn|en] [--json] [--all] [--rules <dir>]

Assesses a person (JSON in the library's person model) against every rule set and explains
the decision.

  --as-of   the date of the assessment (default: today)
  --json    print the decisions as JSON
  --all     also show why rules did not fire
  --rules   use the rule sets in this folder instead of the bundled ones`,
    docs: `Usage: oppfolgingsteam docs <dir> --out <dir> [--as-of YYYY-MM-DD] [--lang nb|nn|en]

Writes the rule catalogue: regelkatalog.nb.md, regelkatalog.nn.md and regelkatalog.html (one
self-contained page in bokmål and nynorsk, with no external requests). On error nothing is written.
When the folder holds several versions of a rule set, the one in force on --as-of is described,
with its sign-off and a change log.

  --as-of   the date the version is to be in force on (default: today)`,
    diff: `Usage: oppfolgingsteam diff <old> <new> [--cohort FILE | --synthetic N] [--seed N] [--as-of YYYY-MM-DD] [--examples N] [--lang nb|nn|en] [--json]
       oppfolgingsteam diff <dir> --id ID --from VERSION|DATE --to VERSION|DATE [options as above]

Shows rules added, removed and changed between two versions (folders or files), and the
impact: whose decisions change, by rule and with examples. With --id, two versions of one rule
set in one folder are compared; a date picks the version in force on that day, and the impact is
shown on the day the new version takes effect.

  --cohort     persons, one JSON person per line (NDJSON)
  --synthetic  number of persons in a synthetic cohort
  --seed       seed of the synthetic cohort (default: 1)
  --as-of      the date of the decisions (default: today)
  --examples   examples per rule (default: 5)
  --json       print the changes and the impact as JSON`,
  },
};
