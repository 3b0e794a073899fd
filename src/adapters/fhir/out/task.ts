import type * as E from '../../../util/either.js';
import type { InvalidFhirOutputError } from '../errors.js';
import { fromPerson } from './checked.js';
import { libCoding } from '../model/codings.js';
import { fhirSafe } from '../model/strings.js';
import type { Task } from '../model/resources.js';
import { LIB } from '../model/systems.js';
import type { PersonInput } from '../../../model/person.js';
import { fill } from '../../../util/template.js';
import type { FhirOutputOptions } from './common.js';
import { identifierFor, patientRef } from './common.js';
import { FHIR_TEXTS } from './texts.js';

/*
 * The plan's checkpoints → one Task each, due on the checkpoint date (`restriction.period.end`). The
 * library never runs timers (brief, decision 4): due dates live in data, and the host's worklist
 * shows what is due.
 */

/** Options for {@link toEvaluationTasks}. */
export interface EvaluationTaskOptions extends FhirOutputOptions {
  /** The CarePlan the tasks belong to (a reference or `urn:uuid:`). */
  readonly carePlan?: string;
}

export function buildEvaluationTasks(person: PersonInput, options: EvaluationTaskOptions): Task[] {
  const lang = options.lang ?? 'nb';
  const subject = patientRef(options);
  return (person.individualPlan?.checkpoints ?? []).map((cp, i) => {
    const t: Task = {
      resourceType: 'Task',
      identifier: [identifierFor(['Task', 'evaluate-plan', subject.reference!, cp.date, String(i)])],
      status: cp.done ? 'completed' : 'requested',
      intent: 'plan',
      code: { coding: [libCoding(LIB.taskCode, 'evaluate-plan', lang)] },
      description: fill(FHIR_TEXTS.evaluateTask[lang], { date: cp.date }),
      for: subject,
      restriction: { period: { end: cp.date } },
    };
    if (options.carePlan) t.basedOn = [{ reference: options.carePlan }];
    return fhirSafe(t);
  });
}

/**
 * One Task per checkpoint in the person's plan: `completed` when done, else `requested`.
 * Never throws: options without `patient`, a person that does not validate is an `InvalidFhirOutput` error.
 */
export function toEvaluationTasks(person: PersonInput, options: EvaluationTaskOptions): E.Either<InvalidFhirOutputError, Task[]> {
  return fromPerson(person, options, buildEvaluationTasks);
}
