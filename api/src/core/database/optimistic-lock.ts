import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';

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
