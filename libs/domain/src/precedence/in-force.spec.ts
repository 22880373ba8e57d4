import { inForceFrom } from '../amendments/notice';
import { conflictStatusAt, counterparts, pairTakesEffectAt, versionsNeverInForce } from './in-force';

const at = (iso: string) => new Date(iso);
const version = (policyId: string, number: number, inForce: string | null) => ({ policyId, number, inForceFrom: inForce ? at(inForce) : null });

describe('inForceFrom', () => {
  it('should take the effective date when it lies after publication', () => {
    expect(inForceFrom(at('2026-12-10T00:00:00Z'), at('2026-12-01T00:00:00Z'))).toEqual(at('2026-12-10T00:00:00Z'));
  });

  it('should take the publication when the effective date lies in the past: history is never rewritten', () => {
    expect(inForceFrom(at('2026-01-01T00:00:00Z'), at('2026-12-01T00:00:00Z'))).toEqual(at('2026-12-01T00:00:00Z'));
  });
});

describe('counterparts', () => {
  const from = at('2026-12-01T00:00:00Z');

  it('should pair with the version in force then and every later-scheduled one, per policy', () => {
    const versions = [
      version('g', 1, '2026-01-01T00:00:00Z'),
      version('g', 2, '2026-06-01T00:00:00Z'),
      version('g', 3, '2027-01-01T00:00:00Z'),
      version('s', 1, '2026-11-30T00:00:00Z'),
    ];
    expect(counterparts(versions, from).map((v) => `${v.policyId}${v.number}`)).toEqual(['g2', 'g3', 's1']);
  });

  it('should pair with scheduled versions only when none is in force yet', () => {
    expect(counterparts([version('g', 1, '2027-01-01T00:00:00Z')], from).map((v) => v.number)).toEqual([1]);
  });

  it('should leave out drafts (no instant in force) and a version in force from the very instant counts as in force', () => {
    const versions = [version('g', 1, '2026-12-01T00:00:00Z'), version('g', 2, null)];
    expect(counterparts(versions, from).map((v) => v.number)).toEqual([1]);
  });
});

describe('conflictStatusAt', () => {
  const resolvedAt = at('2026-12-01T00:00:00Z');

  it('should be SUPERSEDED once a newer version of either side is in force, whatever its resolution', () => {
    expect(conflictStatusAt({ resolvedAt }, true, at('2026-12-02T00:00:00Z'))).toBe('SUPERSEDED');
  });

  it('should count a resolution from its resolvedAt on', () => {
    expect(conflictStatusAt({ resolvedAt }, false, at('2026-11-30T23:59:59Z'))).toBe('OPEN');
    expect(conflictStatusAt({ resolvedAt }, false, resolvedAt)).toBe('RESOLVED');
    expect(conflictStatusAt({ resolvedAt: null }, false, resolvedAt)).toBe('OPEN');
  });
});

describe('versionsNeverInForce', () => {
  const published = [version('p', 1, '2026-11-01T00:00:00Z'), version('p', 2, '2027-01-01T00:00:00Z'), version('p', 3, '2027-02-01T00:00:00Z'), version('p', 4, null)];

  it('should name the scheduled versions a newer one coming into force no later than them preempts', () => {
    expect(versionsNeverInForce(published, at('2026-12-15T00:00:00Z')).map((v) => v.number)).toEqual([2, 3]);
    expect(versionsNeverInForce(published, at('2027-01-15T00:00:00Z')).map((v) => v.number)).toEqual([3]);
    // The same instant: the newer version applies, so the scheduled one never does.
    expect(versionsNeverInForce(published, at('2027-02-01T00:00:00Z')).map((v) => v.number)).toEqual([3]);
  });

  it('should name none when the new version comes into force after every scheduled one', () => {
    expect(versionsNeverInForce(published, at('2027-03-01T00:00:00Z'))).toEqual([]);
  });
});

describe('pairTakesEffectAt', () => {
  const now = at('2026-12-01T00:00:00Z');
  it('should give the later of the two versions\' dates while it is ahead, and null once the pair is in force', () => {
    expect(pairTakesEffectAt(at('2026-11-01T00:00:00Z'), at('2027-01-01T00:00:00Z'), now)).toEqual(at('2027-01-01T00:00:00Z'));
    expect(pairTakesEffectAt(at('2027-02-01T00:00:00Z'), at('2026-10-01T00:00:00Z'), now)).toEqual(at('2027-02-01T00:00:00Z'));
    expect(pairTakesEffectAt(at('2026-11-01T00:00:00Z'), at('2026-11-30T00:00:00Z'), now)).toBeNull();
    expect(pairTakesEffectAt(null, at('2027-01-01T00:00:00Z'), now)).toBeNull();
  });
});
