import { dpaStatus } from './dpa';

describe('dpaStatus', () => {
  const now = new Date('2026-11-29T10:00:00.000Z');

  it('should be VALID when signed and expiring after the warning window', () => {
    const status = dpaStatus({ dpaSignedAt: '2026-01-01T00:00:00Z', dpaExpiresAt: '2027-06-30T00:00:00Z' }, now);
    expect(status.state).toBe('VALID');
    expect(status.label).toBe('Valid until 2027-06-30');
  });

  it('should be VALID without an expiry date', () => {
    expect(dpaStatus({ dpaSignedAt: '2026-01-01T00:00:00Z', dpaExpiresAt: null }, now)).toMatchObject({ state: 'VALID', daysLeft: null });
  });

  it('should be EXPIRING within 30 days, saying how many days are left', () => {
    const status = dpaStatus({ dpaSignedAt: '2025-01-01T00:00:00Z', dpaExpiresAt: '2026-12-11T10:00:00Z' }, now);
    expect(status).toMatchObject({ state: 'EXPIRING', daysLeft: 12 });
    expect(status.label).toBe('Expires in 12 days (2026-12-11)');
  });

  it('should be EXPIRING on exactly the 30th day and VALID on the 31st', () => {
    expect(dpaStatus({ dpaSignedAt: '2025-01-01T00:00:00Z', dpaExpiresAt: '2026-12-29T10:00:00Z' }, now).state).toBe('EXPIRING');
    expect(dpaStatus({ dpaSignedAt: '2025-01-01T00:00:00Z', dpaExpiresAt: '2026-12-30T10:00:01Z' }, now).state).toBe('VALID');
  });

  it('should be EXPIRED once the expiry has passed', () => {
    const status = dpaStatus({ dpaSignedAt: '2024-01-01T00:00:00Z', dpaExpiresAt: '2026-11-01T00:00:00Z' }, now);
    expect(status.state).toBe('EXPIRED');
    expect(status.label).toBe('Expired on 2026-11-01');
  });

  it('should be EXPIRED at the very instant of expiry', () => {
    expect(dpaStatus({ dpaSignedAt: '2024-01-01T00:00:00Z', dpaExpiresAt: now.toISOString() }, now).state).toBe('EXPIRED');
  });

  it('should be NONE without a signature', () => {
    expect(dpaStatus({ dpaSignedAt: null, dpaExpiresAt: '2027-01-01T00:00:00Z' }, now)).toMatchObject({ state: 'NONE', label: 'No DPA signed' });
  });

  it('should be NONE when signed for a later date', () => {
    expect(dpaStatus({ dpaSignedAt: '2027-01-01T00:00:00Z' }, now).state).toBe('NONE');
  });
});
