import { TestBed } from '@angular/core/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { AboutData, CSV_COLUMN_NAMES, PUBLIC_FIELDS } from './about-data';

describe('AboutData', () => {
  it('explains every JSON field and CSV column in words', () => {
    TestBed.configureTestingModule({ imports: [AboutData], providers: [provideI18nTesting()] });
    const fixture = TestBed.createComponent(AboutData);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const terms = [...element.querySelectorAll('dt code')].map((e) => e.textContent);
    expect(terms).toEqual([...PUBLIC_FIELDS, ...CSV_COLUMN_NAMES]);
    const explanations = [...element.querySelectorAll('dd')].map((e) => e.textContent?.trim() ?? '');
    expect(explanations.every((text) => text.length > 0 && !text.startsWith('pub.'))).toBe(true);
    expect(element.querySelector('a[href="/api/public/initiatives.csv"]')).not.toBeNull();
  });
});
