import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { Department, IdentityRoleMapping, IdentityRoleMappingInput, SignInOptions } from '@fremdrift/contracts';
import { Observable, of, throwError } from 'rxjs';
import { DepartmentsApi } from '../../../core/api/departments-api';
import { SignInOptionsApi } from '../../../core/auth/sign-in-options';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { IdentityMappingsApi } from '../identity-mappings-api';
import { IdentityMappingList } from './identity-mapping-list';

const department = (id: string, code: string, name: string, sortOrder: number, active = true): Department => ({
  id,
  code,
  name,
  sortOrder,
  active,
  createdAt: '',
  updatedAt: '',
});
const departments = [department('d5', 'MSO', 'Sundhed og Omsorg', 5), department('d3', 'MBU', 'Børn og Unge', 3), department('d9', 'OLD', 'Nedlagt', 9, false)];

const management: IdentityRoleMapping = {
  id: 'm1',
  claimValue: 'SG-Fremdrift-Ledelse',
  unitConstraint: null,
  role: 'management',
  department: null,
  description: 'Direktion og stab',
  version: 3,
};
const leadMso: IdentityRoleMapping = {
  id: 'm2',
  claimValue: 'http://aarhus.dk/roles/jobrole/fremdrift-afdelingsleder/1',
  unitConstraint: 'MSO-enhed',
  role: 'department_lead',
  department: { id: 'd5', code: 'MSO', name: 'Sundhed og Omsorg' },
  description: null,
  version: 1,
};

const withProvider: SignInOptions = {
  singleSignOn: { kind: 'oidc', label: 'Aarhus Kommune', startUrl: '/api/auth/oidc/login' },
  localAccounts: 'all',
  accessContact: null,
};

interface Overrides {
  list?: () => Observable<IdentityRoleMapping[]>;
  create?: (input: IdentityRoleMappingInput) => Observable<IdentityRoleMapping>;
  update?: (id: string, version: number, input: Partial<IdentityRoleMappingInput>) => Observable<IdentityRoleMapping>;
  delete?: (id: string, version: number) => Observable<void>;
  options?: SignInOptions;
}

const problem = (status: number, code: string, errors?: Record<string, { code: string; message: string; params?: object }[]>) =>
  new HttpErrorResponse({ status, error: { type: 'about:blank', title: 'x', status, code, ...(errors ? { errors } : {}) } });

