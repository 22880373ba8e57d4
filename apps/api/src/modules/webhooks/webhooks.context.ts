import type { RequestContext } from '../../auth/request-context';
import type { WebhookService } from './webhook.app-service';

/** What the webhooks feature's resolvers use of their request. */
export type WebhooksContext = RequestContext<{ webhooks: WebhookService }>;
