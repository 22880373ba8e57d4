import { EntityManager } from 'typeorm';
import {
  assessMaterialReduction,
  counterparts,
  decidePublishNotice,
  inForceFrom as inForceFromOf,
  lockedViolations,
  noticeDaysFrom,
  PolicyLayer,
  Taxonomy,
  validateClauseSet,
} from '@canopy/domain';
import { NoticeEntity, PolicyClauseEntity, PolicyEntity, PolicyVersionEntity, publicationChange, ServiceEntity } from '@canopy/persistence';
import { isOfficer, Viewer } from '../../auth/viewer';
import type { Database } from '../../common/database';
import { badInput, CanopyError, forbidden, invalidTransition, notFound } from '../../common/errors';
import { newId } from '../../common/ids';
import { requireSlug, requireText } from '../../common/validation';
import { appendAuditEvent, insertAudited } from '../audit';
import type { Notifier } from '../outbox';
import { loadTaxonomy } from '../taxonomy';
import { computeConflicts, VersionPair } from './conflict-computation';
import { assertMayEdit } from './policy-access';
import type { ClauseInput, CreatePolicyInput, DraftPolicyVersionInput, PublishPolicyVersionInput } from './policy.inputs';
import { layerOf, toDomainClause } from './policy.mappers';
import { PolicyQueries, VersionWithPolicy } from './policy.queries';
import { inBatches } from '../../common/batch';
import { notifyPublished } from './policy-notifications';

/** Creating policies, drafting, discarding and publishing versions (DESIGN.md sections 2 and 3). */
export class PolicyAuthoring {
  constructor(
    private readonly db: Database,
    private readonly notifier: Notifier,
  ) {}

  async createPolicy(actor: Viewer, input: CreatePolicyInput): Promise<PolicyEntity> {
    return this.db.write(async (tx, now) => {
      const service = input.serviceKey ? await tx.findOneBy(ServiceEntity, { key: String(input.serviceKey).slice(0, 63) }) : null;
      if (input.scope === 'GLOBAL' && !isOfficer(actor)) throw forbidden('Only a privacy officer may create the global policy.');
      if (input.scope === 'SERVICE' && !isOfficer(actor) && !(service && actor.teamIds.includes(service.teamId))) {
        throw forbidden(`Only a privacy officer or an engineer of the owning team may create a policy for "${input.serviceKey}".`);
      }
      requireSlug(input.key, 'key');
      const title = requireText(input.title, 'title');
      if (input.scope === 'GLOBAL' && input.serviceKey) throw badInput('serviceKey is forbidden for a GLOBAL policy.', { argument: 'serviceKey' });
      if (input.scope === 'SERVICE' && !input.serviceKey) throw badInput('serviceKey is required for a SERVICE policy.', { argument: 'serviceKey' });
      if (input.scope === 'SERVICE' && !service) throw badInput(`Unknown service "${input.serviceKey}".`, { argument: 'serviceKey' });
      if (await tx.existsBy(PolicyEntity, { key: input.key })) throw badInput(`A policy with key "${input.key}" already exists.`, { argument: 'key' });
      if (input.scope === 'GLOBAL' && (await tx.existsBy(PolicyEntity, { scope: 'GLOBAL' }))) {
        throw badInput('The organisation already has its global policy: draft a new version of it instead.', { argument: 'scope' });
      }
      if (service && (await tx.existsBy(PolicyEntity, { serviceId: service.id }))) {
        throw badInput(`Service "${service.key}" already has a policy: draft a new version of it instead.`, { argument: 'serviceKey' });
      }
      const policy = await insertAudited(tx, now, actor, PolicyEntity, {
        id: newId(),
        key: input.key,
        title,
        scope: input.scope,
        serviceId: service?.id ?? null,
        globalMarker: input.scope === 'GLOBAL' ? 'GLOBAL' : null,
        createdAt: now,
      }, (policy) => ({
        action: 'policy.created',
        entityType: 'policy',
        entityId: policy.key,
        after: { key: policy.key, title, scope: policy.scope, service: service?.key ?? null },
      }));
      return policy;
    });
  }

