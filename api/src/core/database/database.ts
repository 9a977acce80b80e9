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
}
