import { DpaBadge } from './DpaBadge';
import { renderPage } from '../testing/render';

const now = new Date('2026-11-29T10:00:00.000Z');
const badge = (dpaSignedAt: string | null, dpaExpiresAt: string | null) => {
  const { container, unmount } = renderPage(<DpaBadge processor={{ dpaSignedAt, dpaExpiresAt }} now={now} />);
  const element = container.querySelector('[data-dpa]')!;
  const seen = { state: element.getAttribute('data-dpa'), label: element.textContent };
  unmount();
  return seen;
};

describe('DpaBadge', () => {
  it('should say until when a valid DPA runs, or that it does not expire', () => {
    expect(badge('2026-01-01T00:00:00Z', '2027-06-30T00:00:00Z')).toEqual({ state: 'VALID', label: 'Valid until 2027-06-30' });
    expect(badge('2026-01-01T00:00:00Z', null)).toEqual({ state: 'VALID', label: 'Valid (signed 2026-01-01, no expiry)' });
  });

  it('should count the days left of a DPA ending within the renewal window', () => {
    expect(badge('2025-01-01T00:00:00Z', '2026-12-11T10:00:00Z')).toEqual({ state: 'EXPIRING', label: 'Expires in 12 days (2026-12-11)' });
  });

  it('should say when it expired, and when a DPA is missing or not in force yet', () => {
    expect(badge('2024-01-01T00:00:00Z', '2026-11-01T00:00:00Z')).toEqual({ state: 'EXPIRED', label: 'Expired on 2026-11-01' });
    expect(badge(null, null)).toEqual({ state: 'NONE', label: 'No DPA signed' });
    expect(badge('2027-01-01T00:00:00Z', null)).toEqual({ state: 'NONE', label: 'Not in force yet: signed for 2027-01-01' });
  });
});
