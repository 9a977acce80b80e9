import { TestBed } from '@angular/core/testing';
import { FakeCharts, provideFakeCharts } from '../chart/testing';
import { provideDashboardTesting, textOf } from '../testing';
import { MilestoneWeeks } from './milestone-weeks';

async function setup(weeks: { weekStart: string; due: number }[], overdue: number) {
  const charts = new FakeCharts();
  TestBed.configureTestingModule({ imports: [MilestoneWeeks], providers: [provideDashboardTesting(), provideFakeCharts(charts)] });
  const fixture = TestBed.createComponent(MilestoneWeeks);
  fixture.componentRef.setInput('weeks', weeks);
  fixture.componentRef.setInput('today', '2026-11-25');
  fixture.componentRef.setInput('overdue', overdue);
  await fixture.whenStable();
  return { charts, element: fixture.nativeElement as HTMLElement };
}

describe('MilestoneWeeks', () => {
  it('shows every week of the next 90 days, the overdue ones as a bar of their own', async () => {
    const { charts, element } = await setup([{ weekStart: '2026-11-30', due: 1 }], 2);
    const [chart] = charts.drawn;
    expect(chart.spec.categories.slice(0, 3)).toEqual(['Forsinkede', '23. nov.', '30. nov.']);
    expect(chart.spec.series[0].values.slice(0, 3)).toEqual([2, null, null]);
    expect(chart.spec.series[1].values.slice(0, 3)).toEqual([null, 0, 1]);
    expect(chart.spec.categories).toHaveLength(15);
    expect(textOf(element.querySelector('.panel__summary'))).toBe(
      '1 milepæl forfalder de næste 90 dage. Flest i ugen fra 30. nov. (1). 2 milepæle er forsinkede.',
    );
    const cells = (row: Element) => Array.from(row.children).map(textOf);
    expect(Array.from(element.querySelectorAll('tbody tr')).slice(0, 2).map(cells)).toEqual([
      ['Forsinkede', '2'],
      ['Uge fra 23. nov.', '0'],
    ]);
  });

  it('says so when nothing is due and nothing is late', async () => {
    const { element } = await setup([], 0);
    expect(textOf(element.querySelector('.panel__summary'))).toBe('0 milepæle forfalder de næste 90 dage. 0 milepæle er forsinkede.');
  });
});
