import { Caller, CALLERS, EMAILS, GLOBAL_CLAUSES, ITEM, OWN_TEAM, World } from './authorization-world';

/**
 * The authorization matrix (DESIGN.md section 6 and the contract's comments):
 * for every root field of the schema, who may call it. Everyone else gets
 * FORBIDDEN (or NOT_FOUND where the API hides what exists), and nothing is
 * written. A new query or mutation without an entry here fails the suite.
 *
 * Each entry prepares its own state for each caller (always as the officer or
 * the admin), so the caller is the only thing that differs between attempts.
 * ENGINEER belongs to the team that owns every service the entries touch;
 * OTHER_ENGINEER to another team.
 */
export interface Attempt {
  query: string;
  variables?: Record<string, unknown>;
}

export interface Entry {
  field: string;
  /** Tells apart two entries of one field (e.g. a GLOBAL and a SERVICE policy). */
  case?: string;
  allowed: readonly Caller[];
  /** What the others get: FORBIDDEN, or NOT_FOUND where the API does not reveal that the thing exists. */
  denial?: 'FORBIDDEN' | 'NOT_FOUND';
  /** Allowed attempts on a server of their own: what they create exists once per organisation. */
  fresh?: boolean;
  prepare(w: World, caller: Caller): Promise<Attempt>;
  /** More checks on an allowed answer (what an engineer of another team may see, for instance). */
  check?(data: any, caller: Caller, w: World): void;
}

/** Matrix servers let webhooks point at a closed loopback port, so no test delivery leaves the machine. */
export const MATRIX_ENV = { CANOPY_WEBHOOK_ALLOW_PRIVATE: 'true' };

const ALL = CALLERS;
const ADMIN = ['ADMIN'] as const;
const OFFICER = ['PRIVACY_OFFICER'] as const;
/** The owning team's engineers and the officers (DESIGN.md section 6). */
const OWNERS = ['ENGINEER', 'PRIVACY_OFFICER'] as const;
const AUDIT_READERS = ['ADMIN', 'PRIVACY_OFFICER', 'AUDITOR'] as const;

const HOUR = 3600 * 1000;
const q = (query: string, variables?: Record<string, unknown>): Attempt => ({ query, variables });

/** Read-only resources shared by the query entries. */
interface Shared {
  serviceKey: string;
  processorKey: string;
  arrangementId: string;
  conflictId: string;
}
const shared = new WeakMap<World, Promise<Shared>>();
function sharedOf(w: World): Promise<Shared> {
  if (!shared.has(w)) {
    shared.set(
      w,
      (async () => {
        const conflict = await w.openConflict();
        const arrangement = await w.pendingArrangement();
        return { serviceKey: conflict.serviceKey, processorKey: await w.processor(), arrangementId: arrangement.id, conflictId: conflict.id };
      })(),
    );
  }
  return shared.get(w)!;
}

