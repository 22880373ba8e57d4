import { canEditContents, requiredApprovals, type SharingStatus } from '@canopy/domain';
import { ProcessorEntity, ServiceEntity, SharingArrangementEntity } from '@canopy/persistence';
import type { Viewer } from '../../auth/viewer';
import type { Database } from '../../common/database';
import { badInput, invalidTransition, notFound } from '../../common/errors';
import { newId } from '../../common/ids';
import type { Notifier } from '../outbox';
import type { HomeRegionReader } from '../home-region';
import { processorTransferFacts } from '../processors';
import { loadTaxonomy } from '../taxonomy';
import { notifySharing } from './sharing-notifications';
import { requireMayRequest, requireMayWithdraw } from './sharing.access';
import type { ProposeSharingInput, UpdateSharingInput } from './sharing.inputs';
import { requireArrangementId, requireCategories, requireExpectedVersion, requireNoDerogation, requirePurposes } from './sharing.validation';
import { commitChange, findWithService, insertArrangement, loadForChange, transition } from './sharing-change';

/**
 * The requesting side of sharing: propose (DRAFT), change a draft, submit
 * for review, withdraw. Errors in the order of DESIGN.md section 5:
 * FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, VERSION_CONFLICT, INVALID_TRANSITION.
 * A processor resting on a derogation outside the home region is
 * BAD_USER_INPUT at propose and at submit (DESIGN.md section 9).
 */
export class SharingRequests {
  constructor(
    private readonly db: Database,
    private readonly homeRegion: HomeRegionReader,
    private readonly notifier: Notifier,
  ) {}

  async propose(actor: Viewer, input: ProposeSharingInput): Promise<SharingArrangementEntity> {
    const service = await this.db.manager.findOneBy(ServiceEntity, { key: String(input.serviceKey).slice(0, 63) });
    if (service) requireMayRequest(actor, service);
    const taxonomy = await loadTaxonomy(this.db.manager);
    const dataCategories = requireCategories(input.dataCategories, taxonomy);
    const purposes = requirePurposes(input.purposes, taxonomy);
    const processor = await this.db.manager.findOneBy(ProcessorEntity, { key: String(input.processorKey).slice(0, 63) });
    if (!processor) throw badInput(`Unknown processor "${String(input.processorKey).slice(0, 63)}".`, { argument: 'processorKey' });
    await this.requireNoDerogation(processor);
    if (!service) throw notFound('Service', input.serviceKey);

    return this.db.write(async (tx, now) => {
      const row = tx.create(SharingArrangementEntity, {
        id: newId(),
        serviceId: service.id,
        processorId: processor.id,
        dataCategories,
        purposes,
        legalBasis: input.legalBasis,
        status: 'DRAFT',
        requestedBy: actor.id,
        requiredApprovals: requiredApprovals(dataCategories, taxonomy),
        decisionReason: null,
        decidedBy: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
        submittedAt: null,
        decidedAt: null,
      });
      await insertArrangement(tx, now, actor, row, { serviceKey: service.key, processorKey: processor.key });
      return row;
    });
  }

  /** Categories, purposes and legal basis change only in DRAFT. */
  async update(actor: Viewer, input: UpdateSharingInput): Promise<SharingArrangementEntity> {
    const found = await findWithService(this.db, input.id);
    if (found) requireMayRequest(actor, found.service, found.arrangement);
    const id = requireArrangementId(input.id);
    const expectedVersion = requireExpectedVersion(input.expectedVersion);
    const taxonomy = await loadTaxonomy(this.db.manager);
    const dataCategories = input.dataCategories == null ? undefined : requireCategories(input.dataCategories, taxonomy);
    const purposes = input.purposes == null ? undefined : requirePurposes(input.purposes, taxonomy);
    if (!found) throw notFound('Sharing arrangement', id);

    return this.db.write(async (tx, now) => {
      const row = await loadForChange(tx, id, expectedVersion);
      if (!canEditContents(row.status as SharingStatus)) throw invalidTransition(`Sharing arrangement ${id} is ${row.status}: its contents change only in DRAFT.`);
      const set = {
        ...(dataCategories && !sameList(dataCategories, row.dataCategories) ? { dataCategories, requiredApprovals: requiredApprovals(dataCategories, taxonomy) } : {}),
        ...(purposes && !sameList(purposes, row.purposes) ? { purposes } : {}),
        ...(input.legalBasis && input.legalBasis !== row.legalBasis ? { legalBasis: input.legalBasis } : {}),
      };
      if (Object.keys(set).length === 0) return row; // nothing to change: no new version, no audit event
      return commitChange(tx, now, actor, row, { action: 'updated', set });
    });
  }

  /** DRAFT -> PENDING_REVIEW; requiredApprovals is fixed now. */
  async submit(actor: Viewer, rawId: string, rawVersion: number): Promise<SharingArrangementEntity> {
    const found = await findWithService(this.db, rawId);
    if (found) requireMayRequest(actor, found.service, found.arrangement);
    const id = requireArrangementId(rawId);
    const expectedVersion = requireExpectedVersion(rawVersion);
    if (found) await this.requireNoDerogation(await this.db.manager.findOneByOrFail(ProcessorEntity, { id: found.arrangement.processorId }), 'id');
    if (!found) throw notFound('Sharing arrangement', id);
    const taxonomy = await loadTaxonomy(this.db.manager);

    return this.db.write(async (tx, now) => {
      const row = await loadForChange(tx, id, expectedVersion);
      const status = transition(row, 'submit');
      const submitted = await commitChange(tx, now, actor, row, {
        action: 'submitted',
        set: { status, submittedAt: now, requiredApprovals: requiredApprovals(row.dataCategories, taxonomy) },
      });
      await notifySharing(this.notifier, tx, now, submitted, 'sharing.submitted');
      return submitted;
    });
  }

  private async requireNoDerogation(processor: ProcessorEntity, argument?: string): Promise<void> {
    requireNoDerogation(processorTransferFacts(processor), await this.homeRegion.at(this.db.clock.now()), argument);
  }

  /** DRAFT or PENDING_REVIEW -> WITHDRAWN, by the requester or the owning team. */
  async withdraw(actor: Viewer, rawId: string, rawVersion: number): Promise<SharingArrangementEntity> {
    const found = await findWithService(this.db, rawId);
    if (found) requireMayWithdraw(actor, found.service, found.arrangement);
    const id = requireArrangementId(rawId);
    const expectedVersion = requireExpectedVersion(rawVersion);
    if (!found) throw notFound('Sharing arrangement', id);

    return this.db.write(async (tx, now) => {
      const row = await loadForChange(tx, id, expectedVersion);
      const status = transition(row, 'withdraw');
      return commitChange(tx, now, actor, row, { action: 'withdrawn', set: { status, decidedAt: now, decidedBy: actor.id } });
    });
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
