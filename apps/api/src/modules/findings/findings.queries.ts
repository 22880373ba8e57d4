import { EntityManager, In, LessThanOrEqual, MoreThan } from 'typeorm';
import type { ArrangementFacts, AssessmentRecord, AssessmentRulesInput, InventoryItemFacts, Taxonomy, UndeliveredNoticeFacts } from '@canopy/domain';
import { FindingAcceptanceEntity, leanJoinSelect, leanSelect, persistedValue, placeholders, ProcessorEntity, ServiceEntity, SharingArrangementEntity } from '@canopy/persistence';
import { groupByService, inChunks } from '../../common/batch';
import type { OrganisationFacts } from '../../common/organisation-facts';
import { currentInventories, inventoriesAt } from '../inventory';
import { processorsAt, processorTransferFacts } from '../processors';
import { type FailedDelivery, failedNoticeEmails } from '../outbox';
import { servicesAt, servicesAtFrom, type ServicePosition } from '../services';
import { revisionsInStatusAt } from '../sharing';

export type { ServicePosition } from '../services';

/** Arrangement states the findings rules read (SHARING_UNDECLARED_CATEGORY: DRAFT, PENDING_REVIEW, APPROVED). */
const LIVE_STATUSES = ['DRAFT', 'PENDING_REVIEW', 'APPROVED'];

/**
 * The port through which findings read the facts of TRANSFER_UNLAWFUL,
 * DPIA_MISSING and ASSESSMENT_EXPIRED (DESIGN.md section 9), implemented by
 * the assessments feature and handed over by the wiring root: a constant
 * number of statements for any number of services. `past`: `at` is behind
 * the clock, the assessments are read as they stood then.
 */
export interface AssessmentFactsReader {
  /** The settings rows the rules read: the caller may read them with the organisation's other shared facts and hand them over (`shared`). */
  readonly settingKeys: readonly string[];
  factsFor(
    m: EntityManager,
    serviceIds: readonly string[] | 'all',
    at: Date,
    past: boolean,
    shared: SharedFacts | PromiseLike<SharedFacts> | null,
  ): Promise<{ common: Omit<AssessmentRulesInput, 'dpias'>; dpiasByService: Map<string, AssessmentRecord[]>; tiasByArrangement: Map<string, AssessmentRecord[]> }>;
}

/** Organisation-wide facts read once by the caller (the request's OrganisationFacts): the settings rows of settingKeys and the adequacy register. */
export type SharedFacts = Pick<OrganisationFacts, 'settings' | 'adequacy'>;

/** Which services' findings to measure: a list, or every service (read without an id list). */
export type FindingsScope = readonly string[] | 'all';

/** Everything the findings of a set of services are computed from, apart from their effective policies. */
export interface FindingsFacts {
  services: ServiceEntity[];
  inventories: Map<string, InventoryItemFacts[]>;
  arrangements: Map<string, ArrangementFacts[]>;
  /** Unexpired acceptances, per service. */
  acceptances: Map<string, FindingAcceptanceEntity[]>;
  /** Notice e-mails whose delivery FAILED, per service. */
  undeliveredNotices: Map<string, UndeliveredNoticeFacts[]>;
  taxonomy: Taxonomy;
  /** The section 9 facts per service (absent without an AssessmentFactsReader). */
  assessments: Map<string, AssessmentRulesInput>;
}

