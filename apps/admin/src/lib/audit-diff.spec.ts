import { auditChanges } from './audit-diff';

describe('auditChanges', () => {
  it('should list a changed field with its before and after', () => {
    expect(auditChanges({ name: 'Maps', lifecycle: 'ACTIVE' }, { name: 'Maps', lifecycle: 'DEPRECATED' })).toEqual([
      { path: 'lifecycle', kind: 'changed', before: 'ACTIVE', after: 'DEPRECATED' },
    ]);
  });

  it('should list every field of a created entity as added', () => {
    expect(auditChanges(null, { key: 'maps', name: 'Maps' })).toEqual([
      { path: 'key', kind: 'added', after: 'maps' },
      { path: 'name', kind: 'added', after: 'Maps' },
    ]);
  });

  it('should list removed fields and nested paths', () => {
    const rows = auditChanges({ team: { key: 'geo' }, description: 'x' }, { team: { key: 'media' } });
    expect(rows).toEqual([
      { path: 'description', kind: 'removed', before: 'x' },
      { path: 'team.key', kind: 'changed', before: 'geo', after: 'media' },
    ]);
  });

  it('should match array elements by key so a reorder is no change', () => {
    const before = { items: [{ key: 'a', v: 1 }, { key: 'b', v: 2 }] };
    expect(auditChanges(before, { items: [{ key: 'b', v: 2 }, { key: 'a', v: 1 }] })).toEqual([]);
    const rows = auditChanges(before, { items: [{ key: 'a', v: 1 }, { key: 'b', v: 3 }] });
    expect(rows).toEqual([{ path: 'items[b].v', kind: 'changed', before: 2, after: 3 }]);
  });

  it('should match inventory items by data category, so adding one item is one added item', () => {
    const item = (dataCategory: string, retentionDays: number) => ({ dataCategory, purposes: ['ANALYTICS'], retentionDays });
    const before = { items: [item('email', 30), item('location', 90)] };
    const rows = auditChanges(before, { items: [item('contacts', 10), item('email', 30), item('location', 180)] });
    expect(rows).toEqual([
      { path: 'items[contacts]', kind: 'added', after: item('contacts', 10) },
      { path: 'items[location].retentionDays', kind: 'changed', before: 90, after: 180 },
    ]);
    expect(auditChanges(before, { items: [item('location', 90)] })).toEqual([{ path: 'items[email]', kind: 'removed', before: item('email', 30) }]);
  });

  it('should count positions from 1 in lists without identities', () => {
    expect(auditChanges({ tags: ['a', 'b'] }, { tags: ['a', 'c'] })).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: expect.stringMatching(/^tags\[2\]$/) })]),
    );
  });

  it('should return nothing when nothing changed', () => {
    expect(auditChanges({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
