/**
 * The job database in the data folder: SQLite through node-sqlite3-wasm (decision 0103) — SQLite compiled to
 * WebAssembly with a file system layer on Node's fs, so the same file works under Node 20 (CLI, bench server)
 * and Electron without a native build. Writes go straight to the file with SQLite's rollback journal and
 * fsync; a lock is a folder `<file>.lock` made for each transaction (every lock level is exclusive).
 *
 * Faults, in three parts: the file locked by another Rescue Bench for longer than `busyMs` (a lock folder
 * older than `staleMs` was left by a process that died mid-transaction and is removed), and a file that is
 * not a database or is damaged. Neither loses anything: the journals stay, and `jobs rebuild` makes the file
 * again from them.
 */
import fs from 'node:fs';
import { fault, RbFault } from '../../../src-shared/errors';
import type { Dialect, Row, SqlDriver } from './sql';

type WasmDatabase = {
  all(sql: string, values?: unknown[]): Row[];
  run(sql: string, values?: unknown[]): unknown;
  exec(sql: string): void;
  close(): void;
  readonly isOpen: boolean;
  readonly inTransaction: boolean;
};

type WasmModule = { Database: new (path: string) => WasmDatabase };
let wasm: WasmModule | undefined;

/** Loaded on first use: compiling SQLite's WebAssembly takes a moment that a command without jobs must not pay. */
async function openWasm(file: string): Promise<WasmDatabase> {
  if (!wasm) {
    const m = (await import('node-sqlite3-wasm')) as unknown as { default?: WasmModule } & WasmModule;
    wasm = m.default ?? m;
  }
  return new wasm.Database(file);
}

export interface SqliteOptions {
  /** How long to wait for another process's transaction before saying the file is locked. */
  busyMs?: number;
  /** A lock folder older than this was left by a process that died mid-transaction. */
  staleMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function lockedFault(file: string, details?: string): RbFault {
  return fault('JOBS_DB_LOCKED', {}, { details: `${file}${details ? `: ${details}` : ''}` });
}

export function corruptFault(file: string, details?: string): RbFault {
  return fault('JOBS_DB_CORRUPT', {}, { details: `${file}${details ? `: ${details}` : ''}` });
}

function classify(file: string, err: unknown): unknown {
  const msg = err instanceof Error ? err.message : String(err);
  if (/database is locked|SQLITE_BUSY|database table is locked/i.test(msg)) return lockedFault(file, msg);
  if (/not a database|malformed|corrupt|disk image/i.test(msg)) return corruptFault(file, msg);
  if (/Could not open the database/i.test(msg)) {
    return fault('JOBS_DB_UNREADABLE', {}, { details: `${file}: ${msg}` });
  }
  return err;
}

function isLocked(e: unknown): boolean {
  return e instanceof RbFault && e.code === 'JOBS_DB_LOCKED';
}

export class SqliteDriver implements SqlDriver {
  readonly dialect: Dialect = 'sqlite';
  private db: WasmDatabase | undefined;
  /** One transaction at a time in this process: the wasm connection is shared, and `tx` awaits in between. */
  private chain: Promise<unknown> = Promise.resolve();
  private readonly busyMs: number;
  private readonly staleMs: number;

  constructor(
    readonly file: string,
    o: SqliteOptions = {},
  ) {
    this.busyMs = o.busyMs ?? 5000;
    this.staleMs = o.staleMs ?? 30_000;
  }

  private async conn(): Promise<WasmDatabase> {
    if (!this.db) {
      try {
        this.db = await openWasm(this.file);
      } catch (e) {
        throw classify(this.file, e);
      }
    }
    return this.db;
  }

  /** Remove a lock folder that no live transaction can own any more (its maker died mid-transaction). */
  private clearStaleLock(): boolean {
    const lock = `${this.file}.lock`;
    try {
      const age = Date.now() - fs.statSync(lock).mtimeMs;
      if (age < this.staleMs) return false;
      fs.rmdirSync(lock);
      return true;
    } catch {
      return false;
    }
  }

  /** Run `f` (synchronous SQLite work), waiting out another process's transaction up to busyMs. */
  private async withRetry<T>(f: (db: WasmDatabase) => T): Promise<T> {
    const deadline = Date.now() + this.busyMs;
    for (let wait = 10; ; wait = Math.min(wait * 2, 200)) {
      try {
        return f(await this.conn());
      } catch (e) {
        const c = classify(this.file, e);
        if (!isLocked(c)) throw c;
        if (this.clearStaleLock()) continue;
        if (Date.now() >= deadline) throw c;
        await sleep(wait);
      }
    }
  }

  private serial<T>(f: () => Promise<T>): Promise<T> {
    const next = this.chain.then(f, f);
    this.chain = next.catch(() => undefined);
    return next;
  }

  all(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return this.serial(() => this.withRetry((db) => db.all(sql, [...params])));
  }

  run(sql: string, params: readonly unknown[] = []): Promise<void> {
    return this.serial(() =>
      this.withRetry((db) => {
        db.run(sql, [...params]);
      }),
    );
  }

  /** The statements of one transaction: straight to the connection (the transaction already holds the file). */
  private inside(db: WasmDatabase): SqlDriver {
    const d: SqlDriver = {
      dialect: this.dialect,
      all: async (sql, params = []) => {
        try {
          return db.all(sql, [...params]);
        } catch (e) {
          throw classify(this.file, e);
        }
      },
      run: async (sql, params = []) => {
        try {
          db.run(sql, [...params]);
        } catch (e) {
          throw classify(this.file, e);
        }
      },
      tx: (fn) => fn(d),
      close: async () => undefined,
    };
    return d;
  }

  tx<T>(fn: (d: SqlDriver) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      const db = await this.withRetry((c) => {
        c.exec('BEGIN IMMEDIATE');
        return c;
      });
      try {
        const out = await fn(this.inside(db));
        db.exec('COMMIT');
        return out;
      } catch (e) {
        try {
          if (db.inTransaction) db.exec('ROLLBACK');
        } catch {
          // the transaction is gone with the connection; SQLite's journal undoes it on the next open
        }
        throw classify(this.file, e);
      }
    });
  }

  async close(): Promise<void> {
    await this.chain;
    if (this.db?.isOpen) this.db.close();
    this.db = undefined;
  }
}
