import type { DepartmentRole } from '@fremdrift/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * SQL that keeps the initiatives (alias `i`) a department leads, takes part in, or either.
 * `bind` adds a parameter and returns its placeholder, so the clause fits any query's numbering.
 */
export function departmentCondition(department: string, role: DepartmentRole | undefined, bind: (value: unknown) => string): string {
  const id = UUID.test(department)
    ? `${bind(department.toLowerCase())}::uuid`
    : `(SELECT d.id FROM department d WHERE d.code = ${bind(department.toLocaleUpperCase('da'))})`;
  const asLead = `i.lead_department_id = ${id}`;
  const asParticipant = `EXISTS (SELECT 1 FROM initiative_department p WHERE p.initiative_id = i.id AND p.department_id = ${id})`;
  const chosen = role ?? 'any';
  return chosen === 'lead' ? asLead : chosen === 'participating' ? asParticipant : `(${asLead} OR ${asParticipant})`;
}
