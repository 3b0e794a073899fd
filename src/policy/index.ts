/**
 * `oppfolgingsteam/policy`: tools for the people who write and review rule files. The rule-file,
 * code-list and test-vector formats as schemas; the built-in facts, code lists and operators a rule
 * may name; the test-vector runner; conditions in prose; coverage of a rule set by its vectors;
 * the version of a rule set in force on a date; changes between two versions and their impact on a cohort; the rule catalogue; and where in a
 * JSON text an issue's path points. The `oppfolgingsteam` command is built on these.
 *
 * Left out: the workspace loader and file checks of the command line (they read files), and the
 * Markdown and HTML helpers behind the catalogue.
 *
 * @packageDocumentation
 */

// The rule-file, code-list and test-vector formats (each schema is also a type)
export {
  RuleSetFile,
  Rule,
  Condition,
  LeafCondition,
  RuleEvent,
  SourceRef,
  Evidence,
  Severity,
  Parameter,
  Scoring,
  CodeListFile,
  CodeListEntry,
} from '../model/ruleSet.js';
export { TestVector, TestVectorFile } from '../model/vectors.js';
export type { CompiledRule, FactSlot } from '../engine/compile.js';

// What a rule may name: facts, code lists, operators
export { builtinFacts, bundledCodeLists, compileCodeLists } from '../ruleSets/load.js';
export type { FactRegistry } from '../facts/registry.js';
export type { CodeList } from '../facts/codeList.js';
export { normalizeCode } from '../facts/codeList.js';
export { deriveFacts } from '../facts/derive.js';
export { OPERATORS, OPERATOR_NAMES } from '../engine/operators.js';
export type { OperatorDefinition } from '../engine/operators.js';

// Test vectors
export { parseVectorFile, runVector, runVectors } from './vectors.js';
export type { VectorResult, VectorMismatch } from './vectors.js';

// Source locations
export { parseJsonText } from '../model/parseJson.js';
export { locateJsonPath } from '../util/jsonScan.js';
export type { PathLocation, SourcePosition } from '../util/jsonScan.js';

// Conditions in prose, coverage, change and impact
export { conditionProse, leafProse, proseContext } from './prose.js';
export type { ProseContext, ProseNode } from './prose.js';
export { createCoverage, coverageNodes } from './coverage.js';
export type { CoverageCollector, CoverageEntry, CoverageNode } from './coverage.js';
export { compareRuleSets, compareCodeLists } from './changes.js';
export type { ChangeStatus, RuleSetChanges, RuleChange, ParameterChange, NamedConditionChange, CodeListChanges } from './changes.js';
export { createImpact, computeImpact, isValidOn } from './impact.js';
export type {
  ImpactPair,
  ImpactOptions,
  ImpactCollector,
  ImpactReport,
  RuleImpact,
  TierImpact,
  TierTotals,
  OutcomeTransition,
  OutcomeName,
  InvalidPersonRef,
} from './impact.js';

// Versions of a rule set
export { ruleSetInForce } from '../ruleSets/versions.js';
export type { VersionPeriod } from '../ruleSets/versions.js';

// The rule catalogue
export { renderCatalogueMarkdown, renderCatalogueHtml } from './catalogue.js';
export type { CatalogueInput, CatalogueLang } from './catalogue.js';
