import { TestBed } from '@angular/core/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { Accessibility } from './accessibility';

describe('Accessibility', () => {
  it('has the usual parts of a Danish accessibility statement, with the contact details as placeholders', () => {
    TestBed.configureTestingModule({ imports: [Accessibility], providers: [provideI18nTesting()] });
    const fixture = TestBed.createComponent(Accessibility);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect([...element.querySelectorAll('h2')].map((h) => h.textContent?.trim())).toEqual([
      'Overholdelse',
      'Det virker',
      'Kendte begrænsninger',
      'Sådan har vi vurderet siden',
      'Giv os besked',
      'Klag over tilgængeligheden',
    ]);
    expect(element.textContent).toContain('Digitaliseringsstyrelsen');
    expect(element.querySelectorAll('.placeholder').length).toBe(4);
    expect(element.querySelectorAll('ul li').length).toBeGreaterThan(3);
  });
});
