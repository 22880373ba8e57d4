import { testDialects } from '@canopy/persistence';
import { codeOf } from '../../../testing/test-server';
import { VIEWERS } from '../../../testing/viewer-roles';
import { ENGINEER, OFFICER, OFFICER_2, OTHER_ENGINEER, useWorld } from '../../../testing/world';
import * as fx from '../../../testing/fixtures';

type Status = fx.ArrangementStatus;
type Action = 'SUBMIT' | 'APPROVE' | 'REJECT' | 'REVOKE' | 'WITHDRAW';
const STATUSES = fx.ARRANGEMENT_STATUSES;
const ACTIONS: Action[] = ['SUBMIT', 'APPROVE', 'REJECT', 'REVOKE', 'WITHDRAW'];
const stepsTo = (status: Status) => fx.STEPS_TO[status].map((step) => step.toUpperCase() as Action);
const VIEWER_ACTIONS = 'query($id: ID!, $at: DateTime) { sharingArrangement(id: $id, at: $at) { status viewerActions } }';

describe.each(testDialects())('SharingArrangement.viewerActions on %s', (dialect) => {
  // The requester is an engineer of the owning team; a teammate and a second officer act too.
  const t = useWorld(dialect, {
    teams: ['geo', 'media'],
    people: {
      officer: OFFICER,
      auditor: VIEWERS.auditor,
      requester: ENGINEER,
      outsider: OTHER_ENGINEER,
      officer2: OFFICER_2,
      teammate: { email: 'geo2@x.test', roles: ['ENGINEER'], teams: ['geo'] },
    },
    services: [{ key: 'maps', team: 'geo' }],
    processors: ['tiles'],
    globalPolicy: fx.PERMISSIVE_GLOBAL,
    inventory: { maps: [fx.item('device.log')] },
  });
  const { as } = t;

  const act = (action: Action, id: string, version: number, token: string) => {
    const decide = { i: { id, expectedVersion: version, comment: 'reason' } };
    const query = { SUBMIT: fx.SUBMIT, WITHDRAW: fx.WITHDRAW, APPROVE: fx.APPROVE, REJECT: fx.REJECT, REVOKE: fx.REVOKE }[action];
    return t.gql(query, action === 'SUBMIT' || action === 'WITHDRAW' ? { id, v: version } : decide, token);
  };

  /** A fresh arrangement of geo's engineer, driven to `status` by those who may. */
  async function arrangementIn(status: Status): Promise<{ id: string; version: number }> {
    const a = await fx.propose(t, as.requester, { serviceKey: 'maps', processorKey: 'tiles', dataCategories: ['device.log'] });
    let version = a.version as number;
    for (const step of stepsTo(status)) {
      const r = await act(step, a.id, version, step === 'APPROVE' || step === 'REJECT' ? as.officer2 : as.requester);
      if (r.errors) throw new Error(`${step}: ${JSON.stringify(r.errors)}`);
      version += 1;
    }
    return { id: a.id, version };
  }

  it('should list for every role and status exactly the transitions the API then accepts', async () => {
    const disagreements: string[] = [];
    for (const status of STATUSES) {
      for (const [who, token] of Object.entries(as)) {
        let current = await arrangementIn(status);
        const offered: Action[] = (await fx.expectOk(t.gql(VIEWER_ACTIONS, { id: current.id }, token))).sharingArrangement.viewerActions;
        for (const action of ACTIONS) {
          const r = await act(action, current.id, current.version, token);
          const code = codeOf(r);
          // A permitted approval may still be refused by a failing check (here: an officer approving twice).
          const accepted = !r.errors || code === 'CHECKS_FAILED';
          if (accepted !== offered.includes(action)) disagreements.push(`${who} ${action} from ${status}: offered ${offered.includes(action)}, API ${code ?? 'ok'}`);
          if (!r.errors) current = await arrangementIn(status);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('should offer each role what DESIGN.md section 5 gives it', async () => {
    const pending = await arrangementIn('PENDING_REVIEW');
    const offered = async (token: string) => (await fx.expectOk(t.gql(VIEWER_ACTIONS, { id: pending.id }, token))).sharingArrangement.viewerActions;
    expect(await offered(as.officer)).toEqual(['APPROVE', 'REJECT']);
    expect(await offered(as.requester)).toEqual(['WITHDRAW']);
    expect(await offered(as.teammate)).toEqual(['WITHDRAW']);
    for (const token of [as.outsider, as.auditor, as.admin]) expect(await offered(token)).toEqual([]);
  });

  it('should offer nothing on an arrangement read as of an instant', async () => {
    const draft = await arrangementIn('DRAFT');
    const r = await fx.expectOk(t.gql(VIEWER_ACTIONS, { id: draft.id, at: new Date(Date.now() + 1000).toISOString() }, as.requester));
    expect(r.sharingArrangement).toEqual({ status: 'DRAFT', viewerActions: [] });
  });
});
