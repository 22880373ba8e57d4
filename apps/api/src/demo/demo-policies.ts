import type { Application } from '../application';
import type { Viewer } from '../auth/viewer';
import { ClauseTopic, NoticeChannel, PolicyScope, Resolution } from '../modules/policies/policy.enums';
import type { ClauseInput } from '../modules/policies/policy.inputs';

const DAY = 24 * 60 * 60 * 1000;
const c = (topic: ClauseTopic, subject: string, value: string, text?: string, locked = false): ClauseInput => ({ topic, subject, value, text, locked });

/** The general privacy policy (../shared/reference/general-privacy-policy.txt) as structured clauses. */
export const GENERAL_POLICY: ClauseInput[] = [
  c(ClauseTopic.COLLECTION, 'user.contact', 'ALLOWED', 'When you register we may ask for your telephone number and e-mail.'),
  c(ClauseTopic.COLLECTION, 'device.log', 'ALLOWED', 'We collect log information to improve performance and stability.'),
  c(ClauseTopic.COLLECTION, 'device.location', 'CONSENT', 'Location is collected only when you enable the permission.'),
  c(ClauseTopic.COLLECTION, 'device.camera', 'CONSENT', 'Camera data is collected when you turn on the camera to scan.'),
  c(ClauseTopic.COLLECTION, 'device.microphone', 'CONSENT', 'Microphone data is collected when you use voice services.'),
  c(ClauseTopic.USE, '*:service.provide', 'ALLOWED'),
  c(ClauseTopic.USE, '*:service.improve', 'ALLOWED'),
  c(ClauseTopic.USE, '*:cross_service', 'CONSENT', 'Information from one service is used in another only as you agree.'),
  c(ClauseTopic.SHARING, '*:third_party', 'CONSENT', 'We do not share your information with third parties without your consent.'),
  c(ClauseTopic.SHARING, '*:public', 'CONSENT'),
  c(ClauseTopic.RETENTION, '*', '730', 'We keep personal information only as long as needed.'),
  c(ClauseTopic.RETENTION, 'device.log', '180'),
  c(ClauseTopic.ENCRYPTION, '*', 'IN_TRANSIT', 'We protect information in transit with SSL.'),
  c(ClauseTopic.RIGHT, 'ACCESS', 'GRANTED'),
  c(ClauseTopic.RIGHT, 'CORRECT', 'GRANTED'),
  c(ClauseTopic.RIGHT, 'DELETE', 'GRANTED'),
  c(ClauseTopic.COMMUNICATION, 'marketing.email', 'OPT_OUT', 'You may unsubscribe from marketing at any time.'),
  c(ClauseTopic.COMMUNICATION, 'marketing.push', 'OPT_OUT'),
  c(ClauseTopic.COMMUNICATION, 'announcement', 'MANDATORY', 'Service announcements cannot be unsubscribed.'),
  c(ClauseTopic.MINORS, 'guardian_consent_age', '18', 'Under 18, a guardian must consent.', true),
  c(ClauseTopic.AMENDMENT, 'notice_days', '30', 'Amendments that reduce your rights are announced 30 days ahead.'),
];

const SERVICE_POLICIES: { service: string; clauses: ClauseInput[] }[] = [
  {
    service: 'lens',
    clauses: [
      c(ClauseTopic.RETENTION, 'device.camera', '30', 'Scans are deleted after 30 days.'),
      c(ClauseTopic.RETENTION, 'device.log', '365', 'Crash logs are kept a year to diagnose rare devices.'),
    ],
  },
  {
    service: 'maps',
    clauses: [
      c(ClauseTopic.RETENTION, 'device.location', '30'),
      c(ClauseTopic.SHARING, 'device.location:third_party', 'ALLOWED', 'Location is sent to the map tile provider to render maps.'),
    ],
  },
  { service: 'moments', clauses: [c(ClauseTopic.RETENTION, 'user.content', 'UNLIMITED', 'Shared media are kept until the user deletes them.')] },
];

/**
 * The general policy published, the demo services' own policies (a stricter
 * override, a weaker one left OPEN, one resolved each way), and a scheduled
 * amendment announced with its notice.
 */
export async function seedDemoPolicies(app: Application, officer: Viewer): Promise<void> {
  await app.policyAuthoring.createPolicy(officer, { key: 'general', title: 'General privacy policy', scope: PolicyScope.GLOBAL });
  await app.policyAuthoring.draftVersion(officer, { policyKey: 'general', clauses: GENERAL_POLICY });
  await app.policyAuthoring.publish(officer, { policyKey: 'general', number: 1, effectiveAt: app.clock.now() });

  for (const { service, clauses } of SERVICE_POLICIES) {
    const key = `${service}-policy`;
    await app.policyAuthoring.createPolicy(officer, { key, title: `${service} service policy`, scope: PolicyScope.SERVICE, serviceKey: service });
    await app.policyAuthoring.draftVersion(officer, { policyKey: key, clauses });
    await app.policyAuthoring.publish(officer, { policyKey: key, number: 1, effectiveAt: app.clock.now() });
  }

  const open = await app.conflicts.list('OPEN', 'all', app.clock.now());
  const decide = async (subject: string, resolution: Resolution, rationale: string) => {
    const conflict = open.find((v) => v.row.subject === subject);
    if (conflict) await app.conflicts.resolve(officer, { conflictId: conflict.row.id, resolution, rationale });
  };
  await decide('device.location:third_party', Resolution.SERVICE_PREVAILS, 'The tile provider is bound by a DPA; maps cannot render without it.');
  await decide('user.content', Resolution.GLOBAL_PREVAILS, 'Media must follow the general retention limit.');

  const amended = GENERAL_POLICY.map((clause) => (clause.subject === 'device.log' && clause.topic === ClauseTopic.RETENTION ? { ...clause, value: '365' } : clause));
  await app.policyAuthoring.draftVersion(officer, { policyKey: 'general', clauses: amended });
  await app.policyAuthoring.publish(officer, {
    policyKey: 'general',
    number: 2,
    effectiveAt: new Date(app.clock.now().getTime() + 45 * DAY),
    notice: { channels: [NoticeChannel.EMAIL, NoticeChannel.HOMEPAGE_BANNER], noticeAt: app.clock.now(), evidence: 'Demo data: announced by e-mail and on the homepage' },
  });
}
