import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { CreateDelayCause, DelayCause, UpdateDelayCause } from '@fremdrift/contracts';
import { Observable, of, throwError } from 'rxjs';
import { DelayCausesApi } from '../../../core/api/delay-causes-api';
import { provideI18nTesting } from '../../../core/i18n/testing';
import type { Language } from '../../../core/i18n/i18n';
import { DelayCauseList } from './delay-cause-list';

const cause = (id: string, code: string, labelDa: string, labelEn: string, sortOrder: number, active = true): DelayCause => ({
  id,
  code,
  labelDa,
  labelEn,
  sortOrder,
  active,
});

function setup(items: DelayCause[], options: { create?: (c: CreateDelayCause) => Observable<DelayCause>; language?: Language } = {}) {
  const stored = new Map(items.map((c) => [c.id, c]));
  const api = {
    list: jest.fn(() => of(items)),
    create: jest.fn(options.create ?? ((c: CreateDelayCause) => of(cause('new', c.code, c.labelDa, c.labelEn, c.sortOrder ?? 0)))),
    update: jest.fn((id: string, changes: UpdateDelayCause) => {
      const updated = { ...stored.get(id), ...changes } as DelayCause;
      stored.set(id, updated);
      return of(updated);
    }),
  };
  TestBed.configureTestingModule({ imports: [DelayCauseList], providers: [provideI18nTesting(options.language), { provide: DelayCausesApi, useValue: api }] });
  const fixture = TestBed.createComponent(DelayCauseList);
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
  return { fixture, element, api, type, click, submit, names, status };
}

const text = (element: Element | null) =>
  (element?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const staff = cause('c1', 'staff', 'Mangel på personale', 'Lack of staff', 1);
const money = cause('c2', 'money', 'Økonomi', 'Funding', 2);
const retired = cause('c3', 'old', 'Udgået årsag', 'Retired cause', 3, false);
const NEW_FORM = 'section[aria-labelledby="new-cause-heading"] form';

describe('DelayCauseList', () => {
  it('lists the causes in their order with both labels, marking the deactivated ones', async () => {
    const { fixture, element, names } = setup([retired, money, staff]);
    await fixture.whenStable();

    expect(text(element.querySelector('h1'))).toBe('Forsinkelsesårsager');
    expect(names()).toEqual(['Mangel på personale', 'Økonomi', 'Udgået årsag']);
    const last = Array.from(element.querySelectorAll('ol.admin-list > li'))[2];
    expect(text(last)).toContain('Deaktiveret');
    expect(text(last.querySelector('dd[lang="en"]'))).toBe('Retired cause');
    expect(text(last.querySelector('dl'))).toContain('Engelsk tekst');
  });

  it('names each cause in the user’s language', async () => {
    const { fixture, names } = setup([staff, money], { language: 'en' });
    await fixture.whenStable();
    expect(names()).toEqual(['Lack of staff', 'Funding']);
  });

  it('checks a new cause before sending anything', async () => {
    const { fixture, element, api, type, submit } = setup([staff]);
    await fixture.whenStable();
    type('#new-cause-code', 'Ikke gyldig');
    type('#new-cause-da', 'V');
    await submit(NEW_FORM);

    expect(api.create).not.toHaveBeenCalled();
    expect(text(element.querySelector('#new-cause-code-error'))).toContain('Koden skal være 2–40 små bogstaver, tal eller _.');
    expect(text(element.querySelector('#new-cause-da-error'))).toContain('Skal være på 2 til 120 tegn.');
    expect(text(element.querySelector('#new-cause-en-error'))).toContain('Skriv den engelske tekst.');
    expect(document.activeElement?.id).toBe('new-cause-code');
  });

  it('adds a cause at the end and says so', async () => {
    const { fixture, api, type, submit, names, status } = setup([staff, money]);
    await fixture.whenStable();
    type('#new-cause-code', 'weather');
    type('#new-cause-da', 'Vejret');
    type('#new-cause-en', 'Weather');
    await submit(NEW_FORM);

    expect(api.create).toHaveBeenCalledWith({ code: 'weather', labelDa: 'Vejret', labelEn: 'Weather', sortOrder: 3 });
    expect(names()).toEqual(['Mangel på personale', 'Økonomi', 'Vejret']);
    expect(status()).toBe('Årsagen Vejret er tilføjet.');
  });

  it('shows a code in use next to the code field', async () => {
    const problem = { title: 'Conflict', status: 409, code: 'unique', errors: { code: [{ code: 'unique', message: 'must be unique' }] } };
    const { fixture, element, type, submit } = setup([staff], { create: () => throwError(() => new HttpErrorResponse({ status: 409, error: problem })) });
    await fixture.whenStable();
    type('#new-cause-code', 'staff');
    type('#new-cause-da', 'Personale');
    type('#new-cause-en', 'Staff');
    await submit(NEW_FORM);

    expect(text(element.querySelector('#new-cause-code-error'))).toBe('Fejl: Er allerede i brug.');
  });

  it('changes both labels in place', async () => {
    const { fixture, api, type, click, submit, names, status } = setup([staff, money]);
    await fixture.whenStable();
    await click('#rename-button-c2');
    expect(document.activeElement?.id).toBe('rename-da-c2');
    type('#rename-da-c2', 'Penge');
    type('#rename-en-c2', 'Money');
    await submit('li form');

    expect(api.update).toHaveBeenCalledWith('c2', { labelDa: 'Penge', labelEn: 'Money' });
    expect(names()).toEqual(['Mangel på personale', 'Penge']);
    expect(status()).toBe('Årsagen hedder nu Penge.');
  });

  it('moves a cause down and deactivates it', async () => {
    const { fixture, api, click, names, status } = setup([staff, money, retired]);
    await fixture.whenStable();
    await click('#move-down-c1');
    expect(api.update.mock.calls).toEqual([
      ['c1', { sortOrder: 2 }],
      ['c2', { sortOrder: 1 }],
    ]);
    expect(names()).toEqual(['Økonomi', 'Mangel på personale', 'Udgået årsag']);
    expect(status()).toBe('Mangel på personale er flyttet til plads 2 af 3.');
    expect(document.activeElement?.id).toBe('move-down-c1');

    await click('ol li:nth-child(2) .admin-list__actions button:last-child');
    expect(api.update).toHaveBeenLastCalledWith('c1', { active: false });
    expect(status()).toContain('Mangel på personale er deaktiveret.');
  });
});
