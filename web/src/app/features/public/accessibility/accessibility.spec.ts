import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import type { PublicSiteInfo } from '../data/public-site';
import { Accessibility } from './accessibility';

const UNSET: PublicSiteInfo = {
  accessibilityStatementUrl: null,
  accessibility: { preparedOn: null, responsible: null, email: null, phone: null },
  catalogUrl: 'http://localhost/api/public/dcat/catalog',
};

async function render(site: PublicSiteInfo): Promise<HTMLElement> {
  TestBed.configureTestingModule({ imports: [Accessibility], providers: [provideHttpClient(), provideHttpClientTesting(), provideI18nTesting()] });
  const fixture = TestBed.createComponent(Accessibility);
  fixture.detectChanges();
  TestBed.inject(HttpTestingController).expectOne('/api/public/site').flush(site);
  await fixture.whenStable();
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe('Accessibility', () => {
  it('has the usual parts of a Danish accessibility statement, with placeholders that name the settings filling them', async () => {
    const element = await render(UNSET);
    expect([...element.querySelectorAll('h2')].map((h) => h.textContent?.trim())).toEqual([
      'Overholdelse',
      'Det virker',
      'Kendte begrænsninger',
      'Sådan har vi vurderet siden',
      'Giv os besked',
      'Klag over tilgængeligheden',
    ]);
    expect(element.textContent).toContain('Digitaliseringsstyrelsen');
    const placeholders = [...element.querySelectorAll('.placeholder')].map((p) => p.textContent ?? '');
    expect(placeholders).toHaveLength(4);
    for (const setting of ['ACCESSIBILITY_STATEMENT_DATE', 'ACCESSIBILITY_CONTACT_UNIT', 'ACCESSIBILITY_CONTACT_EMAIL', 'ACCESSIBILITY_CONTACT_PHONE']) {
      expect(placeholders.some((p) => p.includes(setting))).toBe(true);
    }
    expect(element.querySelectorAll('ul li').length).toBeGreaterThan(3);
  });

  it('fills in the contact details that are configured', async () => {
    const element = await render({
      ...UNSET,
      accessibility: { preparedOn: '2026-11-01', responsible: 'Digitalisering', email: 'web@kommune.dk', phone: '89 40 20 00' },
    });
    expect(element.querySelectorAll('.placeholder')).toHaveLength(0);
    expect(element.textContent).toContain('Digitalisering');
    expect(element.textContent).toContain('89 40 20 00');
    expect(element.querySelector('a[href="mailto:web@kommune.dk"]')).not.toBeNull();
  });

  it("points to the municipality's statement in the WAS-Tool when there is one", async () => {
    const url = 'https://www.was.digst.dk/app/kommune-fremdrift';
    const element = await render({ ...UNSET, accessibilityStatementUrl: url });
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Tilgængelighedserklæring');
    expect(element.querySelector(`a[href="${url}"]`)?.textContent?.trim()).toBe('Læs tilgængelighedserklæringen');
    expect(element.querySelectorAll('.placeholder')).toHaveLength(0);
    expect([...element.querySelectorAll('h2')].map((h) => h.textContent?.trim())).toEqual(['Klag over tilgængeligheden']);
  });
});