  /** One DRAFT per policy: drafting again replaces its clauses. */
  async draftVersion(actor: Viewer, input: DraftPolicyVersionInput): Promise<PolicyVersionEntity> {
    return this.db.write(async (tx, now) => {
      const policy = await policyOrFail(tx, input.policyKey);
      await assertMayEdit(tx, actor, policy);
      const taxonomy = await loadTaxonomy(tx);
      assertValidClauses(input.clauses, policy.scope as 'GLOBAL' | 'SERVICE', taxonomy);
      if (policy.scope === 'SERVICE') await assertNoLockedWeakening(tx, input.clauses, taxonomy, now);
      const versions = await tx.find(PolicyVersionEntity, { where: { policyId: policy.id }, order: { number: 'DESC' } });
      let draft = versions.find((v) => v.status === 'DRAFT');
      const before = draft ? (await tx.find(PolicyClauseEntity, { where: { versionId: draft.id }, order: { position: 'ASC' } })).map(toDomainClause) : null;
      if (draft) {
        // Drafting again voids the notices issued for the old text (DESIGN.md section 8).
        await tx.createQueryBuilder().update(NoticeEntity).set({ voidedAt: now }).where('policy_version_id = :id AND voided_at IS NULL', { id: draft.id }).execute();
        await tx.delete(PolicyClauseEntity, { versionId: draft.id });
        await tx.update(PolicyVersionEntity, { id: draft.id }, { updatedAt: now });
        draft.updatedAt = now;
      } else {
        draft = tx.create(PolicyVersionEntity, {
          id: newId(),
          policyId: policy.id,
          number: (versions[0]?.number ?? 0) + 1,
          status: 'DRAFT',
          effectiveAt: null,
          publishedAt: null,
          inForceFrom: null,
          publishedBy: null,
          noticeChannels: null,
          noticeAt: null,
          materialReduction: false,
          weakenedSubjects: null,
          createdAt: now,
          updatedAt: now,
        });
        await tx.insert(PolicyVersionEntity, draft);
      }
      const rows = input.clauses.map((c, position) =>
        tx.create(PolicyClauseEntity, {
          id: newId(),
          versionId: draft!.id,
          position,
          topic: c.topic,
          subject: c.subject.trim(),
          value: c.value.trim(),
          locked: c.locked ?? false,
          text: c.text?.trim() || null,
        }),
      );
      await inBatches(rows, 1000, (batch) => tx.insert(PolicyClauseEntity, batch));
      await appendAuditEvent(tx, now, actor, {
        action: 'policy.drafted',
        entityType: 'policy',
        entityId: policy.key,
        before: before ? { number: draft.number, clauses: before } : null,
        after: { number: draft.number, clauses: rows.map(toDomainClause) },
      });
      return draft;
    });
  }

  async discardDraft(actor: Viewer, policyKey: string): Promise<boolean> {
    return this.db.write(async (tx, now) => {
      const policy = await policyOrFail(tx, policyKey);
      await assertMayEdit(tx, actor, policy);
      const draft = await tx.findOneBy(PolicyVersionEntity, { policyId: policy.id, status: 'DRAFT' });
      if (!draft) throw invalidTransition(`Policy "${policy.key}" has no draft to discard.`);
      // Notices issued for the draft go with it; the audit log keeps each one (notice.issued).
      await tx.delete(NoticeEntity, { policyVersionId: draft.id });
      await tx.delete(PolicyVersionEntity, { id: draft.id });
      await appendAuditEvent(tx, now, actor, { action: 'policy.draft_discarded', entityType: 'policy', entityId: policy.key, before: { number: draft.number } });
      return true;
    });
  }

