import type { EntityManager } from 'typeorm';
import { assessMaterialReduction, issueNoticeProblems, mergeRecipients, noticeChannelsOf, noticeSubject, noticeText } from '@canopy/domain';
import { NoticeEntity, PolicyEntity, PolicyVersionEntity, ServiceEntity } from '@canopy/persistence';
import type { Viewer } from '../../auth/viewer';
import type { Database } from '../../common/database';
import { badInput, CanopyError, invalidTransition, notFound } from '../../common/errors';
import { newId } from '../../common/ids';
import { appendAuditEvent } from '../audit';
import type { Notifier, Outbox } from '../outbox';
import { PolicyQueries, toDomainClause } from '../policies';
import { loadTaxonomy } from '../taxonomy';
import type { IssueNoticeInput } from './notice.types';

export interface NoticeSettings {
  /** CANOPY_PUBLIC_NOTICES: the banner feed and the public pages exist. */
  publicNotices: boolean;
}

/** The most notices Query.notices answers, newest first. */
export const MAX_NOTICES = 1000;

/** Issuing notices and reading them (DESIGN.md section 8). */
export class NoticeService {
  constructor(
    private readonly db: Database,
    private readonly outbox: Outbox,
    private readonly notifier: Notifier,
    private readonly settings: NoticeSettings,
  ) {}

  /**
   * Issues a notice for a draft (or a published version not yet in force):
   * issuedAt is the transaction's instant; the e-mails and the notice.issued
   * event are written to the outbox in the same transaction.
   */
  async issue(actor: Viewer, input: IssueNoticeInput): Promise<NoticeEntity> {
    const message = input.message?.trim() || null;
    if (message && message.length > 4000) throw badInput('message has at most 4000 characters.', { argument: 'message' });
    return this.db.write(async (tx, now) => {
      const version = await tx.findOneBy(PolicyVersionEntity, { id: String(input.policyVersionId).slice(0, 36) });
      if (!version) throw notFound('Policy version', input.policyVersionId);
      const policy = await tx.findOneByOrFail(PolicyEntity, { id: version.policyId });
      const scheduled = version.status === 'PUBLISHED' && (version.inForceFrom?.getTime() ?? 0) > now.getTime();
      if (version.status !== 'DRAFT' && !scheduled) {
        throw invalidTransition(`${policy.key} v${version.number} is already in force: a notice is issued before a version takes effect.`);
      }
      const service = policy.serviceId ? await tx.findOneByOrFail(ServiceEntity, { id: policy.serviceId }) : null;
      const recipients = service ? (service.noticeRecipients ?? []) : await everyServicesRecipients(tx);
      const reach = { homepage: this.settings.publicNotices && (!service || service.public), emailRecipients: recipients };
      const problem = issueNoticeProblems({ channels: input.channels, plannedEffectiveAt: input.plannedEffectiveAt, now, reach })[0];
      if (problem) {
        throw new CanopyError(problem.code, problem.message, { argument: problem.argument, ...('channel' in problem && problem.channel ? { channel: problem.channel } : {}) });
      }
      const channels = noticeChannelsOf(input.channels);
      const title = service ? `the privacy policy of ${service.name}` : `our privacy policy "${policy.title}"`;
      const link = reach.homepage ? this.outbox.link(service ? `/public/policies/${service.key}` : '/public/updates.atom') : null;
      const text = noticeText({ policyTitle: title, weakened: await weakenedBy(tx, version), plannedEffectiveAt: input.plannedEffectiveAt, message, link });
      const notice = Object.assign(new NoticeEntity(), {
        id: newId(),
        policyVersionId: version.id,
        serviceId: service?.id ?? null,
        channels,
        issuedAt: now,
        plannedEffectiveAt: input.plannedEffectiveAt,
        issuedBy: actor.id,
        text,
        voidedAt: null,
      });
      await tx.insert(NoticeEntity, notice);
      const cause = { type: 'notice', id: notice.id };
      if (channels.includes('EMAIL')) {
        await this.outbox.enqueue(tx, { kind: 'EMAIL', to: recipients, subject: noticeSubject(title, input.plannedEffectiveAt), text, event: 'notice.issued', cause, serviceId: service?.id ?? null }, now);
      }
      const data = { noticeId: notice.id, policyKey: policy.key, version: version.number, serviceKey: service?.key ?? null, channels, plannedEffectiveAt: input.plannedEffectiveAt.toISOString(), text };
      await this.notifier.notify(tx, now, {
        event: 'notice.issued',
        serviceIds: service ? [service.id] : [],
        subject: `Notice issued: ${noticeSubject(title, input.plannedEffectiveAt)}`.slice(0, 300),
        text: `A notice was issued (${channels.join(', ')}) for ${policy.key} v${version.number}:\n\n${text}`,
        data,
        // Not ("notice", id): the notice's deliveries are its e-mails to users, not this one to the team.
        cause: { type: 'notice.notification', id: notice.id },
      });
      await appendAuditEvent(tx, now, actor, {
        action: 'notice.issued',
        entityType: 'policy',
        entityId: policy.key,
        after: { notice: notice.id, number: version.number, channels, plannedEffectiveAt: input.plannedEffectiveAt, recipients: channels.includes('EMAIL') ? recipients.length : 0, text },
      });
      return notice;
    });
  }

  /** Notices newest first; with a service key, those of its policy and of the GLOBAL policy. */
  async list(serviceKey: string | null | undefined): Promise<NoticeEntity[]> {
    const query = this.db.manager.createQueryBuilder(NoticeEntity, 'n').orderBy('n.issued_at', 'DESC').addOrderBy('n.id', 'ASC').limit(MAX_NOTICES);
    if (serviceKey != null) {
      const service = await this.db.manager.findOneBy(ServiceEntity, { key: String(serviceKey).slice(0, 63) });
      if (!service) return [];
      query.where('(n.service_id = :serviceId OR n.service_id IS NULL)', { serviceId: service.id });
    }
    return query.getMany();
  }
}

/** A GLOBAL version's notice goes to every service's recipients, each address once. */
async function everyServicesRecipients(tx: EntityManager): Promise<string[]> {
  const rows = await tx.createQueryBuilder(ServiceEntity, 's').select(['s.id', 's.noticeRecipients']).where('s.notice_recipients IS NOT NULL').orderBy('s.key', 'ASC').getMany();
  return mergeRecipients(rows.map((r) => r.noticeRecipients ?? []));
}

/** What the version weakens against the published version before it (any published one, for a draft). */
async function weakenedBy(tx: EntityManager, version: PolicyVersionEntity) {
  const store = new PolicyQueries(tx);
  const previous = (await store.publishedVersions([version.policyId]))
    .filter((v) => v.id !== version.id && (version.status === 'DRAFT' || v.number < version.number))
    .sort((a, b) => b.number - a.number)[0];
  if (!previous) return [];
  const clauses = await store.clausesOf([previous.id, version.id]);
  const taxonomy = await loadTaxonomy(tx);
  const toClauses = (id: string) => (clauses.get(id) ?? []).map(toDomainClause);
  return assessMaterialReduction(toClauses(previous.id), toClauses(version.id), taxonomy).weakened;
}
