import { Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideI18nTesting } from '../../core/i18n/testing';
import { EmptyList } from './empty-list';

@Component({
  imports: [EmptyList],
  template: `<fd-empty-list
    keys="users"
    [total]="total()"
    [filtered]="filtered()"
    pageTooFar="Der er ikke så mange brugere."
    (clearFilters)="cleared = cleared + 1"
  >
    <a href="/brugere/ny">Opret bruger</a>
  </fd-empty-list>`,
})
class Host {
  readonly total = input(0);
  readonly filtered = input(false);
  cleared = 0;
}

describe('EmptyList', () => {
  function setup(total: number, filtered: boolean) {
    TestBed.configureTestingModule({ imports: [Host], providers: [provideI18nTesting(), provideRouter([])] });
    const fixture = TestBed.createComponent(Host);
    fixture.componentRef.setInput('total', total);
    fixture.componentRef.setInput('filtered', filtered);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    return { fixture, element, heading: () => element.querySelector('h3')?.textContent?.trim() };
  }

  it('offers the list’s own first step when there is nothing yet', () => {
    const { element, heading } = setup(0, false);
    expect(heading()).toBe('Der er endnu ingen brugere');
    expect(element.querySelector('a')?.textContent).toBe('Opret bruger');
  });

  it('offers to clear the filters when nothing matches them', () => {
    const { fixture, element, heading } = setup(0, true);
    expect(heading()).toBe('Ingen brugere matcher filtrene');
    element.querySelector('button')?.click();
    expect(fixture.componentInstance.cleared).toBe(1);
    expect(element.textContent).not.toContain('Opret bruger');
  });

  it('leads back to the first page, filters kept, when the page lies beyond the end', () => {
    const { element, heading } = setup(12, true);
    expect(heading()).toBe('Siden er tom');
    expect(element.textContent).toContain('Der er ikke så mange brugere.');
    expect(element.querySelector('a')?.getAttribute('href')).toBe('/');
  });
});
