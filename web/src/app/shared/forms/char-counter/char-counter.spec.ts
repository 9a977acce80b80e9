import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { CharCounter, counterLevel } from './char-counter';

@Component({
  imports: [CharCounter],
  template: `<fd-char-counter [value]="value()" [max]="max" />`,
})
class Host {
  readonly value = signal('');
  readonly max = 1000;
}

function setup() {
  TestBed.configureTestingModule({ imports: [Host], providers: [provideI18nTesting()] });
  const fixture = TestBed.createComponent(Host);
  const element = fixture.nativeElement as HTMLElement;
  const type = async (length: number) => {
    fixture.componentInstance.value.set('x'.repeat(length));
    await fixture.whenStable();
  };
  const counter = () => (element.querySelector('.char-counter')?.textContent ?? '').trim();
  const live = () => element.querySelector('[aria-live="polite"]');
  return { fixture, element, type, counter, live };
}

describe('counterLevel', () => {
  it('is ok below 90 % of the limit, near from there, full at it and over past it', () => {
    expect(counterLevel(0, 1000)).toBe('ok');
    expect(counterLevel(899, 1000)).toBe('ok');
    expect(counterLevel(900, 1000)).toBe('near');
    expect(counterLevel(999, 1000)).toBe('near');
    expect(counterLevel(1000, 1000)).toBe('full');
    expect(counterLevel(1001, 1000)).toBe('over');
  });
});

describe('CharCounter', () => {
  it('shows how many characters are used of the limit, in Danish numbers', async () => {
    const { fixture, type, counter } = setup();
    await fixture.whenStable();
    expect(counter()).toBe('0/1.000 tegn');
    await type(123);
    expect(counter()).toBe('123/1.000 tegn');
  });

  it('says nothing to screen readers until the text nears the limit, then once per step', async () => {
    const { fixture, type, live, element } = setup();
    await fixture.whenStable();
    expect(live()?.textContent?.trim()).toBe('');

    await type(500);
    expect(live()?.textContent?.trim()).toBe('');

    await type(950);
    const near = live()?.textContent?.trim();
    expect(near).toBe('Teksten nærmer sig grænsen på 1.000 tegn.');
    // Typing on within the same step does not change what the live region says.
    await type(960);
    expect(live()?.textContent?.trim()).toBe(near);

    await type(1000);
    expect(live()?.textContent?.trim()).toBe('Teksten har nået grænsen på 1.000 tegn.');

    await type(1200);
    expect(live()?.textContent?.trim()).toBe('Teksten er længere end 1.000 tegn. Forkort den, før du gemmer.');
    expect(element.querySelector('.char-counter--over')?.textContent?.trim()).toBe('1.200/1.000 tegn');

    await type(10);
    expect(live()?.textContent?.trim()).toBe('');
  });
});
