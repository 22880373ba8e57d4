import { testDialects } from '@canopy/persistence';
import { approveAssessment, draftAssessment, submitAssessment } from '../../../testing/assessment-fixtures';
import { expectOk, item, setInventory } from '../../../testing/fixtures';
import { AUDITOR, ENGINEER, OFFICER, useWorld } from '../../../testing/world';

/** The record of processing carries each activity's DPIA status as of its instant (DESIGN.md section 9). */
const ROPA = `query($at: DateTime) { recordOfProcessing(at: $at) { activities { serviceKey purpose gaps
  dpia { required criteria status assessmentId approvedAt reviewDueAt statusReason summary } } } }`;
const DAY = 24 * 3600 * 1000;

interface Activity {
  serviceKey: string;
  purpose: string;
  gaps: string[];
  dpia: { required: boolean; criteria: string[]; status: string; assessmentId: string | null; approvedAt: string | null; reviewDueAt: string | null; statusReason: string | null; summary: string };
}

describe.each(testDialects())('the DPIA status in the record of processing on %s', (dialect) => {
  const t = useWorld(dialect, {
    teams: ['geo'],
    people: { officer: OFFICER, geo: ENGINEER, auditor: AUDITOR },
    services: [{ key: 'faces', team: 'geo' }, { key: 'maps', team: 'geo' }],
    // Sensitive data and innovative technology: two criteria, a DPIA is required. maps needs none.
    inventory: { faces: [item('user.account'), item('user.biometric')], maps: [item('user.account')] },
  });
  const { as } = t;
  const CRITERIA = ['sensitive data: the service collects user.biometric', 'innovative technology: the service collects user.biometric'];
  const MISSING = 'faces requires a DPIA (2 criteria met) and';
  let dpiaId: string;
  let beforeDraft: string;
  let drafted: string;
  let submitted: string;
  let approvedAt: string;
  let reviewDueAt: string;

  const activities = async (at?: string): Promise<Activity[]> => (await expectOk(t.gql(ROPA, { at }, as.auditor))).recordOfProcessing.activities;
  const of = async (serviceKey: string, at?: string) => (await activities(at)).filter((a) => a.serviceKey === serviceKey);
  const dpiaGaps = (a: Activity) => a.gaps.filter((g) => g.includes('DPIA'));
  const tick = () => t.clock.advance(60_000);

  beforeAll(async () => {
    tick();
    beforeDraft = t.clock.iso();
    tick();
  });

  it('should say a DPIA is required and none is recorded, listing it among the gaps of every activity of the service', async () => {
    const faces = await of('faces');
    expect(faces.length).toBeGreaterThan(0);
    for (const a of faces) {
      expect(a.dpia).toEqual({ required: true, criteria: CRITERIA, status: 'NONE', assessmentId: null, approvedAt: null, reviewDueAt: null, statusReason: null, summary: 'required (2 criteria met), no DPIA is recorded' });
      expect(dpiaGaps(a)).toEqual([`${MISSING} no DPIA is recorded`]);
    }
    for (const a of await of('maps')) {
      expect(a.dpia).toMatchObject({ required: false, criteria: [], status: 'NONE', summary: 'not required, no DPIA is recorded' });
      expect(dpiaGaps(a)).toEqual([]);
    }
  });

  it('should follow the DPIA through the workflow: a draft, in review, then approved until its review date, no longer a gap', async () => {
    reviewDueAt = t.clock.iso(180 * DAY);
    const draft = await draftAssessment(t, as.geo, t.clock.now(), { kind: 'DPIA', serviceKey: 'faces', reviewDueAt });
    dpiaId = draft.id;
    const [asDraft] = await of('faces');
    expect(asDraft.dpia).toMatchObject({ status: 'DRAFT', assessmentId: dpiaId, summary: 'required (2 criteria met), its DPIA is a draft' });
    expect(dpiaGaps(asDraft)).toEqual([`${MISSING} its DPIA is a draft`]);
    tick();
    drafted = t.clock.iso();
    tick();

    const inReview = await submitAssessment(t, as.geo, draft);
    expect((await of('faces'))[0].dpia).toMatchObject({ status: 'IN_REVIEW', assessmentId: dpiaId });
    tick();
    submitted = t.clock.iso();
    tick();

    approvedAt = t.clock.iso();
    expect((await approveAssessment(t, as.officer, inReview)).status).toBe('APPROVED');
    for (const a of await of('faces')) {
      expect(a.dpia).toMatchObject({ required: true, status: 'APPROVED', assessmentId: dpiaId, reviewDueAt: new Date(reviewDueAt).toISOString(), statusReason: null });
      expect(Date.parse(a.dpia.approvedAt!)).toBeGreaterThanOrEqual(Date.parse(approvedAt));
      expect(a.dpia.summary).toBe(`required (2 criteria met), its DPIA was approved on ${a.dpia.approvedAt!.slice(0, 10)}, review due ${reviewDueAt.slice(0, 10)}`);
      expect(dpiaGaps(a)).toEqual([]);
    }
  });

  it('should give the status as of a past instant: none before the draft, a draft then, in review before the approval', async () => {
    const status = async (at: string) => (await of('faces', at)).map((a) => [a.dpia.status, a.dpia.assessmentId, dpiaGaps(a).length]);
    expect(await status(beforeDraft)).toEqual([['NONE', null, 1]]);
    expect(await status(drafted)).toEqual([['DRAFT', dpiaId, 1]]);
    expect(await status(submitted)).toEqual([['IN_REVIEW', dpiaId, 1]]);
  });

  it('should read STALE when the service later collects a sensitive category it did not assess, EXPIRED once the review date passes', async () => {
    await setInventory(t, as.officer, 'faces', [item('user.account'), item('user.biometric'), item('device.location')]);
    const [stale] = await of('faces');
    const approvedOn = stale.dpia.approvedAt!.slice(0, 10);
    const reason = 'the service now collects sensitive device.location, which it did not assess';
    expect(stale.dpia).toMatchObject({ required: true, status: 'STALE', assessmentId: dpiaId, statusReason: reason });
    expect(dpiaGaps(stale)).toEqual([`${MISSING} its DPIA is stale (approved on ${approvedOn}, ${reason})`]);

    t.clock.advance(200 * DAY);
    const [expired] = await of('faces');
    expect(expired.dpia).toMatchObject({ status: 'EXPIRED', assessmentId: dpiaId, statusReason: expect.stringContaining('its review was due on') });
    expect(dpiaGaps(expired)).toEqual([`${MISSING} its DPIA expired on ${reviewDueAt.slice(0, 10)} (approved on ${approvedOn})`]);
    // maps meets one criterion only: no DPIA required.
    expect((await of('maps'))[0].dpia).toMatchObject({ required: false, criteria: [], status: 'NONE' });
  });
});
