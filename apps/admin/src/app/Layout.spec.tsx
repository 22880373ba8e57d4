import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Layout } from './Layout';
import { auditor, engineer, officer, renderPage } from '../testing/render';

const navLabels = () =>
  within(screen.getByRole('navigation', { name: 'Main' }))
    .getAllByRole('link')
    .map((a) => a.textContent);

describe('Layout', () => {
  it('should show an officer every section, the audit log included', () => {
    renderPage(<Layout />, { viewer: officer });
    expect(navLabels()).toEqual(['Review queues', 'Overview', 'Conflicts', 'Sharing', 'Assessments', 'Services', 'Processors', 'Policies', 'Findings', 'Taxonomy', 'Adequacy register', 'Transfer what-if', 'Organisation', 'Audit log', 'Exports', 'Explorer']);
  });

  it('should not offer the audit log to an engineer', () => {
    renderPage(<Layout />, { viewer: engineer });
    expect(navLabels()).not.toContain('Audit log');
    expect(navLabels()).toContain('Services');
  });

  it('should show the viewer name and role in the header', () => {
    renderPage(<Layout />, { viewer: auditor });
    const header = screen.getByTestId('viewer');
    expect(header).toHaveTextContent('Aria Auditor');
    expect(header).toHaveTextContent('Auditor');
    expect(within(header).getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });

  it('should mark the current section', () => {
    renderPage(<Layout />, { viewer: officer, path: '/services/maps', route: '/services/:key' });
    expect(screen.getByRole('link', { name: 'Services' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Overview' })).not.toHaveAttribute('aria-current', 'page');
  });

  it('should offer a skip link as the first stop of the keyboard, which moves focus to the content', async () => {
    renderPage(<Layout />, { viewer: officer });
    await userEvent.tab();
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    expect(skip).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(document.getElementById('main')).toHaveFocus();
  });
});
