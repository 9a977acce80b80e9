import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { canManageUsers, type Principal } from '@fremdrift/access';
import { Auth } from './auth';
import { authGuard, guestGuard, requireAccess } from './auth-guards';

@Component({ selector: 'fd-test-page', template: 'page' })
class Page {}
@Component({ selector: 'fd-test-login', template: 'login' })
class LoginPage {}
@Component({ selector: 'fd-test-no-access', template: 'no access' })
class NoAccess {}

function setup(principal: Principal | null) {
  const user = signal(principal ? { id: 'u1' } : null);
  const auth = {
    user,
    ensureChecked: jest.fn(async () => undefined),
    allows: (rule: (p: Principal) => boolean) => principal !== null && rule(principal),
  };
  TestBed.configureTestingModule({
    providers: [
      { provide: Auth, useValue: auth },
      provideRouter([
        { path: 'login', canActivate: [guestGuard], component: LoginPage },
        {
          path: '',
          canActivateChild: [authGuard],
          children: [
            { path: 'initiativer', component: Page },
            { path: 'brugere', canMatch: [requireAccess(canManageUsers)], component: Page },
            { path: 'brugere', component: NoAccess },
          ],
        },
      ]),
    ],
  });
  return { auth };
}

describe('the auth guards', () => {
  it('send an anonymous visitor to the login page with the address they wanted', async () => {
    setup(null);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/initiativer?department=MSO');

    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Finitiativer%3Fdepartment%3DMSO');
    expect(harness.routeNativeElement?.textContent).toBe('login');
  });

  it('let a signed-in user in, and show others "no access" at an admin address', async () => {
    setup({ role: 'viewer', departmentIds: [] });
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/initiativer');
    expect(harness.routeNativeElement?.textContent).toBe('page');

    await harness.navigateByUrl('/brugere');
    expect(TestBed.inject(Router).url).toBe('/brugere');
    expect(harness.routeNativeElement?.textContent).toBe('no access');
  });

  it('let an admin reach the admin pages', async () => {
    setup({ role: 'admin', departmentIds: [] });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/brugere');

    expect(harness.routeNativeElement?.textContent).toBe('page');
  });

  it('send a signed-in user away from the login page to where they were going', async () => {
    setup({ role: 'viewer', departmentIds: [] });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/login?returnUrl=%2Finitiativer');

    expect(TestBed.inject(Router).url).toBe('/initiativer');
  });
});
