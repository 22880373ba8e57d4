import { type AssessmentRevisionEntity, AuditEventEntity, assessmentSnapshot, type ProcessorEntity, processorSnapshot, ServiceEntity } from '@canopy/persistence';
import { BundleEvent, BundleRecordInput, BundleWriter, isTruncatedSnapshot, JsonValue, leafIndexOfSeq, SnapshotClaim } from '@canopy/evidence';
import type { Taxonomy } from '@canopy/domain';
import type { Database } from '../../common/database';
import { badInput } from '../../common/errors';
import { recordOf } from '../audit';
import type { AuditEvidence } from './audit-evidence.app-service';

/** An `at` this far ahead of the request's clock is still accepted (clocks of client and server differ). */
const NOW_GRACE_MS = 60_000;

/** The events cited beyond each entity's last: an arrangement's submission and approvals. */
const ALSO_CITED_ACTIONS = ['sharing.submitted', 'sharing.approved'];

/**
 * What a bundle reads from the other features, as of an instant (each set-based: a constant number of
 * statements whatever the number of services it is given). Wired in application.ts from the features' services.
 */
export interface EvidenceSources {
  recordOfProcessing(at: Date, now: Date): Promise<{ controller: unknown; homeRegion: unknown; activities: Array<{ serviceKey: string; purpose: string }> }>;
  taxonomy(): Promise<Taxonomy>;
  effectivePolicies(serviceIds: readonly string[], at: Date, taxonomy: Taxonomy): Promise<ReadonlyMap<string, { clauses: unknown[] }>>;
  /** The findings of the services at `at`, as findingsConnection(at) answers them. */
  findings(services: ServiceEntity[], at: Date, now: Date, taxonomy: Taxonomy): Promise<ReadonlyMap<string, unknown[]>>;
  conflicts(at: Date): Promise<Array<{ row: { id: string; serviceId: string }; status: string; globalVersion: unknown; serviceVersion: unknown }>>;
  arrangements(at: Date): Promise<Array<{ id: string; serviceId: string; processorId: string }>>;
  /** The processors registered at `at`, as they were then (their revisions). */
  processors(at: Date): Promise<ProcessorEntity[]>;
  /** Every assessment (DPIA and TIA) as it stood at `at`: its revision valid then. */
  assessments(at: Date): Promise<AssessmentRevisionEntity[]>;
}

export interface PreparedBundle {
  instant: Date;
  treeSize: number;
  now: Date;
}

/** Where a bundle is written, a piece at a time: a write resolves once the piece may be followed by the next. */
export interface BundleSink {
  write(chunk: string): Promise<void>;
}

/** How many services (their policies and findings) and how many other records make one piece. */
export interface BundleBatches {
  services: number;
  records: number;
}

const DEFAULT_BATCHES: BundleBatches = { services: 200, records: 1000 };

/** The cited events of one batch: by entity id, and the `after` snapshot of one. */
interface CitedLog {
  cite(id: string): number[];
  after(seq: number): JsonValue;
}

/** Dates become ISO strings, undefined members go: the JSON the bundle carries and its digests cover. */
const toJson = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value ?? null)) as JsonValue;
const last = (seqs: number[]) => seqs.slice(-1);

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * A record that is its entity as of T, checked against the whole snapshot its last event holds. What
 * the event adds beyond the entity's fields (an assessment's approval) is taken from the event; every
 * field the entity has must equal the event's, or verification names the record.
 */
function snapshotRecord(key: string, entity: Record<string, unknown>, events: number[], log: CitedLog): BundleRecordInput {
  const seq = events[0];
  const after = seq === undefined ? null : log.after(seq);
  const annotations = after !== null && typeof after === 'object' && !Array.isArray(after) && !isTruncatedSnapshot(after) ? after : {};
  const data = toJson({ ...annotations, ...entity });
  return seq === undefined ? { key, data, events } : { key, data, events, snapshot: { seq } };
}

/** One piece of a section: the records of a batch of entities of one audit type, built once their events are read. */
interface Piece {
  section: string;
  entityType: string;
  /** The audit entity id of each record, one per record (the same id may come twice: activities of one service). */
  ids: string[];
  records(log: CitedLog): BundleRecordInput[] | Promise<BundleRecordInput[]>;
}

/**
 * Evidence bundles (DESIGN.md section 10, libs/evidence README, format 2:
 * JSON lines): every record as of an instant T, the audit events each rests
 * on (the last event of its entity at or before T; an arrangement's
 * submission and approvals too) with their inclusion proofs, the signed tree
 * head of the events up to T, and the signature over the running digest of
 * the lines. Written in pieces to a sink: per batch of services (their
 * policies and findings) or of other records, one statement for the batch's
 * cited events and one per 5,000 subtrees of their proofs, so memory holds a
 * batch, not the bundle (the lists of entities are read whole, set-based).
 */
