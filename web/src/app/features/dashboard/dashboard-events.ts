import { Injectable, InjectionToken, inject } from '@angular/core';
import { EMPTY, Observable } from 'rxjs';
import { DASHBOARD_EVENTS_URL } from './dashboard-api';

/** Opens an EventSource; a token so that tests can hand in a fake. */
export const OPEN_EVENT_SOURCE = new InjectionToken<(url: string) => EventSource | null>('OPEN_EVENT_SOURCE', {
  providedIn: 'root',
  factory: () => (url: string) => (typeof EventSource === 'undefined' ? null : new EventSource(url)),
});

/**
 * The API's live feed (`GET /api/dashboard/events`, server-sent events): `change` whenever anyone
 * changes data, `ping` to keep the line open. EventSource reconnects by itself; changes made while
 * the line was down are not replayed, so a reconnect counts as a change too.
 */
@Injectable({ providedIn: 'root' })
export class DashboardEvents {
  private readonly open = inject(OPEN_EVENT_SOURCE);

  /** Emits on every change; subscribing opens the stream, unsubscribing closes it. */
  changes(): Observable<void> {
    return new Observable<void>((subscriber) => {
      const source = this.open(DASHBOARD_EVENTS_URL);
      if (!source) return EMPTY.subscribe(subscriber);
      let interrupted = false;
      const onChange = () => subscriber.next();
      const onError = () => {
        interrupted = true;
      };
      const onOpen = () => {
        if (!interrupted) return;
        interrupted = false;
        subscriber.next();
      };
      source.addEventListener('change', onChange);
      source.addEventListener('error', onError);
      source.addEventListener('open', onOpen);
      return () => {
        source.removeEventListener('change', onChange);
        source.removeEventListener('error', onError);
        source.removeEventListener('open', onOpen);
        source.close();
      };
    });
  }
}
