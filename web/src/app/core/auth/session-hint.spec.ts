import { TestBed } from '@angular/core/testing';
import { SessionHint } from './session-hint';

const clear = (name: string) => (document.cookie = `${name}=; Max-Age=0; Path=/`);

describe('SessionHint', () => {
  afterEach(() => ['XSRF-TOKEN', 'OTHER-XSRF-TOKEN', 'theme'].forEach(clear));

  it('sees the CSRF token cookie among others, and only that one', () => {
    const hint = TestBed.inject(SessionHint);
    document.cookie = 'theme=dark; Path=/';
    document.cookie = 'OTHER-XSRF-TOKEN=abc; Path=/';
    expect(hint.present()).toBe(false);

    document.cookie = 'XSRF-TOKEN=a=b; Path=/';
    expect(hint.present()).toBe(true);
  });

  it('treats an emptied cookie as none, and forgets the token', () => {
    const hint = TestBed.inject(SessionHint);
    document.cookie = 'XSRF-TOKEN=; Path=/';
    expect(hint.present()).toBe(false);

    document.cookie = 'XSRF-TOKEN=abc; Path=/';
    hint.forget();
    expect(hint.present()).toBe(false);
    expect(document.cookie).not.toContain('XSRF-TOKEN=abc');
  });
});
