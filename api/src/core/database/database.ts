import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { PoolClient } from 'pg';
import { QueryFailedError, type EntityManager } from 'typeorm';

/**
 * A statement PostgreSQL parses and plans once per connection instead of on every call: for the
 * few statements every request runs (the session lookup, the access check), where planning cost
 * more than executing. The name must be unique in the app and the text constant.
 */
export interface NamedStatement {
  readonly name: string;
  readonly text: string;
}

/**
 * The one way repositories reach PostgreSQL. Inside a unit of work (TransactionRunner) every query
 * runs on that transaction's connection, found through AsyncLocalStorage; outside one, on the pool.
 * A query made during a transaction therefore never waits for a second connection while the first
 * is held, which is how a burst of writes could once take every connection and wait forever.
 */
@Injectable()
export class Database {
  constructor(private readonly host: TransactionHost<TransactionalAdapterTypeOrm>) {}

  get manager(): EntityManager {
    return this.host.tx;
  }

  /** Runs a named statement on the transaction's connection, or on one from the pool; its rows. */
  async named<T>(statement: NamedStatement, values: unknown[]): Promise<T[]> {
    const { manager } = this;
    const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      const result = await client.query({ name: statement.name, text: statement.text, values });
      return result.rows as T[];
    } catch (error) {
      // As TypeORM reports a failed query, so that the error handling reads it the same way.
      throw new QueryFailedError(statement.text, values, error as Error);
    } finally {
      if (runner !== manager.queryRunner) await runner.release();
    }
  }

  /**
   * Runs independent reads: side by side on the pool, one after another inside a transaction,
   * whose single connection runs one query at a time (pg refuses overlapping queries from 9.0 on).
   */
  async all<T extends readonly unknown[]>(reads: { readonly [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
    if (!this.host.isTransactionActive()) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
    const results: unknown[] = [];
    for (const read of reads) results.push(await read());
    return results as unknown as T;
  }
}
