import type { OutboxMessageEntity } from '@canopy/persistence';

/** Sends one claimed message; throws when it was not delivered. */
export interface Sender {
  send(message: OutboxMessageEntity): Promise<void>;
}

/** A delivery that did not happen; `permanent` ones are not tried again (a refused address, a deleted webhook). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}
