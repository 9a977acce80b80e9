import { Injectable } from '@nestjs/common';
import type { RoleMappingRule } from '@fremdrift/access';
import type { DepartmentRef, UserRole } from '@fremdrift/contracts';
import { Database } from '../../core/database/database';

/** A mapping with its department, as the queries below return it. */
export interface IdentityRoleMappingRow {
  id: string;
  claimValue: string;
  unitConstraint: string | null;
  role: UserRole;
  department: DepartmentRef | null;
  description: string | null;
  version: number;
}

export interface IdentityRoleMappingFields {
  claimValue: string;
  unitConstraint: string | null;
  role: UserRole;
  departmentId: string | null;
  description: string | null;
}

const MAPPING_COLUMNS = `
  m.id, m.claim_value AS "claimValue", m.unit_constraint AS "unitConstraint", m.role, m.description, m.version,
  CASE WHEN d.id IS NULL THEN NULL ELSE json_build_object('id', d.id, 'code', d.code, 'name', d.name) END AS department`;

@Injectable()
export class IdentityRoleMappingsRepository {
  constructor(private readonly db: Database) {}

  findAll(): Promise<IdentityRoleMappingRow[]> {
    return this.db.manager.query(
      `SELECT ${MAPPING_COLUMNS} FROM identity_role_mapping m LEFT JOIN department d ON d.id = m.department_id
        ORDER BY lower(m.claim_value), lower(coalesce(m.unit_constraint, '')), m.role, d.code, m.id`,
    );
  }

  async findById(id: string): Promise<IdentityRoleMappingRow | null> {
    const [row] = await this.db.manager.query(
      `SELECT ${MAPPING_COLUMNS} FROM identity_role_mapping m LEFT JOIN department d ON d.id = m.department_id WHERE m.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** What sign-in applies: every mapping, as the rule in @fremdrift/access reads them. */
  findRules(): Promise<RoleMappingRule[]> {
    return this.db.manager.query(
      `SELECT claim_value AS "claimValue", unit_constraint AS "unitConstraint", role, department_id::text AS "departmentId" FROM identity_role_mapping`,
    );
  }

  /** The id of another mapping with the same value, unit, role and department (compared as sign-in compares them), if any. */
  async findDuplicate(fields: IdentityRoleMappingFields, exceptId: string | null): Promise<string | null> {
    const [row] = await this.db.manager.query(
      `SELECT id FROM identity_role_mapping
        WHERE lower(btrim(claim_value)) = lower(btrim($1)) AND lower(btrim(coalesce(unit_constraint, ''))) = lower(btrim(coalesce($2, '')))
          AND role = $3 AND department_id IS NOT DISTINCT FROM $4::uuid AND id IS DISTINCT FROM $5::uuid
        LIMIT 1`,
      [fields.claimValue, fields.unitConstraint, fields.role, fields.departmentId, exceptId],
    );
    return row?.id ?? null;
  }

  /** Serialises changes to mappings for the rest of the transaction, so that two equal mappings cannot both be added. */
  async lockChanges(): Promise<void> {
    await this.db.manager.query('SELECT pg_advisory_xact_lock(7211948)');
  }

  /** Locks the mapping's row for the rest of the transaction and returns its version. */
  async lockVersion(id: string): Promise<number | null> {
    const [row] = await this.db.manager.query('SELECT version FROM identity_role_mapping WHERE id = $1 FOR UPDATE', [id]);
    return row?.version ?? null;
  }

  async create(fields: IdentityRoleMappingFields): Promise<string> {
    const [{ id }] = await this.db.manager.query(
      `INSERT INTO identity_role_mapping (claim_value, unit_constraint, role, department_id, description) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [fields.claimValue, fields.unitConstraint, fields.role, fields.departmentId, fields.description],
    );
    return id;
  }

  async update(id: string, fields: IdentityRoleMappingFields): Promise<void> {
    await this.db.manager.query(
      `UPDATE identity_role_mapping
          SET claim_value = $2, unit_constraint = $3, role = $4, department_id = $5, description = $6, updated_at = now(), version = version + 1
        WHERE id = $1`,
      [id, fields.claimValue, fields.unitConstraint, fields.role, fields.departmentId, fields.description],
    );
  }

  async delete(id: string): Promise<void> {
    await this.db.manager.query('DELETE FROM identity_role_mapping WHERE id = $1', [id]);
  }
}
