import { TeamMemberEntity, UserEntity } from '@canopy/persistence';
import type { Application } from '../application';
import type { Role, Viewer } from '../auth/viewer';
import { DataSourceKind, Encryption, LegalBasis } from '../common/graphql-enums';
import type { InventoryItemInput } from '../modules/inventory/inventory.inputs';
import type { ProposeSharingInput } from '../modules/sharing/sharing.inputs';
import { TransferMechanism } from '../modules/processors/processor.types';

const DAY = 24 * 60 * 60 * 1000;

type Item = Omit<InventoryItemInput, 'source' | 'legalBasis' | 'encryption'> & { source: string; legalBasis: string; encryption: string };
const entry = (dataCategory: string, purposes: string[], facts: Partial<Item> = {}): InventoryItemInput =>
  ({
    dataCategory,
    purposes,
    source: DataSourceKind.USER_PROVIDED,
    legalBasis: LegalBasis.CONTRACT,
    retentionDays: 730,
    encryption: Encryption.IN_TRANSIT,
    publiclyVisible: false,
    dataSubjects: ['users'],
    ...facts,
  }) as InventoryItemInput;

/** Data read through a device permission, for the service itself: with consent, kept 30 days, encrypted at rest and in transit. */
const byPermission = (dataCategory: string, devicePermission: string) =>
  entry(dataCategory, ['service.provide'], { source: DataSourceKind.DEVICE_PERMISSION, devicePermission, legalBasis: LegalBasis.CONSENT, retentionDays: 30, encryption: Encryption.AT_REST_AND_IN_TRANSIT });

/**
 * Inventories modelled on the reference general privacy policy: Lens scans
 * with the camera and listens for voice on a mobile app (and serves minors),
 * Maps uses the device location and logs for performance and stability,
 * Moments shares images and video, publicly when users choose to.
 */
const INVENTORIES: Record<string, { team: string; items: InventoryItemInput[] }> = {
  lens: {
    team: 'mobile',
    items: [
      entry('user.account', ['service.provide'], { dataSubjects: ['users', 'minors'] }),
      entry('user.contact.email', ['service.provide', 'marketing.email'], { dataSubjects: ['users', 'minors'] }),
      byPermission('device.camera', 'CAMERA'),
      byPermission('device.microphone', 'MICROPHONE'),
      entry('device.log', ['service.improve'], { source: DataSourceKind.AUTOMATIC, legalBasis: LegalBasis.LEGITIMATE_INTEREST, retentionDays: 365 }),
    ],
  },
  maps: {
    team: 'geo',
    items: [
      entry('user.account', ['service.provide']),
      byPermission('device.location', 'LOCATION'),
      entry('device.log', ['service.improve'], { source: DataSourceKind.AUTOMATIC, legalBasis: LegalBasis.LEGITIMATE_INTEREST, retentionDays: 90 }),
    ],
  },
  moments: {
    team: 'media',
    items: [
      entry('user.account', ['service.provide']),
      entry('user.contact.email', ['service.provide', 'announcement']),
      entry('user.content.image', ['service.provide'], { legalBasis: LegalBasis.CONSENT, retentionDays: null, publiclyVisible: true, dataSubjects: ['users', 'people shown in media'] }),
      entry('user.content.video', ['service.provide'], { legalBasis: LegalBasis.CONSENT, retentionDays: null, publiclyVisible: true, dataSubjects: ['users', 'people shown in media'] }),
    ],
  },
};

/**
 * Inventories, processors (one whose DPA expired, one whose DPA expires
 * within 30 days), sharing arrangements in every state (one PENDING_REVIEW
 * on a sensitive category with one of its two approvals) and an accepted
 * finding, all through the application services so each is validated and
 * audited. Runs after the demo policies: approvals need them.
 */
