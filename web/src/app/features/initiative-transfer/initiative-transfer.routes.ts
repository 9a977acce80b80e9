import { provideHttpClient, withInterceptors, withXhr, withXsrfConfiguration } from '@angular/common/http';
import type { Routes } from '@angular/router';
import { XSRF_COOKIE, XSRF_HEADER } from '@fremdrift/contracts';
import { sessionExpiryInterceptor } from '../../core/auth/session-expiry.interceptor';
import { InitiativeTransferApi } from './initiative-transfer-api';

/**
 * The import page. Its HTTP client is the app's (same CSRF header, same session handling) but on
 * XHR, because the app's fetch backend cannot report how much of an upload is sent.
 */
export const initiativeTransferRoutes: Routes = [
  {
    path: '',
    title: 'transfer.pageTitle',
    providers: [
      provideHttpClient(withXhr(), withXsrfConfiguration({ cookieName: XSRF_COOKIE, headerName: XSRF_HEADER }), withInterceptors([sessionExpiryInterceptor])),
      InitiativeTransferApi,
    ],
    loadComponent: () => import('./import-page/import-page').then((m) => m.ImportPage),
  },
];
