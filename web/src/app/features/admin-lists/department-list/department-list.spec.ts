import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { CreateDepartment, Department, UpdateDepartment } from '@fremdrift/contracts';
import { Observable, of, throwError } from 'rxjs';
import { DepartmentsApi } from '../../../core/api/departments-api';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { DepartmentList } from './department-list';

const department = (id: string, code: string, name: string, sortOrder: number, active = true): Department => ({
  id,
  code,
  name,
  sortOrder,
  active,
  createdAt: '',
  updatedAt: '',
});

function setup(
  items: Department[],
  options: { create?: (d: CreateDepartment) => Observable<Department>; update?: (id: string, changes: UpdateDepartment) => Observable<Department> } = {},
) {
  const stored = new Map(items.map((d) => [d.id, d]));
  const api = {
    listAll: jest.fn(() => of({ items, total: items.length, page: 1, pageSize: 100 })),
    create: jest.fn(options.create ?? ((d: CreateDepartment) => of(department('new', d.code, d.name, d.sortOrder ?? 0)))),
    update: jest.fn(
      options.update ??
        ((id: string, changes: UpdateDepartment) => {
          const updated = { ...stored.get(id), ...changes } as Department;
          stored.set(id, updated);
          return of(updated);
        }),
    ),
  };
  TestBed.configureTestingModule({ imports: [DepartmentList], providers: [provideI18nTesting(), { provide: DepartmentsApi, useValue: api }] });
  const fixture = TestBed.createComponent(DepartmentList);
  const element = fixture.nativeElement as HTMLElement;
  const control = <T extends HTMLElement>(selector: string): T => {
    const found = element.querySelector<T>(selector);
    if (!found) throw new Error(`${selector} not found`);
    return found;
  };
  const type = (selector: string, value: string) => {
    const input = control<HTMLInputElement>(selector);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const click = async (selector: string) => {
    control<HTMLButtonElement>(selector).click();
    await fixture.whenStable();
  };
  const submit = async (selector: string) => {
    control(selector).dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  };
  const names = () => Array.from(element.querySelectorAll('.admin-list__name')).map(text);
  const status = () => text(element.querySelector('[role="status"]'));
  return { fixture, element, api, control, type, click, submit, names, status };
}

const text = (element: Element | null) =>
  (element?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const mso = department('d1', 'MSO', 'Sundhed og Omsorg', 1);
const mbu = department('d2', 'MBU', 'Børn og Unge', 2);
const old = department('d3', 'OLD', 'Gammel afdeling', 3, false);

describe('DepartmentList', () => {
  it('lists the departments in their order, marking the deactivated ones', async () => {
    const { fixture, element, names } = setup([old, mbu, mso]);
    await fixture.whenStable();

    expect(text(element.querySelector('h1'))).toBe('Afdelinger');
    expect(names()).toEqual(['Sundhed og Omsorg', 'Børn og Unge', 'Gammel afdeling']);
    const items = Array.from(element.querySelectorAll('ol.admin-list > li'));
    expect(text(items[2])).toContain('Deaktiveret');
    expect(text(items[2])).toContain('Genaktiver: Gammel afdeling');
    expect(text(items[0])).not.toContain('Deaktiveret');
    expect(element.querySelector<HTMLButtonElement>('#move-up-d1')?.disabled).toBe(true);
    expect(element.querySelector<HTMLButtonElement>('#move-down-d3')?.disabled).toBe(true);
  });

  it('checks a new department in Danish before sending anything', async () => {
    const { fixture, element, api, type, submit } = setup([mso]);
    await fixture.whenStable();
    type('#new-department-code', 'm-s');
    await submit('section[aria-labelledby="new-department-heading"] form');

    expect(api.create).not.toHaveBeenCalled();
    expect(text(element.querySelector('#new-department-code-error'))).toContain('Koden skal være 2–10 store bogstaver eller tal.');
    expect(text(element.querySelector('#new-department-name-error'))).toContain('Skriv afdelingens navn.');
    expect(document.activeElement?.id).toBe('new-department-code');
  });

  it('adds a department at the end, in capitals, and says so', async () => {
    const { fixture, element, api, type, submit, names, status } = setup([mso, mbu]);
    await fixture.whenStable();
    type('#new-department-code', 'mtm');
    type('#new-department-name', ' Teknik og Miljø ');
    await submit('section[aria-labelledby="new-department-heading"] form');

    expect(api.create).toHaveBeenCalledWith({ code: 'MTM', name: 'Teknik og Miljø', sortOrder: 3 });
    expect(names()).toEqual(['Sundhed og Omsorg', 'Børn og Unge', 'Teknik og Miljø']);
    expect(status()).toBe('Afdelingen Teknik og Miljø er tilføjet.');
    // The form is empty again, without errors.
    expect(element.querySelector<HTMLInputElement>('#new-department-code')?.value).toBe('');
    expect(element.querySelector('.field-error')).toBeNull();
  });

  it('shows a code in use next to the code field', async () => {
    const problem = { title: 'Conflict', status: 409, code: 'unique', errors: { code: [{ code: 'unique', message: 'must be unique' }] } };
    const { fixture, element, type, submit } = setup([mso], { create: () => throwError(() => new HttpErrorResponse({ status: 409, error: problem })) });
    await fixture.whenStable();
    type('#new-department-code', 'MSO');
    type('#new-department-name', 'Noget andet');
    await submit('section[aria-labelledby="new-department-heading"] form');

    expect(text(element.querySelector('#new-department-code-error'))).toBe('Fejl: Er allerede i brug.');
  });

  it('renames a department in place and gives focus back to its button', async () => {
    const { fixture, api, type, click, submit, names, status } = setup([mso, mbu]);
    await fixture.whenStable();
    await click('#rename-button-d2');
    expect(document.activeElement?.id).toBe('rename-d2');
    type('#rename-d2', 'Børn & Unge');
    await submit('li form');

    expect(api.update).toHaveBeenCalledWith('d2', { name: 'Børn & Unge' });
    expect(names()).toEqual(['Sundhed og Omsorg', 'Børn & Unge']);
    expect(status()).toBe('Afdelingen hedder nu Børn & Unge.');
    expect(document.activeElement?.id).toBe('rename-button-d2');
  });

  it('sets and clears the management contact that late reports are escalated to', async () => {
    const { fixture, element, api, type, click, submit } = setup([mso, mbu]);
    await fixture.whenStable();
    expect(text(element.querySelectorAll('.admin-list__contact')[1])).toBe('Ledelseskontakt (e-mail): Ingen ledelseskontakt');
    await click('#rename-button-d2');
    expect(text(element.querySelector('label[for="contact-d2"]'))).toBe('Ledelseskontakt (e-mail)');
    type('#contact-d2', 'ikke en adresse');
    await submit('li form');
    expect(api.update).not.toHaveBeenCalled();
    expect(text(element.querySelector('#contact-d2-error'))).toContain('Skriv en gyldig e-mailadresse');

    type('#contact-d2', ' Ledelse.MBU@Kommune.dk ');
    await submit('li form');
    expect(api.update).toHaveBeenCalledWith('d2', { name: 'Børn og Unge', managementContactEmail: 'ledelse.mbu@kommune.dk' });
    expect(text(element.querySelectorAll('.admin-list__contact')[1])).toBe('Ledelseskontakt (e-mail): ledelse.mbu@kommune.dk');

    await click('#rename-button-d2');
    type('#contact-d2', '');
    await submit('li form');
    expect(api.update).toHaveBeenLastCalledWith('d2', { name: 'Børn og Unge', managementContactEmail: null });
  });

  it('moves a department up by swapping positions with its neighbour only', async () => {
    const { fixture, api, click, names, status } = setup([mso, mbu, old]);
    await fixture.whenStable();
    await click('#move-up-d2');

    expect(api.update.mock.calls).toEqual([
      ['d2', { sortOrder: 1 }],
      ['d1', { sortOrder: 2 }],
    ]);
    expect(names()).toEqual(['Børn og Unge', 'Sundhed og Omsorg', 'Gammel afdeling']);
    expect(status()).toBe('Børn og Unge er flyttet til plads 1 af 3.');
    // At the top its "up" button is disabled: focus goes to "down".
    expect(document.activeElement?.id).toBe('move-down-d2');
  });

  it('deactivates and reactivates a department', async () => {
    const { fixture, element, api, click, status } = setup([mso, mbu]);
    await fixture.whenStable();
    const toggle = () =>
      Array.from(element.querySelectorAll('ol li'))[0].querySelector<HTMLButtonElement>('.admin-list__actions button:last-child') as HTMLButtonElement;
    toggle().click();
    await fixture.whenStable();

    expect(api.update).toHaveBeenCalledWith('d1', { active: false });
    expect(status()).toContain('Sundhed og Omsorg er deaktiveret.');
    expect(text(toggle())).toBe('Genaktiver: Sundhed og Omsorg');

    await click('ol li .admin-list__actions button:last-child');
    expect(api.update).toHaveBeenLastCalledWith('d1', { active: true });
    expect(status()).toBe('Sundhed og Omsorg er aktiv igen.');
  });

  it('shows a failed change as an alert and reads the list again', async () => {
    const { fixture, element, api, click } = setup([mso, mbu], {
      update: () => throwError(() => new HttpErrorResponse({ status: 403, error: { title: 'Forbidden', status: 403, code: 'forbidden' } })),
    });
    await fixture.whenStable();
    await click('#move-down-d1');

    expect(text(element.querySelector('[role="alert"]'))).toContain('Ændringen blev ikke gemt.');
    expect(api.listAll).toHaveBeenCalledTimes(2);
  });
});
