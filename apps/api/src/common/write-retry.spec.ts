import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { CanopyError, versionConflict } from './errors';
import { backoffDelayMs, DEFAULT_WRITE_RETRY, isRetryableWriteError, retryReason, withWriteRetry, WRITE_RETRIED } from './write-retry';

/** The shape mysql2 gives a server error (see its packets/packet.js), as Galera and InnoDB report them. */
function serverError(errno: number, code: string, sqlState: string, sqlMessage: string): Error {
  return Object.assign(new Error(sqlMessage), { errno, code, sqlState, sqlMessage, fatal: undefined });
}

const DEADLOCK = () => serverError(1213, 'ER_LOCK_DEADLOCK', '40001', 'Deadlock found when trying to get lock; try restarting transaction');
/** What a Galera node answers the next statement of a transaction a replicated write set aborted (brute-force abort). */
const WSREP_ABORT = () => serverError(1213, 'ER_LOCK_DEADLOCK', '40001', 'WSREP detected deadlock/conflict and aborted the transaction. Try restarting the transaction');
const LOCK_WAIT = () => serverError(1205, 'ER_LOCK_WAIT_TIMEOUT', 'HY000', 'Lock wait timeout exceeded; try restarting transaction');
const COMMIT_FAILED = () => serverError(1180, 'ER_ERROR_DURING_COMMIT', 'HY000', "Got error 6 \"No such device or address\" during COMMIT");
const NOT_READY = () => serverError(1047, 'ER_UNKNOWN_COM_ERROR', '08S01', 'WSREP has not yet prepared node for application use');
/** TypeORM wraps every driver error of a statement, the COMMIT included, in QueryFailedError. */
const atCommit = (driverError: Error) => new QueryFailedError('COMMIT', [], driverError);

describe('retryReason', () => {
  it('should retry a deadlock reported by the driver', () => {
    expect(retryReason(DEADLOCK())).toBe('deadlock');
  });

  it('should retry a Galera certification failure reported at COMMIT', () => {
    expect(retryReason(atCommit(DEADLOCK()))).toBe('deadlock');
  });

  it('should retry a transaction a replicated write set aborted', () => {
    expect(retryReason(new QueryFailedError('UPDATE `audit_head` SET seq = seq + 1', [], WSREP_ABORT()))).toBe('deadlock');
  });

  it('should retry a lock wait timeout', () => {
    expect(retryReason(new QueryFailedError('SELECT ... FOR UPDATE', [], LOCK_WAIT()))).toBe('lock-wait-timeout');
  });

  it('should retry a commit wsrep could not replicate', () => {
    expect(retryReason(atCommit(COMMIT_FAILED()))).toBe('commit-failed');
  });

  it('should retry on a node that is not ready yet (between cluster views)', () => {
    expect(retryReason(new QueryFailedError('START TRANSACTION', [], NOT_READY()))).toBe('node-not-ready');
  });

  it('should find the driver error under a GraphQL error', () => {
    expect(retryReason(new GraphQLError('Unexpected error', { originalError: atCommit(DEADLOCK()) }))).toBe('deadlock');
  });

  it('should find it under an error cause', () => {
    expect(retryReason(new Error('write failed', { cause: LOCK_WAIT() }))).toBe('lock-wait-timeout');
  });

  it('should retry a serialization failure known only by its SQLSTATE', () => {
    expect(retryReason({ sqlState: '40001', message: 'serialization failure' })).toBe('deadlock');
  });

  it('should retry a wrapped deadlock known only by its message', () => {
    expect(retryReason(new Error('Deadlock found when trying to get lock; try restarting transaction'))).toBe('deadlock');
  });

  it.each([
    ['a duplicate key', serverError(1062, 'ER_DUP_ENTRY', '23000', "Duplicate entry 'maps' for key 'UQ_services_key'")],
    ['a lost connection (the COMMIT may have landed)', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', fatal: true })],
    ['a server shutting down', serverError(1053, 'ER_SERVER_SHUTDOWN', '08S01', 'Server shutdown in progress')],
    ['another ER_UNKNOWN_COM_ERROR', serverError(1047, 'ER_UNKNOWN_COM_ERROR', '08S01', 'Unknown command')],
    ['a string that is too long', serverError(1406, 'ER_DATA_TOO_LONG', '22001', "Data too long for column 'name' at row 1")],
    ['SQLite being busy', Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })],
    ['a VERSION_CONFLICT', versionConflict('Service maps', 1, 2)],
    ['a client error', new CanopyError('BAD_USER_INPUT', 'name must not be blank.')],
    ['a plain Error', new Error('boom')],
    ['undefined', undefined],
    ['a string', 'Deadlock'],
  ])('should not retry %s', (_what, error) => {
    expect(retryReason(error)).toBeNull();
    expect(isRetryableWriteError(error)).toBe(false);
  });

  it('should not loop on an error that causes itself', () => {
    const error: Error & { cause?: unknown } = new Error('self');
    error.cause = error;
    expect(retryReason(error)).toBeNull();
  });
});

