import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** Who a write is attributed to in the audit trail. */
export interface Actor {
  /** The user's id; null for the system (demo data, command line). */
  id: string | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'System' };

/** Names the actor of the current transaction for the audit triggers (see the AccountsAndAudit migration). */
export async function attributeTo(manager: EntityManager, actor: Actor): Promise<void> {
  await manager.query(`SELECT set_config('fremdrift.actor_id', $1, true), set_config('fremdrift.actor_name', $2, true)`, [
    actor.id ?? '',
    actor.name,
  ]);
}

/**
 * Runs a unit of work in one transaction, attributed to an actor: every row it writes is recorded
 * in the audit trail in the same transaction, and nothing is kept if any part fails.
 */
@Injectable()
export class TransactionRunner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(actor: Actor, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await attributeTo(manager, actor);
      return work(manager);
    });
  }
}
