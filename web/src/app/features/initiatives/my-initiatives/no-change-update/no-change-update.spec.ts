import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { RecordNoChange, StatusUpdate } from '@fremdrift/contracts';
import { Observable, of, throwError } from 'rxjs';
import { provideI18nTesting } from '../../../../core/i18n/testing';
import { aStatusUpdate, aSummary } from '../../../../shared/testing/initiative.fixtures';
import { NoChangeApi } from './no-change-api';
import { NoChangeUpdate } from './no-change-update';

function setup(record: (id: string, input: RecordNoChange) => Observable<StatusUpdate>) {
  const api = { record: jest.fn(record) };
  TestBed.configureTestingModule({
    imports: [NoChangeUpdate],
    providers: [provideRouter([]), provideI18nTesting(), { provide: NoChangeApi, useValue: api }],
  });
  const fixture = TestBed.createComponent(NoChangeUpdate);
  fixture.componentRef.setInput('initiative', aSummary({ id: 'i1', title: 'Psykosocial støtte' }));
  const recorded: StatusUpdate[] = [];
  fixture.componentInstance.recorded.subscribe((update) => recorded.push(update));
  document.body.appendChild(fixture.nativeElement);
  const element = fixture.nativeElement as HTMLElement;
  const button = (name: RegExp) => {
    const found = Array.from(element.querySelectorAll('button')).find((b) => name.test(b.textContent ?? ''));
    if (!found) throw new Error(`No button ${name}`);
    return found;
  };
  const click = async (name: RegExp) => {
    button(name).click();
    await fixture.whenStable();
  };
  return { fixture, element, api, recorded, button, click };
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const problem = (status: number, body: object) => () =>
  throwError(() => new HttpErrorResponse({ status, error: { type: 'about:blank', title: 'x', status, ...body } }));

describe('NoChangeUpdate', () => {
  afterEach(() => document.body.replaceChildren());

  it('records the update with one click, confirms it in the status region and moves focus there', async () => {
    const update = aStatusUpdate({ id: 'new', noChange: true });
    const { fixture, element, api, recorded, button, click } = setup(() => of(update));
    await fixture.whenStable();
    // No empty status region on every card of the list.
    expect(element.querySelector('[role="status"]')).toBeNull();
    expect(button(/Ingen ændringer siden sidst/).getAttribute('aria-label')).toBe('Ingen ændringer siden sidst: Psykosocial støtte');

    await click(/Ingen ændringer siden sidst/);

    expect(api.record).toHaveBeenCalledWith('i1', {});
    expect(recorded).toEqual([update]);
    const status = element.querySelector('[role="status"]');
    expect(text(status)).toBe('✓ Rapporteret: ingen ændringer siden sidst for november 2026.');
    expect(element.querySelector('button')).toBeNull();
    expect(document.activeElement).toBe(status);
  });

  it('reveals the optional note with a toggle and sends it trimmed', async () => {
    const { fixture, element, api, button, click } = setup(() => of(aStatusUpdate()));
    await fixture.whenStable();
    expect(element.querySelector('textarea')).toBeNull();
    expect(button(/Tilføj en kort bemærkning/).getAttribute('aria-expanded')).toBe('false');

    await click(/Tilføj en kort bemærkning/);
    const note = element.querySelector('textarea') as HTMLTextAreaElement;
    expect(button(/Tilføj en kort bemærkning/).getAttribute('aria-expanded')).toBe('true');
    expect(text(element.querySelector(`label[for="${note.id}"]`))).toBe('Kort bemærkning (valgfri)');
    expect(document.activeElement).toBe(note);
    note.value = '  Afventer byrådet.  ';
    note.dispatchEvent(new Event('input'));
    await click(/Ingen ændringer siden sidst/);

    expect(api.record).toHaveBeenCalledWith('i1', { note: 'Afventer byrådet.' });
  });

  it('does not send a note over 500 characters, and says why', async () => {
    const { fixture, element, api, click } = setup(() => of(aStatusUpdate()));
    await fixture.whenStable();
    await click(/Tilføj en kort bemærkning/);
    const note = element.querySelector('textarea') as HTMLTextAreaElement;
    note.value = 'x'.repeat(501);
    note.dispatchEvent(new Event('input'));
    await fixture.whenStable();

    await click(/Ingen ændringer siden sidst/);

    expect(api.record).not.toHaveBeenCalled();
    expect(text(element.querySelector('.field-error'))).toBe('Bemærkningen må højst være 500 tegn.');
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(note);
  });

  it('sends the user to the prefilled form when health has changed since the last update', async () => {
    const { fixture, element, recorded, click } = setup(
      problem(400, {
        code: 'validation',
        errors: { delayCauseId: [{ code: 'healthDropCause', message: 'm' }], delayReason: [{ code: 'healthDropReason', message: 'm' }] },
      }),
    );
    await fixture.whenStable();
    await click(/Ingen ændringer siden sidst/);

    const alert = element.querySelector('[role="alert"]');
    expect(text(alert)).toContain('Vurderingen er ændret siden sidste statusopdatering');
    expect(alert?.querySelector('a')?.getAttribute('href')).toBe('/initiativer/i1?opdatering=ingen-aendringer#ny-statusopdatering');
    expect(recorded).toEqual([]);
    expect(element.querySelector('button')).not.toBeNull();
  });

  it('translates a refusal by its code: already reported, nothing to carry over', async () => {
    const already = setup(problem(409, { code: 'alreadyReported' }));
    await already.fixture.whenStable();
    await already.click(/Ingen ændringer siden sidst/);
    expect(text(already.element.querySelector('[role="alert"]'))).toBe(
      'Opdateringen blev ikke registreret. Der er allerede sendt en statusopdatering for denne periode',
    );
    expect(already.element.querySelector('[role="alert"] a')).toBeNull();
    TestBed.resetTestingModule();

    const none = setup(problem(409, { code: 'nothingToCarryOver' }));
    await none.fixture.whenStable();
    await none.click(/Ingen ændringer siden sidst/);
    const alert = none.element.querySelector('[role="alert"]');
    expect(text(alert)).toContain('Der er ingen tidligere statusopdatering at bygge videre på');
    expect(text(alert?.querySelector('a') ?? null)).toBe('Skriv den første statusopdatering');
  });
});
