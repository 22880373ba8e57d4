import { screen } from '@testing-library/react';
import { RequireSection, RequireSession, safeReturnPath } from './guards';
import { engineer, officer, renderPage } from '../testing/render';

describe('RequireSession', () => {
  it('should send a signed-out visit to /signin with the page to return to', async () => {
    renderPage(
      <RequireSession>
        <div>secret</div>
      </RequireSession>,
      { viewer: null, path: '/services/maps?tab=history', route: '/services/:key' },
    );
    expect(screen.queryByText('secret')).not.toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(`/signin?next=${encodeURIComponent('/services/maps?tab=history')}`);
  });

  it('should show the page to a signed-in viewer', () => {
    renderPage(
      <RequireSession>
        <div>secret</div>
      </RequireSession>,
      { viewer: officer },
    );
    expect(screen.getByText('secret')).toBeInTheDocument();
  });
});

describe('RequireSection', () => {
  it('should refuse the audit log to an engineer in words', () => {
    renderPage(
      <RequireSection section="audit" what="the audit log">
        <div>events</div>
      </RequireSection>,
      { viewer: engineer },
    );
    expect(screen.queryByText('events')).not.toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Your role cannot open the audit log.');
  });
});

describe('safeReturnPath', () => {
  it('should only return to paths inside the console', () => {
    expect(safeReturnPath('/conflicts/42')).toBe('/conflicts/42');
    expect(safeReturnPath('//evil.example/x')).toBe('/');
    expect(safeReturnPath('https://evil.example')).toBe('/');
    expect(safeReturnPath('/\\evil.example')).toBe('/');
    expect(safeReturnPath('/signin?next=/x')).toBe('/');
    expect(safeReturnPath(null)).toBe('/');
  });
});
