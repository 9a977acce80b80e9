import { signal } from '@angular/core';
import type { Principal } from '@fremdrift/access';
import type { SessionUser } from '@fremdrift/contracts';
import { Auth } from './auth';

/** Unit tests: a plain-object Auth with this user signed in (or nobody) and the real access rules. */
export function fakeAuth(user: SessionUser | null) {
  const current = signal<SessionUser | null>(user);
  return {
    provide: Auth,
    useValue: {
      user: current,
      allows: (rule: (p: Principal) => boolean) => {
        const u = current();
        return u !== null && rule({ role: u.role, departmentIds: u.departments.map((d) => d.id) });
      },
    },
  };
}
