import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { FOLLOW_API, FollowForm, type FollowTarget } from './follow-form';
import { followTexts } from './follow-texts';

function setup(target: FollowTarget = { kind: 'initiative', id: 'i1', title: 'Lektiecafé' }, language: 'da' | 'en' = 'da') {
  TestBed.configureTestingModule({ imports: [FollowForm], providers: [provideHttpClient(), provideHttpClientTesting(), provideI18nTesting(language)] });
  const fixture = TestBed.createComponent(FollowForm);
  fixture.componentRef.setInput('target', target);
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  const http = TestBed.inject(HttpTestingController);
  const input = () => element.querySelector<HTMLInputElement>('input[type="email"]')!;
  const type = (value: string) => {
    input().value = value;
    input().dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    fixture.detectChanges();
    await Promise.resolve();
  };
  const settle = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  return { fixture, element, http, input, type, submit, settle };
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('FollowForm', () => {
  it('labels the address and shows the consent text, naming what is followed, before anything is sent', () => {
    const { element, input } = setup();
    expect(text(element.querySelector(`label[for="${input().id}"]`))).toBe('Din e-mailadresse');
    expect(text(element)).toContain('Vi gemmer kun din e-mailadresse og tidspunktet for dit samtykke');
    expect(text(element)).toContain('initiativet »Lektiecafé«');
    // The consent text is read out with the field.
    expect(input().getAttribute('aria-describedby')).toContain('follow-initiative-consent');
  });

  it('names the plan in English for a plan', () => {
    const { element } = setup({ kind: 'plan', id: 'p1', title: 'Flygtningehandleplan' }, 'en');
    expect(text(element.querySelector('h2'))).toBe('Follow by e-mail');
    expect(text(element)).toContain('the action plan “Flygtningehandleplan”');
  });

  it('refuses an empty or malformed address without sending it', async () => {
    const { element, http, type, submit, settle } = setup();
    await submit();
    await settle();
    expect(text(element.querySelector('.field-error'))).toContain('Skriv din e-mailadresse.');
    type('ikke-en-adresse');
    await submit();
    await settle();
    expect(text(element.querySelector('.field-error'))).toContain('Skriv en gyldig e-mailadresse');
    http.expectNone(FOLLOW_API);
  });

  it('asks to follow the initiative in the page’s language, and tells the visitor to check their inbox', async () => {
    const { element, http, type, submit, settle } = setup();
    type('  borger@example.dk ');
    await submit();
    const request = http.expectOne(FOLLOW_API);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'borger@example.dk', initiativeId: 'i1', language: 'da' });
    request.flush({ detail: 'ok' }, { status: 202, statusText: 'Accepted' });
    await settle();
    const done = element.querySelector('[role="status"]');
    expect(text(done)).toContain('Tjek din indbakke');
    expect(text(done)).toContain('borger@example.dk');
    expect(element.querySelector('form')).toBeNull();
    // Focus moves to the message, so that it is read out and keyboard users are not left on a vanished button.
    expect(document.activeElement).toBe(done);
  });

  it('follows a plan by its id', async () => {
    const { http, type, submit } = setup({ kind: 'plan', id: 'p1', title: 'Plan' });
    type('borger@example.dk');
    await submit();
    expect(http.expectOne(FOLLOW_API).request.body).toEqual({ email: 'borger@example.dk', actionPlanId: 'p1', language: 'da' });
  });

  it('says how long to wait when there have been too many requests', async () => {
    const { element, http, type, submit, settle } = setup();
    type('borger@example.dk');
    await submit();
    http
      .expectOne(FOLLOW_API)
      .flush(
        { type: 'about:blank', title: 'Too Many Requests', status: 429, code: 'tooManyRequests', detail: 'Too many' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '1500' } },
      );
    await settle();
    expect(text(element.querySelector('[role="alert"]'))).toContain('Prøv igen om 25 minutter.');
    expect(element.querySelector('form')).not.toBeNull();
  });

  it('puts the API’s message about the address on the field', async () => {
    const { element, http, type, submit, settle } = setup();
    type('borger@example.dk');
    await submit();
    http.expectOne(FOLLOW_API).flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        code: 'validation',
        errors: { email: [{ code: 'hasNoInvisibleCharacters', message: 'no' }] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    await settle();
    expect(element.querySelector('input[type="email"]')?.getAttribute('aria-invalid')).toBe('true');
    expect(text(element.querySelector('.field-error'))).not.toBe('');
  });

  it('has every text it names, in Danish and English', () => {
    const source = ['follow-form.html', 'follow-form.ts'].map((file) => readFileSync(join(__dirname, file), 'utf8')).join('\n');
    const named = new Set([
      ...source
        .split('\n')
        .filter((line) => line.includes('fdFollowText'))
        .flatMap((line) => [...line.matchAll(/'([a-zA-Z]+)'/g)].map((match) => match[1])),
      ...[...source.matchAll(/followKey\('([a-zA-Z]+)'\)/g)].map((match) => match[1]),
    ]);
    for (const language of ['da', 'en'] as const) {
      const texts = (followTexts[language] as { pubFollow: Record<string, string> }).pubFollow;
      expect([...named].filter((key) => typeof texts[key] !== 'string')).toEqual([]);
      // And nothing unused: every text is named somewhere.
      expect(Object.keys(texts).filter((key) => !named.has(key))).toEqual([]);
    }
    expect(Object.keys(followTexts.en['pubFollow'] as object).sort()).toEqual(Object.keys(followTexts.da['pubFollow'] as object).sort());
  });
});
