import { KnownTaxonomy } from './organisation-facts';

describe('KnownTaxonomy', () => {
  const categories = [
    { key: 'user', name: 'User data', description: null, sensitive: false },
    { key: 'user.health', name: 'Health', description: 'Medical records', sensitive: true },
  ];
  const uses = [{ key: 'service', name: 'Providing the service', description: null }];

  it('should hand out the same taxonomy while its rows stay the same', () => {
    const known = new KnownTaxonomy();
    const first = known.of(categories, uses);
    expect(known.of(structuredClone(categories), structuredClone(uses))).toBe(first);
  });

  it('should build a new taxonomy when any field of a row changes', () => {
    const known = new KnownTaxonomy();
    const first = known.of(categories, uses);
    const unflagged = known.of([categories[0], { ...categories[1], sensitive: false }], uses);
    expect(unflagged).not.toBe(first);
    expect(unflagged.flaggedSensitiveCategories()).toEqual([]);
    expect(known.of(categories, [{ ...uses[0], name: 'Renamed' }])).not.toBe(unflagged);
    expect(known.of(categories, uses).flaggedSensitiveCategories()).toEqual(['user.health']);
  });
});
