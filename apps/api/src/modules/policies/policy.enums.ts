import {
  CHANGE_KINDS,
  type ChangeKind as DomainChangeKind,
  CONFLICT_RESOLUTIONS,
  CONFLICT_STATUSES,
  type ConflictResolution,
  type ConflictStatus as DomainConflictStatus,
  NOTICE_CHANNELS,
  type NoticeChannel as DomainNoticeChannel,
  POLICY_SCOPES,
  POLICY_VERSION_STATUSES,
  type PolicyScope as DomainPolicyScope,
  type PolicyVersionStatus as DomainPolicyVersionStatus,
} from '@canopy/domain';
import { registerDomainEnum } from '../../common/graphql-enums';

export { ClauseSource, ClauseTopic } from '../../common/graphql-enums';

export const PolicyScope = registerDomainEnum('PolicyScope', POLICY_SCOPES, "The organisation's one GLOBAL policy, or a SERVICE's own.");
export type PolicyScope = DomainPolicyScope;

export const PolicyVersionStatus = registerDomainEnum('PolicyVersionStatus', POLICY_VERSION_STATUSES, 'A DRAFT is edited; a PUBLISHED version never changes.');
export type PolicyVersionStatus = DomainPolicyVersionStatus;

export const NoticeChannel = registerDomainEnum('NoticeChannel', NOTICE_CHANNELS, 'How users are told of an amendment before it takes effect.');
export type NoticeChannel = DomainNoticeChannel;

export const ChangeKind = registerDomainEnum('ChangeKind', CHANGE_KINDS, 'How a clause changed against the previous published version.');
export type ChangeKind = DomainChangeKind;

export const ConflictStatus = registerDomainEnum('ConflictStatus', CONFLICT_STATUSES, 'Derived from time: SUPERSEDED once a newer version of either side is in force.');
export type ConflictStatus = DomainConflictStatus;

export const Resolution = registerDomainEnum('Resolution', CONFLICT_RESOLUTIONS, 'Which policy an officer decided takes precedence.');
export type Resolution = ConflictResolution;
