import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { operationGate } from '../operation-gate';

/** A response that ends when told, as Express's does: 'finish' once written, 'close' when the client goes. */
class FakeResponse extends EventEmitter {
  writableEnded = false;
  destroyed = false;
  finish() {
    this.writableEnded = true;
    this.emit('finish');
    this.emit('close');
  }
  abort() {
    this.destroyed = true;
    this.emit('close');
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

function harness(concurrency: number) {
  const gate = operationGate(concurrency);
  const started: string[] = [];
  const responses = new Map<string, FakeResponse>();
  const arrive = (name: string) => {
    const res = new FakeResponse();
    responses.set(name, res);
    gate({} as Request, res as unknown as Response, () => started.push(name));
    return res;
  };
  return { started, arrive, responses };
}

describe('operationGate', () => {
  it('should run at most the limit at once and the others in the order they came', async () => {
    const { started, arrive, responses } = harness(2);
    for (const name of ['a', 'b', 'c', 'd', 'e']) arrive(name);
    await tick();
    expect(started).toEqual(['a', 'b']);
    responses.get('b')!.finish();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    responses.get('a')!.finish();
    responses.get('c')!.finish();
    await tick();
    expect(started).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('should free the turn of a client that went away, and never start a request already answered', async () => {
    const { started, arrive, responses } = harness(1);
    arrive('a');
    const waiting = arrive('b');
    arrive('c');
    await tick();
    waiting.abort();
    responses.get('a')!.abort();
    await tick();
    expect(started).toEqual(['a', 'c']);
  });

  it("should go on in the request's own async context even when another request's end gives it its turn", async () => {
    const gate = operationGate(1);
    const scope = new AsyncLocalStorage<string>();
    const seen: (string | undefined)[] = [];
    const first = new FakeResponse();
    const second = new FakeResponse();
    scope.run('first', () => gate({} as Request, first as unknown as Response, () => seen.push(scope.getStore())));
    scope.run('second', () => gate({} as Request, second as unknown as Response, () => seen.push(scope.getStore())));
    await tick();
    scope.run('someone else', () => first.finish());
    await tick();
    expect(seen).toEqual(['first', 'second']);
  });

  it('should let every request through at once with 0', async () => {
    const { started, arrive } = harness(0);
    for (const name of ['a', 'b', 'c']) arrive(name);
    expect(started).toEqual(['a', 'b', 'c']);
  });
});
