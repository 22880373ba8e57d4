import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

/**
 * Tells listeners that a transaction which wrote to the outbox has committed,
 * so the dispatcher of this process sends at once instead of at its next poll.
 * A TypeORM subscriber: it sees every commit of the DataSource and fires only
 * for the transactions marked with after(tx), once the outermost one commits.
 */
export class CommitSignal implements EntitySubscriberInterface {
  private readonly waiting = new WeakSet<QueryRunner>();
  private readonly listeners = new Set<() => void>();

  static attach(dataSource: DataSource): CommitSignal {
    const signal = new CommitSignal();
    dataSource.subscribers.push(signal);
    return signal;
  }

  /** Marks the caller's transaction: listeners run once it commits (at once outside a transaction). */
  after(tx: EntityManager): void {
    const runner = tx.queryRunner;
    if (runner?.isTransactionActive) this.waiting.add(runner);
    else this.fire();
  }

  onCommit(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // Releasing a savepoint commits nothing yet: wait for the outermost transaction.
    if (event.queryRunner.isTransactionActive) return;
    if (this.waiting.delete(event.queryRunner)) this.fire();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.waiting.delete(event.queryRunner);
  }

  private fire(): void {
    for (const listener of this.listeners) listener();
  }
}
