import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Principal } from '@fremdrift/access';
import { routes } from './app.routes';
import { Auth } from './core/auth/auth';
import { provideDanishLocale } from './core/locale';

async function visit(url: string, principal: Principal | null) {
  const auth = {
    user: signal(principal ? { id: 'u1', displayName: 'Test', role: principal.role, departments: [] } : null),
    sessionExpired: signal(false),
    ensureChecked: async () => undefined,
    allows: (rule: (p: Principal) => boolean) => principal !== null && rule(principal),
  };
  TestBed.configureTestingModule({
    providers: [provideRouter(routes), provideHttpClient(), provideHttpClientTesting(), provideDanishLocale(), { provide: Auth, useValue: auth }],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  return { url: TestBed.inject(Router).url, heading: harness.routeNativeElement?.querySelector('h1')?.textContent?.trim() };
}

const viewer: Principal = { role: 'viewer', departmentIds: [] };
const admin: Principal = { role: 'admin', departmentIds: [] };

describe('the routes', () => {
  it('open the initiatives at the root address', async () => {
    expect((await visit('/', viewer)).url).toBe('/initiativer');
  });

  it('send anonymous visitors to the login page, remembering where they were going', async () => {
    expect(await visit('/aendringslog?action=delete', null)).toEqual({
      url: '/login?returnUrl=%2Faendringslog%3Faction%3Ddelete',
      heading: 'Log ind',
    });
  });

  it('show "no access" at every admin address to other roles', async () => {
    for (const url of ['/brugere', '/brugere/ny', '/brugere/123', '/aendringslog']) {
      TestBed.resetTestingModule();
      expect(await visit(url, viewer)).toEqual({ url, heading: 'Du har ikke adgang til denne side' });
    }
  });

  it('open the admin pages to an admin', async () => {
    expect((await visit('/brugere/ny', admin)).heading).toBe('Opret bruger');
  });

  it('let everyone change their password', async () => {
    expect((await visit('/konto/adgangskode', viewer)).heading).toBe('Skift adgangskode');
  });
});
