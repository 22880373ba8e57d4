import { PolicyClauseEntity } from '@canopy/persistence';
import type { VersionWithPolicy } from '../policy.queries';
import { PublishedLayers } from '../published-layers';

const version = (id: string, number = 1): VersionWithPolicy =>
  ({ id, number, policy: { scope: 'SERVICE', key: `policy-of-${id}`, serviceId: `service-${id}` } }) as unknown as VersionWithPolicy;

const clause = (versionId: string): PolicyClauseEntity =>
  Object.assign(new PolicyClauseEntity(), { id: `c-${versionId}`, versionId, position: 0, topic: 'RETENTION', subject: 'user', value: '30', locked: false, text: `kept ${versionId}` });

/** A clause reader that records what it was asked for. */
function reader() {
  const asked: string[][] = [];
  const read = async (ids: string[]) => {
    asked.push([...ids]);
    return new Map(ids.map((id) => [id, [clause(id)]]));
  };
  return { asked, read };
}

describe('PublishedLayers', () => {
  it("should read a version's clauses once, and hand out the same layer object after", async () => {
    const layers = new PublishedLayers();
    const { asked, read } = reader();
    const first = await layers.of([version('a'), version('b')], read);
    const second = await layers.of([version('b'), version('c')], read);
    expect(asked).toEqual([['a', 'b'], ['c']]);
    expect(second.get('b')).toBe(first.get('b'));
    expect(first.get('a')).toEqual({ source: 'SERVICE', policyKey: 'policy-of-a', version: 1, clauses: [{ topic: 'RETENTION', subject: 'user', value: '30', locked: false, text: 'kept a' }] });
  });

  it('should read nothing when every version is kept', async () => {
    const layers = new PublishedLayers();
    const { asked, read } = reader();
    await layers.of([version('a')], read);
    await layers.of([version('a')], read);
    expect(asked).toEqual([['a']]);
  });

  it('should let the least recently used layer go beyond its capacity', async () => {
    const layers = new PublishedLayers(2);
    const { asked, read } = reader();
    await layers.of([version('a'), version('b')], read);
    await layers.of([version('a')], read); // a is now more recent than b
    await layers.of([version('c')], read); // b goes
    await layers.of([version('a'), version('b')], read);
    expect(asked).toEqual([['a', 'b'], ['c'], ['b']]);
  });
});
