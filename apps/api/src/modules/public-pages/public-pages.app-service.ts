import { In } from 'typeorm';
import { orderUpdates, PUBLIC_SERVICE_KEY, publicPolicyDocument, type PublicPolicyDocument } from '@canopy/domain';
import { InventoryItemEntity, NoticeEntity, ProcessorEntity, ServiceEntity, SharingArrangementRevisionEntity } from '@canopy/persistence';
import type { Database } from '../../common/database';
import { validAt } from '../../common/history';
import type { EffectivePolicyReader } from '../policies';

/** The most notices the updates feed lists. */
export const MAX_UPDATES = 100;

export interface PublicUpdate {
  id: string;
  serviceKey: string | null;
  serviceName: string | null;
  issuedAt: Date;
  plannedEffectiveAt: Date;
  text: string;
}

/**
 * The public policy pages and the updates feed (DESIGN.md section 8): read
 * without sign-in, only for services marked public; the same null for a
 * service that does not exist and one that is not public.
 */
export class PublicPages {
  constructor(
    private readonly db: Database,
    private readonly policies: EffectivePolicyReader,
  ) {}

  async policyOf(serviceKey: string, at: Date): Promise<{ document: PublicPolicyDocument; lastModified: Date } | null> {
    if (!PUBLIC_SERVICE_KEY.test(serviceKey)) return null;
    const m = this.db.manager;
    const service = await m.findOneBy(ServiceEntity, { key: serviceKey });
    if (!service || !service.public) return null;
    const effective = (await this.policies.effectiveFor([service.id], at)).get(service.id);
    const inventory = await validAt(m.createQueryBuilder(InventoryItemEntity, 'i').where('i.serviceId = :id', { id: service.id }), 'i', at).getMany();
    // The arrangements as they stood at `at` (their revisions), so a past page names the recipients of that time.
    const sharing = await validAt(
      m.createQueryBuilder(SharingArrangementRevisionEntity, 'r').where('r.serviceId = :id AND r.status = :approved', { id: service.id, approved: 'APPROVED' }),
      'r',
      at,
    ).getMany();
    const processors = sharing.length ? await m.findBy(ProcessorEntity, { id: In([...new Set(sharing.map((s) => s.processorId))]) }) : [];
    const notices = await m
      .createQueryBuilder(NoticeEntity, 'n')
      .where('(n.service_id = :id OR n.service_id IS NULL) AND n.voided_at IS NULL AND n.issued_at <= :at', { id: service.id, at })
      .orderBy('n.issued_at', 'DESC')
      .limit(MAX_UPDATES)
      .getMany();
    const document = publicPolicyDocument({
      service,
      at,
      clauses: effective?.clauses ?? [],
      inventory,
      recipients: sharing.map((s) => {
        const processor = processors.find((p) => p.id === s.processorId);
        return { processor: processor?.name ?? 'a processor', country: processor?.country ?? '', dataCategories: s.dataCategories, purposes: s.purposes };
      }),
      notices,
    });
    const instants = [service.updatedAt, ...inventory.map((i) => i.validFrom), ...sharing.map((s) => s.validFrom), ...notices.map((n) => n.issuedAt)];
    return { document, lastModified: new Date(Math.max(...instants.map((d) => d.getTime()))) };
  }

  /** Notices of the GLOBAL policy and of public services, not voided: upcoming first. */
  async updates(now: Date): Promise<PublicUpdate[]> {
    const m = this.db.manager;
    const notices = await m
      .createQueryBuilder(NoticeEntity, 'n')
      .where('n.voided_at IS NULL AND (n.service_id IS NULL OR n.service_id IN (SELECT s.id FROM services s WHERE s.public = :public))', { public: true })
      .orderBy('n.issued_at', 'DESC')
      .limit(MAX_UPDATES)
      .getMany();
    const serviceIds = [...new Set(notices.map((n) => n.serviceId).filter((id): id is string => id !== null))];
    const services = serviceIds.length ? await m.find(ServiceEntity, { where: { id: In(serviceIds) }, select: { id: true, key: true, name: true } }) : [];
    const updates = notices.map((n) => {
      const service = services.find((s) => s.id === n.serviceId) ?? null;
      return { id: n.id, serviceKey: service?.key ?? null, serviceName: service?.name ?? null, issuedAt: n.issuedAt, plannedEffectiveAt: n.plannedEffectiveAt, text: n.text };
    });
    return orderUpdates(updates, now);
  }
}