describe('backoffDelayMs', () => {
  const policy = { maxAttempts: 10, baseDelayMs: 10, maxDelayMs: 400 };

  it('should double the cap per retry up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 9].map((retry) => backoffDelayMs(retry, policy, () => 1))).toEqual([10, 20, 40, 80, 160, 320, 400, 400]);
  });

  it('should draw uniformly below the cap (full jitter)', () => {
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(20);
  });
});

describe('withWriteRetry', () => {
  const noSleep = { sleep: async () => undefined };

  function logSpy() {
    const lines: { level: string; details: Record<string, unknown>; message: string }[] = [];
    return {
      lines,
      log: {
        info: (details: Record<string, unknown>, message: string) => lines.push({ level: 'info', details, message }),
        warn: (details: Record<string, unknown>, message: string) => lines.push({ level: 'warn', details, message }),
      },
    };
  }

  it('should run the whole transaction again after a retryable failure and return the attempt that committed', async () => {
    const spy = logSpy();
    let calls = 0;
    const result = await withWriteRetry(
      async () => {
        calls++;
        if (calls === 1) throw atCommit(DEADLOCK());
        if (calls === 2) throw new QueryFailedError('UPDATE', [], WSREP_ABORT());
        return `committed on attempt ${calls}`;
      },
      { ...noSleep, log: spy.log },
    );
    expect(result).toBe('committed on attempt 3');
    expect(calls).toBe(3);
    expect(spy.lines.map((l) => [l.message, l.details.attempt, l.details.reason])).toEqual([
      [WRITE_RETRIED, 1, 'deadlock'],
      [WRITE_RETRIED, 2, 'deadlock'],
    ]);
  });

  it('should wait the jittered backoff between attempts', async () => {
    const waits: number[] = [];
    let calls = 0;
    await withWriteRetry(
      async () => {
        if (++calls < 4) throw LOCK_WAIT();
        return calls;
      },
      { sleep: async (ms) => void waits.push(ms), random: () => 1, policy: { maxAttempts: 5, baseDelayMs: 7, maxDelayMs: 20 } },
    );
    expect(waits).toEqual([7, 14, 20]);
  });

  it('should rethrow anything else at once, untouched', async () => {
    const conflict = versionConflict('Sharing arrangement a', 1, 2);
    let calls = 0;
    await expect(
      withWriteRetry(async () => {
        calls++;
        throw conflict;
      }, noSleep),
    ).rejects.toBe(conflict);
    expect(calls).toBe(1);
  });

  it('should give up after maxAttempts with SERVICE_UNAVAILABLE, never the driver error', async () => {
    const spy = logSpy();
    let calls = 0;
    const failing = withWriteRetry(
      async () => {
        calls++;
        throw atCommit(DEADLOCK());
      },
      { ...noSleep, log: spy.log, policy: { ...DEFAULT_WRITE_RETRY, maxAttempts: 4 } },
    );
    await expect(failing).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    await expect(failing).rejects.toThrow(/4 times under concurrent writes; nothing was changed/);
    expect(calls).toBe(4);
    expect(spy.lines.filter((l) => l.message === WRITE_RETRIED)).toHaveLength(3);
    expect(spy.lines[spy.lines.length - 1]).toMatchObject({ level: 'warn', message: 'write transaction gave up', details: { attempts: 4 } });
  });

  it('should bound the default policy to a few seconds of waiting in the worst case', () => {
    const worst = Array.from({ length: DEFAULT_WRITE_RETRY.maxAttempts - 1 }, (_, i) => backoffDelayMs(i + 1, DEFAULT_WRITE_RETRY, () => 1));
    expect(worst.reduce((a, b) => a + b, 0)).toBeLessThan(8000);
  });
});
