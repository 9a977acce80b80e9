import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { DepartmentProgress as DepartmentFigures } from '@fremdrift/contracts';
import { FakeCharts, provideFakeCharts } from '../chart/testing';
import { NO_FILTERS } from '../dashboard-query';
import { dashboardFixture } from '../dashboard.fixtures';
import { provideDashboardTesting, textOf } from '../testing';
import { DepartmentProgress } from './department-progress';

async function setup(departments: DepartmentFigures[], language: 'da' | 'en' = 'da') {
  const charts = new FakeCharts();
  TestBed.configureTestingModule({
    imports: [DepartmentProgress],
    providers: [provideRouter([]), provideDashboardTesting(language), provideFakeCharts(charts)],
  });
  const fixture = TestBed.createComponent(DepartmentProgress);
  fixture.componentRef.setInput('departments', departments);
  fixture.componentRef.setInput('filters', { ...NO_FILTERS, actionPlanId: 'p1' });
  await fixture.whenStable();
  return { charts, element: fixture.nativeElement as HTMLElement };
}

describe('DepartmentProgress', () => {
  it('charts lead progress, expected progress and participating progress apart, as percentages', async () => {
    const { charts } = await setup(dashboardFixture().departments);
    const [chart] = charts.drawn;
    expect(chart.spec.unit).toBe('percent');
    expect(chart.spec.series.map((s) => s.name)).toEqual(['Ansvarlig: fremdrift', 'Ansvarlig: forventet', 'Deltager: fremdrift']);
    expect(chart.spec.series[0].values).toEqual([50, 30, 60, 45]);
    expect(chart.spec.series[2].values).toEqual([40, 60, 20, 50]);
    expect(chart.spec.categories[1]).toEqual(['Sociale Forhold og', 'Beskæftigelse']);
  });

  it('links each count in the table to the initiatives, as lead and as participant', async () => {
    const { element } = await setup(dashboardFixture().departments);
    const links = Array.from(element.querySelectorAll('tbody tr:nth-child(4) a'));
    expect(links.map((a) => [textOf(a), a.getAttribute('aria-label'), a.getAttribute('href')])).toEqual([
      ['3 initiativer', '3 initiativer: Sundhed og Omsorg som ansvarlig', '/initiativer?actionPlanId=p1&department=MSO&departmentRole=lead'],
      ['4 initiativer', '4 initiativer: Sundhed og Omsorg som deltager', '/initiativer?actionPlanId=p1&department=MSO&departmentRole=participating'],
    ]);
  });

  it('says when every department is on pace, and when none leads anything', async () => {
    const onPace = dashboardFixture().departments.map((d) => ({ ...d, lead: { ...d.lead, averageProgress: d.lead.averageExpectedProgress } }));
    expect(textOf((await setup(onPace)).element.querySelector('.panel__summary'))).toBe('Alle afdelinger er på eller over den forventede fremdrift.');

    TestBed.resetTestingModule();
    const none = await setup([]);
    expect(textOf(none.element.querySelector('.panel__summary'))).toBe('Ingen afdeling er ansvarlig for initiativer i overblikket.');
    expect(none.charts.drawn).toHaveLength(0);
  });

  it('speaks English', async () => {
    const { element } = await setup(dashboardFixture().departments, 'en');
    expect(textOf(element.querySelector('.panel__summary'))).toBe(
      '3 of 4 departments are behind the expected progress of the initiatives they lead. Largest gap: Sociale Forhold og Beskæftigelse at 30% against an expected 70%.',
    );
  });
});
