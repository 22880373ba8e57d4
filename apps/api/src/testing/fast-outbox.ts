/** Outbox timings that let integration tests see deliveries and retries within a second or two. */
export const FAST_OUTBOX = { CANOPY_OUTBOX_POLL_MS: '50', CANOPY_OUTBOX_LEASE_MS: '2000', CANOPY_DELIVERY_TIMEOUT_MS: '1000', CANOPY_OUTBOX_RETRY_BASE_MS: '100', CANOPY_OUTBOX_RETRY_MAX_MS: '1000' };
