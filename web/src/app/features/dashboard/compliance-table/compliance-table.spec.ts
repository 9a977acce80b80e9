import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { dashboardFixture } from '../dashboard.fixtures';
import { provideDashboardTesting, textOf } from '../testing';
import { ComplianceTable } from './compliance-table';

async function setup(rows = dashboardFixture().compliance) {
  TestBed.configureTestingModule({ imports: [ComplianceTable], providers: [provideRouter([]), provideDashboardTesting()] });
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
  return { element, titles, header, sortBy };
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

  it('says when every initiative has reported', async () => {
    const { element } = await setup([]);
    expect(textOf(element.querySelector('.panel__summary'))).toBe('Alle initiativer har rapporteret for den aktuelle periode.');
    expect(element.querySelector('table')).toBeNull();
  });
});
