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

// Every entity class with what its file gives beside it (revisions' builders, snapshots' types).
export * from './api-token.entity';
export * from './audit-event.entity';
export * from './service.entity';
export * from './session.entity';
export * from './setting.entity';
export * from './team-member.entity';
export * from './team.entity';
export * from './user.entity';
export * from './taxonomy.entity';
export * from './policy.entity';
export * from './policy-version.entity';
export * from './policy-clause.entity';
export * from './policy-conflict.entity';
export * from './security-measure.entity';
export * from './webhook.entity';
export * from './outbox-message.entity';
export * from './notice.entity';
export * from './adequacy-decision.entity';
export * from './audit-subtree.entity';
export * from './service-revision.entity';
export * from './processor-revision.entity';
export * from './assessment.entity';

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
