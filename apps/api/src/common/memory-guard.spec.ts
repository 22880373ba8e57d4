import { assertHeapHeadroom, heapNearLimit } from './memory-guard';

describe('memory guard', () => {
  it('should let work go on while the heap is under its ceiling', () => {
    expect(heapNearLimit()).toBe(false);
    expect(() => assertHeapHeadroom('measure findings')).not.toThrow();
  });

  it('should refuse with SERVICE_UNAVAILABLE (sent as HTTP 503 by the GraphQL guard) once the heap is over its ceiling', () => {
    expect(heapNearLimit(0)).toBe(true);
    try {
      assertHeapHeadroom('measure findings', 0);
      throw new Error('not refused');
    } catch (error) {
      expect((error as { extensions: unknown }).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
      expect((error as Error).message).toMatch(/short of memory to measure findings/);
    }
  });
});
