/** The webhooks feature's face: the wiring root builds the dispatcher's webhook sender from it. */
export { WebhookSender } from './webhook.sender';
export type { WebhooksContext } from './webhooks.context';
