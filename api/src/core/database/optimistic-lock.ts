import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import { ResourceNotFoundException, StaleVersionException } from '../http/problem';
import type { Actor, TransactionRunner } from './transaction-runner';

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
 * Runs a write only if the record is still at the version the client read. The row stays locked
 * until the transaction ends, so of concurrent writers holding the same version exactly one
 * succeeds and the others get 409 with the current state.
 */
export async function writeIfCurrent(
  tx: TransactionRunner,
  actor: Actor,
  target: VersionedWrite,
  write: (manager: EntityManager) => Promise<void>,
): Promise<void> {
  const outcome = await tx.run(actor, async (manager) => {
    const scope = target.initiativeId ? ' AND initiative_id = $2' : '';
    const [row] = await manager.query(`SELECT version FROM ${target.table} WHERE id = $1${scope} FOR UPDATE`, [
      target.id,
      ...(target.initiativeId ? [target.initiativeId] : []),
    ]);
    if (!row) return 'missing' as const;
    if (row.version !== target.expectedVersion) return 'stale' as const;
    await write(manager);
    return 'written' as const;
  });
  if (outcome === 'missing') throw new ResourceNotFoundException(target.resource, target.id);
  if (outcome === 'stale') throw new StaleVersionException(await target.current());
}

/**
 * Updates a versioned row's fields; TypeORM raises its version and updated_at. With no fields the
 * version still goes up, so that a change held elsewhere (a join table) shows in the ETag.
 */
export async function updateVersioned<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  fields: QueryDeepPartialEntity<T>,
): Promise<void> {
  if (Object.keys(fields).length > 0) {
    await manager.createQueryBuilder().update(entity).set(fields).where('id = :id', { id }).execute();
  } else {
    const table = manager.getRepository(entity).metadata.tableName;
    await manager.query(`UPDATE ${table} SET version = version + 1, updated_at = now() WHERE id = $1`, [id]);
  }
}
