import { testDialects } from '@canopy/persistence';
import { codeOf } from '../../../testing/test-server';
import { useViewerWorld } from '../../../testing/viewer-roles';
import * as fx from '../../../testing/fixtures';

const VIEWER_FIELDS = 'query($k: String!) { service(key: $k) { version viewerCanEdit } teams { key viewerCanRegisterServices } }';
const UPDATE = 'mutation($k: String!, $v: Int!) { updateService(input: { key: $k, expectedVersion: $v, description: "edited" }) { version } }';
const MEASURES = 'mutation($k: String!) { setSecurityMeasures(serviceKey: $k, measures: ["TLS 1.3"]) { key } }';
const PROPOSE = 'mutation($k: String!) { proposeSharing(input: { serviceKey: $k, processorKey: "tiles", dataCategories: ["device.log"], purposes: ["service.improve"], legalBasis: CONTRACT }) { id } }';
const CREATE_POLICY = 'mutation($k: String!, $pk: String!) { createPolicy(input: { key: $pk, title: "A policy", scope: SERVICE, serviceKey: $k }) { key } }';
const REGISTER = 'mutation($k: String!, $team: String!) { registerService(input: { key: $k, name: $k, teamKey: $team }) { key } }';
const SHARING = 'query($id: ID!) { sharingArrangement(id: $id) { status version viewerCanEdit } }';
const UPDATE_SHARING = 'mutation($id: ID!, $v: Int!, $b: LegalBasis!) { updateSharing(input: { id: $id, expectedVersion: $v, legalBasis: $b }) { version } }';

describe.each(testDialects())('what the viewer may do to services, teams and draft arrangements, on %s', (dialect) => {
  const t = useViewerWorld(dialect, { services: [{ key: 'maps', team: 'geo' }], processors: ['tiles'], inventory: { maps: [fx.item('device.log')] } });
  const { as } = t;
  let n = 0;

  const fields = async (token: string, key = 'maps') =>
    (await fx.expectOk(t.gql(VIEWER_FIELDS, { k: key }, token))) as { service: { version: number; viewerCanEdit: boolean }; teams: { key: string; viewerCanRegisterServices: boolean }[] };

  it('should say who may change a service: officers and the owning team only', async () => {
    const table: Record<string, boolean> = {};
    for (const [who, token] of Object.entries(as)) table[who] = (await fields(token)).service.viewerCanEdit;
    expect(table).toEqual({ officer: true, owningEngineer: true, otherEngineer: false, auditor: false, admin: false });
  });

  it("should offer editing exactly to those the API lets change the service's details, inventory, measures, sharing and policy", async () => {
    const disagreements: string[] = [];
    for (const [who, token] of Object.entries(as)) {
      // A fresh service of team geo for each viewer: a service has one service policy at most.
      n += 1;
      const key = `fresh-${n}`;
      await fx.registerService(t, as.officer, key, 'geo');
      await fx.setInventory(t, as.officer, key, [fx.item('device.log')]);
      const { service } = await fields(token, key);
      const attempts: Record<string, () => Promise<{ errors?: unknown }>> = {
        updateService: () => t.gql(UPDATE, { k: key, v: service.version }, token),
        setInventory: () => t.gql(fx.SET_INVENTORY, { k: key, items: [fx.item('device.log'), fx.item('user.account')] }, token),
        setSecurityMeasures: () => t.gql(MEASURES, { k: key }, token),
        proposeSharing: () => t.gql(PROPOSE, { k: key }, token),
        createPolicy: () => t.gql(CREATE_POLICY, { k: key, pk: `${key}-policy` }, token),
      };
      for (const [name, run] of Object.entries(attempts)) {
        const r = (await run()) as Parameters<typeof codeOf>[0];
        if (!r.errors !== service.viewerCanEdit) disagreements.push(`${who} ${name}: offered ${service.viewerCanEdit}, API ${codeOf(r) ?? 'ok'}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('should offer registering into a team exactly to those the API lets register there', async () => {
    const disagreements: string[] = [];
    for (const [who, token] of Object.entries(as)) {
      for (const team of (await fields(token)).teams) {
        n += 1;
        const r = await t.gql(REGISTER, { k: `svc-${n}`, team: team.key }, token);
        if (!r.errors !== team.viewerCanRegisterServices) disagreements.push(`${who} registers into ${team.key}: offered ${team.viewerCanRegisterServices}, API ${codeOf(r) ?? 'ok'}`);
      }
    }
    expect(disagreements).toEqual([]);
    const engineerTeams = (await fields(as.owningEngineer)).teams;
    expect(engineerTeams.filter((x) => x.viewerCanRegisterServices).map((x) => x.key)).toEqual(['geo']);
  });

  it('should offer changing an arrangement exactly to those the API lets change it, in DRAFT only', async () => {
    const disagreements: string[] = [];
    for (const submitted of [false, true]) {
      for (const [who, token] of Object.entries(as)) {
        const a = await fx.propose(t, as.owningEngineer, { serviceKey: 'maps', processorKey: 'tiles', dataCategories: ['device.log'] });
        let version = a.version as number;
        if (submitted) version = (await fx.expectOk(t.gql(fx.SUBMIT, { id: a.id, v: version }, as.owningEngineer))).submitSharing.version;
        const { viewerCanEdit } = (await fx.expectOk(t.gql(SHARING, { id: a.id }, token))).sharingArrangement;
        const r = await t.gql(UPDATE_SHARING, { id: a.id, v: version, b: 'CONSENT' }, token);
        if (!r.errors !== viewerCanEdit) disagreements.push(`${who} updates a ${submitted ? 'submitted' : 'draft'} arrangement: offered ${viewerCanEdit}, API ${codeOf(r) ?? 'ok'}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
