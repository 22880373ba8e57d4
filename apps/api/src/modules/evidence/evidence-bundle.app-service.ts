import { type AssessmentRevisionEntity, AuditEventEntity, assessmentSnapshot, type ProcessorEntity, processorSnapshot, ServiceEntity } from '@canopy/persistence';
import { BundleEvent, BundleRecordInput, BundleWriter, isTruncatedSnapshot, JsonValue, leafIndexOfSeq, SnapshotClaim } from '@canopy/evidence';
import type { Taxonomy } from '@canopy/domain';
import type { Database } from '../../common/database';
import { type PagedList, pagedList } from '../../common/paged-list';
import { badInput } from '../../common/errors';
import { recordOf } from '../audit';
import type { AuditEvidence } from './audit-evidence.app-service';

/** An `at` this far ahead of the request's clock is still accepted (clocks of client and server differ). */
const NOW_GRACE_MS = 60_000;

/** The events cited beyond each entity's last: an arrangement's submission and approvals. */
const ALSO_CITED_ACTIONS = ['sharing.submitted', 'sharing.approved'];

/**
 * What a bundle reads from the other features, as of an instant: each list a
 * page at a time (keyset pagination, a constant number of statements per
 * page), so memory holds a page, not the organisation. Wired in
 * application.ts from the features' services.
 */
export interface EvidenceSources {
  /** The record of processing a batch of services at a time (the same rules as recordOfProcessing(at)). */
  recordOfProcessing(at: Date): Promise<{ controller: unknown; homeRegion: unknown; activities: PagedList<{ serviceKey: string; purpose: string }> }>;
  taxonomy(): Promise<Taxonomy>;
  effectivePolicies(serviceIds: readonly string[], at: Date, taxonomy: Taxonomy): Promise<ReadonlyMap<string, { clauses: unknown[] }>>;
  /** The findings of the services at `at`, as findingsConnection(at) answers them. */
  findings(services: ServiceEntity[], at: Date, now: Date, taxonomy: Taxonomy): Promise<ReadonlyMap<string, unknown[]>>;
  conflicts(at: Date): PagedList<{ row: { id: string; serviceId: string }; status: string; globalVersion: unknown; serviceVersion: unknown }>;
  arrangements(at: Date): PagedList<{ id: string; serviceId: string; processorId: string }>;
  /** The processors registered at `at`, as they were then (their revisions). */
  processors(at: Date): PagedList<ProcessorEntity>;
  /** The keys of these processors registered at `at`, by id: one statement. */
  processorKeys(ids: readonly string[], at: Date): Promise<ReadonlyMap<string, string>>;
  /** Every assessment (DPIA and TIA) as it stood at `at`: its revision valid then. */
  assessments(at: Date): PagedList<AssessmentRevisionEntity>;
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

const DEFAULT_BATCHES: BundleBatches = { services: 100, records: 1000 };

/** The cited events of one batch: by entity id, and the `after` snapshot of one. */
interface CitedLog {
  cite(id: string): number[];
  after(seq: number): JsonValue;
}

/** Dates become ISO strings, undefined members go: the JSON the bundle carries and its digests cover. */
const toJson = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value ?? null)) as JsonValue;
const last = (seqs: number[]) => seqs.slice(-1);

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

/** One piece of a section: the records of a batch of entities, built once their events are read. */
interface Piece {
  /** The audit entity id of each record, one per record (the same id may come twice: activities of one service). */
  ids: string[];
  records(log: CitedLog): BundleRecordInput[] | Promise<BundleRecordInput[]>;
}

/** A section of the bundle: its entities of one audit type, counted first (the header), then read a batch at a time. */
interface Section {
  section: string;
  entityType: string;
  count(): Promise<number>;
  pieces(): AsyncIterable<Piece>;
}

