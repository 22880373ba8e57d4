import { createHash } from 'node:crypto';
import {
  assessMaterialReduction,
  ClauseIndex,
  carryForwardResolutions,
  ConflictState,
  detectConflicts,
  PolicyClause,
  PolicyLayer,
  requiredApprovals,
  Taxonomy,
  validateClauseSet,
} from '@canopy/domain';
import {
  ApiTokenEntity,
  arrangementSnapshot,
  InventoryItemEntity,
  itemSnapshot,
  PolicyClauseEntity,
  PolicyConflictEntity,
  PolicyEntity,
  PolicyVersionEntity,
  ProcessorEntity,
  publicationChange,
  type PublicationFacts,
  processorSnapshot,
  ServiceEntity,
  serviceSnapshot,
  SharingApprovalEntity,
  SharingArrangementEntity,
  SharingArrangementRevisionEntity,
  TeamEntity,
  TeamMemberEntity,
  UserEntity,
} from '../../entities';
import type { AuditDraft } from './audit-chain';
import { globalClauses, serviceClauses } from './policy-clauses';
import { Random } from './random';

export interface DatasetOptions {
  /** Number of services (default 5,000). Teams, processors and arrangements scale with it. */
  services?: number;
  seed?: string | number;
  /** The instant the dataset is built around (default: now, to the minute); the same seed and anchor give the same rows. */
  anchor?: Date;
  /** Share of services with a service policy (default 0.3). */
  servicePolicyShare?: number;
}

export interface DatasetLogin {
  email: string;
  roles: string[];
  /** A bearer API token, deterministic from the seed: for benchmarks and tests only. */
  token: string;
}

export interface DatasetRows {
  teams: TeamEntity[];
  users: UserEntity[];
  members: TeamMemberEntity[];
  tokens: ApiTokenEntity[];
  services: ServiceEntity[];
  inventory: InventoryItemEntity[];
  processors: ProcessorEntity[];
  policies: PolicyEntity[];
  versions: PolicyVersionEntity[];
  clauses: PolicyClauseEntity[];
  conflicts: PolicyConflictEntity[];
  arrangements: SharingArrangementEntity[];
  revisions: SharingArrangementRevisionEntity[];
  approvals: SharingApprovalEntity[];
  audit: AuditDraft[];
  logins: { admin: DatasetLogin; officers: DatasetLogin[]; auditor: DatasetLogin; engineers: DatasetLogin[] };
  /** Keys of the services that have a service policy, and of those that do not. */
  serviceKeysWithPolicy: string[];
  serviceKeysWithoutPolicy: string[];
  globalPolicyKey: string;
}

const DAY = 86_400_000;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

const DOMAINS = ['checkout', 'billing', 'search', 'maps', 'photos', 'video', 'chat', 'mail', 'calendar', 'ads', 'identity', 'support', 'music', 'news', 'store', 'fitness', 'travel', 'weather', 'notes', 'drive'];
const KINDS = ['api', 'worker', 'gateway', 'sync', 'indexer', 'ranker', 'web', 'mobile', 'pipeline', 'export', 'notifier', 'scheduler'];
const COUNTRIES = ['DE', 'FR', 'IE', 'NL', 'SE', 'US', 'GB', 'CH', 'JP', 'CA', 'ES', 'IT', 'PL', 'IN', 'SG'];
const CERTIFICATIONS = ['ISO 27001', 'SOC 2 Type II', 'ISO 27701', 'CSA STAR', 'PCI DSS'];
const PROCESSOR_KINDS = ['analytics', 'mailer', 'cdn', 'payments', 'crm', 'hosting', 'support-desk', 'translation', 'monitoring', 'ads'];

/** Leaf categories an inventory lists, with how likely a service holds each. */
const CATEGORY_WEIGHTS: [string, number][] = [
  ['device.log', 0.95],
  ['user.account', 0.9],
  ['user.contact.email', 0.85],
  ['device.identifier', 0.6],
  ['user.contact.phone', 0.5],
  ['user.content.image', 0.35],
  ['device.location', 0.35],
  ['user.content.video', 0.2],
  ['device.camera', 0.15],
  ['device.microphone', 0.1],
  ['user.biometric', 0.05],
  ['user.minor', 0.05],
];
const PURPOSES = ['service.provide', 'service.improve', 'personalize', 'marketing.email', 'marketing.push', 'security', 'legal', 'cross_service', 'announcement'];
const PERMISSIONS: Record<string, string> = { 'device.location': 'LOCATION', 'device.camera': 'CAMERA', 'device.microphone': 'MICROPHONE' };

