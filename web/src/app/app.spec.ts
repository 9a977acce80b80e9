import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { Principal } from '@fremdrift/access';
import type { SessionUser } from '@fremdrift/contracts';
import { App } from './app';
import { Auth } from './core/auth/auth';
import { BrowserLocation } from './core/auth/browser-location';
import { provideI18nTesting } from './core/i18n/testing';

const admin: SessionUser = { hasPassword: true, id: 'u1', email: 'admin@fremdrift.example', displayName: 'Ada Admin', role: 'admin', departments: [] };
const lead: SessionUser = {
  hasPassword: true,
  id: 'u2',
  email: 'leder.mso@fremdrift.example',
  displayName: 'Lene Leder',
  role: 'department_lead',
  departments: [{ id: 'd5', code: 'MSO', name: 'Sundhed og Omsorg' }],
};

function setup(initial: SessionUser | null, logout: () => Promise<void> = async () => undefined, endSessionUrl: string | null = null) {
  const user = signal<SessionUser | null>(initial);
  const auth = {
    user,
    allows: (rule: (p: Principal) => boolean) => {
      const current = user();
      return current !== null && rule({ role: current.role, departmentIds: current.departments.map((d) => d.id) });
    },
    logout: jest.fn(async () => {
      await logout();
      user.set(null);
      return { endSessionUrl };
    }),
  };
  const location = { assign: jest.fn() };
  TestBed.configureTestingModule({
    imports: [App],
    providers: [provideRouter([]), provideI18nTesting(), { provide: Auth, useValue: auth }, { provide: BrowserLocation, useValue: location }],
  });
  const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  const fixture = TestBed.createComponent(App);
  return { fixture, auth, navigate, location, element: fixture.nativeElement as HTMLElement };
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const navLabels = (element: HTMLElement) => Array.from(element.querySelectorAll('nav a')).map((a) => text(a));
const button = (element: HTMLElement, label: string) => Array.from(element.querySelectorAll('button')).find((b) => text(b) === label) ?? null;

describe('App header', () => {
  it('shows an admin who they are and every page', async () => {
    const { fixture, element } = setup(admin);
    await fixture.whenStable();

    expect(text(element.querySelector('.site-header__user'))).toBe('Logget ind som Ada Admin, Administrator');
    expect(navLabels(element)).toEqual([
      'Overblik',
      'Initiativer',
      'Handleplaner',
      'Partnere',
      'Godkendelser',
      'Brugere',
      'Rolletildeling',
      'Afdelinger',
      'Forsinkelsesårsager',
      'Udbakke',
      'Ændringslog',
      'Skift adgangskode',
    ]);
    expect(element.querySelector('nav')?.getAttribute('aria-label')).toBe('Hovedmenu');
    expect(button(element, 'Log ud')).not.toBeNull();
  });

  it('shows a department lead only the pages their role may open', async () => {
    const { fixture, element } = setup(lead);
    await fixture.whenStable();

    expect(text(element.querySelector('.site-header__user'))).toContain('Lene Leder, Afdelingsleder');
    expect(navLabels(element)).toEqual(['Mine initiativer', 'Initiativer', 'Handleplaner', 'Partnere', 'Skift adgangskode']);
  });

  it('offers no password change to a user who signs in through the identity provider and has no password', async () => {
    const { fixture, element } = setup({ ...lead, hasPassword: false });
    await fixture.whenStable();

    expect(navLabels(element)).toEqual(['Mine initiativer', 'Initiativer', 'Handleplaner', 'Partnere']);
  });

  it('shows management the dashboard first, named in the current language', async () => {
    const { fixture, element } = setup({ ...admin, role: 'management', displayName: 'Mona Ledelse' });
    await fixture.whenStable();

    expect(navLabels(element)).toEqual(['Overblik', 'Initiativer', 'Handleplaner', 'Partnere', 'Godkendelser', 'Skift adgangskode']);
    expect(element.querySelector('nav a')?.getAttribute('href')).toBe('/dashboard');
    button(element, 'English')?.click();
    await fixture.whenStable();
    expect(navLabels(element)[0]).toBe('Dashboard');
  });

  it('shows no menu and no user before signing in', async () => {
    const { fixture, element } = setup(null);
    await fixture.whenStable();

    expect(element.querySelector('nav')).toBeNull();
    expect(button(element, 'Log ud')).toBeNull();
    expect(text(element.querySelector('.site-header__tagline'))).toBe('Opfølgning på samskabte handleplaner');
  });

  it('signs out and goes to the login page', async () => {
    const { fixture, element, auth, navigate } = setup(lead);
    await fixture.whenStable();
    button(element, 'Log ud')?.click();
    await fixture.whenStable();

    expect(auth.logout).toHaveBeenCalled();
    expect(navigate).toHaveBeenCalledWith(['/login']);
    expect(element.querySelector('nav')).toBeNull();
  });

  it('after signing out through the identity provider, goes on to end its session too', async () => {
    const { fixture, element, navigate, location } = setup(lead, async () => undefined, 'https://login.kommune.dk/logout?id_token_hint=x');
    await fixture.whenStable();
    button(element, 'Log ud')?.click();
    await fixture.whenStable();

    expect(location.assign).toHaveBeenCalledWith('https://login.kommune.dk/logout?id_token_hint=x');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('says so when signing out failed', async () => {
    const { fixture, element, navigate } = setup(lead, () => Promise.reject(new Error('offline')));
    await fixture.whenStable();
    button(element, 'Log ud')?.click();
    await fixture.whenStable();

    expect(text(element.querySelector('[role="alert"]'))).toContain('Du blev ikke logget ud');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('switches to English and back, remembering the choice and telling the browser', async () => {
    const { fixture, element } = setup(lead);
    await fixture.whenStable();

    const toEnglish = button(element, 'English');
    expect(toEnglish?.getAttribute('lang')).toBe('en');
    toEnglish?.click();
    await fixture.whenStable();

    expect(navLabels(element)).toEqual(['My initiatives', 'Initiatives', 'Action plans', 'Partners', 'Change password']);
    expect(button(element, 'Sign out')).not.toBeNull();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('fremdrift.language')).toBe('en');

    button(element, 'Dansk')?.click();
    await fixture.whenStable();
    expect(navLabels(element)[0]).toBe('Mine initiativer');
    expect(document.documentElement.lang).toBe('da');
    expect(localStorage.getItem('fremdrift.language')).toBe('da');
  });
});
