import { open, resolved } from '../testing/builders';
import { carryForwardResolutions } from './carry-forward';

describe('carryForwardResolutions', () => {
  const facts = { topic: 'SHARING' as const, subject: 'device.location:third_party', globalValue: 'PROHIBITED', serviceValue: 'CONSENT' };

  it('should carry a resolution to a candidate with the same topic, subject and values', () => {
    const [r] = carryForwardResolutions([resolved('c1', facts, 'SERVICE_PREVAILS')], [facts]);
    expect(r).toEqual({
      candidate: facts,
      inherited: {
        carriedFromId: 'c1',
        resolution: 'SERVICE_PREVAILS',
        rationale: 'contract requires it',
        resolvedByEmail: 'dpo@example.com',
        resolvedAt: new Date('2026-11-29T10:00:00.000Z'),
      },
    });
  });

  it('should not carry when the global value changed', () => {
    const [r] = carryForwardResolutions([resolved('c1', facts, 'SERVICE_PREVAILS')], [{ ...facts, globalValue: 'CONSENT', serviceValue: 'ALLOWED' }]);
    expect(r.inherited).toBeNull();
  });

  it('should not carry when the service value changed', () => {
    const [r] = carryForwardResolutions([resolved('c1', facts, 'GLOBAL_PREVAILS')], [{ ...facts, serviceValue: 'ALLOWED' }]);
    expect(r.inherited).toBeNull();
  });

  it('should not carry to another subject', () => {
    const [r] = carryForwardResolutions([resolved('c1', facts, 'SERVICE_PREVAILS')], [{ ...facts, subject: 'device:third_party' }]);
    expect(r.inherited).toBeNull();
  });

  it('should not carry an OPEN conflict', () => {
    const [r] = carryForwardResolutions([open('c1', facts)], [facts]);
    expect(r.inherited).toBeNull();
  });

  it('should keep candidate order and prefer the latest resolution', () => {
    const older = resolved('c1', facts, 'GLOBAL_PREVAILS', { resolvedAt: new Date('2026-01-01T00:00:00Z') });
    const newer = resolved('c2', facts, 'SERVICE_PREVAILS', { resolvedAt: new Date('2026-02-01T00:00:00Z') });
    const other = { ...facts, topic: 'RIGHT' as const, subject: 'ACCESS', globalValue: 'GRANTED', serviceValue: 'NOT_GRANTED' };
    const result = carryForwardResolutions([newer, older], [other, facts]);
    expect(result.map((r) => r.inherited?.carriedFromId ?? null)).toEqual([null, 'c2']);
  });
});
