import { screen } from '@testing-library/react';
import { useLocation } from 'react-router';
import { AsOfBanner } from './AsOfBanner';
import { RoutedTabs } from '../../components/RoutedTabs';
import { renderPage } from '../../testing/render';

function Where() {
  const location = useLocation();
  return <div data-testid="where">{location.search}</div>;
}

const TABS = [
  { value: 'overview', label: 'Overview' },
  { value: 'inventory', label: 'Inventory' },
];

describe('AsOfBanner', () => {
  it('should say the instant once and lead back to now, keeping the tab', async () => {
    const { user } = renderPage(
      <>
        <AsOfBanner tab="inventory" />
        <Where />
      </>,
      { path: '/services/lens?tab=inventory&at=2026-06-01T00%3A00%3A00.000Z', route: '/services/:key' },
    );
    const banner = screen.getByRole('status', { name: 'As of 2026-06-01 00:00 UTC' });
    expect(banner).toHaveTextContent('As of 2026-06-01 00:00 UTC');
    expect(screen.getAllByTestId('as-of-banner')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Back to now' }));
    expect(screen.getByTestId('where')).toHaveTextContent('?tab=inventory');
    expect(screen.getByTestId('where')).not.toHaveTextContent('at=');
    expect(screen.queryByTestId('as-of-banner')).not.toBeInTheDocument();
    // Now: the instant can be chosen on a tab that honours it.
    expect(screen.getByRole('textbox', { name: /As of \(UTC\)/ })).toBeInTheDocument();
  });

  it('should offer no instant on a tab that shows only the present, and still say the page is in the past', () => {
    renderPage(<AsOfBanner tab="overview" />, { path: '/services/lens', route: '/services/:key' });
    expect(screen.queryByRole('textbox', { name: /As of/ })).not.toBeInTheDocument();
    renderPage(<AsOfBanner tab="history" />, { path: '/services/lens?tab=history&at=2026-06-01T00%3A00%3A00.000Z', route: '/services/:key' });
    expect(screen.getByTestId('as-of-banner')).toHaveTextContent('The overview, conflicts and history show the present.');
  });
});

describe('RoutedTabs', () => {
  it('should keep the parameters it is told to keep when the tab changes', async () => {
    const { user } = renderPage(
      <RoutedTabs tabs={TABS} keep={['at']}>
        <Where />
      </RoutedTabs>,
      { path: '/services/lens?at=2026-06-01T00%3A00%3A00.000Z&other=1', route: '/services/:key' },
    );
    await user.click(screen.getByRole('tab', { name: 'Inventory' }));
    expect(screen.getByTestId('where')).toHaveTextContent('?tab=inventory&at=2026-06-01T00%3A00%3A00.000Z');
    await user.click(screen.getByRole('tab', { name: 'Overview' }));
    expect(screen.getByTestId('where')).toHaveTextContent(/^\?at=2026-06-01T00%3A00%3A00\.000Z$/);
  });
});
