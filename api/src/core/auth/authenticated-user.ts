import type { SessionUser } from '@fremdrift/contracts';
import type { Principal } from '@fremdrift/access';
import type { Actor } from '../database/transaction-runner';

/** The user behind a request, with their session. */
export interface AuthenticatedUser extends SessionUser, Principal {
  departmentIds: string[];
  sessionId: string;
  csrfToken: string;
}

export function actorOf(user: Pick<AuthenticatedUser, 'id' | 'displayName' | 'email'>): Actor {
  return { id: user.id, name: `${user.displayName} <${user.email}>` };
}

export function toSessionUser(user: AuthenticatedUser): SessionUser {
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role, departments: user.departments, hasPassword: user.hasPassword };
}
