import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { InitiativeSummary, Page, SessionUser, StatusUpdate } from '@fremdrift/contracts';
import { Observable, of, throwError } from 'rxjs';
import { fakeAuth } from '../../../core/auth/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { aStatusUpdate, aSummary, leadMso } from '../../../shared/testing/initiative.fixtures';
import { InitiativesApi } from '../initiatives-api';
import { MyInitiatives } from './my-initiatives';
import { NoChangeApi } from './no-change-update/no-change-api';

const page = (items: InitiativeSummary[]): Page<InitiativeSummary> => ({ items, total: items.length, page: 1, pageSize: 100 });

function setup(
  mine: () => Observable<Page<InitiativeSummary>>,
  user: SessionUser = leadMso,
  record: (id: string) => Observable<StatusUpdate> = (id) => of(aStatusUpdate({ initiativeId: id, noChange: true })),
) {
  const api = { mine: jest.fn(mine) };
  const noChange = { record: jest.fn(record) };
  TestBed.configureTestingModule({
    imports: [MyInitiatives],
    providers: [
      provideRouter([]),
      provideI18nTesting(),
      fakeAuth(user),
      { provide: InitiativesApi, useValue: api },
      { provide: NoChangeApi, useValue: noChange },
    ],
  });
  const fixture = TestBed.createComponent(MyInitiatives);
  return { fixture, api, noChange, element: fixture.nativeElement as HTMLElement };
}