async function setup(items: IdentityRoleMapping[], overrides: Overrides = {}) {
  const api = {
    list: jest.fn(overrides.list ?? (() => of(items))),
    create: jest.fn(overrides.create ?? ((input: IdentityRoleMappingInput) => of({ id: 'new', version: 1, ...toMapping(input) }))),
    update: jest.fn(
      overrides.update ??
        ((id: string, version: number, input: Partial<IdentityRoleMappingInput>) => {
          const current = items.find((m) => m.id === id) as IdentityRoleMapping;
          return of({ ...current, ...toMapping({ ...current, departmentId: current.department?.id ?? null, ...input }), version: version + 1 });
        }),
    ),
    delete: jest.fn(overrides.delete ?? (() => of(undefined))),
  };
  TestBed.configureTestingModule({
    imports: [IdentityMappingList],
    providers: [
      provideI18nTesting(),
      { provide: IdentityMappingsApi, useValue: api },
      { provide: DepartmentsApi, useValue: { listAll: () => of({ items: departments, total: departments.length, page: 1, pageSize: 100 }) } },
      { provide: SignInOptionsApi, useValue: { get: () => of(overrides.options ?? withProvider) } },
    ],
  });
  const fixture = TestBed.createComponent(IdentityMappingList);
  const element = fixture.nativeElement as HTMLElement;
  await fixture.whenStable();
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
  const choose = async (selector: string, value: string) => {
    const select = control<HTMLSelectElement>(selector);
    select.value = value;
    select.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  const click = async (selector: string) => {
    control<HTMLButtonElement>(selector).click();
    await fixture.whenStable();
  };
  const clickButton = async (label: string) => {
    const button = Array.from(element.querySelectorAll('button')).find((b) => text(b) === label);
    if (!button) throw new Error(`button ${label} not found`);
    button.click();
    await fixture.whenStable();
  };
  /** Submits the form the control is in. */
  const submit = async (selector: string) => {
    control(selector)
      .closest('form')
      ?.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  };
  const claims = () => Array.from(element.querySelectorAll('.mapping__claim')).map(text);
  const status = () => text(element.querySelector('.confirmation-region'));
  return { fixture, element, api, control, type, choose, click, clickButton, submit, claims, status };
}

function toMapping(input: IdentityRoleMappingInput): Omit<IdentityRoleMapping, 'id' | 'version'> {
  const found = departments.find((d) => d.id === input.departmentId);
  return {
    claimValue: input.claimValue,
    unitConstraint: input.unitConstraint,
    role: input.role,
    department: found ? { id: found.id, code: found.code, name: found.name } : null,
    description: input.description,
  };
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The text of each paragraph or heading inside, as the reader meets them. */
const blocks = (element: Element | null) => Array.from(element?.querySelectorAll('h3, p') ?? []).map(text);
/** A mapping's facts as `label: value`. */
const facts = (element: Element | undefined) =>
  Array.from(element?.querySelectorAll('.mapping__facts > div') ?? []).map((row) => `${text(row.querySelector('dt'))}: ${text(row.querySelector('dd'))}`);

describe('IdentityMappingList', () => {
  it('lists each mapping with its unit, role, department and description, and explains what a claim value is', async () => {
    const { element, claims } = await setup([management, leadMso]);

    expect(text(element.querySelector('h1'))).toBe('Rolletildeling');
    expect(text(element.querySelector('.mappings-intro'))).toContain('En claim-værdi er navnet eller id’et på en gruppe');
    expect(claims()).toEqual(['http://aarhus.dk/roles/jobrole/fremdrift-afdelingsleder/1', 'SG-Fremdrift-Ledelse']);
    const [lead, ledelse] = Array.from(element.querySelectorAll('.mapping'));
    expect(facts(lead)).toEqual(['Enhed: MSO-enhed', 'Rolle: Afdelingsleder', 'Afdeling: Sundhed og Omsorg (MSO)']);
    expect(facts(ledelse)).toEqual(['Enhed: Alle enheder', 'Rolle: Ledelse', 'Beskrivelse: Direktion og stab']);
    // Two entries with the same button text are told apart by what they map.
    expect(text(element.querySelector('#edit-button-m1'))).toBe('Redigér: SG-Fremdrift-Ledelse, Ledelse');
    expect(text(element.querySelector('#delete-button-m2'))).toBe(
      'Slet: http://aarhus.dk/roles/jobrole/fremdrift-afdelingsleder/1, MSO-enhed, Afdelingsleder, MSO',
    );
    expect(element.querySelector('.notice--info')).toBeNull();
  });

  it('says what having no mappings means', async () => {
    const { element } = await setup([]);

    expect(blocks(element.querySelector('.notice--empty'))).toEqual([
      'Der er ingen rolletildelinger endnu',
      'Indtil der er mindst én, bliver alle, der logger ind med kommunens login, afvist.',
    ]);
  });

  it('says when no identity provider is configured yet', async () => {
    const { element } = await setup([], { options: { singleSignOn: null, localAccounts: 'all', accessContact: null } });

    expect(text(element.querySelector('.notice--info'))).toBe('Kommunens login er ikke sat op endnu. Tildelingerne bruges først, når det er.');
  });

  it('says when the list could not be loaded, and tries again', async () => {
    let calls = 0;
    const { element, clickButton, claims } = await setup([], {
      list: () => (++calls === 1 ? throwError(() => new HttpErrorResponse({ status: 0 })) : of([management])),
    });

    expect(text(element.querySelector('[role="alert"]'))).toContain('Rolletildelingerne kunne ikke hentes');
    await clickButton('Prøv igen');
    expect(claims()).toEqual(['SG-Fremdrift-Ledelse']);
  });

  it('creates a mapping, asking for a department only for a department lead', async () => {
    const { element, api, type, choose, submit, claims, status, control } = await setup([management]);

    await submit('#new-mapping-claim');
    expect(api.create).not.toHaveBeenCalled();
    expect(text(element.querySelector('#new-mapping-claim-error'))).toBe('Fejl: Skriv gruppens eller rollens claim-værdi.');
    expect(text(element.querySelector('#new-mapping-role-error'))).toBe('Fejl: Vælg en rolle.');
    expect(document.activeElement).toBe(control('#new-mapping-claim'));
    expect(element.querySelector('#new-mapping-department')).toBeNull();

    type('#new-mapping-claim', '  SG-Fremdrift-MSO  ');
    type('#new-mapping-unit', '   ');
    await choose('#new-mapping-role', 'department_lead');
    // Only the departments that may be chosen anew, in their order.
    const offered = Array.from(control<HTMLSelectElement>('#new-mapping-department').options).map((o) => o.text);
    expect(offered).toEqual(['Vælg afdeling', 'Børn og Unge (MBU)', 'Sundhed og Omsorg (MSO)']);
    await submit('#new-mapping-claim');
    expect(api.create).not.toHaveBeenCalled();
    expect(text(element.querySelector('#new-mapping-department-error'))).toBe('Fejl: Vælg den afdeling, afdelingslederen skal lede.');

    await choose('#new-mapping-department', 'd5');
    type('#new-mapping-description', 'Afdelingsledere i MSO');
    await submit('#new-mapping-claim');

    expect(api.create).toHaveBeenCalledWith({
      claimValue: 'SG-Fremdrift-MSO',
      unitConstraint: null,
      role: 'department_lead',
      departmentId: 'd5',
      description: 'Afdelingsledere i MSO',
    });
    expect(claims()).toEqual(['SG-Fremdrift-Ledelse', 'SG-Fremdrift-MSO']);
    expect(status()).toBe('Tildelingen for SG-Fremdrift-MSO er oprettet.');
    expect(control<HTMLInputElement>('#new-mapping-claim').value).toBe('');
  });

  it('sends no department for the other roles, even one chosen before the role changed', async () => {
    const { api, type, choose, submit } = await setup([]);
    type('#new-mapping-claim', 'SG-Fremdrift-Laesere');
    await choose('#new-mapping-role', 'department_lead');
    await choose('#new-mapping-department', 'd3');
    await choose('#new-mapping-role', 'viewer');
    await submit('#new-mapping-claim');

    expect(api.create).toHaveBeenCalledWith({
      claimValue: 'SG-Fremdrift-Laesere',
      unitConstraint: null,
      role: 'viewer',
      departmentId: null,
      description: null,
    });
  });

  it('shows the API’s refusals at their fields by code', async () => {
    const { element, type, choose, submit, control } = await setup([management], {
      create: () =>
        throwError(() =>
          problem(409, 'unique', { claimValue: [{ code: 'unique', message: 'a mapping of this value and unit to this role and department exists already' }] }),
        ),
    });
    type('#new-mapping-claim', 'SG-Fremdrift-Ledelse');
    await choose('#new-mapping-role', 'management');
    await submit('#new-mapping-claim');

    expect(text(element.querySelector('#new-mapping-claim-error'))).toBe('Fejl: Er allerede i brug.');
    expect(control('#new-mapping-claim').getAttribute('aria-invalid')).toBe('true');
    expect(text(element.querySelector('.confirmation-region'))).toBe('');
  });

  it('edits a mapping in place, sending the version it was read at', async () => {
    const { element, api, click, type, choose, submit, status, control } = await setup([management, leadMso]);
    await click('#edit-button-m1');

    expect(document.activeElement).toBe(control('#edit-heading-m1'));
    expect(control<HTMLInputElement>('#edit-m1-claim').value).toBe('SG-Fremdrift-Ledelse');
    expect(control<HTMLInputElement>('#edit-m1-description').value).toBe('Direktion og stab');
    type('#edit-m1-unit', 'ORG-42');
    await choose('#edit-m1-role', 'viewer');
    await submit('#edit-m1-claim');

    expect(api.update).toHaveBeenCalledWith('m1', 3, {
      claimValue: 'SG-Fremdrift-Ledelse',
      unitConstraint: 'ORG-42',
      role: 'viewer',
      departmentId: null,
      description: 'Direktion og stab',
    });
    expect(element.querySelector('#edit-m1-claim')).toBeNull();
    expect(status()).toBe('Tildelingen for SG-Fremdrift-Ledelse er gemt.');
    expect(facts(element.querySelectorAll('.mapping')[1])).toEqual(['Enhed: ORG-42', 'Rolle: Læser', 'Beskrivelse: Direktion og stab']);
    expect(document.activeElement).toBe(control('#edit-button-m1'));
  });

  it('keeps the edit open with the API’s field error', async () => {
    const { element, click, submit } = await setup([leadMso], {
      update: () => throwError(() => problem(400, 'validation', { departmentId: [{ code: 'inactiveDepartment', message: 'inactive' }] })),
    });
    await click('#edit-button-m2');
    await submit('#edit-m2-claim');

    expect(text(element.querySelector('#edit-m2-department-error'))).toBe('Fejl: Afdelingen er deaktiveret. Vælg en aktiv afdeling.');
    expect(element.querySelector('#edit-m2-claim')).not.toBeNull();
  });

  it('reads the list again when someone else changed the mapping meanwhile, and says so', async () => {
    const changed = { ...management, role: 'admin' as const, version: 4 };
    let calls = 0;
    const { element, api, click, submit, control } = await setup([management], {
      list: () => of(++calls === 1 ? [management] : [changed]),
      update: () => throwError(() => problem(409, 'staleVersion')),
    });
    await click('#edit-button-m1');
    await submit('#edit-m1-claim');

    expect(api.list).toHaveBeenCalledTimes(2);
    expect(element.querySelector('#edit-m1-claim')).toBeNull();
    const notice = control('#mappings-conflict');
    expect(blocks(notice)).toEqual(['En anden har ændret det i mellemtiden', 'Listen er hentet igen med den andens ændring. Se den igennem, og prøv igen.']);
    expect(document.activeElement).toBe(notice);
    expect(facts(element.querySelector('.mapping') ?? undefined)).toContain('Rolle: Administrator');
  });

  it('deletes a mapping after asking, with the version it was read at', async () => {
    const { element, api, click, clickButton, claims, status, control } = await setup([management, leadMso]);
    await click('#delete-button-m1');

    expect(document.activeElement).toBe(control('#confirm-delete-m1'));
    expect(text(control('#confirm-delete-m1'))).toBe('Slet tildelingen for SG-Fremdrift-Ledelse?');
    await clickButton('Fortryd');
    expect(api.delete).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(control('#delete-button-m1'));

    await click('#delete-button-m1');
    await clickButton('Ja, slet');
    expect(api.delete).toHaveBeenCalledWith('m1', 3);
    expect(claims()).toEqual(['http://aarhus.dk/roles/jobrole/fremdrift-afdelingsleder/1']);
    expect(status()).toBe('Tildelingen for SG-Fremdrift-Ledelse er slettet.');
    expect(element.querySelector('.confirm')).toBeNull();
  });

  it('reads the list again when the mapping to delete is already gone', async () => {
    let calls = 0;
    const { api, click, clickButton, claims, control } = await setup([management], {
      list: () => of(++calls === 1 ? [management] : []),
      delete: () => throwError(() => problem(404, 'notFound')),
    });
    await click('#delete-button-m1');
    await clickButton('Ja, slet');

    expect(api.list).toHaveBeenCalledTimes(2);
    expect(claims()).toEqual([]);
    expect(text(control('#mappings-conflict'))).toContain('Listen er hentet igen');
  });

  it('keeps the confirmation open when deleting failed for another reason', async () => {
    const { element, click, clickButton } = await setup([management], { delete: () => throwError(() => new HttpErrorResponse({ status: 0 })) });
    await click('#delete-button-m1');
    await clickButton('Ja, slet');

    expect(text(element.querySelector('.confirm [role="alert"]'))).toContain('Tildelingen blev ikke slettet.');
  });
});
