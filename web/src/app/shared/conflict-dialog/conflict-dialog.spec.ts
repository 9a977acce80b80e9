import { TestBed } from '@angular/core/testing';
import { provideI18nTesting } from '../../core/i18n/testing';
import { ConflictDialog } from './conflict-dialog';
import { ConflictPrompt, type ConflictChoice } from './conflict-prompt';

function setup() {
  TestBed.configureTestingModule({ imports: [ConflictDialog], providers: [provideI18nTesting(), ConflictPrompt] });
  const fixture = TestBed.createComponent(ConflictDialog);
  return { fixture, element: fixture.nativeElement as HTMLElement, prompt: TestBed.inject(ConflictPrompt) };
}

const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('ConflictDialog', () => {
  it('shows what changed meanwhile and passes on the user’s choice', async () => {
    const { fixture, element, prompt } = setup();
    await fixture.whenStable();
    expect(element.querySelector('h2')).toBeNull();

    const answer = prompt.ask({ lines: [{ label: 'Titel', started: 'Sprogcafé', now: 'Sprogcafé for alle', mine: null }] });
    await fixture.whenStable();

    const dialog = element.querySelector('dialog');
    expect(dialog?.getAttribute('aria-labelledby')).toBe('conflict-title');
    expect(text(element.querySelector('h2'))).toBe('En anden har ændret det samme imens');
    expect(Array.from(element.querySelectorAll('tbody td, tbody th')).map((cell) => text(cell))).toEqual(['Titel', 'Sprogcafé', 'Sprogcafé for alle', '–']);

    Array.from(element.querySelectorAll('button'))
      .find((b) => text(b) === 'Brug mine ændringer')
      ?.click();
    await expect(answer).resolves.toBe<ConflictChoice>('mine');
    await fixture.whenStable();
    expect(prompt.request()).toBeNull();
  });

  it('treats Escape as going on with editing', async () => {
    const { fixture, element, prompt } = setup();
    const answer = prompt.ask({ lines: [] });
    await fixture.whenStable();
    expect(text(element)).toContain('Den anden har ikke ændret de felter, du arbejder på.');

    element.querySelector('dialog')?.dispatchEvent(new Event('cancel', { cancelable: true }));
    await expect(answer).resolves.toBe('cancel');
  });
});
