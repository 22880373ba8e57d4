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
    expect(rows).toEqual([{ path: 'items[1].v', kind: 'changed', before: 2, after: 3 }]);
  });

  it('should return nothing when nothing changed', () => {
    expect(auditChanges({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