  async publish(actor: Viewer, input: PublishPolicyVersionInput): Promise<PolicyVersionEntity> {
    return this.db.write(async (tx, now) => {
      const policy = await policyOrFail(tx, input.policyKey);
      const version = await tx.findOneBy(PolicyVersionEntity, { policyId: policy.id, number: input.number });
      if (!version) throw notFound('Policy version', `${policy.key} v${input.number}`);
      if (version.status !== 'DRAFT') throw invalidTransition(`${policy.key} v${version.number} is already published; published versions never change.`);
      const store = new PolicyQueries(tx);
      const taxonomy = await loadTaxonomy(tx);
      const clauses = (await store.clausesOf([version.id])).get(version.id) ?? [];
      const domainClauses = clauses.map(toDomainClause);
      if (policy.scope === 'SERVICE') await assertNoLockedWeakening(tx, domainClauses, taxonomy, now);

      const published = await store.publishedVersions([policy.id]);
      const previous = published.sort((a, b) => b.number - a.number)[0] ?? null;
      const previousClauses = previous ? ((await store.clausesOf([previous.id])).get(previous.id) ?? []).map(toDomainClause) : null;
      const assessment = assessMaterialReduction(previousClauses, domainClauses, taxonomy);
      const globalNow = (await store.inForceAt(now, [])).find((v) => v.policy.scope === 'GLOBAL') ?? null;
      const noticeDays = noticeDaysFrom(globalNow ? ((await store.clausesOf([globalNow.id])).get(globalNow.id) ?? []).map(toDomainClause) : null);
      const issued = await tx.findBy(NoticeEntity, { policyVersionId: version.id });
      const decision = decidePublishNotice({
        materialReduction: assessment.materialReduction,
        noticeDays,
        effectiveAt: input.effectiveAt,
        now,
        draftCreatedAt: version.createdAt,
        issued: issued.map((n) => ({ issuedAt: n.issuedAt, plannedEffectiveAt: n.plannedEffectiveAt, channels: n.channels, voided: n.voidedAt !== null })),
        external: input.notice ? { channels: input.notice.channels, noticeAt: input.notice.noticeAt, evidence: input.notice.evidence } : null,
      });
      if (!decision.ok) {
        throw new CanopyError(decision.code, `${policy.key} v${version.number}: ${decision.message}`, {
          argument: decision.argument,
          ...(decision.earliestEffectiveAt ? { earliestEffectiveAt: decision.earliestEffectiveAt.toISOString() } : {}),
          noticeDays,
          weakenedSubjects: assessment.weakenedSubjects.slice(0, 50),
        });
      }
      const notice = decision.notice;

      const inForceFrom = inForceFromOf(input.effectiveAt, now);
      const changes = {
        status: 'PUBLISHED',
        effectiveAt: input.effectiveAt,
        publishedAt: now,
        inForceFrom,
        publishedBy: actor.id,
        noticeChannels: notice ? JSON.stringify(notice.channels) : null,
        noticeAt: notice?.noticeAt ?? null,
        noticeEvidence: notice?.evidence ?? null,
        materialReduction: assessment.materialReduction,
        weakenedSubjects: JSON.stringify(assessment.weakenedSubjects),
        updatedAt: now,
      };
      const result = await tx
        .createQueryBuilder()
        .update(PolicyVersionEntity)
        .set(changes)
        .where("id = :id AND status = 'DRAFT'", { id: version.id })
        .execute();
      if (result.affected !== 1) throw invalidTransition(`${policy.key} v${version.number} was published meanwhile.`);
      Object.assign(version, changes);

      const publishedVersion = Object.assign(version, { policy }) as VersionWithPolicy;
      const conflicts = await computeConflicts(tx, await this.pairsFor(store, publishedVersion), taxonomy, now);
      const serviceKeys = conflicts.serviceIds.length
        ? (await tx.createQueryBuilder(ServiceEntity, 's').select(['s.id', 's.key']).whereInIds(conflicts.serviceIds.slice(0, 100)).getMany()).map((s) => s.key)
        : [];
      await appendAuditEvent(tx, now, actor, {
        action: 'policy.published',
        entityType: 'policy',
        entityId: policy.key,
        ...publicationChange(version.number, {
          effectiveAt: input.effectiveAt,
          inForceFrom,
          notice: notice ? { channels: notice.channels, noticeAt: notice.noticeAt, evidence: notice.evidence, issuedByCanopy: !input.notice } : null,
          materialReduction: assessment.materialReduction,
          weakenedSubjects: assessment.weakenedSubjects,
          conflictsOpened: conflicts.opened,
          conflictsCarriedForward: conflicts.carried,
          servicesWithConflicts: serviceKeys,
        }),
      });
      await notifyPublished(this.notifier, tx, now, publishedVersion, conflicts.rows.filter((r) => !r.resolvedAt).map((r) => r.serviceId));
      return version;
    });
  }

