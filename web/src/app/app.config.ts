import { provideHttpClient, withFetch, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import { ApplicationConfig, inject, provideAppInitializer, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { XSRF_COOKIE, XSRF_HEADER } from '@fremdrift/contracts';
import { routes } from './app.routes';
import { Auth } from './core/auth/auth';
import { sessionExpiryInterceptor } from './core/auth/session-expiry.interceptor';
import { provideI18n } from './core/i18n/i18n';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // Zoneless is Angular 22's default; said out loud so that nothing loading zone.js changes it.
    provideZonelessChangeDetection(),
    // Query parameters (filters, page) arrive as the routed component's signal inputs.
    provideRouter(routes, withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'enabled' })),
    // The API's CSRF check is Angular's own convention; named here so that both sides read one contract.
    provideHttpClient(withFetch(), withXsrfConfiguration({ cookieName: XSRF_COOKIE, headerName: XSRF_HEADER }), withInterceptors([sessionExpiryInterceptor])),
    // The header and the guards need to know who is signed in before the first page shows.
    provideAppInitializer(() => inject(Auth).refresh()),
    // Texts in the language chosen earlier (Danish by default), loaded before the first page.
    provideI18n(),
  ],
};
