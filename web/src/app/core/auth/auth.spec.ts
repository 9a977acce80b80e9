import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { canManageUsers } from '@fremdrift/access';
import type { SessionUser } from '@fremdrift/contracts';
import { Auth } from './auth';

const lead: SessionUser = {
  hasPassword: true,
  id: 'u2',
  email: 'leder.mso@fremdrift.example',
  displayName: 'Lene Leder',
  role: 'department_lead',
  departments: [{ id: 'd5', code: 'MSO', name: 'Sundhed og Omsorg' }],
};

function setup() {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  return { auth: TestBed.inject(Auth), http: TestBed.inject(HttpTestingController) };
}

/** The readable CSRF cookie the API sets at sign-in next to the httpOnly session cookie. */
const setCsrfCookie = () => (document.cookie = 'XSRF-TOKEN=csrf-123; Path=/');
const csrfCookie = () => /(?:^|;\s*)XSRF-TOKEN=([^;]*)/.exec(document.cookie)?.[1] ?? null;
const clearCsrfCookie = () => (document.cookie = 'XSRF-TOKEN=; Max-Age=0; Path=/');

describe('Auth', () => {
  beforeEach(setCsrfCookie);
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    clearCsrfCookie();
  });

  it('asks the server who is signed in and exposes the user and their access', async () => {
    const { auth, http } = setup();
    expect(auth.checked()).toBe(false);

    const refreshed = auth.refresh();
    http.expectOne('/api/auth/me').flush(lead);

    await expect(refreshed).resolves.toEqual(lead);
    expect(auth.checked()).toBe(true);
    expect(auth.user()).toEqual(lead);
    expect(auth.principal()).toEqual({ role: 'department_lead', departmentIds: ['d5'] });
    expect(auth.allows(canManageUsers)).toBe(false);
  });

  it('treats a 401 from /me as nobody signed in, and asks only once for concurrent checks', async () => {
    const { auth, http } = setup();
    const first = auth.ensureChecked();
    const second = auth.ensureChecked();
    http.expectOne('/api/auth/me').flush({ title: 'Unauthorized', status: 401 }, { status: 401, statusText: 'Unauthorized' });
    await Promise.all([first, second]);

    expect(auth.checked()).toBe(true);
    expect(auth.user()).toBeNull();
    await auth.ensureChecked();
    http.expectNone('/api/auth/me');
  });

  it('does not ask the server about a visitor who holds no session, so that they meet no 401', async () => {
    clearCsrfCookie();
    const { auth, http } = setup();

    await expect(auth.refresh()).resolves.toBeNull();
    await auth.ensureChecked();

    http.expectNone('/api/auth/me');
    expect(auth.checked()).toBe(true);
    expect(auth.user()).toBeNull();
  });

  it('forgets a session the server no longer knows, so that the next visit asks no more', async () => {
    const { auth, http } = setup();
    const refreshed = auth.refresh();
    http.expectOne('/api/auth/me').flush({ title: 'Unauthorized', status: 401 }, { status: 401, statusText: 'Unauthorized' });
    await refreshed;

    expect(csrfCookie()).toBeNull();
    await auth.refresh();
    http.expectNone('/api/auth/me');
  });

  it('keeps the session hint when the server could not be reached', async () => {
    const { auth, http } = setup();
    const refreshed = auth.refresh();
    http.expectOne('/api/auth/me').flush(null, { status: 503, statusText: 'Service Unavailable' });
    await refreshed;

    expect(csrfCookie()).toBe('csrf-123');
  });

  it('signs in and out, clearing what it knew about the session', async () => {
    const { auth, http } = setup();
    const login = auth.login({ email: lead.email, password: 'fremdrift-demo' });
    const request = http.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: lead.email, password: 'fremdrift-demo' });
    request.flush(lead);
    await login;
    expect(auth.user()).toEqual(lead);

    const logout = auth.logout();
    http.expectOne({ method: 'POST', url: '/api/auth/logout' }).flush({ endSessionUrl: null });
    await expect(logout).resolves.toEqual({ endSessionUrl: null });
    expect(auth.user()).toBeNull();
    expect(csrfCookie()).toBeNull();
    await auth.ensureChecked();
    http.expectNone('/api/auth/me');
  });

  it('passes on where to end the identity provider’s session', async () => {
    const { auth, http } = setup();
    const logout = auth.logout();
    http.expectOne('/api/auth/logout').flush({ endSessionUrl: 'https://login.kommune.dk/logout?id_token_hint=x' });

    await expect(logout).resolves.toEqual({ endSessionUrl: 'https://login.kommune.dk/logout?id_token_hint=x' });
  });

  it('treats a session already gone at sign-out as signed out', async () => {
    const { auth, http } = setup();
    const logout = auth.logout();
    http.expectOne('/api/auth/logout').flush(null, { status: 401, statusText: 'Unauthorized' });

    await expect(logout).resolves.toEqual({ endSessionUrl: null });
    expect(auth.user()).toBeNull();
  });

  it('keeps the user signed in when signing out fails, so that they can try again', async () => {
    const { auth, http } = setup();
    const login = auth.login({ email: lead.email, password: 'x' });
    http.expectOne('/api/auth/login').flush(lead);
    await login;

    const logout = auth.logout();
    http.expectOne('/api/auth/logout').flush(null, { status: 503, statusText: 'Service Unavailable' });
    await expect(logout).rejects.toBeTruthy();
    expect(auth.user()).toEqual(lead);
  });

  it('remembers that a session expired until the next sign-in', async () => {
    const { auth, http } = setup();
    const login = auth.login({ email: lead.email, password: 'x' });
    http.expectOne('/api/auth/login').flush(lead);
    await login;

    auth.expire();
    expect(auth.user()).toBeNull();
    expect(auth.sessionExpired()).toBe(true);
    expect(csrfCookie()).toBeNull();

    const again = auth.login({ email: lead.email, password: 'x' });
    http.expectOne('/api/auth/login').flush(lead);
    await again;
    expect(auth.sessionExpired()).toBe(false);
  });
});
