import type { RequestContext } from '../../auth/request-context';
import type { OutboxQueries } from './outbox-queries.app-service';

/** What the outbox feature's resolvers use of their request. */
export type OutboxContext = RequestContext<{ outboxQueries: OutboxQueries }>;
