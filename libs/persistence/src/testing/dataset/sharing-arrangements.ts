import { requiredApprovals } from '@canopy/domain';
import { arrangementSnapshot, SharingApprovalEntity, SharingArrangementEntity, SharingArrangementRevisionEntity, UserEntity } from '../../entities';
import { CONCRETE_LEAVES, GLOBAL_INDEX } from './catalogue';
import { actor, DatasetContext, DAY } from './dataset-context';
import type { ServiceChunkRows } from './dataset-types';
import type { OrganisationRefs } from './organisation';
import type { RegisteredService } from './service-registration';

interface Step {
  action: string;
  by: UserEntity;
  at: Date;
  set: Partial<SharingArrangementEntity>;
}

const sharingValue = (category: string) => GLOBAL_INDEX.applicable('SHARING', `${category}:third_party`)?.value;

/** Zero to five arrangements of the service, in every state, each walked through the state machine: one revision and one audit event per step. */
export function buildSharingArrangements(ctx: DatasetContext, org: OrganisationRefs, service: RegisteredService, out: ServiceChunkRows): void {
  const count = ctx.random.weighted([[0, 10], [1, 20], [2, 25], [3, 20], [4, 15], [5, 10]]);
  for (let n = 0; n < count; n++) buildArrangement(ctx, org, service, out);
}

function buildArrangement(ctx: DatasetContext, org: OrganisationRefs, plan: RegisteredService, out: ServiceChunkRows): void {
  const { random, taxonomy } = ctx;
  const service = plan.row;
  const processor = random.chance(0.85) && org.processorsWithValidDpa.length ? random.pick(org.processorsWithValidDpa) : random.pick(org.processors);
  const status = random.weighted([['APPROVED', 45], ['PENDING_REVIEW', 10], ['DRAFT', 10], ['REJECTED', 10], ['REVOKED', 10], ['WITHDRAWN', 15]]);
  // What reached review mostly shares declared categories the policy lets go to third parties (the checks saw to it).
  const reviewed = status === 'APPROVED' || status === 'REVOKED' || status === 'PENDING_REVIEW';
  const declared = random.chance(reviewed ? 0.97 : 0.85);
  let pool = declared ? plan.currentCategories : CONCRETE_LEAVES;
  const permitted = pool.filter((c) => sharingValue(c) !== 'PROHIBITED');
  if (reviewed && permitted.length && random.chance(0.95)) pool = permitted;
  const categories = random.sample(pool, random.int(1, Math.min(3, pool.length)));
  const requester = random.chance(0.9) ? random.pick(org.engineersOfTeam[plan.teamIndex]) : random.pick(org.officerUsers);
  const required = requiredApprovals(categories, taxonomy);
  const created = ctx.between(new Date(Math.max(service.createdAt.getTime(), processor.createdAt.getTime()) + DAY), ctx.at(40));
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
  const steps = walkStates(ctx, org, status, requester, required, created);

  let state = row;
  let previousRevision: SharingArrangementRevisionEntity | null = null;
  for (const [index, step] of steps.entries()) {
    const stepAt = step.at;
    const before = index === 0 ? null : arrangementSnapshot(state, service.key, processor.key);
    state = Object.assign(new SharingArrangementEntity(), state, step.set, { version: index + 1, updatedAt: stepAt });
    if (step.action === 'approved') {
      out.approvals.push(Object.assign(new SharingApprovalEntity(), { id: random.uuid(), arrangementId: row.id, approverId: step.by.id, arrangementVersion: state.version, comment: null, at: stepAt }));
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
    out.revisions.push(previousRevision);
    out.audit.push({ at: stepAt, ...actor(step.by), action: `sharing.${step.action}`, entityType: 'sharing', entityId: row.id, before, after: arrangementSnapshot(state, service.key, processor.key) });
  }
  out.arrangements.push(state);
}

/** The steps from the proposal to the arrangement's final status, a few days apart. */
function walkStates(ctx: DatasetContext, org: OrganisationRefs, status: string, requester: UserEntity, required: number, created: Date): Step[] {
  const { random } = ctx;
  let time = created;
  const steps: Step[] = [{ action: 'proposed', by: requester, at: created, set: {} }];
  const next = () => (time = new Date(time.getTime() + random.int(1, 4) * DAY + random.int(0, DAY - 1)));
  const approvers = random.sample(org.officerUsers.filter((o) => o.id !== requester.id), required);
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
    const officer = random.pick(org.officerUsers);
    const when = next();
    steps.push({ action: 'rejected', by: officer, at: when, set: { status: 'REJECTED', decisionReason: 'The processor does not meet our transfer requirements.', decidedAt: when, decidedBy: officer.id } });
  }
  if (status === 'REVOKED') {
    const officer = random.pick(org.officerUsers);
    const when = next();
    steps.push({ action: 'revoked', by: officer, at: when, set: { status: 'REVOKED', decisionReason: 'The contract ended.', decidedAt: when, decidedBy: officer.id } });
  }
  if (status === 'WITHDRAWN') {
    const when = next();
    steps.push({ action: 'withdrawn', by: requester, at: when, set: { status: 'WITHDRAWN', decidedAt: when, decidedBy: requester.id } });
  }
  return steps;
}
