import { type AssessmentRevisionEntity, AuditEventEntity, assessmentSnapshot, type ProcessorEntity, processorSnapshot, ServiceEntity } from '@canopy/persistence';
import { BundleEvent, BundleRecordInput, createBundle, EvidenceBundle, isTruncatedSnapshot, JsonValue, leafIndexOfSeq, SnapshotClaim } from '@canopy/evidence';
import type { Taxonomy } from '@canopy/domain';
import type { Database } from '../../common/database';
import { badInput } from '../../common/errors';
import { recordOf } from '../audit';
import type { AuditEvidence } from './audit-evidence.app-service';

/** An `at` this far ahead of the request's clock is still accepted (clocks of client and server differ). */
const NOW_GRACE_MS = 60_000;

/** The audit entity types a bundle's records rest on, and the events cited beyond each entity's last: an arrangement's approvals. */
const CITED_TYPES = ['service', 'processor', 'conflict', 'sharing', 'assessment'] as const;
const ALSO_CITED_ACTIONS = ['sharing.submitted', 'sharing.approved'];

/**
 * What a bundle reads from the other features, as of an instant (each set-based: a constant number of
 * statements whatever the organisation's size). Wired in application.ts from the features' services.
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

/** The cited events: by entity, and the `after` snapshot of one. */
interface CitedLog {
  cite(type: string, id: string): number[];
  after(seq: number): JsonValue;
}

/** Dates become ISO strings, undefined members go: the JSON the bundle carries and its digests cover. */
const toJson = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value ?? null)) as JsonValue;
const entityKey = (type: string, id: string) => `${type}\u0000${id}`;

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

/**
 * Evidence bundles (DESIGN.md section 10, libs/evidence README): every
 * record as of an instant T, the audit events each rests on (the last event
 * of its entity at or before T; an arrangement's submission and approvals
 * too) with their inclusion proofs, the signed tree head of the events up to
 * T, and the signature over the whole. Statements: the sections' readers,
 * one for the tree size at T, one for the cited events, one per 5,000
 * subtrees of their proofs; memory: the bundle (about 2 kB per service).
 */
export class EvidenceBundles {
  constructor(
    private readonly db: Database,
    private readonly evidence: AuditEvidence,
    private readonly sources: EvidenceSources,
  ) {}

  /** Checks the instant and finds the tree of the events up to it: BAD_USER_INPUT before anything is built. */
  async prepare(at: Date | null, now: Date): Promise<PreparedBundle> {
    const instant = at ?? now;
    if (Number.isNaN(instant.getTime())) throw badInput('at is not an ISO 8601 instant.', { argument: 'at' });
    if (instant.getTime() > now.getTime() + NOW_GRACE_MS) throw badInput('at must not be in the future: the bundle proves what was recorded.', { argument: 'at' });
    return { instant, treeSize: await this.treeSizeAt(instant), now };
  }

  async build(at: Date | null, now: Date): Promise<EvidenceBundle> {
    return this.assemble(await this.prepare(at, now));
  }

  async assemble({ instant, treeSize, now }: PreparedBundle): Promise<EvidenceBundle> {
    const events = await this.citedEvents(treeSize);
    const sections = await this.sections(instant, now, {
      cite: (type, id) => events.byEntity.get(entityKey(type, id)) ?? [],
      after: (seq) => {
        const event = events.bySeq.get(seq);
        return event ? (recordOf(event).after as JsonValue) : null;
      },
    });
    const citedSeqs = [...new Set(Object.values(sections).flatMap((records) => records.flatMap((r) => r.events)))].sort((a, b) => a - b);
    const head = await this.evidence.treeHead(treeSize, now);
    const proofs = await this.evidence.inclusionProofs(citedSeqs.map(leafIndexOfSeq), treeSize);
    const bundleEvents: BundleEvent[] = citedSeqs.map((seq, i) => {
      const event = events.bySeq.get(seq)!;
      return { seq, hash: event.hash, prevHash: event.prevHash, body: toJson(recordOf(event)) as BundleEvent['body'], inclusionProof: proofs[i] };
    });
    return createBundle(
      { at: instant.toISOString(), generatedAt: now.toISOString(), treeHead: head, sections, events: bundleEvents },
      await this.evidence.signingKey.key(),
    );
  }

  /** The events recorded up to T: seq is serial, so the tree of the last one at or before T. */
  private async treeSizeAt(at: Date): Promise<number> {
    const row = await this.db.manager.createQueryBuilder(AuditEventEntity, 'e').select('MAX(e.seq)', 'size').where('e.at <= :at', { at }).getRawOne<{ size: number | string | null }>();
    const size = Number(row?.size ?? 0);
    if (size < 1) throw badInput('at is before the first audit event: there is nothing to prove.', { argument: 'at' });
    return size;
  }

