/* Fixtures for the scale tests: rows written straight into the tables (no audit events). */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  bulkInsertServicesWithPolicies,
  InventoryItemEntity,
  ProcessorEntity,
  ProcessorRevisionEntity,
  processorRevisionOf,
  ServiceEntity,
  SharingArrangementEntity,
  SharingArrangementRevisionEntity,
  UserEntity,
} from '@canopy/persistence';

const CATEGORIES = ['user.account', 'user.contact.email', 'user.contact.phone', 'device.log', 'device.identifier', 'device.location', 'user.content.image', 'device.camera'];
const CHUNK = 500;

async function insertChunked<T extends object>(dataSource: DataSource, entity: new () => T, rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await dataSource.manager.insert(entity, rows.slice(i, i + CHUNK) as never);
}

/**
 * `count` services of team `teamKey`, half of them with a published SERVICE
 * policy, each with 8 current inventory items (one of every kind of finding
 * trigger among them) and, every tenth, an APPROVED arrangement with a
 * processor whose DPA has expired.
 */
export async function bulkInsertCompliance(dataSource: DataSource, teamKey: string, count: number, requesterEmail: string): Promise<void> {
  const withPolicy = Math.floor(count / 2);
  await bulkInsertServicesWithPolicies(dataSource, {
    teamKey,
    count: withPolicy,
    keyPrefix: 'pol',
    clauses: [
      { topic: 'RETENTION', subject: 'device.log', value: '30' },
      { topic: 'SHARING', subject: 'device.log:third_party', value: 'ALLOWED' },
    ],
  });
  await bulkInsertServicesWithPolicies(dataSource, { teamKey, count: count - withPolicy, keyPrefix: 'plain', clauses: [] });
  const services = await dataSource.manager.find(ServiceEntity);
  const requester = await dataSource.manager.findOneByOrFail(UserEntity, { email: requesterEmail });
  const at = new Date(Date.now() - 30_000);
  const processor = Object.assign(new ProcessorEntity(), {
    id: randomUUID(), key: 'bulk-processor', name: 'Bulk Processor', country: 'US', contactEmail: null, dpaSignedAt: new Date(Date.now() - 800 * 86_400_000),
    dpaExpiresAt: new Date(Date.now() - 86_400_000), dpaReference: null, transferMechanism: null, certifications: [], subProcessors: null, version: 1, createdAt: at, updatedAt: at,
  });
  await dataSource.manager.insert(ProcessorEntity, processor);
  await dataSource.manager.insert(ProcessorRevisionEntity, processorRevisionOf(processor.id, processor, processor.createdAt));
  const items: InventoryItemEntity[] = [];
  const arrangements: SharingArrangementEntity[] = [];
  const revisions: SharingArrangementRevisionEntity[] = [];
  services.forEach((service, n) => {
    CATEGORIES.forEach((dataCategory, i) =>
      items.push(
        Object.assign(new InventoryItemEntity(), {
          id: randomUUID(), serviceId: service.id, dataCategory, purposes: i % 3 ? ['service.provide'] : ['service.improve', 'marketing.email'],
          source: dataCategory.startsWith('device') ? 'AUTOMATIC' : 'USER_PROVIDED', devicePermission: null, legalBasis: i % 2 ? 'CONSENT' : 'LEGITIMATE_INTEREST',
          retentionDays: i % 4 ? 365 : null, encryption: i % 2 ? 'IN_TRANSIT' : 'AT_REST_AND_IN_TRANSIT', publiclyVisible: dataCategory === 'user.content.image', dataSubjects: null,
          validFrom: at, validTo: null,
        }),
      ),
    );
    if (n % 10 === 0) {
      const arrangement = Object.assign(new SharingArrangementEntity(), {
        id: randomUUID(), serviceId: service.id, processorId: processor.id, dataCategories: ['device.log', 'user.contact.email'], purposes: ['service.improve'], legalBasis: 'CONTRACT',
        status: 'APPROVED', requestedBy: requester.id, requiredApprovals: 1, decisionReason: null, decidedBy: null, version: 3, createdAt: at, updatedAt: at, submittedAt: at, decidedAt: at,
      });
      arrangements.push(arrangement);
      revisions.push(
        Object.assign(new SharingArrangementRevisionEntity(), {
          id: randomUUID(), arrangementId: arrangement.id, serviceId: service.id, processorId: processor.id, version: 3, action: 'approved', status: 'APPROVED',
          dataCategories: arrangement.dataCategories, purposes: arrangement.purposes, legalBasis: 'CONTRACT', requiredApprovals: 1, decisionReason: null, decidedBy: null,
          submittedAt: at, decidedAt: at, changedBy: requester.id, validFrom: at, validTo: null,
        }),
      );
    }
  });
  await insertChunked(dataSource, InventoryItemEntity, items);
  await insertChunked(dataSource, SharingArrangementEntity, arrangements);
  await insertChunked(dataSource, SharingArrangementRevisionEntity, revisions);
}