  /** The new pairs a publish creates, with the other side's version in force then and every later-scheduled one. */
  private async pairsFor(store: PolicyQueries, version: VersionWithPolicy): Promise<VersionPair[]> {
    const from = version.inForceFrom as Date;
    if (version.policy.scope === 'GLOBAL') {
      const services = (await store.publishedVersions('all')).filter((v) => v.policy.scope === 'SERVICE');
      return counterparts(services, from).map((service) => ({ global: version, service }));
    }
    const globals = (await store.publishedVersions('all')).filter((v) => v.policy.scope === 'GLOBAL');
    return counterparts(globals, from).map((global) => ({ global, service: version }));
  }
}

async function policyOrFail(tx: EntityManager, key: string): Promise<PolicyEntity> {
  const policy = await tx.findOneBy(PolicyEntity, { key: String(key).slice(0, 63) });
  if (!policy) throw notFound('Policy', key);
  return policy;
}

function assertValidClauses(clauses: readonly ClauseInput[], scope: 'GLOBAL' | 'SERVICE', taxonomy: Taxonomy): void {
  const errors = validateClauseSet(clauses, { scope, taxonomy });
  if (errors.length) {
    // The domain's message already starts with its path (`clauses[2].subject: ...`).
    const problems = errors.map((e) => e.message);
    throw badInput(`The clause set is invalid: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`, {
      argument: 'clauses',
      problems,
    });
  }
}

/** LOCKED_CLAUSE: checked against the global version in force now and every scheduled one. */
async function assertNoLockedWeakening(tx: EntityManager, clauses: readonly { topic: string; subject: string; value: string }[], taxonomy: Taxonomy, now: Date): Promise<void> {
  const store = new PolicyQueries(tx);
  const globals = counterparts((await store.publishedVersions('all')).filter((v) => v.policy.scope === 'GLOBAL'), now);
  if (!globals.length) return;
  const clauseMap = await store.clausesOf(globals.map((g) => g.id));
  const serviceClauses = clauses.map((c) => ({ topic: c.topic as PolicyLayer['clauses'][number]['topic'], subject: c.subject.trim(), value: c.value.trim() }));
  for (const global of globals) {
    const violations = lockedViolations(layerOf(global, clauseMap.get(global.id) ?? []), serviceClauses, taxonomy);
    if (violations.length) {
      const named = violations.map((v) => `${v.serviceClause.topic} ${v.serviceClause.subject} = ${v.serviceClause.value} weakens locked ${v.topic} ${v.globalSubject} = ${v.globalValue} of ${v.globalPolicyKey} v${v.globalPolicyVersion}`);
      throw new CanopyError('LOCKED_CLAUSE', `The service policy may not weaken a locked clause: ${named.join('; ')}.`, {
        clauses: violations.map((v) => ({ index: v.serviceClauseIndex, topic: v.serviceClause.topic, subject: v.serviceClause.subject, globalPolicyKey: v.globalPolicyKey, globalPolicyVersion: v.globalPolicyVersion })),
      });
    }
  }
}
