import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { form, minLength } from '@angular/forms/signals';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { NewPasswordField } from './new-password-field';

@Component({
  imports: [NewPasswordField],
  template: `<fd-new-password-field [field]="passwordForm.password" controlId="pw" label="users.startPassword" />`,
})
class Host {
  readonly passwordForm = form(signal({ password: '' }), (path) => minLength(path.password, 12, { message: 'For kort' }));
}

describe('NewPasswordField', () => {
  afterEach(() => document.body.replaceChildren());

  async function setup() {
    TestBed.configureTestingModule({ imports: [Host], providers: [provideI18nTesting()] });
    const fixture = TestBed.createComponent(Host);
    const element = fixture.nativeElement as HTMLElement;
    document.body.appendChild(element);
    await fixture.whenStable();
    const input = element.querySelector<HTMLInputElement>('#pw');
    if (!input) throw new Error('no password field');
    return { fixture, element, input };
  }

  it('labels the field, describes it with the password rules, and hides what is typed until asked to show it', async () => {
    const { fixture, element, input } = await setup();
    expect(element.querySelector('label[for="pw"]')?.textContent?.trim()).toBe('Startadgangskode');
    expect(input.getAttribute('aria-describedby')).toBe('pw-hint');
    expect(element.querySelector('#pw-hint')?.textContent).toContain('12');
    expect(input.type).toBe('password');

    const show = element.querySelector<HTMLInputElement>('input[type="checkbox"]');
    if (!show) throw new Error('no show switch');
    show.checked = true;
    show.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(input.type).toBe('text');
  });

  it('ties the error to the field once the user has left it', async () => {
    const { fixture, element, input } = await setup();
    input.value = 'kort';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
    expect(element.querySelector('#pw-error')?.textContent).toContain('For kort');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('pw-hint pw-error');
  });
});
