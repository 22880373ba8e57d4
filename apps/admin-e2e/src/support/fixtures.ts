import type { Browser, Page } from 'playwright-core';
import { DEMO, gql, signedIn } from './browser';

interface Pending {
  id: string;
  requiredApprovals: number;
  approvals: { at: string }[];
  checks: { name: string; passed: boolean; blocking: boolean }[];
  service: { key: string; name: string };
  processor: { key: string; name: string };
}

const PENDING = `{ sharingArrangements(status: PENDING_REVIEW) {
  id requiredApprovals approvals { at } checks { name passed blocking } service { key name } processor { key name } } }`;

// Informative checks (SECOND_APPROVAL, and the assessment checks before enforcement) never block an approval.
const approvable = (a: Pending) => a.requiredApprovals === 2 && a.approvals.length === 0 && a.checks.every((c) => c.passed || !c.blocking);

/** A processor with a DPA signed a month ago and valid for a year, registered by the officer unless it exists. */
export async function ensureProcessor(officerPage: Page, key: string, name: string, certifications: string[] = []): Promise<void> {
  const day = 24 * 60 * 60 * 1000;
  const { processor } = await gql<{ processor: { key: string } | null }>(officerPage, `query($key: String!) { processor(key: $key) { key } }`, { key });
  if (processor) return;
  await gql(officerPage, `mutation($input: RegisterProcessorInput!) { registerProcessor(input: $input) { key } }`, {
    input: {
      key,
      name,
      country: 'DE',
      contactEmail: `privacy@${key}.example`,
      dpaSignedAt: new Date(Date.now() - 30 * day).toISOString(),
      dpaExpiresAt: new Date(Date.now() + 365 * day).toISOString(),
      certifications,
    },
  });
}

/**
 * A PENDING_REVIEW arrangement that shares a sensitive category and that
 * nobody approved yet: the demo data's when it has one, otherwise made here
 * through the public API (a processor with a valid DPA, the category in the
 * service's inventory, proposed and submitted by the owning team's engineer).
 */
export async function pendingSensitiveArrangement(browser: Browser, officerPage: Page): Promise<Pending> {
  const existing = (await gql<{ sharingArrangements: Pending[] }>(officerPage, PENDING)).sharingArrangements.find(approvable);
  if (existing) return existing;

  await ensureProcessor(officerPage, 'e2e-tiles', 'E2E Tiles GmbH', ['ISO 27001']);
  const engineer = await signedIn(browser, DEMO.engineerGeo, '/');
  try {
    const { service } = await gql<{ service: { inventory: Record<string, unknown>[] } }>(
      engineer.page,
      `{ service(key: "maps") { inventory { dataCategory purposes source devicePermission legalBasis retentionDays encryption publiclyVisible } } }`,
    );
    if (!service.inventory.some((i) => i.dataCategory === 'device.location')) {
      await gql(engineer.page, `mutation($items: [InventoryItemInput!]!) { setInventory(serviceKey: "maps", items: $items) { key } }`, {
        items: [
          ...service.inventory,
          {
            dataCategory: 'device.location',
            purposes: ['service.provide'],
            source: 'DEVICE_PERMISSION',
            devicePermission: 'LOCATION',
            legalBasis: 'CONSENT',
            retentionDays: 30,
            encryption: 'AT_REST_AND_IN_TRANSIT',
            publiclyVisible: false,
          },
        ],
      });
    }
    const { proposeSharing } = await gql<{ proposeSharing: { id: string; version: number } }>(
      engineer.page,
      `mutation($input: ProposeSharingInput!) { proposeSharing(input: $input) { id version } }`,
      { input: { serviceKey: 'maps', processorKey: 'e2e-tiles', dataCategories: ['device.location'], purposes: ['service.provide'], legalBasis: 'CONSENT' } },
    );
    await gql(engineer.page, `mutation($id: ID!, $v: Int!) { submitSharing(id: $id, expectedVersion: $v) { id } }`, {
      id: proposeSharing.id,
      v: proposeSharing.version,
    });
  } finally {
    await engineer.context.close();
  }
  const created = (await gql<{ sharingArrangements: Pending[] }>(officerPage, PENDING)).sharingArrangements.find(approvable);
  if (!created) throw new Error('Could not find or make a pending arrangement with a sensitive category whose checks pass.');
  return created;
}

/**
 * An OPEN conflict in force now, of its own: a fresh service of the mobile
 * team whose service policy keeps device logs 1000 days, longer than the
 * global policy allows (as the API tests' openConflict makes one). The demo's
 * only OPEN conflict is resolved earlier in the browser tests' sequence.
 */
export async function openConflictOfItsOwn(officerPage: Page, prefix = 'kb'): Promise<{ id: string; serviceKey: string }> {
  const serviceKey = `${prefix}-${Date.now().toString(36)}`;
  const policyKey = `${serviceKey}-policy`;
  await gql(officerPage, 'mutation($input: RegisterServiceInput!) { registerService(input: $input) { key } }', {
    input: { key: serviceKey, name: `E2E ${serviceKey}`, teamKey: 'mobile' },
  });
  await gql(officerPage, 'mutation($input: CreatePolicyInput!) { createPolicy(input: $input) { id } }', {
    input: { key: policyKey, title: `${serviceKey} service policy`, scope: 'SERVICE', serviceKey },
  });
  const { draftPolicyVersion } = await gql<{ draftPolicyVersion: { number: number } }>(
    officerPage,
    'mutation($input: DraftPolicyVersionInput!) { draftPolicyVersion(input: $input) { number } }',
    { input: { policyKey, clauses: [{ topic: 'RETENTION', subject: 'device.log', value: '1000' }] } },
  );
  await gql(officerPage, 'mutation($input: PublishPolicyVersionInput!) { publishPolicyVersion(input: $input) { number } }', {
    input: { policyKey, number: draftPolicyVersion.number, effectiveAt: new Date().toISOString() },
  });
  const { conflicts } = await gql<{ conflicts: { id: string; takesEffectAt: string | null; viewerCanResolve: boolean; service: { key: string } }[] }>(
    officerPage,
    '{ conflicts(status: OPEN) { id takesEffectAt viewerCanResolve service { key } } }',
  );
  const open = conflicts.find((c) => c.service.key === serviceKey && !c.takesEffectAt && c.viewerCanResolve);
  if (!open) throw new Error(`No OPEN conflict in force for ${serviceKey} after publishing its weaker service policy.`);
  return { id: open.id, serviceKey };
}
