import { describe, expect, it } from 'vitest';
import { runPathwayStories } from '../../examples/pathwayStory.js';
import { replayPathway } from '../../src/pathway/index.js';
import { right } from '../support/helpers.js';
import { fixtureRuleSets } from '../support/pathwayHelpers.js';

/*
 * The stories the demo prints (examples/pathwayStory.ts), run through the public API with the
 * fixture rule sets: Klara reaches an active plan and is evaluated, Morten declines and comes back
 * after a new emergency admission, Kasper's team gets school and PPT only after explicit consent.
 */

describe('pathway stories', () => {
  const lines: string[] = [];
  const r = runPathwayStories({ ruleSets: fixtureRuleSets(), print: (l) => lines.push(l) });
  const path = (p: typeof r.klara) => p.history.map((h) => h.to);

  it('Klara goes from candidate to an active plan, through an evaluation, and back to the plan', () => {
    expect(r.klara.state).toBe('planActive');
    const visited = path(r.klara);
    for (const s of [
      'candidate',
      'offer',
      'referral',
      'assessment',
      'teamDecision',
      'teamEstablishment',
      'planning',
      'planActive',
      'evaluation',
    ])
      expect(visited).toContain(s);
    expect(visited.indexOf('evaluation')).toBeGreaterThan(visited.indexOf('planActive'));
    expect(r.klara.snapshot.context.evaluations).toEqual([
      { checkpoint: '2027-03-01', started: '2027-03-05', outcome: 'continue', date: '2027-03-05' },
    ]);
    // The one rejection: the team could not be established before the coordinator was recorded.
    expect(r.rejections.klara.map((e) => (e._tag === 'Rejected' ? e.ruleIds : e._tag))).toEqual([['TEAM-COORDINATOR-MISSING']]);
  });

  it('Morten declines, is not re-flagged by routine screening, and comes back after a new emergency admission', () => {
    expect(r.morten.state).toBe('referral');
    expect(r.morten.history.map((h) => h.event.type)).toEqual([
      'START',
      'REVIEW_RELEVANT',
      'DECLINE_OFFER',
      'FLAG',
      'REVIEW_RELEVANT',
      'ACCEPT_OFFER',
    ]);
    const flag = r.morten.history[3]!;
    expect(flag).toMatchObject({
      from: 'declined',
      to: 'candidate',
      event: { trigger: { kind: 'emergency-admission', date: '2026-11-01' } },
    });
    expect(flag.at < r.morten.snapshot.context.declined!.reflagNotBefore).toBe(true);
    const [refused] = r.rejections.morten;
    expect(refused).toMatchObject({ _tag: 'Rejected', event: 'FLAG', reasons: [{ kind: 'reflag-period', notBefore: '2026-11-21' }] });
  });

  it("Kasper's team gets school and PPT only after his parents' explicit consent", () => {
    expect(r.kasper.state).toBe('planActive');
    expect(r.kasper.snapshot.context.members.map((m) => m.service)).toEqual(['gp', 'physiotherapy', 'specialist', 'school', 'ppt']);
    const [refused] = r.rejections.kasper;
    expect(refused).toMatchObject({ _tag: 'Rejected', event: 'ADD_MEMBER', ruleIds: ['CONSENT-EXPLICIT-MEMBER'] });
    if (refused?._tag === 'Rejected') expect(refused.reasons[0]!.why.nb).toContain('teammedlemmer uten uttrykkelig samtykke');
    const h = r.kasper.history;
    const consentForSchool = h.findIndex((e) => e.event.type === 'RECORD_CONSENT' && e.event.consent.services?.includes('school'));
    const schoolAdded = h.findIndex((e) => e.event.type === 'ADD_MEMBER' && e.event.member.service === 'school');
    expect(consentForSchool).toBeGreaterThan(0);
    expect(schoolAdded).toBeGreaterThan(consentForSchool);
    expect(h[schoolAdded]!.decisions).toEqual([
      expect.objectContaining({ ruleId: 'CONSENT-EXPLICIT-MEMBER', outcome: false, passed: true }),
    ]);
  });

  it('every story replays from its history', () => {
    for (const p of [r.klara, r.morten, r.kasper]) expect(right(replayPathway(p)).length).toBe(p.history.length);
  });

  it('prints the stories in Norwegian, with the rejections and their why', () => {
    const text = lines.join('\n');
    expect(text).toContain('KLARA');
    expect(text).toContain('Henvisningen til koordinerende enhet er ikke besvart');
    expect(text).toContain('AVVIST');
    expect(text).toContain('flagges ikke på nytt før 2026-11-21');
    expect(text).not.toMatch(/\bundefined\b/);
  });
});