interface ServicePlan {
  row: ServiceEntity;
  teamIndex: number;
  currentCategories: string[];
}

/**
 * Builds a realistic organisation in memory, deterministic from the seed:
 * teams and their engineers, officers and auditors with API tokens, services
 * with ~8 inventory items each (some with history), a global policy of 81
 * clauses (two versions), service policies for 30% of services (half with
 * weaker clauses, whose conflicts are computed by the domain's own rules and
 * half of them resolved, resolutions carried forward to later versions),
 * processors with valid, expiring, expired and missing DPAs, sharing
 * arrangements in every state with their revisions and approvals, and the
 * audit events of all of it.
 */
export function buildDataset(taxonomy: Taxonomy, options: DatasetOptions = {}): DatasetRows {
  const serviceCount = options.services ?? 5000;
  const random = new Random(options.seed ?? 'canopy');
  const anchor = options.anchor ?? new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const at = (daysBeforeAnchor: number) => new Date(anchor.getTime() - Math.round(daysBeforeAnchor * DAY));
  const between = (from: Date, to: Date) => new Date(from.getTime() + Math.floor(random.next() * Math.max(1, to.getTime() - from.getTime())));
  const audit: AuditDraft[] = [];

  // ------------------------------------------------------------ identity
  const teamCount = Math.max(3, Math.ceil(serviceCount / 100));
  const teams = Array.from({ length: teamCount }, (_, i) =>
    Object.assign(new TeamEntity(), { id: random.uuid(), key: `team-${String(i + 1).padStart(3, '0')}`, name: `Team ${i + 1}`, createdAt: between(at(740), at(720)) }),
  );
  const users: UserEntity[] = [];
  const tokens: ApiTokenEntity[] = [];
  const login = (email: string, name: string, roles: string[], created: Date): DatasetLogin => {
    const user = Object.assign(new UserEntity(), { id: random.uuid(), email, name, roles, passwordHash: null, active: true, createdAt: created, updatedAt: created });
    users.push(user);
    const token = `cnp_dataset_${random.hex(24)}`;
    tokens.push(
      Object.assign(new ApiTokenEntity(), { id: random.uuid(), userId: user.id, name: 'dataset', tokenHash: sha256(token), createdAt: created, expiresAt: null, revokedAt: null, lastUsedAt: null }),
    );
    return { email, roles, token };
  };
  const admin = login('admin@dataset.canopy.test', 'Dataset Admin', ['ADMIN'], at(750));
  const adminUser = users[0];
  const actor = (user: UserEntity) => ({ actorId: user.id, actorEmail: user.email });
  const officers = Array.from({ length: 5 }, (_, i) => login(`officer-${i + 1}@dataset.canopy.test`, `Officer ${i + 1}`, ['PRIVACY_OFFICER'], between(at(740), at(720))));
  const officerUsers = users.slice(1, 6);
  const auditor = login('auditor@dataset.canopy.test', 'Auditor', ['AUDITOR'], between(at(740), at(720)));
  const members: TeamMemberEntity[] = [];
  const engineers: DatasetLogin[] = [];
  const engineersOfTeam: UserEntity[][] = teams.map(() => []);
  teams.forEach((team, t) => {
    for (let e = 0; e < 2; e++) {
      engineers.push(login(`engineer-${t + 1}-${e + 1}@dataset.canopy.test`, `Engineer ${t + 1}.${e + 1}`, ['ENGINEER'], between(team.createdAt, at(700))));
      const user = users[users.length - 1];
      engineersOfTeam[t].push(user);
      members.push(Object.assign(new TeamMemberEntity(), { teamId: team.id, userId: user.id }));
    }
  });
  for (const team of teams) audit.push({ at: team.createdAt, ...actor(adminUser), action: 'team.created', entityType: 'team', entityId: team.key, after: { key: team.key, name: team.name } });
  for (const user of users.slice(1)) {
    const teamKeys = members.filter((m) => m.userId === user.id).map((m) => teams.find((t) => t.id === m.teamId)!.key);
    audit.push({ at: user.createdAt, ...actor(adminUser), action: 'user.created', entityType: 'user', entityId: user.email, after: { email: user.email, name: user.name, roles: user.roles, teams: teamKeys } });
  }
  for (const token of tokens) {
    const owner = users.find((u) => u.id === token.userId)!;
    audit.push({ at: new Date(token.createdAt.getTime() + 1), ...actor(owner), action: 'token.created', entityType: 'token', entityId: token.id, after: { name: token.name, user: owner.email, expiresAt: null } });
  }

  // ------------------------------------------------------------ services and inventories
  const services: ServicePlan[] = [];
  const inventory: InventoryItemEntity[] = [];
  for (let i = 0; i < serviceCount; i++) {
    const teamIndex = random.int(0, teamCount - 1);
    const created = between(at(700), at(200));
    const key = `${random.pick(DOMAINS)}-${random.pick(KINDS)}-${String(i + 1).padStart(5, '0')}`;
    const version = random.weighted([[1, 6], [2, 3], [3, 1]]);
    const row = Object.assign(new ServiceEntity(), {
      id: random.uuid(),
      key,
      name: key.split('-').slice(0, 2).map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') + ` ${i + 1}`,
      description: random.chance(0.7) ? `Handles ${key.split('-')[0]} for our users.` : null,
      teamId: teams[teamIndex].id,
      lifecycle: random.weighted([['ACTIVE', 80], ['PLANNED', 8], ['DEPRECATED', 8], ['RETIRED', 4]]),
      servesMinors: random.chance(0.05),
      version,
      createdAt: created,
      updatedAt: version > 1 ? between(created, at(30)) : created,
    });
    const engineer = random.pick(engineersOfTeam[teamIndex]);
    audit.push({ at: created, ...actor(engineer), action: 'service.registered', entityType: 'service', entityId: key, after: serviceSnapshot({ ...row, version: 1 }, teams[teamIndex].key) });

    const items = inventoryItems(random, row.id, new Date(created.getTime() + DAY));
    audit.push({ at: items[0].validFrom, ...actor(engineer), action: 'inventory.replaced', entityType: 'service', entityId: key, before: { items: [] }, after: { items: items.map(itemSnapshot), added: items.length, removed: 0, kept: 0 } });
    let current = items;
    if (random.chance(0.2)) {
      // A later replacement: one to three items changed, the rest kept; the old rows closed, never updated otherwise.
      const when = between(new Date(created.getTime() + 30 * DAY), at(10));
      const changed = random.sample(items, random.int(1, Math.min(3, items.length)));
      const replacements = changed.map((old) =>
        Object.assign(new InventoryItemEntity(), { ...old, id: random.uuid(), retentionDays: random.pick([30, 90, 180, 365]), encryption: 'AT_REST_AND_IN_TRANSIT', validFrom: when, validTo: null }),
      );
      for (const old of changed) old.validTo = when;
      current = [...items.filter((it) => !changed.includes(it)), ...replacements];
      inventory.push(...items, ...replacements);
      audit.push({
        at: when,
        ...actor(engineer),
        action: 'inventory.replaced',
        entityType: 'service',
        entityId: key,
        before: { items: items.map(itemSnapshot) },
        after: { items: current.map(itemSnapshot), added: replacements.length, removed: changed.length, kept: items.length - changed.length },
      });
    } else {
      inventory.push(...items);
    }
    services.push({ row, teamIndex, currentCategories: [...new Set(current.map((it) => it.dataCategory))] });
  }

  // ------------------------------------------------------------ processors
  const processorCount = Math.max(10, Math.round(serviceCount * 0.06));
  const processors: ProcessorEntity[] = [];
  const validDpa: ProcessorEntity[] = [];
  for (let i = 0; i < processorCount; i++) {
    const created = between(at(690), at(400));
    const dpa = random.weighted([['valid', 75], ['expiring', 5], ['expired', 10], ['none', 10]]);
    const kind = random.pick(PROCESSOR_KINDS);
    const row = Object.assign(new ProcessorEntity(), {
      id: random.uuid(),
      key: `${kind}-${String(i + 1).padStart(3, '0')}`,
      name: `${kind[0].toUpperCase()}${kind.slice(1)} Vendor ${i + 1}`,
      country: random.pick(COUNTRIES),
      contactEmail: random.chance(0.8) ? `privacy@${kind}-${i + 1}.example.com` : null,
      dpaSignedAt: dpa === 'none' ? null : created,
      dpaExpiresAt: dpa === 'none' ? null : dpa === 'expired' ? at(random.int(1, 200)) : dpa === 'expiring' ? at(-random.int(1, 30)) : at(-random.int(60, 900)),
      dpaReference: dpa === 'none' ? null : `DPA-${2024 + random.int(0, 2)}-${String(i + 1).padStart(4, '0')}`,
      transferMechanism: random.pick([null, 'ADEQUACY', 'SCC']),
      certifications: random.sample(CERTIFICATIONS, random.int(0, 3)),
      subProcessors: random.chance(0.3) ? [{ name: `${kind} hosting`, country: random.pick(COUNTRIES), purpose: 'hosting' }] : null,
      version: 1,
      createdAt: created,
      updatedAt: created,
    });
    processors.push(row);
    if (dpa === 'valid') validDpa.push(row);
    audit.push({ at: created, ...actor(random.pick(officerUsers)), action: 'processor.registered', entityType: 'processor', entityId: row.key, after: processorSnapshot(row) });
  }

  // ------------------------------------------------------------ policies
  const policies: PolicyEntity[] = [];
  const versions: PolicyVersionEntity[] = [];
  const clauses: PolicyClauseEntity[] = [];
  const conflicts: PolicyConflictEntity[] = [];
  const globalPolicy = Object.assign(new PolicyEntity(), { id: random.uuid(), key: 'general', title: 'General Privacy Policy', scope: 'GLOBAL', serviceId: null, globalMarker: 'GLOBAL', createdAt: at(420) });
  policies.push(globalPolicy);
  audit.push({ at: globalPolicy.createdAt, ...actor(officerUsers[0]), action: 'policy.created', entityType: 'policy', entityId: 'general', after: { key: 'general', title: globalPolicy.title, scope: 'GLOBAL', service: null } });

  const publishVersion = (policy: PolicyEntity, number: number, set: PolicyClause[], previous: PolicyClause[] | null, publishedAt: Date, publisher: UserEntity, scope: 'GLOBAL' | 'SERVICE') => {
    const errors = validateClauseSet(set, { scope, taxonomy });
    if (errors.length) throw new Error(`dataset: invalid ${policy.key} v${number}: ${errors[0].message}`);
    const assessment = assessMaterialReduction(previous, set, taxonomy);
    const drafted = new Date(publishedAt.getTime() - random.int(1, 5) * DAY);
    const version = Object.assign(new PolicyVersionEntity(), {
      id: random.uuid(),
      policyId: policy.id,
      number,
      status: 'PUBLISHED',
      effectiveAt: publishedAt,
      publishedAt,
      inForceFrom: publishedAt,
      publishedBy: publisher.id,
      noticeChannels: assessment.materialReduction ? JSON.stringify(['EMAIL']) : null,
      noticeAt: assessment.materialReduction ? new Date(publishedAt.getTime() - 45 * DAY) : null,
      materialReduction: assessment.materialReduction,
      weakenedSubjects: JSON.stringify(assessment.weakenedSubjects),
      createdAt: drafted,
      updatedAt: publishedAt,
    });
    versions.push(version);
    set.forEach((c, position) =>
      clauses.push(
        Object.assign(new PolicyClauseEntity(), { id: random.uuid(), versionId: version.id, position, topic: c.topic, subject: c.subject, value: c.value, locked: Boolean(c.locked), text: c.text ?? null }),
      ),
    );
    const snapshot = set.map((c) => ({ topic: c.topic, subject: c.subject, value: c.value, locked: Boolean(c.locked), text: c.text ?? null }));
    audit.push({ at: drafted, ...actor(publisher), action: 'policy.drafted', entityType: 'policy', entityId: policy.key, before: null, after: { number, clauses: snapshot } });
    return { version, layer: { source: scope, policyKey: policy.key, version: number, clauses: set } as PolicyLayer, assessment };
  };
  type Outcome = Pick<PublicationFacts, 'conflictsOpened' | 'conflictsCarriedForward' | 'servicesWithConflicts'>;
  const publishedEvent = (policy: PolicyEntity, version: PolicyVersionEntity, publisher: UserEntity, outcome: Outcome) =>
    audit.push({
      at: version.publishedAt as Date,
      ...actor(publisher),
      action: 'policy.published',
      entityType: 'policy',
      entityId: policy.key,
      ...publicationChange(version.number, {
        effectiveAt: version.effectiveAt!.toISOString(),
        inForceFrom: version.inForceFrom!.toISOString(),
        notice: null,
        materialReduction: version.materialReduction,
        weakenedSubjects: JSON.parse(version.weakenedSubjects ?? '[]'),
        ...outcome,
      }),
    });

  const g1 = publishVersion(globalPolicy, 1, globalClauses(1), null, at(400), officerUsers[0], 'GLOBAL');
  publishedEvent(globalPolicy, g1.version, officerUsers[0], { conflictsOpened: 0, conflictsCarriedForward: 0, servicesWithConflicts: [] });
  const g2 = publishVersion(globalPolicy, 2, globalClauses(2), globalClauses(1), at(180), officerUsers[0], 'GLOBAL');
  publishedEvent(globalPolicy, g2.version, officerUsers[0], { conflictsOpened: 0, conflictsCarriedForward: 0, servicesWithConflicts: [] });

  const share = options.servicePolicyShare ?? 0.3;
  const withPolicy = new Set(random.sample(services, Math.round(serviceCount * share)).map((s) => s.row.id));
  const serviceKeysWithPolicy: string[] = [];
  const serviceKeysWithoutPolicy: string[] = [];
  const RATIONALES = ['The contract with the customer requires it.', 'Reviewed with legal: acceptable for this product.', 'The global rule applies; the team agreed.', 'Temporary until the migration completes.'];

  for (const plan of services) {
    const service = plan.row;
    if (!withPolicy.has(service.id)) {
      serviceKeysWithoutPolicy.push(service.key);
      continue;
    }
    serviceKeysWithPolicy.push(service.key);
    const engineer = random.pick(engineersOfTeam[plan.teamIndex]);
    const policy = Object.assign(new PolicyEntity(), {
      id: random.uuid(),
      key: `${service.key}-policy`,
      title: `${service.name} privacy policy`,
      scope: 'SERVICE',
      serviceId: service.id,
      globalMarker: null,
      createdAt: between(at(175), at(172)),
    });
    policies.push(policy);
    audit.push({ at: policy.createdAt, ...actor(engineer), action: 'policy.created', entityType: 'policy', entityId: policy.key, after: { key: policy.key, title: policy.title, scope: 'SERVICE', service: service.key } });

    // Half the service policies depart from the global one somewhere (1 to 3 weaker clauses).
    const departs = random.chance(0.5);
    const set1 = serviceClauses(random, departs ? random.int(1, 3) : 0);
    const officer = random.pick(officerUsers);
    const s1 = publishVersion(policy, 1, set1, null, between(at(170), at(60)), officer, 'SERVICE');
    const secondAt = random.chance(0.25) ? between(new Date(s1.version.publishedAt!.getTime() + 10 * DAY), at(5)) : null;

    const pairConflicts = (layer: PolicyLayer, versionRow: PolicyVersionEntity, previous: ConflictState[]) => {
      const created = versionRow.publishedAt as Date;
      return carryForwardResolutions(previous, detectConflicts(g2.layer, layer, taxonomy)).map(({ candidate, inherited }) =>
        Object.assign(new PolicyConflictEntity(), {
          id: random.uuid(),
          serviceId: service.id,
          globalVersionId: g2.version.id,
          serviceVersionId: versionRow.id,
          topic: candidate.topic,
          subject: candidate.subject,
          globalValue: candidate.globalValue,
          serviceValue: candidate.serviceValue,
          governedCategories: JSON.stringify(candidate.governedCategories),
          createdAt: created,
          carriedFromId: inherited?.carriedFromId ?? null,
          resolution: inherited?.resolution ?? null,
          rationale: inherited?.rationale ?? null,
          resolvedBy: inherited?.resolvedByEmail ?? null,
          resolvedAt: inherited?.resolvedAt ?? null,
        }),
      );
    };
    // Half of the conflicts an officer resolves, while the pair is in force.
    const resolveSome = (rows: PolicyConflictEntity[], until: Date) => {
      for (const row of rows) {
        if (row.resolvedAt || !random.chance(0.5)) continue;
        const resolver = random.pick(officerUsers);
        row.resolution = random.chance(0.6) ? 'SERVICE_PREVAILS' : 'GLOBAL_PREVAILS';
        row.rationale = random.pick(RATIONALES);
        row.resolvedBy = resolver.id;
        row.resolvedAt = between(new Date(row.createdAt.getTime() + DAY), until);
        audit.push({
          at: row.resolvedAt,
          ...actor(resolver),
          action: 'conflict.resolved',
          entityType: 'conflict',
          entityId: row.id,
          before: { status: 'OPEN' },
          after: { status: 'RESOLVED', resolution: row.resolution, rationale: row.rationale, topic: row.topic, subject: row.subject, globalValue: row.globalValue, serviceValue: row.serviceValue },
        });
      }
    };
    const c1 = pairConflicts(s1.layer, s1.version, []);
    resolveSome(c1, secondAt ? new Date(secondAt.getTime() - DAY) : at(1));
    conflicts.push(...c1);
    publishedEvent(policy, s1.version, officer, { conflictsOpened: c1.length, conflictsCarriedForward: 0, servicesWithConflicts: c1.length ? [service.key] : [] });

    if (secondAt) {
      // v2 keeps most of v1 (its resolved departures too, so their resolutions carry forward) and changes a little.
      const extra = serviceClauses(random, random.chance(0.3) ? 1 : 0).filter((c) => !set1.some((o) => o.topic === c.topic && o.subject === c.subject));
      const set2 = [...set1.filter(() => random.chance(0.85)), ...extra.slice(0, 2)];
      if (set2.length === 0) set2.push(set1[0]);
      const s2 = publishVersion(policy, 2, set2, set1, secondAt, officer, 'SERVICE');
      const previous: ConflictState[] = c1
        .filter((c) => c.resolvedAt)
        .map((c) => ({ id: c.id, topic: c.topic as ConflictState['topic'], subject: c.subject, globalValue: c.globalValue, serviceValue: c.serviceValue, status: 'RESOLVED', resolution: c.resolution as ConflictState['resolution'], rationale: c.rationale, resolvedAt: c.resolvedAt, resolvedByEmail: c.resolvedBy }));
      const c2 = pairConflicts(s2.layer, s2.version, previous);
      resolveSome(c2, at(1));
      conflicts.push(...c2);
      const carried = c2.filter((c) => c.carriedFromId).length;
      publishedEvent(policy, s2.version, officer, { conflictsOpened: c2.length - carried, conflictsCarriedForward: carried, servicesWithConflicts: c2.length ? [service.key] : [] });
    }
  }

  // ------------------------------------------------------------ sharing arrangements
  const arrangements: SharingArrangementEntity[] = [];
  const revisions: SharingArrangementRevisionEntity[] = [];
  const approvals: SharingApprovalEntity[] = [];
  const concreteLeaves = CATEGORY_WEIGHTS.map(([c]) => c);
  for (const plan of services) {
    const count = random.weighted([[0, 10], [1, 20], [2, 25], [3, 20], [4, 15], [5, 10]]);
    for (let n = 0; n < count; n++) {
      const service = plan.row;
      const processor = random.chance(0.85) && validDpa.length ? random.pick(validDpa) : random.pick(processors);
      const status = random.weighted([['APPROVED', 45], ['PENDING_REVIEW', 10], ['DRAFT', 10], ['REJECTED', 10], ['REVOKED', 10], ['WITHDRAWN', 15]]);
      // What reached review mostly shares declared categories the policy lets go to third parties (the checks saw to it).
      const reviewed = status === 'APPROVED' || status === 'REVOKED' || status === 'PENDING_REVIEW';
      const declared = random.chance(reviewed ? 0.97 : 0.85);
      let pool = declared ? plan.currentCategories : concreteLeaves;
      const sharingValue = (c: string) => GLOBAL_INDEX.applicable('SHARING', `${c}:third_party`)?.value;
      const permitted = pool.filter((c) => sharingValue(c) !== 'PROHIBITED');
      if (reviewed && permitted.length && random.chance(0.95)) pool = permitted;
      const categories = random.sample(pool, random.int(1, Math.min(3, pool.length)));
      const requester = random.chance(0.9) ? random.pick(engineersOfTeam[plan.teamIndex]) : random.pick(officerUsers);
      const required = requiredApprovals(categories, taxonomy);
      const created = between(new Date(Math.max(service.createdAt.getTime(), processor.createdAt.getTime()) + DAY), at(40));
      const row = Object.assign(new SharingArrangementEntity(), {
        id: random.uuid(),
        serviceId: service.id,
        processorId: processor.id,
        dataCategories: categories,
        purposes: random.sample(['service.provide', 'service.improve', 'security', 'personalize', 'marketing.email'], random.int(1, 2)),
        legalBasis: reviewed && categories.some((c) => sharingValue(c) === 'CONSENT') && random.chance(0.95) ? 'CONSENT' : random.weighted([['CONSENT', 60], ['CONTRACT', 25], ['LEGITIMATE_INTEREST', 15]]),
        status: 'DRAFT',
        requestedBy: requester.id,
        requiredApprovals: required,
        decisionReason: null,
        decidedBy: null,
        version: 1,
        createdAt: created,
        updatedAt: created,
        submittedAt: null,
        decidedAt: null,
      });
      // Walk the state machine, one revision (and one audit event) per step.
      let time = created;
      const steps: { action: string; by: UserEntity; at: Date; set: Partial<SharingArrangementEntity> }[] = [{ action: 'proposed', by: requester, at: created, set: {} }];
      const next = () => (time = new Date(time.getTime() + random.int(1, 4) * DAY + random.int(0, DAY - 1)));
      const approvers = random.sample(officerUsers.filter((o) => o.id !== requester.id), required);
      if (status !== 'DRAFT' && !(status === 'WITHDRAWN' && random.chance(0.5))) {
        const when = next();
        steps.push({ action: 'submitted', by: requester, at: when, set: { status: 'PENDING_REVIEW', submittedAt: when } });
      }
      if (status === 'APPROVED' || status === 'REVOKED') {
        approvers.forEach((officer, i) => {
          const when = next();
          steps.push({ action: 'approved', by: officer, at: when, set: i === approvers.length - 1 ? { status: 'APPROVED', decidedAt: when, decidedBy: officer.id } : { status: 'PENDING_REVIEW' } });
        });
      }
      if (status === 'PENDING_REVIEW' && required === 2 && random.chance(0.4)) steps.push({ action: 'approved', by: approvers[0], at: next(), set: { status: 'PENDING_REVIEW' } });
      if (status === 'REJECTED') {
        const officer = random.pick(officerUsers);
        const when = next();
        steps.push({ action: 'rejected', by: officer, at: when, set: { status: 'REJECTED', decisionReason: 'The processor does not meet our transfer requirements.', decidedAt: when, decidedBy: officer.id } });
      }
      if (status === 'REVOKED') {
        const officer = random.pick(officerUsers);
        const when = next();
        steps.push({ action: 'revoked', by: officer, at: when, set: { status: 'REVOKED', decisionReason: 'The contract ended.', decidedAt: when, decidedBy: officer.id } });
      }
      if (status === 'WITHDRAWN') {
        const when = next();
        steps.push({ action: 'withdrawn', by: requester, at: when, set: { status: 'WITHDRAWN', decidedAt: when, decidedBy: requester.id } });
      }

      let state = row;
      let previousRevision: SharingArrangementRevisionEntity | null = null;
      const serviceKey = service.key;
      for (const [index, step] of steps.entries()) {
        const stepAt = step.at;
        const before = index === 0 ? null : arrangementSnapshot(state, serviceKey, processor.key);
        state = Object.assign(new SharingArrangementEntity(), state, step.set, { version: index + 1, updatedAt: stepAt });
        if (step.action === 'approved') {
          approvals.push(Object.assign(new SharingApprovalEntity(), { id: random.uuid(), arrangementId: row.id, approverId: step.by.id, arrangementVersion: state.version, comment: null, at: stepAt }));
        }
        if (previousRevision) previousRevision.validTo = stepAt;
        previousRevision = Object.assign(new SharingArrangementRevisionEntity(), {
          id: random.uuid(),
          arrangementId: row.id,
          serviceId: row.serviceId,
          processorId: row.processorId,
          version: state.version,
          action: step.action,
          status: state.status,
          dataCategories: state.dataCategories,
          purposes: state.purposes,
          legalBasis: state.legalBasis,
          requiredApprovals: state.requiredApprovals,
          decisionReason: state.decisionReason,
          decidedBy: state.decidedBy,
          submittedAt: state.submittedAt,
          decidedAt: state.decidedAt,
          changedBy: step.by.id,
          validFrom: stepAt,
          validTo: null,
        });
        revisions.push(previousRevision);
        audit.push({ at: stepAt, ...actor(step.by), action: `sharing.${step.action}`, entityType: 'sharing', entityId: row.id, before, after: arrangementSnapshot(state, serviceKey, processor.key) });
      }
      arrangements.push(state);
    }
  }

  audit.sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    teams,
    users,
    members,
    tokens,
    services: services.map((s) => s.row),
    inventory,
    processors,
    policies,
    versions,
    clauses,
    conflicts,
    arrangements,
    revisions,
    approvals,
    audit,
    logins: { admin, officers, auditor, engineers },
    serviceKeysWithPolicy,
    serviceKeysWithoutPolicy,
    globalPolicyKey: globalPolicy.key,
  };
}

