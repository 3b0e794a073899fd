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
  feedback <fil.ndjson>       tell godtatte og overstyrte kort per regel og versjon

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
  --rules   bruk regelsettene i denne mappen i stedet for de innebygde
  --synthetic FRØ:NR  vurder en syntetisk person (et eksempel fra diff --synthetic) i stedet for en fil`,
    docs: `Bruk: oppfolgingsteam docs <mappe> --out <mappe> [--as-of ÅÅÅÅ-MM-DD] [--language nb|nn] [--rule-set ID] [--split] [--docx] [--lang nb|nn|en]

Lager regelkatalogen per språk: regelkatalog.nb.md og regelkatalog.nb.html (bokmål),
regelkatalog.nn.md og regelkatalog.nn.html (nynorsk). HTML-sidene er selvstendige, uten eksterne
forespørsler, og skrives ut til A4 (PDF). Ved feil skrives ingenting.
Har mappen flere versjoner av et regelsett, beskrives den som gjelder på --as-of, med
godkjenning og endringslogg.

  --as-of     datoen versjonen skal gjelde på (standard: i dag)
  --language  bare ett språk: nb eller nn
  --rule-set  bare ett regelsett (filene heter regelkatalog-<id>.…)
  --split     én katalog per regelsett
  --docx      også en Word-fil (.docx); krever pakken docx (npm install --save-dev docx@9)`,
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
  --json       skriv endringene og virkningen som JSON
  --html FIL   skriv også en HTML-rapport

Eksempler fra --synthetic skrives FRØ:NR og åpnes med «explain --synthetic FRØ:NR».`,
    feedback: `Bruk: oppfolgingsteam feedback <fil.ndjson> [--html FIL] [--json] [--lang nb|nn|en]

Teller hva klinikerne gjorde med kortene, per regel og regelsettversjon: hvor mange som ble
godtatt og overstyrt, og med hvilke grunner. Filen har én lagret tilbakemeldingspost per linje
(det ingestFeedback i CDS Hooks-adapteren gir). Fritekstkommentarer telles, men vises ikke.

  --html FIL   skriv også en HTML-rapport
  --json       skriv tallene som JSON`,
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
  feedback <fil.ndjson>       tel godtekne og overstyrte kort per regel og versjon

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
  --rules   bruk regelsetta i denne mappa i staden for dei innebygde
  --synthetic FRØ:NR  vurder ein syntetisk person (eit døme frå diff --synthetic) i staden for ei fil`,
    docs: `Bruk: oppfolgingsteam docs <mappe> --out <mappe> [--as-of ÅÅÅÅ-MM-DD] [--language nb|nn] [--rule-set ID] [--split] [--docx] [--lang nb|nn|en]

Lagar regelkatalogen per språk: regelkatalog.nb.md og regelkatalog.nb.html (bokmål),
regelkatalog.nn.md og regelkatalog.nn.html (nynorsk). HTML-sidene er sjølvstendige, utan eksterne
førespurnader, og kan skrivast ut til A4 (PDF). Ved feil blir ingenting skrive.
Har mappa fleire versjonar av eit regelsett, blir den som gjeld på --as-of skildra, med
godkjenning og endringslogg.

  --as-of     datoen versjonen skal gjelde på (standard: i dag)
  --language  berre eitt språk: nb eller nn
  --rule-set  berre eitt regelsett (filene heiter regelkatalog-<id>.…)
  --split     éin katalog per regelsett
  --docx      også ei Word-fil (.docx); krev pakken docx (npm install --save-dev docx@9)`,
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
  --json       skriv endringane og verknaden som JSON
  --html FIL   skriv også ein HTML-rapport

Døme frå --synthetic blir skrivne FRØ:NR og blir opna med «explain --synthetic FRØ:NR».`,
    feedback: `Bruk: oppfolgingsteam feedback <fil.ndjson> [--html FIL] [--json] [--lang nb|nn|en]

Tel kva klinikarane gjorde med korta, per regel og regelsettversjon: kor mange som vart
godtekne og overstyrte, og med kva grunnar. Fila har éin lagra tilbakemeldingspost per linje
(det ingestFeedback i CDS Hooks-adapteren gir). Fritekstkommentarar blir talde, men ikkje viste.

  --html FIL   skriv også ein HTML-rapport
  --json       skriv tala som JSON`,
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
  feedback <file.ndjson>      count accepted and overridden cards per rule and version

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
  --rules   use the rule sets in this folder instead of the bundled ones
  --synthetic SEED:NO  assess a synthetic person (an example from diff --synthetic) instead of a file`,
    docs: `Usage: oppfolgingsteam docs <dir> --out <dir> [--as-of YYYY-MM-DD] [--language nb|nn] [--rule-set ID] [--split] [--docx] [--lang nb|nn|en]

Writes the rule catalogue per language: regelkatalog.nb.md and regelkatalog.nb.html (bokmål),
regelkatalog.nn.md and regelkatalog.nn.html (nynorsk). The HTML pages are self-contained, make no
external requests and print to A4 (PDF). On error nothing is written.
When the folder holds several versions of a rule set, the one in force on --as-of is described,
with its sign-off and a change log.

  --as-of     the date the version is to be in force on (default: today)
  --language  one language only: nb or nn
  --rule-set  one rule set only (files named regelkatalog-<id>.…)
  --split     one catalogue per rule set
  --docx      also a Word file (.docx); needs the docx package (npm install --save-dev docx@9)`,
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
  --json       print the changes and the impact as JSON
  --html FILE  also write an HTML report

Examples from --synthetic are written SEED:NO and open with "explain --synthetic SEED:NO".`,
    feedback: `Usage: oppfolgingsteam feedback <file.ndjson> [--html FILE] [--json] [--lang nb|nn|en]

Counts what clinicians did with the cards, per rule and rule-set version: how many were
accepted and overridden, and for which reasons. The file holds one stored feedback record per
line (what ingestFeedback in the CDS Hooks adapter returns). Free-text comments are counted, not shown.

  --html FILE  also write an HTML report
  --json       print the figures as JSON`,
  },
};
