import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideI18nTesting } from '../../core/i18n/testing';
import { Pagination, parsePage } from './pagination';

function render(page: number, total: number) {
  TestBed.configureTestingModule({ imports: [Pagination], providers: [provideRouter([]), provideI18nTesting()] });
  const fixture = TestBed.createComponent(Pagination);
  fixture.componentRef.setInput('page', page);
  fixture.componentRef.setInput('total', total);
  fixture.componentRef.setInput('pageSize', 25);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('Pagination', () => {
  it('links to the previous and next pages', () => {
    const element = render(2, 1234);

    expect(text(element.querySelector('.pagination__position'))).toBe('Side 2 af 50');
    const links = Array.from(element.querySelectorAll('a'));
    expect(links.map((a) => [text(a), a.getAttribute('href')])).toEqual([
      ['← Forrige side', '/'],
      ['Næste side →', '/?page=3'],
    ]);
  });

  it('shows nothing for a single page', () => {
    expect(render(1, 25).querySelector('nav')).toBeNull();
  });

  it('reads a page number from the URL within limits', () => {
    expect(parsePage(undefined)).toBe(1);
    expect(parsePage('abc')).toBe(1);
    expect(parsePage('-3')).toBe(1);
    expect(parsePage('7')).toBe(7);
    expect(parsePage('999999', 100)).toBe(100);
  });
});
