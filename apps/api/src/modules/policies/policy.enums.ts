import { registerEnumType } from 'type-graphql';

export enum PolicyScope {
  GLOBAL = 'GLOBAL',
  SERVICE = 'SERVICE',
}
export enum ClauseTopic {
  COLLECTION = 'COLLECTION',
  USE = 'USE',
  SHARING = 'SHARING',
  RETENTION = 'RETENTION',
  ENCRYPTION = 'ENCRYPTION',
  RIGHT = 'RIGHT',
  COMMUNICATION = 'COMMUNICATION',
  MINORS = 'MINORS',
  AMENDMENT = 'AMENDMENT',
}
export enum PolicyVersionStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}
export enum NoticeChannel {
  EMAIL = 'EMAIL',
  HOMEPAGE_BANNER = 'HOMEPAGE_BANNER',
}
export enum ChangeKind {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  STRICTER = 'STRICTER',
  WEAKER = 'WEAKER',
  UNCHANGED = 'UNCHANGED',
}
export enum ClauseSource {
  GLOBAL = 'GLOBAL',
  SERVICE = 'SERVICE',
}
export enum ConflictStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
  SUPERSEDED = 'SUPERSEDED',
}
export enum Resolution {
  SERVICE_PREVAILS = 'SERVICE_PREVAILS',
  GLOBAL_PREVAILS = 'GLOBAL_PREVAILS',
}

registerEnumType(PolicyScope, { name: 'PolicyScope' });
registerEnumType(ClauseTopic, { name: 'ClauseTopic' });
registerEnumType(PolicyVersionStatus, { name: 'PolicyVersionStatus' });
registerEnumType(NoticeChannel, { name: 'NoticeChannel' });
registerEnumType(ChangeKind, { name: 'ChangeKind' });
registerEnumType(ClauseSource, { name: 'ClauseSource' });
registerEnumType(ConflictStatus, { name: 'ConflictStatus' });
registerEnumType(Resolution, { name: 'Resolution' });
