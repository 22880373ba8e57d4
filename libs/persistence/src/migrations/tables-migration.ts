import { MigrationInterface, QueryRunner, Table, TableOptions } from 'typeorm';

/**
 * A migration that creates its tables in order, then seeds them; undone by
 * dropping them in the reverse order. Seeds are raw, portable statements:
 * migrations must not depend on how entities map today.
 */
export abstract class TablesMigration implements MigrationInterface {
  abstract name: string;

  /** The tables, in creation order (a later one may reference an earlier one). */
  protected abstract tables(q: QueryRunner): TableOptions[];

  protected async seed(_q: QueryRunner): Promise<void> {
    // Nothing to seed unless a migration says otherwise.
  }

  async up(q: QueryRunner): Promise<void> {
    for (const table of this.tables(q)) await q.createTable(new Table(table));
    await this.seed(q);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of this.tables(q).reverse()) await q.dropTable(table.name);
  }
}
