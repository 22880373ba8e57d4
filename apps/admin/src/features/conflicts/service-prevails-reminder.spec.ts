import { servicePrevailsReminder } from './service-prevails-reminder';

describe('servicePrevailsReminder', () => {
  const conflict = { serviceName: 'Lens', topic: 'RETENTION', subject: 'device.log', globalValue: '180', serviceValue: '365', noticeDays: 30 };

  it('should remind the officer that the reduction needs notice when none is recorded', () => {
    const text = servicePrevailsReminder(conflict);
    expect(text).toContain('RETENTION device.log goes from 180 days (global policy) to 365 days (service policy) for users of Lens at once');
    expect(text).toContain('30 days ahead');
  });

  it('should point at the recorded notice when the service version was announced', () => {
    const text = servicePrevailsReminder({ ...conflict, serviceVersionNotice: { channels: ['EMAIL'], noticeAt: '2026-11-01T00:00:00Z' } });
    expect(text).toContain('announced by e-mail to users on 2026-11-01');
  });
});
