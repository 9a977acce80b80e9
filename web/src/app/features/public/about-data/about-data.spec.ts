import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { PROGRESS_BY_STATUS } from '@fremdrift/progress';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { AboutData, CSV_COLUMN_NAMES, PUBLIC_FIELDS } from './about-data';

function render() {
  TestBed.configureTestingModule({
    imports: [AboutData],
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideI18nTesting()],
  });
  const fixture = TestBed.createComponent(AboutData);
  fixture.detectChanges();
  return { fixture, element: fixture.nativeElement as HTMLElement, http: TestBed.inject(HttpTestingController) };
}

const jsonLdScripts = () => [...document.head.querySelectorAll('script[type="application/ld+json"]')];

describe('AboutData', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('explains every JSON field and CSV column in words', () => {
    const { element } = render();
    const terms = [...element.querySelectorAll('dt code')].map((e) => e.textContent);
    expect(terms).toEqual([...PUBLIC_FIELDS, ...CSV_COLUMN_NAMES]);
    const explanations = [...element.querySelectorAll('dd')].map((e) => e.textContent?.trim() ?? '');
    expect(explanations.every((text) => text.length > 0 && !text.startsWith('pub.'))).toBe(true);
    expect(element.querySelector('a[href="/api/public/initiatives.csv"]')).not.toBeNull();
  });

  it('states the progress rule with the numbers the rule itself uses, and links to the DCAT catalog', () => {
    const { element } = render();
    const rule = element.querySelector('#beregning');
    expect(rule?.querySelector('h2')?.textContent?.trim()).toBe('Sådan beregnes fremdriften');
    const rows = [...(rule?.querySelectorAll('tbody tr') ?? [])].map((row) =>
      [...row.children].map((cell) => cell.textContent?.replace(/\u00a0/g, ' ').trim()),
    );
    expect(rows).toHaveLength(Object.keys(PROGRESS_BY_STATUS).length);
    expect(rows).toContainEqual(['I gang', `${PROGRESS_BY_STATUS.in_progress * 100} %`]);
    expect(rule?.textContent).toContain('gennemsnittet af initiativernes fremdrift');
    expect(element.querySelector('a[href="/api/public/dcat/catalog.ttl"]')).not.toBeNull();
    expect(element.querySelector('a[href="/api/public/dcat/catalog.jsonld"]')).not.toBeNull();
  });

  it('puts a schema.org Dataset per catalogued dataset in the head, and takes them away on leaving', async () => {
    const { fixture, http } = render();
    http.expectOne('/api/public/dcat/catalog.jsonld').flush({
      '@graph': [
        { '@id': 'c', '@type': ['dcat:Catalog'] },
        { '@id': 'd1', '@type': ['dcat:Dataset'], 'dct:title': [{ '@value': 'Initiativer', '@language': 'da' }] },
        { '@id': 'd2', '@type': ['dcat:Dataset'], 'dct:title': [{ '@value': 'Handleplaner', '@language': 'da' }] },
      ],
    });
    await fixture.whenStable();
    const scripts = jsonLdScripts().map((s) => JSON.parse(s.textContent ?? '{}'));
    expect(scripts.map((s) => [s['@type'], s.name])).toEqual([
      ['Dataset', 'Initiativer'],
      ['Dataset', 'Handleplaner'],
    ]);
    fixture.destroy();
    expect(jsonLdScripts()).toHaveLength(0);
  });
});
