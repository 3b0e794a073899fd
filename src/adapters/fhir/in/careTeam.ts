import * as z from 'zod';
import type { Coordinator, Team, TeamMember } from '../../../model/person.js';
import { ServiceKind, TeamMember as TeamMemberSchema } from '../../../model/person.js';
import { EXT, LIB } from '../model/systems.js';
import type { ReadContext } from './context.js';
import type { Entry } from './entries.js';
import { CodeableConceptIn, codingsIn, extBooleanValue, fhirDate, PeriodIn, ReferenceIn, seenCodes } from './shapes.js';

/*
 * CareTeam → the existing follow-up team and its coordinator. Only a CareTeam in the library's
 * follow-up-team category is the oppfølgingsteam; other care teams are reported. A proposed team is
 * not an existing team, so it is reported as left out. Participants are read by role: coordinator or
 * child coordinator (with the member's display name), the GP, the person, or a service kind.
 */

const READ = ['status', 'category', 'subject', 'participant', 'period', 'name'];

const CareTeamIn = z.looseObject({
  status: z.string().optional(),
  category: z.array(CodeableConceptIn).optional(),
  period: PeriodIn.optional(),
  participant: z
    .array(
      z.looseObject({
        extension: z.unknown().optional(),
        role: z.array(CodeableConceptIn).optional(),
        member: ReferenceIn.optional(),
        period: PeriodIn.optional(),
      }),
    )
    .optional(),
});

/** What a CareTeam gives. */
export interface CareTeamResult {
  readonly team: Team;
  readonly coordinator: Coordinator | undefined;
}

/** Reads a CareTeam; undefined when it is not an active follow-up team (reported). */
export function readCareTeam(entry: Entry, ctx: ReadContext): CareTeamResult | undefined {
  if (!ctx.elements(entry, READ) || !ctx.isAboutPatient(entry, 'subject')) return undefined;
  const parsed = CareTeamIn.safeParse(entry.resource);
  if (!parsed.success) {
    ctx.reporter.report('invalid_shape', entry.segs);
    return undefined;
  }
  const t = parsed.data;
  const isFollowUp = (t.category ?? []).some((c) => codingsIn(c, [LIB.careTeamCategory]).some((x) => x.code === 'follow-up-team'));
  if (!isFollowUp) {
    ctx.reporter.report('fhir_code', [...entry.segs, 'category'], {
      expected: [`${LIB.careTeamCategory}|follow-up-team`],
      seen: (t.category ?? []).flatMap(seenCodes),
    });
    return undefined;
  }
  if (t.status !== 'active') {
    ctx.reporter.report('fhir_excluded', entry.segs, { status: t.status ?? '' });
    return undefined;
  }
  const members: TeamMember[] = [];
  let coordinator: Coordinator | undefined;
  (t.participant ?? []).forEach((p, i) => {
    const roles = (p.role ?? []).flatMap((r) => [
      ...codingsIn(r, [LIB.careTeamRole]),
      ...codingsIn(r, [LIB.serviceKind]),
      ...codingsIn(r, [LIB.serviceLevel]),
    ]);
    const level = TeamMemberSchema.shape.level.safeParse(roles.find((r) => r.system === LIB.serviceLevel)?.code);
    const role = roles.find((r) => r.system === LIB.careTeamRole)?.code;
    const svc = ServiceKind.safeParse(roles.find((r) => r.system === LIB.serviceKind)?.code);
    const name = p.member?.display;
    if (role === 'coordinator' || role === 'child-coordinator') {
      const c: Record<string, unknown> = { kind: role };
      if (name) c['name'] = name;
      if (svc.success) c['service'] = svc.data;
      const appointed = fhirDate(p.period?.start);
      if (appointed) c['appointedDate'] = appointed;
      const journal = extBooleanValue(p, EXT.recordedInJournal);
      if (journal !== undefined) c['recordedInJournal'] = journal;
      const mandate = extBooleanValue(p, EXT.hasMandate);
      if (mandate !== undefined) c['hasMandate'] = mandate;
      coordinator ??= c as Coordinator;
    } else if (role === 'person') {
      // The person is part of the team by definition; nothing to record.
    } else if (role === 'gp' || svc.success) {
      members.push({
        service: role === 'gp' ? 'gp' : svc.data!,
        ...(name ? { name } : {}),
        ...(level.success && level.data ? { level: level.data } : {}),
      });
    } else {
      ctx.reporter.report('fhir_code', [...entry.segs, 'participant', i, 'role'], {
        expected: [LIB.careTeamRole, LIB.serviceKind],
        seen: (p.role ?? []).flatMap(seenCodes),
      });
    }
  });
  const established = fhirDate(t.period?.start);
  return { team: { ...(established ? { established } : {}), members }, coordinator };
}