export class EvidenceBundles {
  constructor(
    private readonly db: Database,
    private readonly evidence: AuditEvidence,
    private readonly sources: EvidenceSources,
    private readonly batches: BundleBatches = DEFAULT_BATCHES,
  ) {}

  /** Checks the instant and finds the tree of the events up to it: BAD_USER_INPUT before anything is built. */
  async prepare(at: Date | null, now: Date): Promise<PreparedBundle> {
    const instant = at ?? now;
    if (Number.isNaN(instant.getTime())) throw badInput('at is not an ISO 8601 instant.', { argument: 'at' });
    if (instant.getTime() > now.getTime() + NOW_GRACE_MS) throw badInput('at must not be in the future: the bundle proves what was recorded.', { argument: 'at' });
    return { instant, treeSize: await this.treeSizeAt(instant), now };
  }

  /** The whole bundle as text (tests, small organisations). */
  async build(at: Date | null, now: Date): Promise<string> {
    const parts: string[] = [];
    await this.write(await this.prepare(at, now), { write: async (chunk) => void parts.push(chunk) });
    return parts.join('');
  }

  async write({ instant, treeSize, now }: PreparedBundle, sink: BundleSink): Promise<void> {
    const pieces = await this.pieces(instant, now);
    const records = pieces.reduce((n, piece) => n + piece.ids.length, 0) + 1;
    const treeHead = await this.evidence.treeHead(treeSize, now);
    const writer = new BundleWriter({ at: instant.toISOString(), generatedAt: now.toISOString(), treeHead, records }, await this.evidence.signingKey.key());
    await sink.write(writer.header());
    await sink.write(writer.records('recordOfProcessing', [pieces.controller]));
    for (const piece of pieces) {
      const log = await this.citedEvents(treeSize, piece.entityType, piece.ids);
      const list = await piece.records(log.log);
      const seqs = writer.unwritten(list.flatMap((r) => r.events));
      const proofs = seqs.length ? await this.evidence.inclusionProofs(seqs.map(leafIndexOfSeq), treeSize) : [];
      const events: BundleEvent[] = seqs.map((seq, i) => {
        const event = log.bySeq.get(seq)!;
        return { seq, hash: event.hash, prevHash: event.prevHash, body: toJson(recordOf(event)) as BundleEvent['body'], inclusionProof: proofs[i] };
      });
      await sink.write(writer.events(events) + writer.records(piece.section, list));
    }
    await sink.write(writer.end());
  }

  /** The events recorded up to T: seq is serial, so the tree of the last one at or before T. */
  private async treeSizeAt(at: Date): Promise<number> {
    const row = await this.db.manager.createQueryBuilder(AuditEventEntity, 'e').select('MAX(e.seq)', 'size').where('e.at <= :at', { at }).getRawOne<{ size: number | string | null }>();
    const size = Number(row?.size ?? 0);
    if (size < 1) throw badInput('at is before the first audit event: there is nothing to prove.', { argument: 'at' });
    return size;
  }

  /** The last event up to treeSize of each of these entities, and an arrangement's submissions and approvals: one statement. */
  private async citedEvents(treeSize: number, type: string, ids: readonly string[]): Promise<{ bySeq: Map<number, AuditEventEntity>; log: CitedLog }> {
    const unique = [...new Set(ids)];
    const rows = unique.length
      ? await this.db.manager
          .createQueryBuilder(AuditEventEntity, 'e')
          .where('e.seq <= :n AND e.entityType = :type AND e.entityId IN (:...ids)', { n: treeSize, type, ids: unique })
          .andWhere(
            '(e.seq IN (SELECT MAX(m.seq) FROM audit_events m WHERE m.seq <= :n AND m.entity_type = :type AND m.entity_id IN (:...ids) GROUP BY m.entity_id) OR e.action IN (:...actions))',
            { actions: ALSO_CITED_ACTIONS },
          )
          .orderBy('e.seq', 'ASC')
          .getMany()
      : [];
    const byEntity = new Map<string, number[]>();
    for (const row of rows) byEntity.set(row.entityId, [...(byEntity.get(row.entityId) ?? []), row.seq]);
    const bySeq = new Map(rows.map((row) => [row.seq, row]));
    return {
      bySeq,
      log: {
        cite: (id) => byEntity.get(id) ?? [],
        after: (seq) => {
          const event = bySeq.get(seq);
          return event ? (recordOf(event).after as JsonValue) : null;
        },
      },
    };
  }

