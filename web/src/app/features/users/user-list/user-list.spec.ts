import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { Page, User, UserQuery } from '@fremdrift/contracts';
import { Observable, of, throwError } from 'rxjs';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { aUser } from '../user.fixtures';
import { UsersApi } from '../users-api';
import { UserList } from './user-list';

const page = (items: User[], total = items.length): Page<User> => ({ items, total, page: 1, pageSize: 25 });

function setup(list: (query: UserQuery) => Observable<Page<User>>) {
  const usersApi = { list: jest.fn(list) };
  TestBed.configureTestingModule({
    imports: [UserList],
    providers: [provideRouter([]), provideI18nTesting(), { provide: UsersApi, useValue: usersApi }],
  });
  const fixture = TestBed.createComponent(UserList);
  const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  return { fixture, usersApi, navigate, element: fixture.nativeElement as HTMLElement };
}

const text = (element: Element | null) =>
  (element?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('UserList', () => {
  it('lists the users with Danish roles, departments, status and last login', async () => {
    const { fixture, element, usersApi } = setup(() =>
      of(page([aUser(), aUser({ id: 'u3', displayName: 'Lars Læser', role: 'viewer', departments: [], active: false, lastLoginAt: null })], 2)),
    );
    await fixture.whenStable();

    expect(usersApi.list).toHaveBeenCalledWith({ page: 1, pageSize: 25, q: undefined, role: undefined, active: undefined });
    expect(text(element.querySelector('[role="status"]'))).toBe('Viser 1–2 af 2');
    const [first, second] = Array.from(element.querySelectorAll('tbody tr'));
    expect(text(first)).toContain('Lene Leder');
    expect(text(first)).toContain('Afdelingsleder');
    expect(text(first)).toContain('Sundhed og Omsorg');
    expect(text(first)).toContain('Aktiv');
    expect(text(first)).toMatch(/23\. nov\. 2026 \d\d:05/);
    expect(first.querySelector('a')?.getAttribute('href')).toBe('/brugere/u2');
    expect(text(second)).toContain('Læser');
    expect(text(second)).toContain('Deaktiveret');
    expect(text(second)).toContain('Aldrig');
  });

  it('passes the filters from the URL to the API and ignores unknown values', async () => {
    const { fixture, usersApi } = setup(() => of(page([aUser()])));
    fixture.componentRef.setInput('q', '  lene ');
    fixture.componentRef.setInput('role', 'department_lead');
    fixture.componentRef.setInput('status', 'deaktiverede');
    fixture.componentRef.setInput('page', '2');
    await fixture.whenStable();
    expect(usersApi.list).toHaveBeenLastCalledWith({ page: 2, pageSize: 25, q: 'lene', role: 'department_lead', active: false });

    fixture.componentRef.setInput('role', 'superuser');
    fixture.componentRef.setInput('status', 'alle');
    await fixture.whenStable();
    expect(usersApi.list).toHaveBeenLastCalledWith(expect.objectContaining({ role: undefined, active: undefined }));
  });

  it('puts a chosen role in the URL and starts again from page 1', async () => {
    const { fixture, element, navigate } = setup(() => of(page([aUser()])));
    await fixture.whenStable();
    const select = element.querySelector<HTMLSelectElement>('#users-role');
    expect(text(element.querySelector('label[for="users-role"]'))).toBe('Rolle');
    if (!select) throw new Error('no role filter');
    select.value = 'admin';
    select.dispatchEvent(new Event('change'));

    expect(navigate).toHaveBeenCalledWith([], expect.objectContaining({ queryParams: { page: null, role: 'admin' }, queryParamsHandling: 'merge' }));
  });

  it('helps when no user matches the filters', async () => {
    const { fixture, element, navigate } = setup(() => of(page([])));
    fixture.componentRef.setInput('q', 'findes-ikke');
    await fixture.whenStable();

    expect(text(element)).toContain('Ingen brugere matcher filtrene');
    const clear = Array.from(element.querySelectorAll('button')).filter((b) => text(b) === 'Ryd filtre');
    clear[clear.length - 1].click();
    expect(navigate).toHaveBeenCalledWith([], expect.objectContaining({ queryParams: { page: null, q: null, role: null, status: null } }));
  });

  it('shows why the list could not be loaded', async () => {
    const problem = { type: 'about:blank', title: 'Forbidden', status: 403, code: 'forbidden' };
    const { fixture, element } = setup(() => throwError(() => new HttpErrorResponse({ status: 403, error: problem })));
    await fixture.whenStable();

    expect(text(element.querySelector('[role="alert"]'))).toContain('Brugerne kunne ikke hentes');
    expect(text(element.querySelector('[role="alert"]'))).toContain('Du har ikke adgang til at gøre dette');
  });
});
