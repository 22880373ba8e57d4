import { AsyncLocalStorage } from 'node:async_hooks';

/** The current request's id, readable wherever no context object is passed (error formatting, logs). */
const scope = new AsyncLocalStorage<{ requestId: string }>();

export const runInRequestScope = <T>(requestId: string, fn: () => T): T => scope.run({ requestId }, fn);
export const currentRequestId = (): string | undefined => scope.getStore()?.requestId;
