import { screen, within } from '@testing-library/react';
import { AuditDiff } from './AuditDiff';
import { renderPage } from '../../testing/render';

describe('AuditDiff', () => {
  it('should show each changed field with its before and after', () => {
    renderPage(<AuditDiff before={{ name: 'Maps', lifecycle: 'ACTIVE' }} after={{ name: 'Maps', lifecycle: 'DEPRECATED', description: 'Old' }} />);
    const rows = within(screen.getByRole('table', { name: 'Changes' })).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual(['FieldChangeBeforeAfter', 'descriptionaddedOld', 'lifecyclechangedACTIVEDEPRECATED']);
  });

  it('should say when nothing changed', () => {
    renderPage(<AuditDiff before={{ a: 1 }} after={{ a: 1 }} />);
    expect(screen.getByText('No field changed.')).toBeInTheDocument();
  });
});
