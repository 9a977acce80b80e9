import { TestBed } from '@angular/core/testing';
import { provideI18nTesting } from '../../core/i18n/testing';
import { LoadFailed } from './load-failed';

describe('LoadFailed', () => {
  function setup(detail?: string) {
    TestBed.configureTestingModule({ imports: [LoadFailed], providers: [provideI18nTesting()] });
    const fixture = TestBed.createComponent(LoadFailed);
    fixture.componentRef.setInput('heading', 'initiativeList.loadFailed');
    fixture.componentRef.setInput('problem', { type: 'about:blank', code: 'databaseUnavailable', status: 503, title: 'Databasen svarer ikke', detail });
    const retried = jest.fn();
    fixture.componentInstance.retry.subscribe(retried);
    fixture.detectChanges();
    return { element: fixture.nativeElement as HTMLElement, retried };
  }

  it('says what failed and why as an alert, and retries on request', () => {
    const { element, retried } = setup('Prøv igen om lidt.');
    const alert = element.querySelector('[role="alert"]');
    expect(alert?.querySelector('h3')?.textContent).toBe('Initiativerne kunne ikke hentes');
    expect(alert?.textContent).toContain('Databasen svarer ikke');
    expect(alert?.textContent).toContain('Prøv igen om lidt.');
    element.querySelector('button')?.click();
    expect(retried).toHaveBeenCalledTimes(1);
  });

  it('leaves the detail out when there is none', () => {
    const { element } = setup();
    expect(element.querySelectorAll('p')).toHaveLength(1);
  });
});