const GLOBAL_INDEX = new ClauseIndex(globalClauses(2));
const RETENTIONS = [7, 30, 90, 180, 365, 730, 1825];
const ENCRYPTION_RANK = ['NONE', 'IN_TRANSIT', 'AT_REST_AND_IN_TRANSIT'];

/**
 * Six to ten items, at most two per category. Four items in five follow the
 * global policy (consent where it asks for consent, retention within its
 * limit, encryption at its level, no prohibited use); the rest are drawn at
 * random, which is where the findings come from.
 */
function inventoryItems(random: Random, serviceId: string, validFrom: Date): InventoryItemEntity[] {
  const count = random.int(6, 10);
  const picked: string[] = [];
  const perCategory = new Map<string, number>();
  for (let guard = 0; picked.length < count && guard < 200; guard++) {
    const [category, weight] = random.pick(CATEGORY_WEIGHTS);
    if (!random.chance(weight) || (perCategory.get(category) ?? 0) >= 2) continue;
    perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
    picked.push(category);
  }
  return picked.map((category) => {
    const permission = PERMISSIONS[category];
    const source = permission ? 'DEVICE_PERMISSION' : category.startsWith('device.') ? 'AUTOMATIC' : random.chance(0.9) ? 'USER_PROVIDED' : 'THIRD_PARTY';
    let purposes = random.sample(PURPOSES, random.weighted([[1, 40], [2, 40], [3, 20]])).sort();
    let legalBasis: string = random.weighted([['CONSENT', 35], ['CONTRACT', 35], ['LEGITIMATE_INTEREST', 20], ['LEGAL_OBLIGATION', 10]]);
    let retentionDays: number | null = random.chance(0.1) ? null : random.pick(RETENTIONS);
    let encryption: string = random.weighted([['AT_REST_AND_IN_TRANSIT', 55], ['IN_TRANSIT', 40], ['NONE', 5]]);
    if (random.chance(0.8)) {
      const use = (purpose: string) => GLOBAL_INDEX.applicable('USE', `${category}:${purpose}`)?.value;
      purposes = purposes.filter((p) => use(p) !== 'PROHIBITED');
      if (!purposes.length) purposes = ['service.provide'];
      const needsConsent =
        GLOBAL_INDEX.applicable('COLLECTION', category)?.value === 'CONSENT' ||
        purposes.some((p) => use(p) === 'CONSENT' || p.startsWith('marketing.'));
      if (needsConsent) legalBasis = 'CONSENT';
      const limit = GLOBAL_INDEX.applicable('RETENTION', category)?.value;
      if (limit && limit !== 'UNLIMITED' && (retentionDays === null || retentionDays > Number(limit))) {
        retentionDays = RETENTIONS.filter((d) => d <= Number(limit)).pop() ?? Number(limit);
      }
      const required = GLOBAL_INDEX.applicable('ENCRYPTION', category)?.value;
      if (required && ENCRYPTION_RANK.indexOf(encryption) < ENCRYPTION_RANK.indexOf(required)) encryption = required;
    }
    return Object.assign(new InventoryItemEntity(), {
      id: random.uuid(),
      serviceId,
      dataCategory: category,
      purposes,
      source,
      devicePermission: permission ?? null,
      legalBasis,
      retentionDays,
      encryption,
      publiclyVisible: category.startsWith('user.content.') && random.chance(0.4),
      dataSubjects: random.pick([['customers'], ['customers', 'employees'], null]),
      validFrom,
      validTo: null,
    });
  });
}

