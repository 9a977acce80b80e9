import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { Auth } from './auth';
import { sessionExpiryInterceptor } from './session-expiry.interceptor';

function setup(currentUrl = '/brugere?q=ada') {
  const auth = { expire: jest.fn() };
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      provideHttpClient(withInterceptors([sessionExpiryInterceptor])),
      provideHttpClientTesting(),
      { provide: Auth, useValue: auth },
    ],
  });
  const router = TestBed.inject(Router);
  jest.spyOn(router, 'url', 'get').mockReturnValue(currentUrl);
  const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
  return { auth, navigate, http: TestBed.inject(HttpClient), backend: TestBed.inject(HttpTestingController) };
}

const unauthorized = { status: 401, statusText: 'Unauthorized' };

describe('sessionExpiryInterceptor', () => {
  it('on a 401 forgets the user and sends them to log in, coming back to the current page', async () => {
    const { auth, navigate, http, backend } = setup();
    const request = firstValueFrom(http.get('/api/users'));
    backend.expectOne('/api/users').flush({ title: 'Unauthorized', status: 401 }, unauthorized);

    await expect(request).rejects.toMatchObject({ status: 401 });
    expect(auth.expire).toHaveBeenCalled();
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { returnUrl: '/brugere?q=ada' } });
  });

  it.each(['/api/auth/login', '/api/auth/me', '/api/auth/logout'])('leaves the 401 of %s to its caller', async (url) => {
    const { auth, navigate, http, backend } = setup();
    const request = firstValueFrom(http.post(url, {}));
    backend.expectOne(url).flush(null, unauthorized);

    await expect(request).rejects.toMatchObject({ status: 401 });
    expect(auth.expire).not.toHaveBeenCalled();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('ignores other errors', async () => {
    const { auth, http, backend } = setup();
    const request = firstValueFrom(http.get('/api/users'));
    backend.expectOne('/api/users').flush(null, { status: 403, statusText: 'Forbidden' });

    await expect(request).rejects.toMatchObject({ status: 403 });
    expect(auth.expire).not.toHaveBeenCalled();
  });

  it('does not navigate again when already on the login page', async () => {
    const { auth, navigate, http, backend } = setup('/login?returnUrl=%2Fbrugere');
    const request = firstValueFrom(http.get('/api/initiatives'));
    backend.expectOne('/api/initiatives').flush(null, unauthorized);

    await expect(request).rejects.toBeTruthy();
    expect(auth.expire).toHaveBeenCalled();
    expect(navigate).not.toHaveBeenCalled();
  });
});
