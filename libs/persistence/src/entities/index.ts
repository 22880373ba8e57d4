import { ApiTokenEntity } from './api-token.entity';
import { AuditEventEntity, AuditHeadEntity } from './audit-event.entity';
import { ServiceEntity } from './service.entity';
import { SessionEntity } from './session.entity';
import { SettingEntity } from './setting.entity';
import { TeamMemberEntity } from './team-member.entity';
import { TeamEntity } from './team.entity';
import { UserEntity } from './user.entity';

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
};

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
];
