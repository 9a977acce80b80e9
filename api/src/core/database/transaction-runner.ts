import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { EntityManager } from 'typeorm';
import { ResourceNotFoundException, StaleVersionException } from '../http/problem';
import { ANYTHING_MAY_HAVE_CHANGED, ChangeFeed, type DataChange } from './change-feed';

/** Who a write is attributed to in the audit trail. */
export interface Actor {
  /** The user's id; null for the system (demo data, command line). */
  id: string | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'System' };

/**
 * A unit of work confined to one initiative: its row and its departments, milestones, status
 * updates and partner links, nothing else. This process then drops only what depends on that
 * initiative when the work commits, as every other process does on the notifications.
 */
export interface InitiativeScope {
  initiativeId: string;
}

const changeOf = (scope: InitiativeScope | undefined): DataChange =>
  scope ? { entity: 'initiative', initiativeId: scope.initiativeId } : ANYTHING_MAY_HAVE_CHANGED;

/** Names the actor of the current transaction for the audit triggers (see the AccountsAndAudit migration). */
export async function attributeTo(manager: EntityManager, actor: Actor): Promise<void> {
  await manager.query(`SELECT set_config('fremdrift.actor_id', $1, true), set_config('fremdrift.actor_name', $2, true)`, [actor.id ?? '', actor.name]);
}

/** Tables whose rows carry a version that clients send back in If-Match. */
export type VersionedTable = 'initiative' | 'milestone' | 'status_update';

export interface VersionedWrite {
  table: VersionedTable;
  /** Names the record in a 404 ("Milestone"). */
  resource: string;
  id: string;
  /** For a nested record: the initiative it must belong to. */
  initiativeId?: string;
  expectedVersion: number;
  /** The record as it is now, sent with a 409 so that the client can show what changed. */
  current: () => Promise<unknown>;
}

/**
 * Runs units of work in one transaction, attributed to an actor: every row they write is recorded
 * in the audit trail in the same transaction, and nothing is kept if any part fails. Repositories
 * called inside `work` join the transaction by themselves (see Database); a nested `run` joins the
 * outer one.
 */
@Injectable()
export class TransactionRunner {
  constructor(
    private readonly host: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly feed: ChangeFeed,
  ) {}

  /** Without a scope, this process drops everything it derived from the database when the work commits. */
  async run<T>(actor: Actor, work: () => Promise<T>, scope?: InitiativeScope): Promise<T> {
    const outermost = !this.host.isTransactionActive();
    const result = await this.host.withTransaction(async () => {
      await attributeTo(this.host.tx, actor);
      return work();
    });
    if (outermost) this.feed.committedHere(changeOf(scope));
    return result;
  }

  /** The app's own bookkeeping (sign-in attempts): one transaction, with nothing to audit or announce. */
  runBookkeeping<T>(work: () => Promise<T>): Promise<T> {
    return this.host.withTransaction(work);
  }

  /** Reads that must agree with each other, from one snapshot of the database. */
  readConsistently<T>(work: () => Promise<T>): Promise<T> {
    return this.host.withTransaction({ isolationLevel: 'REPEATABLE READ' }, work);
  }

  /**
   * Runs a write only if the record is still at the version the client read. The row stays locked
   * until the transaction ends, so of concurrent writers holding the same version exactly one
   * succeeds and the others get 409 with the current state.
   */
  async writeIfCurrent(actor: Actor, target: VersionedWrite, write: () => Promise<void>): Promise<void> {
    const initiativeId = target.initiativeId ?? (target.table === 'initiative' ? target.id : undefined);
    const outcome = await this.run(
      actor,
      async () => {
        const belongs = target.initiativeId ? ' AND initiative_id = $2' : '';
        const [row] = await this.host.tx.query(`SELECT version FROM ${target.table} WHERE id = $1${belongs} FOR UPDATE`, [
          target.id,
          ...(target.initiativeId ? [target.initiativeId] : []),
        ]);
        if (!row) return 'missing' as const;
        if (row.version !== target.expectedVersion) return 'stale' as const;
        await write();
        return 'written' as const;
      },
      initiativeId ? { initiativeId } : undefined,
    );
    if (outcome === 'missing') throw new ResourceNotFoundException(target.resource, target.id);
    if (outcome === 'stale') throw new StaleVersionException(await target.current());
  }
}
