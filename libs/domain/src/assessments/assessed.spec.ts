import { assessedSnapshot } from './assessed';
import { tiaContentFingerprint } from '../transfers/tia-fingerprint';

describe('assessedSnapshot', () => {
  const processor = { key: 'acme', country: 'US', transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' as const, certifications: [], subProcessors: [] };
  const arrangement = { dataCategories: ['user.contact', 'user.account', 'user.contact'], purposes: ['service.provide'], legalBasis: 'CONTRACT' as const };

  it('should record the inventory categories of a DPIA, sorted and without repeats, and no content', () => {
    expect(assessedSnapshot({ kind: 'DPIA', inventoryCategories: ['user.contact', 'user.account', 'user.contact'] })).toEqual({
      assessedCategories: ['user.account', 'user.contact'],
      assessedContent: null,
    });
  });

  it("should record the arrangement's categories and its content fingerprint for a TIA", () => {
    const snap = assessedSnapshot({ kind: 'TIA', arrangement, processor });
    expect(snap.assessedCategories).toEqual(['user.account', 'user.contact']);
    expect(snap.assessedContent).toBe(tiaContentFingerprint(arrangement, processor));
  });

  it("should record a different content when the processor's country changes", () => {
    const before = assessedSnapshot({ kind: 'TIA', arrangement, processor });
    const after = assessedSnapshot({ kind: 'TIA', arrangement, processor: { ...processor, country: 'IN' } });
    expect(after.assessedContent).not.toBe(before.assessedContent);
  });
});
