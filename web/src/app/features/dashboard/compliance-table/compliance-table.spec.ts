import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Principal } from '@fremdrift/access';
import type { UserRole } from '@fremdrift/contracts';
import { of, throwError } from 'rxjs';
import { Auth } from '../../../core/auth/auth';
import { DashboardApi } from '../dashboard-api';
import { dashboardFixture } from '../dashboard.fixtures';
import { provideDashboardTesting, textOf } from '../testing';
import { ComplianceTable } from './compliance-table';

const authAs = (role: UserRole) => ({ allows: (rule: (principal: Principal) => boolean) => rule({ role, departmentIds: [] }) });

async function setup(rows = dashboardFixture().compliance, role: UserRole = 'viewer', remind = jest.fn()) {
  TestBed.configureTestingModule({
    imports: [ComplianceTable],
    providers: [provideRouter([]), provideDashboardTesting(), { provide: Auth, useValue: authAs(role) }, { provide: DashboardApi, useValue: { remind } }],
  });
  const fixture = TestBed.createComponent(ComplianceTable);
  fixture.componentRef.setInput('rows', rows);
  fixture.componentRef.setInput('csvHref', '/x.csv?table=compliance');
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const titles = () => Array.from(element.querySelectorAll('tbody th')).map(textOf);
  const header = (name: string) => Array.from(element.querySelectorAll('thead th')).find((th) => textOf(th).startsWith(name)) as HTMLElement;
  const sortBy = async (name: string) => {
    header(name).querySelector('button')?.click();
    await fixture.whenStable();
  };
  return { element, titles, header, sortBy, fixture };
}

describe('ComplianceTable', () => {
  it('lists the initiatives with their department, state, latest period and days overdue, most overdue first', async () => {
    const { element, titles, header } = await setup();
    expect(textOf(element.querySelector('.panel__summary'))).toBe(
      '3 initiativer mangler en statusopdatering for den aktuelle periode. 2 af dem er forsinkede.',
    );
    expect(titles()).toEqual(['Boligsocial indsats ved boligplacering', 'Østergade-projektet', 'Aftenskole for forældre']);
    expect(Array.from(element.querySelectorAll('tbody tr')[1].querySelectorAll('td')).map(textOf)).toEqual([
      'Borgmesterens Afdeling (BA)',
      'Forsinket',
      'Aldrig',
      '5',
      'Ikke påmindet',
    ]);
    expect(element.querySelector('tbody a')?.getAttribute('href')).toBe('/initiativer/i-1');
    expect(header('Dage forsinket').getAttribute('aria-sort')).toBe('descending');
    expect(header('Initiativ').hasAttribute('aria-sort')).toBe(false);
    expect(element.querySelector('.table-scroll')?.getAttribute('tabindex')).toBe('0');
  });

  it('sorts by a column from its header button, in Danish order, and back the other way', async () => {
    const { titles, header, sortBy } = await setup();
    await sortBy('Initiativ');
    expect(header('Initiativ').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Dage forsinket').hasAttribute('aria-sort')).toBe(false);
    // Danish collation: Ø after the other letters.
    expect(titles()).toEqual(['Aftenskole for forældre', 'Boligsocial indsats ved boligplacering', 'Østergade-projektet']);

    await sortBy('Initiativ');
    expect(header('Initiativ').getAttribute('aria-sort')).toBe('descending');
    expect(titles()[0]).toBe('Østergade-projektet');

    await sortBy('Seneste periode');
    expect(header('Seneste periode').getAttribute('aria-sort')).toBe('descending');
    expect(titles()).toEqual(['Aftenskole for forældre', 'Boligsocial indsats ved boligplacering', 'Østergade-projektet']);
  });

  it('counts every initiative that awaits a report when the rows are only the most overdue of them, and says where the rest are', async () => {
    const { element, fixture, titles } = await setup();
    fixture.componentRef.setInput('counts', { awaiting: 1234, overdue: 1001 });
    await fixture.whenStable();
    expect(textOf(element.querySelector('.panel__summary'))).toBe(
      '1.234 initiativer mangler en statusopdatering for den aktuelle periode. 1.001 af dem er forsinkede. ' +
        'Tabellen viser de 3 mest forsinkede; CSV-filen har dem alle.',
    );
    expect(titles()).toHaveLength(3);
  });

  it('says when every initiative has reported', async () => {
    const { element } = await setup([]);
    expect(textOf(element.querySelector('.panel__summary'))).toBe('Alle initiativer har rapporteret for den aktuelle periode.');
    expect(element.querySelector('table')).toBeNull();
  });

  it('shows when each initiative was last reminded and escalated, and to whom', async () => {
    const { element } = await setup();
    const mails = Array.from(element.querySelectorAll('tbody tr')[0].querySelectorAll('.compliance__mail')).map(textOf);
    expect(mails).toEqual(['Påmindet 26. nov. 2026 (Mette Holm)', 'Eskaleret 3. nov. 2026 (ledelse@kommune.dk)']);
    expect(element.querySelector('tbody button')).toBeNull();
  });

  it('lets management send a reminder and says to whom it went', async () => {
    const remind = jest.fn(() => of({ sentTo: [{ id: 'u1', name: 'Mette Holm', email: 'mh@kommune.dk' }], alreadyRemindedToday: [] }));
    const { element, fixture } = await setup(undefined, 'management', remind);
    const button = element.querySelectorAll('tbody tr')[2].querySelector('button') as HTMLButtonElement;
    expect(button.getAttribute('aria-label')).toBe('Send påmindelse om Aftenskole for forældre');
    button.click();
    await fixture.whenStable();
    expect(remind).toHaveBeenCalledWith('i-2');
    expect(textOf(element.querySelector('.compliance__notice[aria-live="polite"]'))).toBe('Påmindelse sendt til Mette Holm.');
    expect(textOf(element.querySelectorAll('tbody tr')[2].querySelectorAll('td')[4])).toContain('Påmindet');
  });

  it('explains a refused reminder', async () => {
    const refusal = new HttpErrorResponse({
      status: 409,
      error: { type: 'about:blank', title: 'Conflict', status: 409, code: 'reminderAlreadySent' },
      headers: undefined,
    });
    const { element, fixture } = await setup(
      undefined,
      'admin',
      jest.fn(() => throwError(() => refusal)),
    );
    (element.querySelector('tbody button') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(textOf(element.querySelector('.compliance__notice[aria-live="polite"]'))).toBe(
      'Påmindelsen kunne ikke sendes. Lederne har allerede fået en påmindelse i dag',
    );
  });
});
