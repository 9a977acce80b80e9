import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { SignInOptions } from '@fremdrift/contracts';
import { firstValueFrom } from 'rxjs';
import { SignInOptionsApi, singleSignOnStartUrl } from './sign-in-options';

const options: SignInOptions = {
  singleSignOn: { kind: 'oidc', label: 'Aarhus Kommune', startUrl: '/api/auth/oidc/login' },
  localAccounts: 'all',
  accessContact: 'it-support@aarhus.dk',
};

describe('SignInOptionsApi', () => {
  function setup() {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    return { api: TestBed.inject(SignInOptionsApi), http: TestBed.inject(HttpTestingController) };
  }

  it('reads the options once per visit', async () => {
    const { api, http } = setup();
    const first = firstValueFrom(api.get());
    http.expectOne('/api/auth/sign-in-options').flush(options);
    await expect(first).resolves.toEqual(options);

    await expect(firstValueFrom(api.get())).resolves.toEqual(options);
    http.verify();
  });

  it('reads them again after a failed read', async () => {
    const { api, http } = setup();
    const failed = firstValueFrom(api.get());
    http.expectOne('/api/auth/sign-in-options').flush(null, { status: 503, statusText: 'Service Unavailable' });
    await expect(failed).rejects.toMatchObject({ status: 503 });

    const again = firstValueFrom(api.get());
    http.expectOne('/api/auth/sign-in-options').flush(options);
    await expect(again).resolves.toEqual(options);
  });
});

describe('singleSignOnStartUrl', () => {
  it('carries the page to come back to', () => {
    expect(singleSignOnStartUrl('/api/auth/oidc/login', '/brugere?q=ada&page=2')).toBe('/api/auth/oidc/login?returnTo=%2Fbrugere%3Fq%3Dada%26page%3D2');
    expect(singleSignOnStartUrl('/api/auth/saml/login?idp=kombit', '/')).toBe('/api/auth/saml/login?idp=kombit&returnTo=%2F');
  });
});
