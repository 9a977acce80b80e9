import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Principal } from '@fremdrift/access';
import { routes } from './app.routes';
import { Auth } from './core/auth/auth';
import { BrowserLocation } from './core/auth/browser-location';
import { provideI18nTesting } from './core/i18n/testing';
import { InitiativesApi } from './features/initiatives/initiatives-api';
import { of } from 'rxjs';

async function visit(url: string, principal: Principal | null, extraProviders: unknown[] = []) {
  const auth = {
    user: signal(principal ? { id: 'u1', displayName: 'Test', role: principal.role, departments: [] } : null),
    sessionExpired: signal(false),
    ensureChecked: async () => undefined,
    allows: (rule: (p: Principal) => boolean) => principal !== null && rule(principal),
  };
  TestBed.configureTestingModule({
    providers: [
      provideRouter(routes),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideI18nTesting(),
      { provide: Auth, useValue: auth },
      ...(extraProviders as []),
    ],
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

  it('leave the app for the server-rendered public pages: the front page for anonymous visitors, and the others for everyone', async () => {
    const location = { assign: jest.fn() };
    const browser = { provide: BrowserLocation, useValue: location };
    await visit('/', null, [browser]);
    expect(location.assign).toHaveBeenLastCalledWith('/');
    for (const [url, principal] of [
      ['/tilgaengelighed', null],
      ['/om-data', viewer],
      ['/initiativ/abc', null],
      ['/handleplan/abc?x=1', viewer],
    ] as const) {
      TestBed.resetTestingModule();
      await visit(url, principal, [browser]);
      expect(location.assign).toHaveBeenLastCalledWith(url);
    }
    expect(location.assign).toHaveBeenCalledTimes(5);
  });

  it('send anonymous visitors to the login page, remembering where they were going', async () => {
    expect(await visit('/aendringslog?action=delete', null)).toEqual({
      url: '/login?returnUrl=%2Faendringslog%3Faction%3Ddelete',
      heading: 'Log ind',
    });
  });

  it('show "no access" at every admin address to other roles', async () => {
    for (const url of [
      '/brugere',
      '/brugere/ny',
      '/brugere/123',
      '/aendringslog',
      '/admin/afdelinger',
      '/admin/forsinkelsesaarsager',
      '/admin/rolletildeling',
    ]) {
      TestBed.resetTestingModule();
      expect(await visit(url, viewer)).toEqual({ url, heading: 'Du har ikke adgang til denne side' });
    }
  });

  it('open the admin pages to an admin', async () => {
    expect((await visit('/brugere/ny', admin)).heading).toBe('Opret bruger');
    TestBed.resetTestingModule();
    expect((await visit('/admin/afdelinger', admin)).heading).toBe('Afdelinger');
    TestBed.resetTestingModule();
    expect((await visit('/admin/forsinkelsesaarsager', admin)).heading).toBe('Forsinkelsesårsager');
    TestBed.resetTestingModule();
    expect((await visit('/admin/rolletildeling', admin)).heading).toBe('Rolletildeling');
  });

  it('show the refused sign-in page without signing in', async () => {
    expect(await visit('/ingen-adgang?reason=noMappedRole', null)).toEqual({
      url: '/ingen-adgang?reason=noMappedRole',
      heading: 'Du har ikke adgang til Fremdrift',
    });
  });

  it('open the new initiative form to admins, management and department leads, and "no access" to viewers', async () => {
    const lead: Principal = { role: 'department_lead', departmentIds: ['d5'] };
    expect((await visit('/initiativer/ny', lead)).heading).toBe('Opret initiativ');
    for (const principal of [admin, { role: 'management', departmentIds: [] } as Principal]) {
      TestBed.resetTestingModule();
      expect((await visit('/initiativer/ny', principal)).heading).toBe('Opret initiativ');
    }
    TestBed.resetTestingModule();
    expect(await visit('/initiativer/ny', viewer)).toEqual({ url: '/initiativer/ny', heading: 'Du har ikke adgang til denne side' });
  });

  it('let everyone change their password', async () => {
    expect((await visit('/konto/adgangskode', viewer)).heading).toBe('Skift adgangskode');
  });

  it('start a department lead on their own initiatives', async () => {
    const lead: Principal = { role: 'department_lead', departmentIds: ['d5'] };
    const api = { provide: InitiativesApi, useValue: { mine: () => of({ items: [], total: 0, page: 1, pageSize: 100 }) } };
    expect(await visit('/', lead, [api])).toEqual({ url: '/mine', heading: 'Mine initiativer' });
  });

  it('start management on the dashboard, which viewers may open too and leads may not', async () => {
    const management: Principal = { role: 'management', departmentIds: [] };
    expect(await visit('/', management)).toEqual({ url: '/dashboard', heading: 'Overblik' });
    TestBed.resetTestingModule();
    expect(await visit('/dashboard?department=MSO', viewer)).toEqual({ url: '/dashboard?department=MSO', heading: 'Overblik' });
    TestBed.resetTestingModule();
    const lead: Principal = { role: 'department_lead', departmentIds: ['d5'] };
    expect(await visit('/dashboard', lead)).toEqual({ url: '/dashboard', heading: 'Du har ikke adgang til denne side' });
  });

  it('show the approval queue only to management and admins', async () => {
    expect(await visit('/godkendelser', viewer)).toEqual({ url: '/godkendelser', heading: 'Du har ikke adgang til denne side' });
  });
});