export const QUERIES: Entry[] = [
  { field: 'viewer', allowed: ALL, prepare: async () => q('{ viewer { email } }'), check: (d, c) => expect(d.viewer.email).toBe(EMAILS[c]) },
  // DESIGN.md section 6: AUDITOR reads everything, the users included.
  { field: 'users', allowed: ['ADMIN', 'AUDITOR'], prepare: async () => q('{ users { email } }') },
  { field: 'teams', allowed: ALL, prepare: async () => q('{ teams { key } }') },
  { field: 'apiTokens', case: 'own', allowed: ALL, prepare: async () => q('{ apiTokens { id } }') },
  {
    field: 'apiTokens',
    case: "another user's",
    allowed: ADMIN,
    prepare: async (w) => q('query($e: String) { apiTokens(userEmail: $e) { id } }', { e: (await w.someoneElse()).email }),
  },
  { field: 'service', allowed: ALL, prepare: async (w) => q('query($k: String!) { service(key: $k) { key inventory { dataCategory } } }', { k: (await sharedOf(w)).serviceKey }) },
  { field: 'services', allowed: ALL, prepare: async () => q('{ services(first: 10) { totalCount edges { node { key } } } }') },
  { field: 'conflicts', allowed: ALL, prepare: async () => q('{ conflicts(status: OPEN) { id } }') },
  { field: 'conflict', allowed: ALL, prepare: async (w) => q('query($id: ID!) { conflict(id: $id) { id status } }', { id: (await sharedOf(w)).conflictId }) },
  {
    field: 'effectivePolicy',
    allowed: ALL,
    prepare: async (w) => q('query($k: String!) { effectivePolicy(serviceKey: $k) { clauses { topic subject value } } }', { k: (await sharedOf(w)).serviceKey }),
  },
  { field: 'policy', allowed: ALL, prepare: async () => q('{ policy(key: "general") { key versions { number } } }') },
  { field: 'policies', allowed: ALL, prepare: async () => q('{ policies { key } }') },
  { field: 'dataCategories', allowed: ALL, prepare: async () => q('{ dataCategories { key } }') },
  { field: 'dataUses', allowed: ALL, prepare: async () => q('{ dataUses { key } }') },
  { field: 'homeRegion', allowed: ALL, prepare: async () => q('{ homeRegion { name countries } }') },
  { field: 'assessmentQuestionnaire', allowed: ALL, prepare: async () => q('{ assessmentQuestionnaire(kind: DPIA) { version questions { id } } }') },
  { field: 'assessmentEnforcement', allowed: ALL, prepare: async () => q('{ assessmentEnforcement { from } }') },
  { field: 'assessment', allowed: ALL, prepare: async (w) => q('query($id: ID!) { assessment(id: $id) { id status } }', { id: (await w.assessment(false)).id }) },
  { field: 'assessments', allowed: ALL, prepare: async () => q('{ assessments { id status } }') },
  { field: 'transferImpact', allowed: AUDIT_READERS, prepare: async () => q('{ transferImpact(scenario: { withdrawAdequacy: ["US"] }) { scenario affected { countries } } }') },
  { field: 'adequacyDecisions', allowed: ALL, prepare: async () => q('{ adequacyDecisions { country validFrom scope } }') },
  { field: 'organisationProfile', allowed: ALL, prepare: async () => q('{ organisationProfile { legalName validFrom } }') },
  { field: 'recordOfProcessing', allowed: AUDIT_READERS, prepare: async () => q('{ recordOfProcessing { at activities { serviceKey } } }') },
  {
    field: 'checkServiceManifest',
    allowed: ALL,
    prepare: async (w) => q('query($i: ServiceManifestInput!) { checkServiceManifest(input: $i) { serviceKey findings { rule } } }', { i: { key: (await sharedOf(w)).serviceKey, inventory: [ITEM] } }),
  },
  { field: 'processor', allowed: ALL, prepare: async (w) => q('query($k: String!) { processor(key: $k) { key } }', { k: (await sharedOf(w)).processorKey }) },
  { field: 'processors', allowed: ALL, prepare: async () => q('{ processors { key } }') },
  {
    field: 'sharingArrangement',
    allowed: ALL,
    prepare: async (w) => q('query($id: ID!) { sharingArrangement(id: $id) { id status checks { name passed } } }', { id: (await sharedOf(w)).arrangementId }),
  },
  { field: 'sharingArrangements', allowed: ALL, prepare: async () => q('{ sharingArrangements { id status } }') },
  { field: 'findings', allowed: ALL, prepare: async () => q('{ findings { rule severity service { key } } }') },
  { field: 'findingsConnection', allowed: ALL, prepare: async () => q('{ findingsConnection(first: 5) { totalCount edges { cursor node { rule service { key } } } } }') },
  {
    field: 'auditEvents',
    allowed: ALL,
    prepare: async (w) => q('query($k: String!) { auditEvents(filter: { entityType: "service", entityId: $k }) { totalCount edges { node { entityId } } } }', { k: (await sharedOf(w)).serviceKey }),
    // DESIGN.md section 6: an engineer sees the events of its own teams' services only.
    check: (d, c) => (c === 'OTHER_ENGINEER' ? expect(d.auditEvents.totalCount).toBe(0) : expect(d.auditEvents.totalCount).toBeGreaterThan(0)),
  },
  { field: 'verifyAuditLog', allowed: AUDIT_READERS, prepare: async () => q('{ verifyAuditLog { ok headSeq } }'), check: (d) => expect(d.verifyAuditLog.ok).toBe(true) },
  // evidence (DESIGN.md section 10): the audit readers
  { field: 'auditTreeHead', allowed: AUDIT_READERS, prepare: async () => q('{ auditTreeHead { treeSize rootHash signature } }'), check: (d) => expect(d.auditTreeHead.treeSize).toBeGreaterThan(0) },
  { field: 'auditInclusionProof', allowed: AUDIT_READERS, prepare: async () => q('{ auditInclusionProof(seq: 1, treeSize: 2) { leafIndex hashes } }'), check: (d) => expect(d.auditInclusionProof.hashes).toHaveLength(1) },
  { field: 'auditConsistencyProof', allowed: AUDIT_READERS, prepare: async () => q('{ auditConsistencyProof(fromSize: 1, toSize: 2) { treeSize hashes } }'), check: (d) => expect(d.auditConsistencyProof.hashes).toHaveLength(1) },

  // notifications (DESIGN.md section 8): ADMIN only
  { field: 'webhooks', allowed: ADMIN, prepare: async () => q('{ webhooks { id url events } }') },
  { field: 'webhookDeliveries', allowed: ADMIN, prepare: async (w) => q('query($id: ID!) { webhookDeliveries(webhookId: $id) { id status } }', { id: await w.webhook() }) },
  { field: 'outboxMessages', allowed: ADMIN, prepare: async () => q('{ outboxMessages { id kind recipient status } }') },
  { field: 'notices', allowed: ALL, prepare: async () => q('{ notices { id text deliveries { recipient status } } }') },
];

