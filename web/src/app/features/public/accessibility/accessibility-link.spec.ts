import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { registerTexts } from '../../../core/i18n/register-texts';
import { TranslateService } from '@ngx-translate/core';
import { publicShellTexts } from '../texts/shell-texts';
import { AccessibilityLink } from './accessibility-link';

async function render(accessibilityStatementUrl: string | null | 'fails'): Promise<HTMLAnchorElement | null> {
  TestBed.configureTestingModule({
    imports: [AccessibilityLink],
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideI18nTesting()],
  });
  registerTexts(TestBed.inject(TranslateService), publicShellTexts);
  const fixture = TestBed.createComponent(AccessibilityLink);
  fixture.detectChanges();
  const request = TestBed.inject(HttpTestingController).expectOne('/api/public/site');
  if (accessibilityStatementUrl === 'fails') request.flush('', { status: 503, statusText: 'Service Unavailable' });
  else request.flush({ accessibilityStatementUrl, accessibility: {}, catalogUrl: '' });
  await fixture.whenStable();
  fixture.detectChanges();
  return (fixture.nativeElement as HTMLElement).querySelector('a');
}

describe('AccessibilityLink', () => {
  it('links to the built-in statement when no WAS-Tool address is configured', async () => {
    const link = await render(null);
    expect(link?.getAttribute('href')).toBe('/tilgaengelighed');
    expect(link?.textContent?.trim()).toBe('Tilgængelighedserklæring');
  });

  it("links to the municipality's statement in the WAS-Tool when configured", async () => {
    expect((await render('https://www.was.digst.dk/app/kommune'))?.getAttribute('href')).toBe('https://www.was.digst.dk/app/kommune');
  });

  it('still links to the built-in statement when the settings cannot be read', async () => {
    expect((await render('fails'))?.getAttribute('href')).toBe('/tilgaengelighed');
  });
});
