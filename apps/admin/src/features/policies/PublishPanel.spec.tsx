import { screen } from '@testing-library/react';
import { PublishPanel } from './PublishPanel';
import { renderPage } from '../../testing/render';

describe('PublishPanel', () => {
  it('should explain that no notice is needed when nothing gets weaker', () => {
    renderPage(<PublishPanel policyKey="general" number={3} materialReduction={false} weakened={[]} noticePeriod={{ days: 30, source: 'AMENDMENT_CLAUSE' }} onPublished={jest.fn()} />);
    expect(screen.getByTestId('notice-requirement')).toHaveTextContent('No notice required');
    expect(screen.queryByText('Notice channels')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Publish version 3' })).toBeDisabled();
  });

  it('should compute and explain the notice a material reduction needs', () => {
    renderPage(
      <PublishPanel policyKey="general" number={3} materialReduction weakened={['RETENTION device.log']} noticePeriod={{ days: 45, source: 'AMENDMENT_CLAUSE' }} onPublished={jest.fn()} />,
    );
    const requirement = screen.getByTestId('notice-requirement');
    expect(requirement).toHaveTextContent('Notice required');
    expect(requirement).toHaveTextContent('RETENTION device.log get weaker');
    expect(requirement).toHaveTextContent('at least 45 days before it takes effect');
    expect(requirement).toHaveTextContent('Choose at least one channel');
    expect(screen.getByRole('checkbox', { name: 'e-mail to users' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'prominent homepage notice' })).toBeInTheDocument();
  });
});