const SUBMIT = 'mutation($id: ID!, $v: Int!) { submitSharing(id: $id, expectedVersion: $v) { id status } }';
const WITHDRAW = 'mutation($id: ID!, $v: Int!) { withdrawSharing(id: $id, expectedVersion: $v) { id status } }';
const decide = (name: string) => `mutation($i: DecideSharingInput!) { ${name}(input: $i) { id status } }`;
const decideAssessment = (name: string) => `mutation($i: DecideAssessmentInput!) { ${name}(input: $i) { id status } }`;

export const MUTATIONS: Entry[] = [
  // identity (ADMIN)
  { field: 'createTeam', allowed: ADMIN, prepare: async (w) => q('mutation($k: String!) { createTeam(key: $k, name: "Team") { key } }', { k: w.unique('team') }) },
  {
    field: 'createUser',
    allowed: ADMIN,
    prepare: async (w) => q('mutation($e: String!) { createUser(email: $e, name: "New", roles: [AUDITOR]) { email } }', { e: `${w.unique('new')}@matrix.test` }),
  },
  { field: 'updateUser', allowed: ADMIN, prepare: async (w) => q('mutation($e: String!) { updateUser(email: $e, name: "Renamed") { name } }', { e: (await w.someoneElse()).email }) },
  { field: 'deactivateUser', allowed: ADMIN, prepare: async (w) => q('mutation($e: String!) { deactivateUser(email: $e) { email } }', { e: (await w.someoneElse()).email }) },
  {
    field: 'setPassword',
    allowed: ADMIN,
    prepare: async (w) => q('mutation($e: String!) { setPassword(email: $e, password: "a long enough password") }', { e: (await w.someoneElse()).email }),
  },
  {
    field: 'changePassword',
    allowed: ALL,
    prepare: async (w, caller) => {
      const current = `current password ${w.unique('pw')}`;
      await w.ok('mutation($e: String!, $p: String!) { setPassword(email: $e, password: $p) }', { e: EMAILS[caller], p: current });
      return q('mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "the next long password") }', { c: current });
    },
  },
  { field: 'createApiToken', case: 'own', allowed: ALL, prepare: async () => q('mutation { createApiToken(name: "mine") { id } }') },
  {
    field: 'createApiToken',
    case: "for another user",
    allowed: ADMIN,
    prepare: async (w) => q('mutation($e: String) { createApiToken(name: "theirs", userEmail: $e) { id } }', { e: (await w.someoneElse()).email }),
  },
  {
    field: 'revokeApiToken',
    case: 'own',
    allowed: ALL,
    prepare: async (w, caller) => {
      const created = await w.ok('mutation { createApiToken(name: "to revoke") { id } }', {}, caller);
      return q('mutation($id: ID!) { revokeApiToken(id: $id) }', { id: created.createApiToken.id });
    },
  },
  {
    field: 'revokeApiToken',
    case: "another user's",
    allowed: ADMIN,
    // Someone else's token is NOT_FOUND to non-admins: they cannot learn which token ids exist.
    denial: 'NOT_FOUND',
    prepare: async (w) => q('mutation($id: ID!) { revokeApiToken(id: $id) }', { id: (await w.someoneElse()).tokenId }),
  },

  // services and inventory (the owning team's engineers, officers)
  {
    field: 'registerService',
    allowed: OWNERS,
    prepare: async (w) => q('mutation($i: RegisterServiceInput!) { registerService(input: $i) { key } }', { i: { key: w.unique('reg'), name: 'Registered', teamKey: OWN_TEAM } }),
  },
  {
    field: 'updateService',
    allowed: OWNERS,
    prepare: async (w) => {
      const key = await w.service([]);
      return q('mutation($i: UpdateServiceInput!) { updateService(input: $i) { version } }', { i: { key, expectedVersion: await w.serviceVersion(key), name: 'Renamed' } });
    },
  },
  {
    field: 'setInventory',
    allowed: OWNERS,
    prepare: async (w) => q('mutation($k: String!, $items: [InventoryItemInput!]!) { setInventory(serviceKey: $k, items: $items) { key } }', { k: await w.service([]), items: [ITEM] }),
  },
  {
    field: 'setSecurityMeasures',
    allowed: OWNERS,
    prepare: async (w) => q('mutation($k: String!, $m: [String!]!) { setSecurityMeasures(serviceKey: $k, measures: $m) { key } }', { k: await w.service([]), m: ['TLS 1.3 everywhere'] }),
  },

  // policies (GLOBAL: officers; SERVICE: also the owning team's engineers, who draft but do not publish)
  {
    field: 'createPolicy',
    case: 'GLOBAL',
    allowed: OFFICER,
    fresh: true,
    prepare: async () => q('mutation { createPolicy(input: { key: "global-2", title: "Global", scope: GLOBAL }) { key } }'),
  },
  {
    field: 'createPolicy',
    case: 'SERVICE',
    allowed: OWNERS,
    prepare: async (w) => {
      const serviceKey = await w.service([]);
      return q('mutation($i: CreatePolicyInput!) { createPolicy(input: $i) { key } }', { i: { key: `${serviceKey}-policy`, title: 'Service policy', scope: 'SERVICE', serviceKey } });
    },
  },
  {
    field: 'draftPolicyVersion',
    case: 'GLOBAL',
    allowed: OFFICER,
    prepare: async () => q('mutation($c: [ClauseInput!]!) { draftPolicyVersion(input: { policyKey: "general", clauses: $c }) { number } }', { c: GLOBAL_CLAUSES }),
  },
  {
    field: 'draftPolicyVersion',
    case: 'SERVICE',
    allowed: OWNERS,
    prepare: async (w) =>
      q('mutation($k: String!) { draftPolicyVersion(input: { policyKey: $k, clauses: [{ topic: RETENTION, subject: "device.log", value: "10" }] }) { number } }', {
        k: await w.servicePolicy(await w.service([])),
      }),
  },
  {
    field: 'discardPolicyDraft',
    case: 'GLOBAL',
    allowed: OFFICER,
    prepare: async (w) => {
      await w.draft('general', GLOBAL_CLAUSES);
      return q('mutation { discardPolicyDraft(policyKey: "general") }');
    },
  },
  {
    field: 'discardPolicyDraft',
    case: 'SERVICE',
    allowed: OWNERS,
    prepare: async (w) => {
      const policyKey = await w.servicePolicy(await w.service([]));
      await w.draft(policyKey, [{ topic: 'RETENTION', subject: 'device.log', value: '10' }]);
      return q('mutation($k: String!) { discardPolicyDraft(policyKey: $k) }', { k: policyKey });
    },
  },
  {
    field: 'publishPolicyVersion',
    case: 'GLOBAL',
    allowed: OFFICER,
    prepare: async (w) => {
      const n = await w.draft('general', GLOBAL_CLAUSES);
      return q('mutation($n: Int!, $at: DateTime!) { publishPolicyVersion(input: { policyKey: "general", number: $n, effectiveAt: $at }) { number } }', { n, at: new Date().toISOString() });
    },
  },
  {
    field: 'publishPolicyVersion',
    case: 'SERVICE',
    allowed: OFFICER,
    prepare: async (w) => {
      const policyKey = await w.servicePolicy(await w.service([]));
      const n = await w.draft(policyKey, [{ topic: 'RETENTION', subject: 'device.log', value: '10' }]);
      return q('mutation($k: String!, $n: Int!, $at: DateTime!) { publishPolicyVersion(input: { policyKey: $k, number: $n, effectiveAt: $at }) { number } }', {
        k: policyKey,
        n,
        at: new Date().toISOString(),
      });
    },
  },
  {
    field: 'resolveConflict',
    allowed: OFFICER,
    prepare: async (w) =>
      q('mutation($id: ID!) { resolveConflict(input: { conflictId: $id, resolution: GLOBAL_PREVAILS, rationale: "keep the global limit" }) { status } }', { id: (await w.openConflict()).id }),
  },

  // taxonomy and organisation settings (officers)
  {
    field: 'addDataCategory',
    allowed: OFFICER,
    prepare: async (w) => q('mutation($k: String!) { addDataCategory(input: { key: $k, name: "Matrix" }) { key } }', { k: `device.${w.unique('matrix').replace('-', '_')}` }),
  },
  {
    field: 'addDataUse',
    allowed: OFFICER,
    prepare: async (w) => q('mutation($k: String!) { addDataUse(input: { key: $k, name: "Matrix" }) { key } }', { k: `service.${w.unique('matrix').replace('-', '_')}` }),
  },
  {
    field: 'draftAssessment',
    allowed: OWNERS,
    prepare: async (w) => q('mutation($i: DraftAssessmentInput!) { draftAssessment(input: $i) { id status } }', { i: { kind: 'DPIA', serviceKey: await w.service(), answers: [], risks: [] } }),
  },
  {
    field: 'saveAssessmentDraft',
    allowed: OWNERS,
    prepare: async (w) => {
      const a = await w.assessment(false);
      return q('mutation($i: SaveAssessmentDraftInput!) { saveAssessmentDraft(input: $i) { id version } }', { i: { id: a.id, expectedVersion: a.version, answers: [], risks: [] } });
    },
  },
  {
    field: 'submitAssessment',
    allowed: OWNERS,
    prepare: async (w) => {
      const a = await w.assessment(false);
      return q('mutation($id: ID!, $v: Int!) { submitAssessment(id: $id, expectedVersion: $v) { id status } }', { id: a.id, v: a.version });
    },
  },
  {
    field: 'approveAssessment',
    allowed: OFFICER,
    prepare: async (w) => {
      const a = await w.assessment(true);
      return q(decideAssessment('approveAssessment'), { i: { id: a.id, expectedVersion: a.version } });
    },
  },
  {
    field: 'rejectAssessment',
    allowed: OFFICER,
    prepare: async (w) => {
      const a = await w.assessment(true);
      return q(decideAssessment('rejectAssessment'), { i: { id: a.id, expectedVersion: a.version, comment: 'the risks are not assessed' } });
    },
  },
  {
    field: 'recordPriorConsultation',
    allowed: OFFICER,
    prepare: async (w) =>
      q('mutation($id: ID!) { recordPriorConsultation(id: $id, authority: "CNIL", consultedAt: "2026-11-01T00:00:00Z", outcome: "No objection.") { id } }', { id: (await w.assessment(true)).id }),
  },
  { field: 'enforceAssessmentsFrom', allowed: OFFICER, prepare: async () => q('mutation { enforceAssessmentsFrom(from: "2030-01-01T00:00:00Z") { from } }') },
  {
    field: 'setAdequacyDecision',
    allowed: OFFICER,
    prepare: async () => q('mutation { setAdequacyDecision(input: { country: "BR", validFrom: "2026-01-26T00:00:00Z", note: "matrix" }) { country } }'),
  },
  {
    field: 'setOrganisationProfile',
    allowed: OFFICER,
    prepare: async (w) => q('mutation($n: String!) { setOrganisationProfile(input: { legalName: $n, address: "1 Main Street", contactEmail: "privacy@x.test" }) { legalName } }', { n: w.unique('org') }),
  },
  { field: 'setHomeRegion', allowed: OFFICER, prepare: async () => q('mutation { setHomeRegion(input: { name: "EEA", countries: ["EEA"] }) { name } }') },

  // processors (officers)
  {
    field: 'registerProcessor',
    allowed: OFFICER,
    prepare: async (w) => q('mutation($k: String!) { registerProcessor(input: { key: $k, name: "Processor", country: "DE" }) { key } }', { k: w.unique('reg-proc') }),
  },
  {
    field: 'updateProcessor',
    allowed: OFFICER,
    prepare: async (w) => {
      const key = await w.processor();
      return q('mutation($i: UpdateProcessorInput!) { updateProcessor(input: $i) { key } }', { i: { key, expectedVersion: await w.processorVersion(key), name: 'Renamed' } });
    },
  },

  // sharing (DESIGN.md section 5)
  {
    field: 'proposeSharing',
    allowed: OWNERS,
    prepare: async (w) =>
      q('mutation($i: ProposeSharingInput!) { proposeSharing(input: $i) { status } }', {
        i: { serviceKey: await w.service(), processorKey: await w.processor(), dataCategories: ['device.log'], purposes: ['service.improve'], legalBasis: 'CONTRACT' },
      }),
  },
  {
    field: 'updateSharing',
    allowed: OWNERS,
    prepare: async (w) => {
      const a = await w.draftArrangement('PRIVACY_OFFICER');
      return q('mutation($i: UpdateSharingInput!) { updateSharing(input: $i) { version } }', { i: { id: a.id, expectedVersion: a.version, purposes: ['service.provide'] } });
    },
  },
  {
    field: 'submitSharing',
    allowed: OWNERS,
    prepare: async (w) => {
      const a = await w.draftArrangement('PRIVACY_OFFICER');
      return q(SUBMIT, { id: a.id, v: a.version });
    },
  },
  {
    field: 'approveSharing',
    allowed: OFFICER,
    prepare: async (w) => {
      const a = await w.pendingArrangement();
      return q(decide('approveSharing'), { i: { id: a.id, expectedVersion: a.version } });
    },
  },
  {
    field: 'rejectSharing',
    allowed: OFFICER,
    prepare: async (w) => {
      const a = await w.pendingArrangement();
      return q(decide('rejectSharing'), { i: { id: a.id, expectedVersion: a.version, comment: 'not needed' } });
    },
  },
  {
    field: 'revokeSharing',
    allowed: OWNERS,
    prepare: async (w) => {
      const a = await w.approvedArrangement();
      return q(decide('revokeSharing'), { i: { id: a.id, expectedVersion: a.version, comment: 'contract ended' } });
    },
  },
  {
    field: 'withdrawSharing',
    case: 'requested by the owning engineer',
    // The requester or the owning team: an officer who did not request it may reject, not withdraw.
    allowed: ['ENGINEER'],
    prepare: async (w) => {
      const a = await w.draftArrangement('ENGINEER');
      return q(WITHDRAW, { id: a.id, v: a.version });
    },
  },
  {
    field: 'withdrawSharing',
    case: 'requested by an officer',
    allowed: OWNERS,
    prepare: async (w) => {
      const a = await w.draftArrangement('PRIVACY_OFFICER');
      return q(WITHDRAW, { id: a.id, v: a.version });
    },
  },

  // webhooks (ADMIN)
  {
    field: 'createWebhook',
    allowed: ADMIN,
    prepare: async (w) => q('mutation($u: String!) { createWebhook(url: $u, events: ["sharing.submitted"]) { webhook { id } secret } }', { u: `http://127.0.0.1:9/${w.unique('created')}` }),
  },
  { field: 'deleteWebhook', allowed: ADMIN, prepare: async (w) => q('mutation($id: ID!) { deleteWebhook(id: $id) }', { id: await w.webhook() }) },
  {
    field: 'replayWebhookDelivery',
    allowed: ADMIN,
    prepare: async (w) => q('mutation($id: ID!) { replayWebhookDelivery(id: $id) { id status } }', { id: await w.failedWebhookDelivery() }),
  },

  // findings (officers accept)
  {
    field: 'acceptFinding',
    allowed: OFFICER,
    prepare: async (w) =>
      q('mutation($i: AcceptFindingInput!) { acceptFinding(input: $i) { rule } }', {
        i: { serviceKey: await w.serviceWithFinding(), rule: 'RETENTION_EXCEEDED', dataCategory: 'device.log', rationale: 'legacy logs, being migrated', expiresAt: new Date(Date.now() + 240 * HOUR).toISOString() },
      }),
  },
  // notices (DESIGN.md section 8): settings by the owning team or officers, issuing by officers
  {
    field: 'setServicePublic',
    allowed: OWNERS,
    prepare: async (w) => q('mutation($k: String!) { setServicePublic(serviceKey: $k, public: true) { public } }', { k: await w.service([]) }),
  },
  {
    field: 'setNoticeRecipients',
    allowed: OWNERS,
    prepare: async (w) => q('mutation($k: String!) { setNoticeRecipients(serviceKey: $k, recipients: ["users@example.com"]) { noticeRecipients } }', { k: await w.service([]) }),
  },
  {
    field: 'issueNotice',
    allowed: OFFICER,
    prepare: async (w) => {
      const serviceKey = await w.service([]);
      await w.ok('mutation($k: String!) { setNoticeRecipients(serviceKey: $k, recipients: ["users@example.com"]) { key } }', { k: serviceKey }, 'PRIVACY_OFFICER');
      const policyKey = await w.servicePolicy(serviceKey);
      await w.draft(policyKey, [{ topic: 'RETENTION', subject: 'device.log', value: '10' }]);
      const d = await w.ok('query($k: String!) { policy(key: $k) { draft { id } } }', { k: policyKey }, 'PRIVACY_OFFICER');
      return q('mutation($i: IssueNoticeInput!) { issueNotice(input: $i) { id } }', {
        i: { policyVersionId: d.policy.draft.id, channels: ['EMAIL'], plannedEffectiveAt: new Date(Date.now() + 40 * 24 * HOUR).toISOString() },
      });
    },
  },
];

export const MATRIX: Entry[] = [...QUERIES, ...MUTATIONS];

export const label = (entry: Entry) => (entry.case ? `${entry.field} (${entry.case})` : entry.field);