  /** Each entity's last event up to treeSize, and the arrangements' submissions and approvals: one statement. */
  private async citedEvents(treeSize: number): Promise<{ bySeq: Map<number, AuditEventEntity>; byEntity: Map<string, number[]> }> {
    const rows = await this.db.manager
      .createQueryBuilder(AuditEventEntity, 'e')
      .where('e.seq <= :n AND e.entityType IN (:...types)', { n: treeSize, types: CITED_TYPES })
      .andWhere(
        '(e.seq IN (SELECT MAX(m.seq) FROM audit_events m WHERE m.seq <= :n AND m.entity_type IN (:...types) GROUP BY m.entity_type, m.entity_id) OR e.action IN (:...actions))',
        { actions: ALSO_CITED_ACTIONS },
      )
      .orderBy('e.seq', 'ASC')
      .getMany();
    const byEntity = new Map<string, number[]>();
    for (const row of rows) {
      const key = entityKey(row.entityType, row.entityId);
      byEntity.set(key, [...(byEntity.get(key) ?? []), row.seq]);
    }
    return { bySeq: new Map(rows.map((row) => [row.seq, row])), byEntity };
  }

  private async sections(at: Date, now: Date, log: CitedLog): Promise<Record<string, BundleRecordInput[]>> {
    const { cite } = log;
    const services = await this.db.manager.createQueryBuilder(ServiceEntity, 's').where('s.createdAt <= :at', { at }).orderBy('s.key', 'ASC').getMany();
    const taxonomy = await this.sources.taxonomy();
    const [ropa, policies, findings, conflicts, arrangements, processors, assessments] = await Promise.all([
      this.sources.recordOfProcessing(at, now),
      this.sources.effectivePolicies(services.map((s) => s.id), at, taxonomy),
      this.sources.findings(services, at, now, taxonomy),
      this.sources.conflicts(at),
      this.sources.arrangements(at),
      this.sources.processors(at),
      this.sources.assessments(at),
    ]);
    const serviceKeys = new Map(services.map((s) => [s.id, s.key]));
    const processorKeys = new Map(processors.map((p) => [p.id, p.key]));
    const last = (seqs: number[]) => seqs.slice(-1);
    return {
      recordOfProcessing: [
        { key: 'controller', data: toJson({ controller: ropa.controller, homeRegion: ropa.homeRegion }), events: [] },
        ...ropa.activities.map((activity) => ({
          key: `${activity.serviceKey}/${activity.purpose}`,
          data: toJson(activity),
          events: last(cite('service', activity.serviceKey)),
        })),
      ],
      services: services.map((service) => ({
        key: service.key,
        data: toJson({
          key: service.key,
          effectivePolicy: policies.get(service.id)?.clauses ?? [],
          findings: findings.get(service.id) ?? [],
        }),
        events: last(cite('service', service.key)),
      })),
      conflicts: conflicts.map((conflict) => {
        const events = last(cite('conflict', conflict.row.id));
        return {
          key: conflict.row.id,
          data: toJson({ ...conflict.row, service: serviceKeys.get(conflict.row.serviceId) ?? null, status: conflict.status, globalVersion: conflict.globalVersion, serviceVersion: conflict.serviceVersion }),
          events,
        };
      }),
      arrangements: arrangements.map((arrangement) => {
        const events = cite('sharing', arrangement.id);
        const seq = events[events.length - 1];
        const state = seq === undefined ? null : { seq, after: log.after(seq) };
        return {
          key: arrangement.id,
          data: toJson({
            ...arrangement,
            service: serviceKeys.get(arrangement.serviceId) ?? null,
            processor: processorKeys.get(arrangement.processorId) ?? null,
            state: state?.after ?? null,
          }),
          events,
          ...(state ? { snapshot: { seq: state.seq, path: ['state'] } satisfies SnapshotClaim } : {}),
        };
      }),
      processors: processors.map((processor) => snapshotRecord(processor.key, processorSnapshot(processor), last(cite('processor', processor.key)), log)),
      assessments: assessments.map((revision) =>
        snapshotRecord(
          revision.assessmentId,
          assessmentSnapshot({ ...revision, id: revision.assessmentId }, serviceKeys.get(revision.serviceId) ?? ''),
          last(cite('assessment', revision.assessmentId)),
          log,
        ),
      ),
    };
  }
}
