import { DataSource } from 'typeorm';
import { assertServerHoldsUtf8mb4, BYTE_COLLATION, byteCollationOf, useDialectCollations } from './charset';

/** Just what the functions read of a DataSource. */
function fakeDataSource(type: string, extra: Record<string, unknown> = {}): DataSource {
  return { options: { type }, ...extra } as unknown as DataSource;
}

describe('byteCollationOf', () => {
  it('should name each dialect\'s no-pad binary utf8mb4 collation', () => {
    expect(byteCollationOf('mariadb')).toBe('utf8mb4_nopad_bin');
    expect(byteCollationOf('mysql')).toBe('utf8mb4_0900_bin');
    expect(byteCollationOf('sqlite')).toBeUndefined();
  });
});

describe('useDialectCollations', () => {
  it.each([
    ['mysql', 'utf8mb4_0900_bin'],
    ['mariadb', 'utf8mb4_nopad_bin'],
    ['better-sqlite3', undefined],
  ])('should give byte-compared columns the collation of %s and leave the others alone', (type, expected) => {
    const key = { collation: BYTE_COLLATION };
    const name = { collation: undefined };
    useDialectCollations(fakeDataSource(type, { entityMetadatas: [{ columns: [key, name] }] }));
    expect(key.collation).toBe(expected);
    expect(name.collation).toBeUndefined();
  });
});

describe('assertServerHoldsUtf8mb4', () => {
  it('should refuse a server without the byte-for-byte utf8mb4 collation, saying which servers do', async () => {
    const old = fakeDataSource('mysql', { query: async () => [{ version: '5.7.44', found: 0 }] });
    await expect(assertServerHoldsUtf8mb4(old)).rejects.toThrow(
      "The database server (5.7.44) cannot hold Canopy's data: it has no utf8mb4 collation utf8mb4_0900_bin. Canopy stores utf8mb4 (any Unicode text, emoji included) and compares keys byte for byte: use MariaDB 10.2+ or MySQL 8.0.17+.",
    );
  });

  it('should accept a server that has it', async () => {
    const queries: unknown[][] = [];
    const current = fakeDataSource('mariadb', { query: async (_sql: string, params: unknown[]) => (queries.push(params), [{ version: '10.11.19-MariaDB', found: 1 }]) });
    await expect(assertServerHoldsUtf8mb4(current)).resolves.toBeUndefined();
    expect(queries).toEqual([['utf8mb4_nopad_bin', 'utf8mb4']]);
  });

  it('should not ask SQLite', async () => {
    await expect(assertServerHoldsUtf8mb4(fakeDataSource('better-sqlite3'))).resolves.toBeUndefined();
  });
});
