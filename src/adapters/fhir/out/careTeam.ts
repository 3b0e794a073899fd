import type * as E from '../../../util/either.js';
import type { InvalidFhirOutputError } from '../errors.js';
import { fromPerson } from './checked.js';
import type { CodeableConcept } from '../model/datatypes.js';
import { libCoding } from '../model/codings.js';
import { fhirSafe } from '../model/strings.js';
import type { CareTeam } from '../model/resources.js';
import { extBoolean, withExtensions } from '../model/extensions.js';
import { EXT, LIB } from '../model/systems.js';
import type { Lang } from '../../../model/lang.js';
import type { PersonInput, ServiceKind } from '../../../model/person.js';
import type { FhirOutputOptions } from './common.js';
import { identifierFor, patientRef } from './common.js';
import { FHIR_TEXTS } from './texts.js';

/*
 * The person's follow-up team → CareTeam. An existing team (`person.team`) is `active`; without one
 * the team is `proposed`. Participants carry their role in the library's care-team-role system
 * (coordinator or child coordinator, GP, the person, member) and their service kind, and refer to
 * the host's Practitioner where the host gives one. A proposed team gets an empty coordinator slot,
 * because the coordinator is appointed after the team is agreed.
 */

/** Options for {@link toCareTeam}. */
export interface CareTeamOptions extends FhirOutputOptions {
  /** `proposed` or `active`. Default: `active` when the person has a team, else `proposed`. */
  readonly status?: 'proposed' | 'active';
  /** The GP as a reference (`Practitioner/…`), e.g. the CDS Hooks `context.userId`. */
  readonly gp?: string;
  /** The coordinator as a reference (`Practitioner/…`). */
  readonly coordinator?: string;
}

type Participant = NonNullable<CareTeam['participant']>[number];

/** The participant's role, service kind and level, each its own concept. */
function role(lang: Lang, roleCode: string, service?: ServiceKind, level?: string): CodeableConcept[] {
  return [
    { coding: [libCoding(LIB.careTeamRole, roleCode, lang)] },
    ...(service ? [{ coding: [libCoding(LIB.serviceKind, service, lang)] }] : []),
    ...(level ? [{ coding: [libCoding(LIB.serviceLevel, level, lang)] }] : []),
  ];
}

function buildCareTeam(person: PersonInput, options: CareTeamOptions): CareTeam {
  const lang = options.lang ?? 'nb';
  const subject = patientRef(options);
  const status = options.status ?? (person.team ? 'active' : 'proposed');
  const participant: Participant[] = [{ role: role(lang, 'person'), member: subject }];

  const c = person.coordinator;
  if (c || options.coordinator || status === 'proposed') {
    const member = options.coordinator ? { reference: options.coordinator } : c?.name ? { display: c.name } : undefined;
    const p: Participant = { role: role(lang, c?.kind ?? 'coordinator', c?.service) };
    if (member) p.member = member;
    if (c?.appointedDate) p.period = { start: c.appointedDate };
    participant.push(
      withExtensions(p, [...extBoolean(EXT.recordedInJournal, c?.recordedInJournal), ...extBoolean(EXT.hasMandate, c?.hasMandate)]),
    );
  }

  // Members keep their order; the first GP among them takes the GP role.
  const members = person.team?.members ?? [];
  const gpMember = members.find((m) => m.service === 'gp');
  const gpParticipant = (name: string | undefined, level: string | undefined): Participant => {
    const member = options.gp ? { reference: options.gp } : name ? { display: name } : undefined;
    return { role: role(lang, 'gp', 'gp', level), ...(member ? { member } : {}) };
  };
  for (const m of members) {
    if (m === gpMember) participant.push(gpParticipant(m.name, m.level));
    else participant.push({ role: role(lang, 'member', m.service, m.level), ...(m.name ? { member: { display: m.name } } : {}) });
  }
  if (!gpMember && (options.gp || status === 'proposed')) participant.push(gpParticipant(undefined, undefined));

  const team: CareTeam = {
    resourceType: 'CareTeam',
    identifier: [identifierFor(['CareTeam', subject.reference!])],
    status,
    category: [{ coding: [libCoding(LIB.careTeamCategory, 'follow-up-team', lang)] }],
    name: libCoding(LIB.careTeamCategory, 'follow-up-team', lang).display!,
    subject,
    participant,
  };
  if (person.team?.established) team.period = { start: person.team.established };
  if (status === 'proposed' && !c && !options.coordinator) team.note = [{ text: FHIR_TEXTS.coordinatorToAppoint[lang] }];
  return fhirSafe(team);
}

/**
 * The person's follow-up team as a FHIR CareTeam.
 * Never throws: options without `patient`, a person that does not validate is an `InvalidFhirOutput` error.
 */
export function toCareTeam(person: PersonInput, options: CareTeamOptions): E.Either<InvalidFhirOutputError, CareTeam> {
  return fromPerson(person, options, buildCareTeam);
}
