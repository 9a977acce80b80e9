import type { UserRole } from '@fremdrift/contracts';

/**
 * Where a signed-in user starts: department leads with their own initiatives, management with the
 * dashboard, everyone else with all initiatives. The API redirects `/` here; the app does the same.
 */
export function startPageFor(role: UserRole): string {
  return role === 'department_lead' ? '/mine' : role === 'management' ? '/dashboard' : '/initiativer';
}
