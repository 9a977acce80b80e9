import { TestBed } from '@angular/core/testing';
import { provideI18nTesting } from '../../core/i18n/testing';
import { ProgressBar } from './progress-bar';

/** Danish percentages use a no-break space: `42 %`. */
const text = (element: Element | null) =>
  (element?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function render(inputs: { value: number; expected?: number | null; label?: string }) {
  TestBed.configureTestingModule({ imports: [ProgressBar], providers: [provideI18nTesting()] });
  const fixture = TestBed.createComponent(ProgressBar);
  fixture.componentRef.setInput('value', inputs.value);
  fixture.componentRef.setInput('label', inputs.label ?? 'Fremdrift for Sprogcafé');
  if (inputs.expected !== undefined) fixture.componentRef.setInput('expected', inputs.expected);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe('ProgressBar', () => {
  it('shows the progress in Danish format with the expected progress as a marker and in text', () => {
    const element = render({ value: 0.42, expected: 0.6 });

    const bar = element.querySelector('[role="progressbar"]');
    expect(bar?.getAttribute('aria-label')).toBe('Fremdrift for Sprogcafé');
    expect(bar?.getAttribute('aria-valuenow')).toBe('42');
    expect(bar?.getAttribute('aria-valuemin')).toBe('0');
    expect(bar?.getAttribute('aria-valuemax')).toBe('100');
    expect(bar?.getAttribute('aria-valuetext')?.replace(/\u00a0/g, ' ')).toBe('42 %, forventet 60 %');
    expect(text(element.querySelector('.text__value'))).toBe('42 %');
    expect(text(element.querySelector('.text__expected'))).toBe('forventet 60 %');

    const fill = element.querySelector<HTMLElement>('.bar__fill');
    const marker = element.querySelector<HTMLElement>('.bar__marker');
    expect(fill?.style.width).toBe('42%');
    expect(marker?.style.left).toBe('60%');
  });

  it('leaves out the marker when there is no expected progress', () => {
    const element = render({ value: 1, expected: null });

    expect(element.querySelector('.bar__marker')).toBeNull();
    expect(element.querySelector('.text__expected')).toBeNull();
    expect(text(element.querySelector('.text__value'))).toBe('100 %');
    expect(
      element
        .querySelector('[role="progressbar"]')
        ?.getAttribute('aria-valuetext')
        ?.replace(/\u00a0/g, ' '),
    ).toBe('100 %');
  });

  it('keeps values outside 0–1 on the bar', () => {
    const element = render({ value: 1.7, expected: -0.2 });

    expect(element.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('100');
    expect(element.querySelector<HTMLElement>('.bar__marker')?.style.left).toBe('0%');
  });
});
