import { content, processor } from '../testing/transfer-builders';
import { tiaContentFingerprint } from './tia-fingerprint';

const c = content({ dataCategories: ['device.log', 'user.account'], purposes: ['service.improve', 'security'] });
const p = processor({
  country: 'US',
  transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES',
  subProcessors: [
    { name: 'hosting', country: 'IN', transferMechanism: 'BINDING_CORPORATE_RULES' },
    { name: 'mail', country: 'BR', transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' },
  ],
});
const base = tiaContentFingerprint(c, p);

describe('tiaContentFingerprint', () => {
  it('should not read version, status or approvals', () => {
    const approved = { ...c, id: 'a1', version: 7, status: 'APPROVED', approverIds: ['dpo-1', 'dpo-2'], requiredApprovals: 2 };
    expect(tiaContentFingerprint(approved, { ...p, dpaSignedAt: new Date(), version: 3 } as typeof p)).toBe(base);
  });

  it('should compare lists as sets, whatever their order, case or repeats', () => {
    const reordered = content({ dataCategories: ['user.account', 'device.log', 'device.log'], purposes: ['security', 'service.improve'] });
    const subs = [...p.subProcessors!].reverse().map((s) => ({ ...s, country: s.country.toLowerCase() }));
    expect(tiaContentFingerprint(reordered, { ...p, country: 'us', subProcessors: subs })).toBe(base);
  });

  it('should not read what the design leaves out: certifications, sub-processors\u2019 names and purposes', () => {
    const renamed = p.subProcessors!.map((s, i) => ({ ...s, name: `renamed ${i}`, purpose: 'hosting' }));
    expect(tiaContentFingerprint(c, { ...p, certifications: ['DPF'], subProcessors: renamed })).toBe(base);
  });

  it('should be a readable, versioned string', () => {
    expect(base).toBe(
      'tia-content/1:{"categories":["device.log","user.account"],"country":"US","legalBasis":"CONTRACT","mechanism":"STANDARD_CONTRACTUAL_CLAUSES","processor":"acme","purposes":["security","service.improve"],"subProcessors":["BR STANDARD_CONTRACTUAL_CLAUSES","IN BINDING_CORPORATE_RULES"]}',
    );
  });
});
