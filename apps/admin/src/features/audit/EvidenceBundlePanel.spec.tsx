import { screen } from '@testing-library/react';
import { EvidenceBundlePanel, evidenceBundleHref } from './EvidenceBundlePanel';
import { auditor, renderPage } from '../../testing/render';
import { allowTypingTime } from '../../testing/fixtures';

allowTypingTime();

const NOW = new Date('2026-11-30T12:00:00.000Z');
const link = () => screen.getByRole('link', { name: 'Download the evidence bundle' });

describe('EvidenceBundlePanel', () => {
  it('should link to the bundle as of now, named by the instant, with the public key beside it', () => {
    renderPage(<EvidenceBundlePanel now={() => NOW} />, { viewer: auditor });
    expect(link()).toHaveAttribute('href', '/evidence/bundle');
    expect(link()).toHaveAttribute('download', 'canopy-evidence-2026-11-30T12-00Z.jsonl');
    expect(screen.getByRole('link', { name: 'the public key' })).toHaveAttribute('href', '/.well-known/canopy-audit-key');
  });

  it('should ask for the bundle as of a typed instant', async () => {
    const { user } = renderPage(<EvidenceBundlePanel now={() => NOW} />, { viewer: auditor });
    await user.type(screen.getByLabelText(/As of/), '2026-11-20 09:30');
    await user.tab();
    expect(link()).toHaveAttribute('href', evidenceBundleHref('2026-11-20T09:30:00.000Z'));
    expect(link()).toHaveAttribute('download', 'canopy-evidence-2026-11-20T09-30Z.jsonl');
    // jsdom cannot navigate: the browser's part (saving the file) is the browser test's.
    const stay = (event: Event) => event.preventDefault();
    document.addEventListener('click', stay);
    await user.click(link());
    document.removeEventListener('click', stay);
    expect(await screen.findByText(/saving the evidence bundle as of 2026-11-20 09:30/)).toBeInTheDocument();
  });

  it('should refuse an instant in the future next to the field, with nothing to download', async () => {
    const { user } = renderPage(<EvidenceBundlePanel now={() => NOW} />, { viewer: auditor });
    await user.type(screen.getByLabelText(/As of/), '2027-01-01 00:00');
    await user.tab();
    expect(screen.getByText(/in the future: a bundle can only prove what was already recorded/)).toBeInTheDocument();
    expect(screen.getByText('Download the evidence bundle').closest('a')).not.toHaveAttribute('href');
  });
});