/** A section whose pieces are the pages of `list`, `size` entities each. */
function section<T>(name: string, entityType: string, list: PagedList<T>, size: number, piece: (batch: T[]) => Piece): Section {
  return {
    section: name,
    entityType,
    count: () => list.count(),
    async *pieces() {
      for await (const batch of list.pages(size)) yield piece(batch);
    },
  };
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
    const { controller, sections } = await this.sections(instant, now);
    let records = 1;
    for (const section of sections) records += await section.count();
    const treeHead = await this.evidence.treeHead(treeSize, now);
    const writer = new BundleWriter({ at: instant.toISOString(), generatedAt: now.toISOString(), treeHead, records }, await this.evidence.signingKey.key());
    await sink.write(writer.header());
    await sink.write(writer.records('recordOfProcessing', [controller]));
    for (const section of sections) {
      for await (const piece of section.pieces()) {
        const log = await this.citedEvents(treeSize, section.entityType, piece.ids);
        const list = await piece.records(log.log);
        const seqs = writer.unwritten(list.flatMap((r) => r.events));
        const proofs = seqs.length ? await this.evidence.inclusionProofs(seqs.map(leafIndexOfSeq), treeSize) : [];
        const events: BundleEvent[] = seqs.map((seq, i) => {
          const event = log.bySeq.get(seq)!;
          return { seq, hash: event.hash, prevHash: event.prevHash, body: toJson(recordOf(event)) as BundleEvent['body'], inclusionProof: proofs[i] };
        });
        await sink.write(writer.events(events) + writer.records(section.section, list));
      }
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

  /** The services registered at T, a page at a time in key order: one statement a page. */
  private servicesAt(at: Date): PagedList<ServiceEntity> {
    const query = () => this.db.manager.createQueryBuilder(ServiceEntity, 's').where('s.createdAt <= :at', { at });
    return pagedList(
      () => query().getCount(),
      (after: string | null, limit) => (after === null ? query() : query().andWhere('s.key > :after', { after })).orderBy('s.key', 'ASC').limit(limit).getMany(),
      (service) => service.key,
    );
  }

  /** The keys of these services registered at T, by id: one statement. */
  private async serviceKeys(ids: readonly string[], at: Date): Promise<ReadonlyMap<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.db.manager
      .createQueryBuilder(ServiceEntity, 's')
      .select(['s.id', 's.key'])
      .where('s.createdAt <= :at AND s.id IN (:...ids)', { at, ids: unique })
      .getMany();
    return new Map(rows.map((s) => [s.id, s.key]));
  }

  /** The bundle's sections in order, each read a batch at a time as of T; the controller record first. */
  private async sections(at: Date, now: Date): Promise<{ controller: BundleRecordInput; sections: Section[] }> {
    const { services: servicesPerBatch, records: recordsPerBatch } = this.batches;
    const ropa = await this.sources.recordOfProcessing(at);
    let taxonomy: Taxonomy | null = null;
    const sections: Section[] = [
      section('recordOfProcessing', 'service', ropa.activities, servicesPerBatch, (activities) => ({
        ids: activities.map((a) => a.serviceKey),
        records: (log: CitedLog) => activities.map((activity) => ({ key: `${activity.serviceKey}/${activity.purpose}`, data: toJson(activity), events: last(log.cite(activity.serviceKey)) })),
      })),
      section('services', 'service', this.servicesAt(at), servicesPerBatch, (batch) => ({
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
      section('conflicts', 'conflict', this.sources.conflicts(at), recordsPerBatch, (batch) => ({
        ids: batch.map((c) => c.row.id),
        records: async (log: CitedLog) => {
          const serviceKeys = await this.serviceKeys(batch.map((c) => c.row.serviceId), at);
          return batch.map((conflict) => ({
            key: conflict.row.id,
            data: toJson({ ...conflict.row, service: serviceKeys.get(conflict.row.serviceId) ?? null, status: conflict.status, globalVersion: conflict.globalVersion, serviceVersion: conflict.serviceVersion }),
            events: last(log.cite(conflict.row.id)),
          }));
        },
      })),
      section('arrangements', 'sharing', this.sources.arrangements(at), recordsPerBatch, (batch) => ({
        ids: batch.map((a) => a.id),
        records: async (log: CitedLog) => {
          const [serviceKeys, processorKeys] = await Promise.all([this.serviceKeys(batch.map((a) => a.serviceId), at), this.sources.processorKeys(batch.map((a) => a.processorId), at)]);
          return batch.map((arrangement) => {
            const events = log.cite(arrangement.id);
            const seq = events[events.length - 1];
            const state = seq === undefined ? null : log.after(seq);
            const data = toJson({ ...arrangement, service: serviceKeys.get(arrangement.serviceId) ?? null, processor: processorKeys.get(arrangement.processorId) ?? null, state });
            return seq === undefined ? { key: arrangement.id, data, events } : { key: arrangement.id, data, events, snapshot: { seq, path: ['state'] } satisfies SnapshotClaim };
          });
        },
      })),
      section('processors', 'processor', this.sources.processors(at), recordsPerBatch, (batch) => ({
        ids: batch.map((p) => p.key),
        records: (log: CitedLog) => batch.map((processor) => snapshotRecord(processor.key, processorSnapshot(processor), last(log.cite(processor.key)), log)),
      })),
      section('assessments', 'assessment', this.sources.assessments(at), recordsPerBatch, (batch) => ({
        ids: batch.map((r) => r.assessmentId),
        records: async (log: CitedLog) => {
          const serviceKeys = await this.serviceKeys(batch.map((r) => r.serviceId), at);
          return batch.map((revision) =>
            snapshotRecord(revision.assessmentId, assessmentSnapshot({ ...revision, id: revision.assessmentId }, serviceKeys.get(revision.serviceId) ?? ''), last(log.cite(revision.assessmentId)), log),
          );
        },
      })),
    ];
    const controller = { key: 'controller', data: toJson({ controller: ropa.controller, homeRegion: ropa.homeRegion }), events: [] };
    return { controller, sections };
  }
}