const text = (element: Element | null) =>
  (element?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const titles = (element: HTMLElement) => Array.from(element.querySelectorAll('.mine__title')).map((h) => text(h));

describe('MyInitiatives', () => {
  it('flags initiatives with public texts management returned, and says how many in the summary', async () => {
    const returned = aSummary({ id: 'r', title: 'Returneret', returnedPublicTexts: 2, reporting: { ...aSummary().reporting, state: 'done' } });
    const fine = aSummary({ id: 'f', title: 'Fint', reporting: { ...aSummary().reporting, state: 'done' } });
    const { fixture, element } = setup(() => of(page([returned, fine])));
    await fixture.whenStable();

    // Both reported: by title, so Fint comes first.
    const [second, first] = Array.from(element.querySelectorAll('.mine__card'));
    const flag = first.querySelector('.mine__returned');
    expect(text(flag)).toBe('!Sendt retur af ledelsen – ret og send igen 2 tekster til borgerne er sendt retur.');
    expect(flag?.querySelector('a')?.getAttribute('href')).toBe('/initiativer/r');
    expect(second.querySelector('.mine__returned')).toBeNull();
    expect(text(element.querySelector('[role="status"]'))).toBe(
      'Du har 2 initiativer. Alle statusopdateringer er sendt. 1 har en tekst, ledelsen har sendt retur.',
    );
  });

  it('lists the lead’s initiatives, those missing a status update first, led or participating', async () => {
    const done = aSummary({ id: 'a', title: 'Afsluttet', reporting: { ...aSummary().reporting, state: 'done' }, overdueMilestoneCount: 0 });
    const due = aSummary({ id: 'b', title: 'Besøgsvenner' });
    const overdueLittle = aSummary({ id: 'c', title: 'Cykler', reporting: { ...aSummary().reporting, state: 'overdue', daysOverdue: 3 } });
    const overdueMuch = aSummary({
      id: 'd',
      title: 'Dagtilbud',
      leadDepartment: { id: 'd-mbu', code: 'MBU', name: 'Børn og Unge' },
      participatingDepartments: [{ id: 'd-mso', code: 'MSO', name: 'Sundhed og Omsorg' }],
      reporting: { ...aSummary().reporting, state: 'overdue', daysOverdue: 40 },
    });
    const { fixture, element } = setup(() => of(page([done, due, overdueLittle, overdueMuch])));
    await fixture.whenStable();

    expect(titles(element)).toEqual(['Dagtilbud', 'Cykler', 'Besøgsvenner', 'Afsluttet']);
    expect(text(element.querySelector('[role="status"]'))).toBe('Du har 4 initiativer. 3 mangler en statusopdatering.');

    const [first, , third] = Array.from(element.querySelectorAll('.mine__card'));
    expect(text(first.querySelector('.mine__reporting'))).toBe('! Statusopdatering mangler – 40 dage forsinket');
    expect(text(first)).toContain('Deltager');
    expect(text(first)).toContain('Din afdeling deltager – ansvarlig er Børn og Unge');
    expect(text(third)).toContain('Ansvarlig');
    expect(text(third.querySelector('.mine__reporting'))).toBe('! Statusopdatering for november 2026 mangler – frist 30. nov. 2026');
    expect(text(third)).toContain('Samtalegrupper frist 30. nov. 2026');
    expect(text(third.querySelector('fd-health-badge'))).toBe('På sporet');
    expect(text(third.querySelector('.text__value'))).toBe('42 %');
    expect(first.querySelector('a')?.getAttribute('href')).toBe('/initiativer/d');
  });

  it('explains an empty list and links to all initiatives', async () => {
    const { fixture, element } = setup(() => of(page([])));
    await fixture.whenStable();

    expect(text(element.querySelector('.notice__title'))).toBe('Du har ingen initiativer endnu');
    expect(text(element)).toContain('Når en af dine afdelinger får ansvaret');
    expect(element.querySelector('.notice a')?.getAttribute('href')).toBe('/initiativer');
  });

  it('tells a lead without departments what to do', async () => {
    const { fixture, element } = setup(() => of(page([])), { ...leadMso, departments: [] });
    await fixture.whenStable();

    expect(text(element)).toContain('Din bruger er ikke knyttet til nogen afdeling.');
    expect(element.querySelector('a[href="/initiativer/ny"]')).toBeNull();
  });

  it('lets a lead create an initiative for their department', async () => {
    const { fixture, element } = setup(() => of(page([aSummary()])));
    await fixture.whenStable();

    expect(text(element.querySelector('.page-head a[href="/initiativer/ny"]'))).toBe('Opret initiativ');
  });

  it('shows a failure and loads again on retry', async () => {
    let calls = 0;
    const { fixture, element, api } = setup(() =>
      ++calls === 1 ? throwError(() => new HttpErrorResponse({ status: 503, error: { title: 'Service Unavailable', status: 503 } })) : of(page([aSummary()])),
    );
    await fixture.whenStable();
    expect(text(element.querySelector('[role="alert"]'))).toContain('Dine initiativer kunne ikke hentes');

    element.querySelector<HTMLButtonElement>('[role="alert"] button')?.click();
    await fixture.whenStable();
    expect(api.mine).toHaveBeenCalledTimes(2);
    expect(titles(element)).toEqual(['Psykosocial støtte']);
  });

  describe('no changes since last time', () => {
    const noChangeButtons = (element: HTMLElement) =>
      Array.from(element.querySelectorAll('button')).filter((b) => (b.textContent ?? '').includes('Ingen ændringer siden sidst'));

    it('offers it on initiatives due or overdue that the user reports on, and nowhere else', async () => {
      const done = aSummary({ id: 'a', title: 'Afsluttet', reporting: { ...aSummary().reporting, state: 'done' } });
      const due = aSummary({ id: 'b', title: 'Besøgsvenner' });
      const overdue = aSummary({ id: 'c', title: 'Cykler', reporting: { ...aSummary().reporting, state: 'overdue', daysOverdue: 3 } });
      const idea = aSummary({ id: 'd', title: 'Drømme', reporting: { ...aSummary().reporting, state: 'not_required' } });
      const { fixture, element } = setup(() => of(page([done, due, overdue, idea])));
      await fixture.whenStable();

      expect(noChangeButtons(element).map((b) => b.getAttribute('aria-label'))).toEqual([
        'Ingen ændringer siden sidst: Cykler',
        'Ingen ændringer siden sidst: Besøgsvenner',
      ]);
    });

    it('is not offered to someone who cannot report, such as management', async () => {
      const { fixture, element } = setup(() => of(page([aSummary()])), { ...leadMso, role: 'management', departments: [] });
      await fixture.whenStable();
      expect(noChangeButtons(element)).toEqual([]);
    });

    it('marks the card reported once recorded, keeps it in place, and updates the summary', async () => {
      const due = aSummary({ id: 'b', title: 'Besøgsvenner' });
      const overdue = aSummary({ id: 'c', title: 'Cykler', reporting: { ...aSummary().reporting, state: 'overdue', daysOverdue: 3 } });
      const { fixture, element, noChange } = setup(
        () => of(page([due, overdue])),
        leadMso,
        () => of(aStatusUpdate({ initiativeId: 'c', periodStart: '2026-11-01', periodEnd: '2026-11-30', noChange: true })),
      );
      await fixture.whenStable();
      expect(text(element.querySelector('.results__summary'))).toBe('Du har 2 initiativer. 2 mangler en statusopdatering.');

      noChangeButtons(element)[0].click();
      await fixture.whenStable();

      expect(noChange.record).toHaveBeenCalledWith('c', {});
      expect(titles(element)).toEqual(['Cykler', 'Besøgsvenner']);
      const [first, second] = Array.from(element.querySelectorAll('.mine__card'));
      expect(text(first.querySelector('.mine__reporting'))).toBe('Statusopdatering sendt for november 2026');
      expect(first.classList).not.toContain('mine__card--overdue');
      expect(text(first.querySelector('.no-change__done'))).toBe('✓ Rapporteret: ingen ændringer siden sidst for november 2026.');
      expect(text(second.querySelector('.mine__reporting'))).toContain('mangler');
      expect(text(element.querySelector('.results__summary'))).toBe('Du har 2 initiativer. 1 mangler en statusopdatering.');
    });
  });
});
