import charlsonIcpc2 from '../../rules/code-lists/charlson-icpc2.json';
import autismAdhd from '../../rules/code-lists/autism-adhd.json';
import charlson from '../../rules/code-lists/charlson.json';
import chronic from '../../rules/code-lists/chronic-conditions.json';
import dementia from '../../rules/code-lists/dementia.json';
import functionalLimitation from '../../rules/code-lists/functional-limitation.json';
import intellectualDisability from '../../rules/code-lists/intellectual-disability.json';
import mentalHealth from '../../rules/code-lists/mental-health-substance.json';
import pediatric from '../../rules/code-lists/pediatric-complex-conditions.json';
import socialProblems from '../../rules/code-lists/social-problems.json';
import identification from '../../rules/identification.json';
import plan from '../../rules/plan.json';
import assessment from '../../rules/assessment.json';
import consent from '../../rules/consent.json';
import evaluation from '../../rules/evaluation.json';
import rights from '../../rules/rights.json';
import team from '../../rules/team.json';
import transition from '../../rules/transition.json';

/*
 * The rule sets and code lists shipped in `rules/`, bundled into the build so that a browser bundle
 * gets them without file access. The same files ship as JSON for policy staff and the CLI.
 */

/** The bundled code-list files, as parsed JSON (validated when compiled). */
export const BUNDLED_CODE_LISTS: readonly unknown[] = [
  chronic,
  mentalHealth,
  dementia,
  intellectualDisability,
  autismAdhd,
  charlson,
  charlsonIcpc2,
  functionalLimitation,
  socialProblems,
  pediatric,
];

/** The bundled rule-set files by id, as parsed JSON (validated when compiled). */
export const BUNDLED_RULE_SETS: Readonly<Record<string, unknown>> = {
  identification,
  // The framework (issue 3): rights, consent, assessment, team, plan, evaluation, transitions.
  rights,
  consent,
  assessment,
  team,
  plan,
  evaluation,
  transition,
};