  /** The bundle's pieces in order, from the entities as of T (read whole, set-based); the services' policies and findings are read per piece. */
  private async pieces(at: Date, now: Date): Promise<Piece[] & { controller: BundleRecordInput }> {
    const { services: servicesPerBatch, records: recordsPerBatch } = this.batches;
    const services = await this.db.manager.createQueryBuilder(ServiceEntity, 's').where('s.createdAt <= :at', { at }).orderBy('s.key', 'ASC').getMany();
    const [ropa, conflicts, arrangements, processors, assessments] = await Promise.all([
      this.sources.recordOfProcessing(at, now),
      this.sources.conflicts(at),
      this.sources.arrangements(at),
      this.sources.processors(at),
      this.sources.assessments(at),
    ]);
    const serviceKeys = new Map(services.map((s) => [s.id, s.key]));
    const processorKeys = new Map(processors.map((p) => [p.id, p.key]));
    let taxonomy: Taxonomy | null = null;
    const pieces: Piece[] = [
      ...chunks(ropa.activities, recordsPerBatch).map((activities) => ({
        section: 'recordOfProcessing',
        entityType: 'service',
        ids: activities.map((a) => a.serviceKey),
        records: (log: CitedLog) => activities.map((activity) => ({ key: `${activity.serviceKey}/${activity.purpose}`, data: toJson(activity), events: last(log.cite(activity.serviceKey)) })),
      })),
      ...chunks(services, servicesPerBatch).map((batch) => ({
        section: 'services',
        entityType: 'service',
        ids: batch.map((s) => s.key),
        records: async (log: CitedLog) => {
          taxonomy ??= await this.sources.taxonomy();
          const [policies, findings] = await Promise.all([
            this.sources.effectivePolicies(batch.map((s) => s.id), at, taxonomy),
            this.sources.findings(batch, at, now, taxonomy),
          ]);
          return batch.map((service) => ({
            key: service.key,
            data: toJson({ key: service.key, effectivePolicy: policies.get(service.id)?.clauses ?? [], findings: findings.get(service.id) ?? [] }),
            events: last(log.cite(service.key)),
          }));
        },
      })),
      ...chunks(conflicts, recordsPerBatch).map((batch) => ({
        section: 'conflicts',
        entityType: 'conflict',
        ids: batch.map((c) => c.row.id),
        records: (log: CitedLog) =>
          batch.map((conflict) => ({
            key: conflict.row.id,
            data: toJson({ ...conflict.row, service: serviceKeys.get(conflict.row.serviceId) ?? null, status: conflict.status, globalVersion: conflict.globalVersion, serviceVersion: conflict.serviceVersion }),
            events: last(log.cite(conflict.row.id)),
          })),
      })),
      ...chunks(arrangements, recordsPerBatch).map((batch) => ({
        section: 'arrangements',
        entityType: 'sharing',
        ids: batch.map((a) => a.id),
        records: (log: CitedLog) =>
          batch.map((arrangement) => {
            const events = log.cite(arrangement.id);
            const seq = events[events.length - 1];
            const state = seq === undefined ? null : log.after(seq);
            const data = toJson({ ...arrangement, service: serviceKeys.get(arrangement.serviceId) ?? null, processor: processorKeys.get(arrangement.processorId) ?? null, state });
            return seq === undefined ? { key: arrangement.id, data, events } : { key: arrangement.id, data, events, snapshot: { seq, path: ['state'] } satisfies SnapshotClaim };
          }),
      })),
      ...chunks(processors, recordsPerBatch).map((batch) => ({
        section: 'processors',
        entityType: 'processor',
        ids: batch.map((p) => p.key),
        records: (log: CitedLog) => batch.map((processor) => snapshotRecord(processor.key, processorSnapshot(processor), last(log.cite(processor.key)), log)),
      })),
      ...chunks(assessments, recordsPerBatch).map((batch) => ({
        section: 'assessments',
        entityType: 'assessment',
        ids: batch.map((r) => r.assessmentId),
        records: (log: CitedLog) =>
          batch.map((revision) =>
            snapshotRecord(revision.assessmentId, assessmentSnapshot({ ...revision, id: revision.assessmentId }, serviceKeys.get(revision.serviceId) ?? ''), last(log.cite(revision.assessmentId)), log),
          ),
      })),
    ];
    const controller = { key: 'controller', data: toJson({ controller: ropa.controller, homeRegion: ropa.homeRegion }), events: [] };
    return Object.assign(pieces, { controller });
  }
}