/** The services of a scope, by key, as they are now or (`asOf`) as they were then: one statement per 10,000 services. */
export async function servicesIn(m: EntityManager, scope: FindingsScope, asOf: Date | null = null): Promise<ServiceEntity[]> {
  if (asOf) return servicesAt(m, scope, asOf);
  if (scope === 'all') return m.find(ServiceEntity, { order: { key: 'ASC' } });
  return (await inChunks(scope, (ids) => m.findBy(ServiceEntity, { id: In(ids) }))).sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** Up to `limit` services in key order from a position (null: the first), as they are now or (`asOf`) as they were then, and whether more follow; one statement. */
export async function servicesFrom(m: EntityManager, from: ServicePosition | null, limit: number, asOf: Date | null = null): Promise<{ services: ServiceEntity[]; more: boolean }> {
  if (asOf) return servicesAtFrom(m, asOf, from, limit);
  const query = m.createQueryBuilder(ServiceEntity, 's').orderBy('s.key', 'ASC').limit(limit + 1);
  if (from) query.where(from.inclusive ? 's.key >= :key' : 's.key > :key', { key: from.key });
  const rows = await query.getMany();
  return { services: rows.slice(0, limit), more: rows.length > limit };
}

/** What the findings read of a live arrangement, now or as of an instant (its processor then). */
type LiveArrangement = Pick<SharingArrangementEntity, 'id' | 'serviceId' | 'status' | 'dataCategories' | 'legalBasis' | 'purposes' | 'processor'>;

/**
 * Loads the facts of the given services set-based: current inventories, live
 * arrangements with their processors, unexpired acceptances and failed
 * notice e-mails, four statements whatever the number of services (one more each per 10,000
 * services unless `all` says they are every service). The services and the
 * taxonomy come from the caller, who has them already.
 *
 * `history`: `now` is a past instant, so everything is read as it was then
 * (inventories, arrangement revisions and processor revisions valid then,
 * acceptances recorded by then and unexpired then, failed notice e-mails
 * queued by then): five statements, the arrangements' processors being one more.
 * With `assessmentFacts`, the section 9 facts too (AssessmentFactsReader), the
 * processors' transfer facts and the arrangements' TIAs as of the same instant;
 * `shared`: their organisation-wide facts, read by the caller (the rows are read
 * while they, and the taxonomy, may still be loading).
 */
export async function loadFindingsFacts(
  m: EntityManager,
  services: ServiceEntity[],
  now: Date,
  taxonomy: Taxonomy | PromiseLike<Taxonomy>,
  all = false,
  history = false,
  assessmentFacts: AssessmentFactsReader | null = null,
  shared: SharedFacts | PromiseLike<SharedFacts> | null = null,
): Promise<FindingsFacts> {
  const ids = all && !history ? 'all' : services.map((s) => s.id);
  const none = ids !== 'all' && ids.length === 0;
  // The reads are independent: on MySQL each takes a connection of its own and they run at once.
  const [[items, arrangements, acceptances, failedNotices], section9, knownTaxonomy] = await Promise.all([
    none ? [[], [], [], []] : history ? pastFactRows(m, ids as readonly string[], now) : currentFactRows(m, ids, now),
    assessmentFacts && !none ? assessmentFacts.factsFor(m, ids, now, history, shared) : null,
    taxonomy,
  ] as const);
  const arrangementFacts = new Map<string, ArrangementFacts[]>();
  for (const a of arrangements as LiveArrangement[]) {
    const p = a.processor as ProcessorEntity;
    const list = arrangementFacts.get(a.serviceId) ?? [];
    list.push({
      id: a.id,
      status: a.status as ArrangementFacts['status'],
      dataCategories: a.dataCategories,
      legalBasis: a.legalBasis as ArrangementFacts['legalBasis'],
      purposes: a.purposes,
      processor: {
        key: p.key,
        dpaSignedAt: p.dpaSignedAt,
        dpaExpiresAt: p.dpaExpiresAt,
        ...(section9 ? processorTransferFacts(p) : {}),
      },
      ...(section9 ? { tias: section9.tiasByArrangement.get(a.id) ?? [] } : {}),
    });
    arrangementFacts.set(a.serviceId, list);
  }
  return {
    services,
    // Source, legal basis and encryption were validated against their enums when written.
    inventories: groupByService(items) as unknown as Map<string, InventoryItemFacts[]>,
    arrangements: arrangementFacts,
    acceptances: groupByService(acceptances),
    undeliveredNotices: undeliveredNoticesByService(services, failedNotices),
    taxonomy: knownTaxonomy,
    assessments: new Map(section9 ? services.map((s) => [s.id, { ...section9.common, dpias: section9.dpiasByService.get(s.id) ?? [] }]) : []),
  };
}

/** A service's own notices' failures, and those of GLOBAL notices sent to one of its recipients. */
function undeliveredNoticesByService(services: readonly ServiceEntity[], failed: readonly FailedDelivery[]): Map<string, UndeliveredNoticeFacts[]> {
  const map = new Map<string, UndeliveredNoticeFacts[]>();
  for (const service of services) {
    const recipients = new Set((service.noticeRecipients ?? []).map((r) => r.toLowerCase()));
    const mine = failed.filter((f) => (f.serviceId ? f.serviceId === service.id : recipients.has(f.recipient.toLowerCase())));
    if (mine.length) map.set(service.id, mine.map((f) => ({ noticeId: f.causeId ?? '', recipient: f.recipient, attempts: f.attempts, lastError: f.lastError })));
  }
  return map;
}

/** DRAFT, PENDING_REVIEW and APPROVED arrangements with their processors, oldest first, in one statement per chunk. */
async function liveArrangements(m: EntityManager, ids: readonly string[] | 'all'): Promise<SharingArrangementEntity[]> {
  const live = `t.status IN ${placeholders(LIVE_STATUSES.length)}`;
  const read = (where: string, parameters: readonly string[]) =>
    leanJoinSelect(m, SharingArrangementEntity, { property: 'processor', entity: ProcessorEntity, on: 'j.id = t.processor_id' }, where, [...LIVE_STATUSES, ...parameters], 't.created_at, t.id');
  if (ids === 'all') return read(live, []);
  return inChunks(ids, (chunk) => read(`${live} AND t.service_id IN ${placeholders(chunk.length)}`, chunk));
}

/** The rows of loadFindingsFacts as they are now. */
function currentFactRows(m: EntityManager, ids: readonly string[] | 'all', now: Date) {
  return Promise.all([
    currentInventories(m, ids),
    liveArrangements(m, ids),
    unexpiredAcceptances(m, ids, now),
    failedNoticeEmails(m, ids),
  ]);
}

/** Acceptances unexpired at `now`: one statement per chunk. */
function unexpiredAcceptances(m: EntityManager, ids: readonly string[] | 'all', now: Date): Promise<FindingAcceptanceEntity[]> {
  const unexpired = 'expires_at > ?';
  const at = persistedValue(m, FindingAcceptanceEntity, 'expiresAt', now);
  if (ids === 'all') return leanSelect(m, FindingAcceptanceEntity, unexpired, [at]);
  return inChunks(ids, (chunk) => leanSelect(m, FindingAcceptanceEntity, `${unexpired} AND service_id IN ${placeholders(chunk.length)}`, [at, ...chunk]));
}

/** The rows of loadFindingsFacts as they were at a past instant `at`. */
async function pastFactRows(m: EntityManager, ids: readonly string[], at: Date) {
  return Promise.all([
    inventoriesAt(m, ids, at),
    liveArrangementsAt(m, ids, at),
    inChunks(ids, (chunk) => m.find(FindingAcceptanceEntity, { where: { serviceId: In(chunk), acceptedAt: LessThanOrEqual(at), expiresAt: MoreThan(at) } })),
    // The outbox keeps when an e-mail was queued, not when it failed: one queued after `at` cannot have failed by then.
    failedNoticeEmails(m, ids).then((failed) => failed.filter((f) => f.createdAt.getTime() <= at.getTime())),
  ]);
}

/** The arrangements DRAFT, PENDING_REVIEW or APPROVED at `at` (their revisions valid then) with their processors as they were then: two statements per chunk. */
async function liveArrangementsAt(m: EntityManager, ids: readonly string[], at: Date): Promise<LiveArrangement[]> {
  const revisions = (await revisionsInStatusAt(m, ids, LIVE_STATUSES, at)).map((r) => r.revision);
  const processors = new Map((await processorsAt(m, revisions.map((r) => r.processorId), at)).map((p) => [p.id, p]));
  return revisions.flatMap((r) => {
    const processor = processors.get(r.processorId);
    return processor ? [{ id: r.arrangementId, serviceId: r.serviceId, status: r.status, dataCategories: r.dataCategories, legalBasis: r.legalBasis, purposes: r.purposes, processor }] : [];
  });
}
