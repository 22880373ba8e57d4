import fc from 'fast-check';
import { type ProcessorDpa, dpaDatesProblem, dpaStanding, isDpaValid } from './dpa';

const at = (iso: string) => new Date(iso);

describe('dpaStanding', () => {
  const now = at('2026-11-29T10:00:00.000Z');
  const dpa = (signed: string | null, expires: string | null): ProcessorDpa => ({ dpaSignedAt: signed ? at(signed) : null, dpaExpiresAt: expires ? at(expires) : null });

  it('should be VALID when signed and ending after the renewal window, or never ending', () => {
    expect(dpaStanding(dpa('2026-01-01T00:00:00Z', '2027-06-30T00:00:00Z'), now).state).toBe('VALID');
    expect(dpaStanding(dpa('2026-01-01T00:00:00Z', null), now)).toEqual({ state: 'VALID', daysLeft: null });
  });

  it('should be EXPIRING within 30 days, counting the days left', () => {
    expect(dpaStanding(dpa('2025-01-01T00:00:00Z', '2026-12-11T10:00:00Z'), now)).toEqual({ state: 'EXPIRING', daysLeft: 12 });
    expect(dpaStanding(dpa('2025-01-01T00:00:00Z', '2026-12-29T10:00:00Z'), now).state).toBe('EXPIRING');
    expect(dpaStanding(dpa('2025-01-01T00:00:00Z', '2026-12-30T10:00:01Z'), now).state).toBe('VALID');
  });

  it('should be EXPIRED from the very instant of expiry', () => {
    expect(dpaStanding(dpa('2024-01-01T00:00:00Z', now.toISOString()), now).state).toBe('EXPIRED');
    expect(dpaStanding(dpa('2024-01-01T00:00:00Z', '2026-11-01T00:00:00Z'), now).state).toBe('EXPIRED');
  });

  it('should be NONE unsigned or signed only for a later date', () => {
    expect(dpaStanding(dpa(null, '2027-01-01T00:00:00Z'), now)).toEqual({ state: 'NONE', daysLeft: null });
    expect(dpaStanding(dpa('2027-01-01T00:00:00Z', null), now).state).toBe('NONE');
  });

  it('should call a DPA valid exactly when isDpaValid does', () => {
    const instant = fc.option(fc.integer({ min: -100, max: 100 }).map((d) => new Date(now.getTime() + d * 43_200_000)), { nil: null });
    fc.assert(
      fc.property(instant, instant, (dpaSignedAt, dpaExpiresAt) => {
        const state = dpaStanding({ dpaSignedAt, dpaExpiresAt }, now).state;
        expect(state === 'VALID' || state === 'EXPIRING').toBe(isDpaValid({ dpaSignedAt, dpaExpiresAt }, now));
      }),
    );
  });
});

describe('dpaDatesProblem', () => {
  const now = new Date('2026-12-01T00:00:00.000Z');
  const at = (iso: string | null) => (iso ? new Date(iso) : null);
  const problem = (signed: string | null, expires: string | null) => dpaDatesProblem({ dpaSignedAt: at(signed), dpaExpiresAt: at(expires) }, now);

  it('should accept no DPA, a signed one, and one that already expired', () => {
    expect(problem(null, null)).toBeNull();
    expect(problem('2026-01-01T00:00:00Z', null)).toBeNull();
    expect(problem('2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toBeNull();
  });

  it('should refuse a signature in the future, beyond a few minutes of clock skew', () => {
    expect(problem('2026-12-01T00:04:00Z', null)).toBeNull();
    expect(problem('2026-12-02T00:00:00Z', null)).toEqual({ field: 'dpaSignedAt', code: 'SIGNED_IN_FUTURE' });
  });

  it('should refuse an expiry without a signature, or not after it', () => {
    expect(problem(null, '2027-01-01T00:00:00Z')).toEqual({ field: 'dpaExpiresAt', code: 'EXPIRY_WITHOUT_SIGNATURE' });
    expect(problem('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toEqual({ field: 'dpaExpiresAt', code: 'EXPIRY_NOT_AFTER_SIGNATURE' });
  });
});
