import type { RequestContext } from '../../auth/request-context';
import type { AuditQueries } from './audit-query.app-service';

/** What the audit feature's resolvers use of their request. */
export type AuditContext = RequestContext<{ audit: AuditQueries }>;
