import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { EntityManager } from 'typeorm';

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