export async function seedDemoSharing(app: Application, officer: Viewer): Promise<void> {
  const daysFromNow = (days: number) => new Date(app.clock.now().getTime() + days * DAY);
  const engineers = { mobile: await viewerOf(app, 'eng.mobile@canopy.demo'), geo: await viewerOf(app, 'eng.geo@canopy.demo'), media: await viewerOf(app, 'eng.media@canopy.demo') };
  const officer2 = await viewerOf(app, 'dpo2@canopy.demo');
  for (const [serviceKey, { team, items }] of Object.entries(INVENTORIES)) {
    await app.inventory.replace(engineers[team as keyof typeof engineers], serviceKey, items);
  }

  await app.processors.register(officer, {
    key: 'maptiles', name: 'MapTiles GmbH', country: 'DE', contactEmail: 'privacy@maptiles.example', dpaSignedAt: daysFromNow(-400), dpaExpiresAt: daysFromNow(700),
    dpaReference: 'DPA-2025-014', transferMechanism: TransferMechanism.NOT_REQUIRED, certifications: ['ISO 27001'],
  });
  await app.processors.register(officer, {
    key: 'voicely', name: 'Voicely Inc.', country: 'US', contactEmail: 'dpa@voicely.example', dpaSignedAt: daysFromNow(-345), dpaExpiresAt: daysFromNow(20),
    dpaReference: 'DPA-2025-031', transferMechanism: TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES, certifications: ['SOC 2 Type II'],
    subProcessors: [{ name: 'Cloud Hosting Ltd', country: 'IE', purpose: 'hosting of speech models' }],
  });
  const crashcloud = await app.processors.register(officer, {
    key: 'crashcloud', name: 'CrashCloud Ltd', country: 'GB', contactEmail: 'legal@crashcloud.example', dpaSignedAt: daysFromNow(-1100), dpaExpiresAt: daysFromNow(200),
    dpaReference: 'DPA-2023-002', transferMechanism: TransferMechanism.ADEQUACY_DECISION, certifications: [],
  });
  await app.processors.register(officer, { key: 'edgecdn', name: 'EdgeCDN Inc.', country: 'US', dpaSignedAt: daysFromNow(-30), dpaExpiresAt: daysFromNow(335), transferMechanism: TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES });

  const propose = (as: Viewer, input: Omit<ProposeSharingInput, 'legalBasis'> & { legalBasis?: LegalBasis }) =>
    app.sharing.propose(as, { legalBasis: LegalBasis.CONSENT, ...input } as ProposeSharingInput);
  const submit = async (as: Viewer, input: Parameters<typeof propose>[1]) => {
    const draft = await propose(as, input);
    return app.sharing.submit(as, draft.id, draft.version);
  };

  // APPROVED by two officers: location is sensitive (maps' own policy allows sharing it with the tile provider).
  let maps = await submit(engineers.geo, { serviceKey: 'maps', processorKey: 'maptiles', dataCategories: ['device.location'], purposes: ['service.provide'] });
  maps = await app.sharingReview.approve(officer, { id: maps.id, expectedVersion: maps.version, comment: 'Tiles need the viewport; DPA covers it.' });
  await app.sharingReview.approve(officer2, { id: maps.id, expectedVersion: maps.version, comment: 'Agreed.' });

  // PENDING_REVIEW on a sensitive category: one of its two approvals given.
  const voice = await submit(engineers.mobile, { serviceKey: 'lens', processorKey: 'voicely', dataCategories: ['device.microphone'], purposes: ['service.provide'] });
  await app.sharingReview.approve(officer, { id: voice.id, expectedVersion: voice.version, comment: 'Voice search transcription; second opinion please.' });

  // APPROVED, then the processor's DPA lapsed (an expired-DPA finding).
  const crashes = await submit(engineers.mobile, { serviceKey: 'lens', processorKey: 'crashcloud', dataCategories: ['device.log'], purposes: ['service.improve'] });
  await app.sharingReview.approve(officer2, { id: crashes.id, expectedVersion: crashes.version, comment: 'Crash reports only.' });
  await app.processors.update(officer, { key: 'crashcloud', expectedVersion: crashcloud.version, dpaExpiresAt: daysFromNow(-10) });

  // DRAFT: public media through a CDN, not yet submitted.
  await propose(engineers.media, { serviceKey: 'moments', processorKey: 'edgecdn', dataCategories: ['user.content.image', 'user.content.video'], purposes: ['service.provide'] });

  // REJECTED: account data to the tile provider is not needed.
  const accounts = await submit(engineers.media, { serviceKey: 'moments', processorKey: 'maptiles', dataCategories: ['user.account'], purposes: ['service.provide'], legalBasis: LegalBasis.CONTRACT });
  await app.sharingReview.reject(officer, { id: accounts.id, expectedVersion: accounts.version, comment: 'The tile provider has no use for account data.' });

  // REVOKED: approved, then ended when the team moved the CDN in-house.
  let cdn = await submit(engineers.mobile, { serviceKey: 'lens', processorKey: 'edgecdn', dataCategories: ['user.account'], purposes: ['service.provide'] });
  cdn = await app.sharingReview.approve(officer, { id: cdn.id, expectedVersion: cdn.version });
  await app.sharingReview.revoke(engineers.mobile, { id: cdn.id, expectedVersion: cdn.version, comment: 'Replaced by our own CDN.' });

  // WITHDRAWN by its requester.
  const mail = await propose(engineers.media, { serviceKey: 'moments', processorKey: 'voicely', dataCategories: ['user.contact.email'], purposes: ['announcement'] });
  await app.sharing.withdraw(engineers.media, mail.id, mail.version);

  // An accepted finding: Lens keeps crash logs longer than the general limit while its conflict awaits review.
  const lens = await app.services.byKey('lens');
  const findings = lens ? ((await app.findings.forServices([lens.id], app.clock.now())).get(lens.id) ?? []) : [];
  if (findings.some((f) => f.rule === 'RETENTION_EXCEEDED' && f.dataCategory === 'device.log')) {
    await app.findingAcceptances.accept(officer, {
      serviceKey: 'lens', rule: 'RETENTION_EXCEEDED', dataCategory: 'device.log', rationale: 'Rare-device crash diagnosis; revisit when the retention conflict is resolved.', expiresAt: daysFromNow(60),
    });
  }
}

async function viewerOf(app: Application, email: string): Promise<Viewer> {
  const user = await app.db.manager.findOneByOrFail(UserEntity, { email });
  const teams = await app.db.manager.findBy(TeamMemberEntity, { userId: user.id });
  return { id: user.id, email: user.email, name: user.name, roles: user.roles as Role[], teamIds: teams.map((t) => t.teamId), via: 'session' };
}
