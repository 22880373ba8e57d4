import { ApiTokenEntity } from './api-token.entity';
import { AuditEventEntity, AuditHeadEntity } from './audit-event.entity';
import { ServiceEntity } from './service.entity';
import { SessionEntity } from './session.entity';
import { SettingEntity } from './setting.entity';
import { TeamMemberEntity } from './team-member.entity';
import { TeamEntity } from './team.entity';
import { UserEntity } from './user.entity';
import { INVENTORY_SHARING_ENTITIES } from './inventory-sharing';
import { TaxonomyCategoryEntity, TaxonomyUseEntity } from './taxonomy.entity';
import { PolicyEntity } from './policy.entity';
import { PolicyVersionEntity } from './policy-version.entity';
import { PolicyClauseEntity } from './policy-clause.entity';
import { PolicyConflictEntity } from './policy-conflict.entity';
import { SecurityMeasureEntity } from './security-measure.entity';
import { WebhookEntity } from './webhook.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { NoticeEntity } from './notice.entity';
import { AdequacyDecisionEntity } from './adequacy-decision.entity';
import { AuditSubtreeEntity } from './audit-subtree.entity';
import { ServiceRevisionEntity } from './service-revision.entity';
import { ProcessorRevisionEntity } from './processor-revision.entity';
import { AssessmentEntity, AssessmentRevisionEntity } from './assessment.entity';

export {
  ApiTokenEntity,
  AuditEventEntity,
  AuditHeadEntity,
  ServiceEntity,
  SessionEntity,
  SettingEntity,
  TeamEntity,
  TeamMemberEntity,
  UserEntity,
  TaxonomyCategoryEntity,
  TaxonomyUseEntity,
  PolicyEntity,
  PolicyVersionEntity,
  PolicyClauseEntity,
  PolicyConflictEntity,
  SecurityMeasureEntity,
  WebhookEntity,
  OutboxMessageEntity,
  NoticeEntity,
  AdequacyDecisionEntity,
  AuditSubtreeEntity,
  ServiceRevisionEntity,
  ProcessorRevisionEntity,
  AssessmentEntity,
  AssessmentRevisionEntity,
};
export { serviceRevisionOf, serviceAsOf } from './service-revision.entity';
export { processorRevisionOf, processorAsOf } from './processor-revision.entity';
export { assessmentSnapshot, type AssessmentAnswerRecord, type AssessmentRiskRecord, type AssessmentFields } from './assessment.entity';

export { OUTBOX_KINDS, DELIVERY_STATUSES } from './outbox-message.entity';
export type { OutboxKind, DeliveryStatus } from './outbox-message.entity';

export * from './inventory-sharing';

// What the audit log keeps of each entity (before/after snapshots), next to the entity.
export * from './service.snapshot';
export * from './processor.snapshot';
export * from './sharing-arrangement.snapshot';
export * from './inventory-item.snapshot';
export * from './user.snapshot';
export * from './policy-version.snapshot';

export const ALL_ENTITIES = [
  TeamEntity,
  UserEntity,
  TeamMemberEntity,
  ApiTokenEntity,
  SessionEntity,
  SettingEntity,
  ServiceEntity,
  AuditEventEntity,
  AuditHeadEntity,
  TaxonomyCategoryEntity,
  TaxonomyUseEntity,
  PolicyEntity,
  PolicyVersionEntity,
  PolicyClauseEntity,
  PolicyConflictEntity,
  ...INVENTORY_SHARING_ENTITIES,
  SecurityMeasureEntity,
  WebhookEntity,
  OutboxMessageEntity,
  NoticeEntity,
  AdequacyDecisionEntity,
  AuditSubtreeEntity,
  ServiceRevisionEntity,
  ProcessorRevisionEntity,
  AssessmentEntity,
  AssessmentRevisionEntity,
];
