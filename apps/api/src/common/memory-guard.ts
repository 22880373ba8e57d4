import { getHeapStatistics } from 'node:v8';
import { CanopyError } from './errors';

/**
 * Share of V8's heap limit (--max-old-space-size) above which work that can
 * wait is refused: near the limit V8 collects garbage continuously and then
 * ends the process, for every request at once.
 */
export const HEAP_CEILING = 0.9;

export function heapNearLimit(ceiling = HEAP_CEILING): boolean {
  const { used_heap_size, heap_size_limit } = getHeapStatistics();
  return used_heap_size > heap_size_limit * ceiling;
}

export const shortOfMemory = (what: string) =>
  new CanopyError('SERVICE_UNAVAILABLE', `The server is short of memory to ${what}; try again in a moment.`);

/** Called between the chunks of a walk over the organisation: a request stops before it takes the process down. */
export function assertHeapHeadroom(what: string, ceiling = HEAP_CEILING): void {
  if (heapNearLimit(ceiling)) throw shortOfMemory(what);
}
