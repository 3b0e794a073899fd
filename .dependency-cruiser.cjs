/*
 * The intended shape of src/, as rules CI enforces (`npm run lint`; docs/boundaries.md explains them).
 *
 *   core       model <- facts <- engine <- explain, with util beneath everything, ruleSets and
 *              pathway above the engine, and policy, synthetic and population as pure tools on top.
 *              Pure: no adapter, no node edge, no node builtin.
 *   adapters   src/adapters/<name> (fhir, cdsHooks) and src/adapters/<name>.ts (jsonRulesEngine):
 *              use model, facts, engine, explain and util; never each other.
 *   services   src/services: ready-made services (the CDS Hooks service in one call) wired from the
 *              adapters and the bundled rule sets; pure like the adapters, never the node edge.
 *   node edge  src/cli, src/node: files, processes, workers; may use anything.
 *   root       src/index.ts gathers the public entry from the core and the adapters; nothing in
 *              src/ imports it back.
 *
 * Every rule names folders by pattern, not files, so it holds when files move between them.
 */

const CORE = '^src/(model|facts|engine|explain|pathway|ruleSets|util|policy|synthetic|population)/';
const EDGE = '^src/(cli|node)/';
const ADAPTERS = '^src/adapters/';
const SERVICES = '^src/services/';

/** A folder (or single-file module) of src/, matched with or without its subfolders. */
const folders = (...names) => `^src/(${names.join('|')})(/|\\.ts$)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-not-to-adapter',
      severity: 'error',
      comment:
        'The core serves every caller in-process; it knows nothing of FHIR, CDS Hooks or json-rules-engine. ' +
        'Move what the core needs into model/ or let the adapter translate.',
      from: { path: CORE },
      to: { path: ADAPTERS },
    },
    {
      name: 'core-and-adapters-not-to-services',
      severity: 'error',
      comment:
        'A service wires adapters and rule sets together for a host; the core and the adapters sit below it ' +
        'and never reach up to it.',
      from: { path: `${CORE}|${ADAPTERS}` },
      to: { path: SERVICES },
    },
    {
      name: 'services-not-to-node-edge',
      severity: 'error',
      comment: 'Services run in-process in EPJ and GP systems (and browsers) like the adapters they wire together.',
      from: { path: SERVICES },
      to: { path: EDGE },
    },
    {
      name: 'core-not-to-node-edge',
      severity: 'error',
      comment: 'The core runs in a browser bundle; only the CLI and node edge touch files, processes and workers.',
      from: { path: CORE },
      to: { path: EDGE },
    },
    {
      name: 'adapter-not-to-node-edge',
      severity: 'error',
      comment: 'Adapters run in-process in EPJ and GP systems (and browsers) like the core.',
      from: { path: ADAPTERS },
      to: { path: EDGE },
    },
    {
      name: 'pure-no-node-builtins',
      severity: 'error',
      comment:
        'The core and the adapters import no node builtin (fs, os, process, worker_threads, ...): they read no ' +
        'file, environment or clock. test/project/purity.test.ts checks the same sources for Date.now, new Date(), ' +
        'Math.random and process.',
      from: { path: `${CORE}|${ADAPTERS}|${SERVICES}|^src/index\\.ts$` },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'util-is-the-floor',
      severity: 'error',
      comment: 'util holds small pure helpers (dates, lines, hashing); it imports nothing else of src.',
      from: { path: '^src/util/' },
      to: { path: '^src/', pathNot: '^src/util/' },
    },
    {
      name: 'model-imports-only-util',
      severity: 'error',
      comment: 'The person model, errors and languages are the base every layer shares.',
      from: { path: '^src/model/' },
      to: { path: '^src/', pathNot: folders('model', 'util') },
    },
    {
      name: 'facts-not-upward',
      severity: 'error',
      comment: 'Facts are derived from the model alone; the engine reads facts, never the other way.',
      from: { path: '^src/facts/' },
      to: { path: '^src/', pathNot: folders('facts', 'model', 'util') },
    },
    {
      name: 'engine-not-upward',
      severity: 'error',
      comment:
        'The engine evaluates rule sets over facts; explanations, bundled rule sets, the pathway and the ' +
        'policy tools sit above it.',
      from: { path: '^src/engine/' },
      to: { path: '^src/', pathNot: folders('engine', 'facts', 'model', 'util') },
    },
    {
      name: 'explain-not-upward',
      severity: 'error',
      comment: 'Explanations read decisions; they do not load rule sets or drive the pathway.',
      from: { path: '^src/explain/' },
      to: { path: '^src/', pathNot: folders('explain', 'engine', 'facts', 'model', 'util') },
    },
    {
      name: 'ruleSets-not-upward',
      severity: 'error',
      comment: 'The bundled rule sets are compiled by the engine and used by the layers above.',
      from: { path: '^src/ruleSets/' },
      to: { path: '^src/', pathNot: folders('ruleSets', 'engine', 'facts', 'model', 'util') },
    },
    {
      name: 'pathway-only-from-its-entry',
      severity: 'error',
      comment:
        'The pathway is its own entry (oppfolgingsteam/pathway, xstate optional); no other core or adapter ' +
        'module may pull it (and xstate) in.',
      from: { path: `${CORE}|${ADAPTERS}|${SERVICES}|^src/index\\.ts$`, pathNot: '^src/pathway/' },
      to: { path: '^src/pathway/' },
    },
    {
      name: 'adapter-uses-only-the-core-below',
      severity: 'error',
      comment:
        'An adapter translates between a standard and the core: model, facts, engine, explain and util. ' +
        'It does not reach into rule-set loading, policy, population or the pathway.',
      from: { path: '^src/adapters/' },
      to: {
        path: '^src/',
        pathNot: [folders('model', 'facts', 'engine', 'explain', 'util'), '^src/adapters/'],
      },
    },
    {
      name: 'adapter-not-to-other-adapter',
      severity: 'error',
      comment: 'Adapters never use each other, so each can be dropped or replaced alone.',
      from: { path: '^src/adapters/([^/.]+)', pathNot: '^src/adapters/cdsHooks/' },
      to: { path: '^src/adapters/', pathNot: '^src/adapters/$1(/|\\.ts$)' },
    },
    {
      name: 'cdsHooks-uses-only-fhir-types',
      severity: 'error',
      comment:
        'The one reviewed exception to adapter-not-to-other-adapter: CDS Hooks suggestions and cards carry ' +
        'FHIR resources, so cdsHooks may use the FHIR data types and code systems in ' +
        'src/adapters/fhir/model/, and nothing else of another adapter.',
      from: { path: '^src/adapters/cdsHooks/' },
      to: { path: '^src/adapters/', pathNot: '^src/adapters/(cdsHooks|fhir/model)/' },
    },
    {
      name: 'no-root-barrel-inside',
      severity: 'error',
      comment: 'src/index.ts is the public entry; modules import what they need directly, never the barrel.',
      from: { path: '^src/', pathNot: '^src/index\\.ts$' },
      to: { path: '^src/index\\.ts$' },
    },
    {
      name: 'no-folder-cycles',
      severity: 'error',
      comment: 'Folders form a layered graph; a cycle between two folders means one of them is in the wrong place.',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      severity: 'error',
      comment: 'No module reaches itself through its imports.',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^(node_modules|dist)/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
