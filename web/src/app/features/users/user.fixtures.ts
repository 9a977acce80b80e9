import type { Department, User } from '@fremdrift/contracts';

/** Test data for the user pages' unit tests. */
export function aUser(overrides: Partial<User> = {}): User {
  return {
    id: 'u2',
    email: 'leder.mso@fremdrift.example',
    displayName: 'Lene Leder',
    role: 'department_lead',
    departments: [{ id: 'd5', code: 'MSO', name: 'Sundhed og Omsorg' }],
    hasPassword: true,
    active: true,
    lastLoginAt: '2026-11-23T13:05:00Z',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    version: 1,
    ...overrides,
  };
}

export const departments: Department[] = [
  { id: 'd5', code: 'MSO', name: 'Sundhed og Omsorg', sortOrder: 5, active: true, createdAt: '', updatedAt: '' },
  { id: 'd3', code: 'MBU', name: 'Børn og Unge', sortOrder: 3, active: true, createdAt: '', updatedAt: '' },
];
