import { In } from 'typeorm';
import { conflictStatusAt, type ConflictStatus } from '@canopy/domain';
import { PolicyConflictEntity, PolicyVersionEntity } from '@canopy/persistence';
import type { Viewer } from '../../auth/viewer';
import type { Database } from '../../common/database';
import { badInput, invalidTransition, notFound } from '../../common/errors';
import { appendAuditEvent } from '../audit';
import type { OpenConflictsReader } from '../services';
import type { ResolveConflictInput } from './policy.inputs';
import { type ConflictPage, PolicyQueries } from './policy.queries';
import { createdKey, type PagedList, pagedList } from '../../common/paged-list';

export interface ConflictView {
  row: PolicyConflictEntity;
  status: ConflictStatus;
  globalVersion: PolicyVersionEntity;
  serviceVersion: PolicyVersionEntity;
}

/** Conflicts with their status derived at an instant. */
export interface ConflictReader {
  list(status: ConflictStatus | null | undefined, serviceIds: readonly string[] | 'all', at: Date): Promise<ConflictView[]>;
}

/** Reading conflicts with their status derived at an instant, and resolving them (officers). */
export class ConflictService implements ConflictReader, OpenConflictsReader {
  constructor(private readonly db: Database) {}

  /** Three statements for any number of conflicts: the rows, their versions, the versions in force at `at`. */
  async views(rows: PolicyConflictEntity[], at: Date): Promise<ConflictView[]> {
    if (!rows.length) return [];
    const manager = this.db.manager;
    const versionIds = [...new Set(rows.flatMap((r) => [r.globalVersionId, r.serviceVersionId]))];
    const versions = new Map((await manager.findBy(PolicyVersionEntity, { id: In(versionIds) })).map((v) => [v.id, v]));
    const inForce = await new PolicyQueries(manager).inForceAt(at, [...new Set(rows.map((r) => r.serviceId))]);
    const inForceNumber = new Map(inForce.map((v) => [v.policyId, v.number]));
    // Superseded: a newer version of either side is in force at `at`.
    const superseded = (row: PolicyConflictEntity) =>
      [row.globalVersionId, row.serviceVersionId].some((id) => {
        const version = versions.get(id);
        const number = version ? inForceNumber.get(version.policyId) : undefined;
        return version !== undefined && number !== undefined && number > version.number;
      });
    return rows.map((row) => ({
      row,
      status: conflictStatusAt(row, superseded(row), at),
      globalVersion: versions.get(row.globalVersionId)!,
      serviceVersion: versions.get(row.serviceVersionId)!,
    }));
  }

  /** How many conflict rows `list(…, 'all', …)` reads: one COUNT. */
  count(): Promise<number> {
    return this.db.manager.count(PolicyConflictEntity);
  }

  async list(status: ConflictStatus | null | undefined, serviceIds: readonly string[] | 'all', at: Date): Promise<ConflictView[]> {
    const views = await this.viewsAt(serviceIds, at);
    return status ? views.filter((v) => v.status === status) : views;
  }

  /** What list(null, 'all', at) answers, a page at a time (oldest first, as list): one statement a page. */
  listInPages(at: Date): PagedList<ConflictView> {
    return pagedList(
      () => this.count(),
      (after: { createdAt: Date; id: string } | null, limit) => this.viewsAt('all', at, { after, limit }),
      (view) => createdKey(view.row),
    );
  }

  private async viewsAt(serviceIds: readonly string[] | 'all', at: Date, page?: ConflictPage): Promise<ConflictView[]> {
    // One statement: the rows with their pair's versions and whether either side is superseded at `at`.
    const rows = await new PolicyQueries(this.db.manager).conflictsWithPairs(serviceIds, at, page);
    return rows.map(({ row, superseded }) => ({
      row,
      status: conflictStatusAt(row, superseded, at),
      globalVersion: row.globalVersion!,
      serviceVersion: row.serviceVersion!,
    }));
  }

  async byIds(ids: readonly string[], at: Date): Promise<ConflictView[]> {
    const rows = ids.length ? await this.db.manager.findBy(PolicyConflictEntity, { id: In([...ids]) }) : [];
    return this.views(rows, at);
  }

  async serviceIdsWithOpenConflicts(at: Date): Promise<string[]> {
    return [...new Set((await this.list('OPEN', 'all', at)).map((v) => v.row.serviceId))];
  }

  async resolve(actor: Viewer, input: ResolveConflictInput): Promise<ConflictView> {
    const rationale = input.rationale.trim();
    if (!rationale) throw badInput('rationale must not be blank: say why this precedence is right.', { argument: 'rationale' });
    const [current] = await this.byIds([String(input.conflictId).slice(0, 36)], this.db.clock.now());
    if (!current) throw notFound('Conflict', String(input.conflictId).slice(0, 36));
    if (current.status !== 'OPEN') throw invalidTransition(`Conflict ${current.row.id} is ${current.status}; only an OPEN conflict can be resolved.`);
    const resolvedAt = await this.db.write(async (tx, now) => {
      const result = await tx
        .createQueryBuilder()
        .update(PolicyConflictEntity)
        .set({ resolution: input.resolution, rationale, resolvedBy: actor.id, resolvedAt: now })
        .where('id = :id AND resolved_at IS NULL', { id: current.row.id })
        .execute();
      if (result.affected !== 1) throw invalidTransition(`Conflict ${current.row.id} was resolved meanwhile.`);
      await appendAuditEvent(tx, now, actor, {
        action: 'conflict.resolved',
        entityType: 'conflict',
        entityId: current.row.id,
        before: { status: 'OPEN' },
        after: {
          status: 'RESOLVED',
          resolution: input.resolution,
          rationale,
          topic: current.row.topic,
          subject: current.row.subject,
          globalValue: current.row.globalValue,
          serviceValue: current.row.serviceValue,
        },
      });
      return now;
    });
    Object.assign(current.row, { resolution: input.resolution, rationale, resolvedBy: actor.id, resolvedAt });
    return { ...current, status: 'RESOLVED' };
  }
}
