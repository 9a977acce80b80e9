import { TestBed } from '@angular/core/testing';
import { DASHBOARD_EVENTS_URL } from './dashboard-api';
import { DashboardEvents, OPEN_EVENT_SOURCE } from './dashboard-events';

/** Enough of an EventSource for the service: events are dispatched by the test. */
class FakeEventSource extends EventTarget {
  static opened: FakeEventSource[] = [];
  closed = false;
  constructor(readonly url: string) {
    super();
    FakeEventSource.opened.push(this);
  }
  close(): void {
    this.closed = true;
  }
  emit(type: string): void {
    this.dispatchEvent(new Event(type));
  }
}

function setup(open: (url: string) => EventSource | null = (url) => new FakeEventSource(url) as unknown as EventSource) {
  FakeEventSource.opened = [];
  TestBed.configureTestingModule({ providers: [{ provide: OPEN_EVENT_SOURCE, useValue: open }] });
  return TestBed.inject(DashboardEvents);
}

describe('DashboardEvents', () => {
  it('opens the stream on subscribe, passes on changes (not pings) and closes on unsubscribe', () => {
    const events = setup();
    const seen = jest.fn();
    const subscription = events.changes().subscribe(seen);
    const [source] = FakeEventSource.opened;
    expect(source.url).toBe(DASHBOARD_EVENTS_URL);

    source.emit('open');
    source.emit('ping');
    expect(seen).not.toHaveBeenCalled();
    source.emit('change');
    source.emit('change');
    expect(seen).toHaveBeenCalledTimes(2);

    subscription.unsubscribe();
    expect(source.closed).toBe(true);
    source.emit('change');
    expect(seen).toHaveBeenCalledTimes(2);
  });

  it('counts a reconnect as a change, since changes in between were missed', () => {
    const events = setup();
    const seen = jest.fn();
    events.changes().subscribe(seen);
    const [source] = FakeEventSource.opened;
    source.emit('open');
    expect(seen).not.toHaveBeenCalled();
    source.emit('error');
    source.emit('open');
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('completes without a stream where the browser has no EventSource', () => {
    const events = setup(() => null);
    const complete = jest.fn();
    events.changes().subscribe({ complete });
    expect(complete).toHaveBeenCalled();
  });
});
