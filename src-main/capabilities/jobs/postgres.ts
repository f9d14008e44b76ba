/**
 * The shop's PostgreSQL server (decision 0104): the same records as the SQLite file, so every station of a
 * shop sees one history. `pg` (pure JavaScript, no native part). Statements come with `?` placeholders
 * (shared with SQLite, sql.ts) and are numbered here.
 */
import pg from 'pg';
import type { Dialect, Row, SqlDriver } from './sql';

export function numberPlaceholders(sql: string): string {
  let n = 0;
  // no statement of ours has a literal question mark inside quotes
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** The server's address without its password, for the screen and the logs. */
export function maskServer(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '•••';
    return u.toString();
  } catch {
    return 'a server address that cannot be read';
  }
}

export class PostgresDriver implements SqlDriver {
  readonly dialect: Dialect = 'postgres';
  private readonly pool: pg.Pool;

  constructor(
    readonly url: string,
    o: { connectTimeoutMs?: number } = {},
  ) {
    this.pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: o.connectTimeoutMs ?? 3000, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
    // a server that goes away while a connection idles must not take the process with it
    this.pool.on('error', () => undefined);
    // nor may one that goes away under a connection between the pool's hands (its queries fail on their own)
    this.pool.on('connect', (client) => client.on('error', () => undefined));
  }

  private static over(client: pg.Pool | pg.PoolClient, dialect: Dialect): SqlDriver {
    return {
      dialect,
      all: async (sql, params = []) => (await client.query(numberPlaceholders(sql), [...params])).rows as Row[],
      run: async (sql, params = []) => {
        await client.query(numberPlaceholders(sql), [...params]);
      },
      tx: (fn) => fn(PostgresDriver.over(client, dialect)),
      close: async () => undefined,
    };
  }

  async all(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(numberPlaceholders(sql), [...params])).rows as Row[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<void> {
    await this.pool.query(numberPlaceholders(sql), [...params]);
  }

  async tx<T>(fn: (d: SqlDriver) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(PostgresDriver.over(client, this.dialect));
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
