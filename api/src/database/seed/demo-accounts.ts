import type { UserRole } from '@fremdrift/contracts';
import type { EntityManager } from 'typeorm';
import { PasswordHasher } from '../../core/auth/password-hasher';

/** The password of every demo account. Demo only: never load the demo data into a real installation. */
export const DEMO_PASSWORD = 'fremdrift-demo';

interface DemoAccount {
  email: string;
  displayName: string;
  role: UserRole;
  departmentCodes: string[];
}

/** The demo lead of each department, who reports on its initiatives. */
export const DEMO_LEAD_NAMES = {
  BA: 'Anders Kjær',
  MSB: 'Fatima Yilmaz',
  MBU: 'Line Thygesen',
  MKB: 'Jonas Bach',
  MSO: 'Mette Holm',
  MTM: 'Søren Lund',
} as const satisfies Record<string, string>;

/** One account per role, and a lead per department: `leder.<code>@fremdrift.example`. */
export function demoAccounts(departmentCodes: string[]): DemoAccount[] {
  return [
    { email: DEMO_ADMIN_EMAIL, displayName: 'Ida Administrator', role: 'admin', departmentCodes: [] },
    { email: 'ledelse@fremdrift.example', displayName: 'Karen Direktør', role: 'management', departmentCodes: [] },
    { email: 'laeser@fremdrift.example', displayName: 'Peter Læser', role: 'viewer', departmentCodes: [] },
    ...departmentCodes.map((code) => ({
      email: `leder.${code.toLowerCase()}@fremdrift.example`,
      displayName: (DEMO_LEAD_NAMES as Record<string, string>)[code] ?? `Leder ${code}`,
      role: 'department_lead' as const,
      departmentCodes: [code],
    })),
  ];
}

export interface SeededAccount {
  id: string;
  email: string;
  displayName: string;
}

export const DEMO_ADMIN_EMAIL = 'admin@fremdrift.example';

/**
 * Adds the demo accounts that do not exist yet (those `wanted` picks, by default all); returns how
 * many were added. A department lead's departments must exist already.
 */
export async function seedDemoAccounts(
  manager: EntityManager,
  departmentIds: Map<string, string>,
  departmentCodes: string[],
  wanted: (account: DemoAccount) => boolean = () => true,
): Promise<number> {
  const accounts = demoAccounts(departmentCodes).filter(wanted);
  const existing = new Set<string>(
    (await manager.query('SELECT email FROM app_user WHERE email = ANY($1)', [accounts.map((a) => a.email)])).map((r: { email: string }) => r.email),
  );
  const missing = accounts.filter((account) => !existing.has(account.email));
  if (missing.length === 0) return 0;
  // One hash for all: they share the demo password, and argon2 is deliberately slow.
  const passwordHash = await new PasswordHasher().hash(DEMO_PASSWORD);
  for (const account of missing) {
    const [{ id }] = await manager.query('INSERT INTO app_user (email, display_name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id', [
      account.email,
      account.displayName,
      passwordHash,
      account.role,
    ]);
    for (const code of account.departmentCodes) {
      const departmentId = departmentIds.get(code);
      if (departmentId) await manager.query('INSERT INTO user_department (user_id, department_id) VALUES ($1, $2)', [id, departmentId]);
    }
  }
  return missing.length;
}

/** The demo accounts as they are in the database, by e-mail. */
export async function demoAccountsByEmail(manager: EntityManager, departmentCodes: string[]): Promise<Map<string, SeededAccount>> {
  const rows: SeededAccount[] = await manager.query('SELECT id, email, display_name AS "displayName" FROM app_user WHERE email = ANY($1)', [
    demoAccounts(departmentCodes).map((a) => a.email),
  ]);
  return new Map(rows.map((row) => [row.email, row]));
}
