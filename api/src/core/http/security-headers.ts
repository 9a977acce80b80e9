import type { INestApplication, SecurityHeadersOptions } from '@nestjs/common';

/**
 * The Content-Security-Policy admits only the app's own scripts; inline styles are allowed because
 * Angular puts component styles in <style> elements.
 */
export const SECURITY_HEADERS: SecurityHeadersOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  // Same-origin by design; the public open-data endpoints set their own CORS headers where needed.
  crossOriginResourcePolicy: { policy: 'same-origin' },
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
};

/**
 * Security headers on every response. Nest's own hook (rather than a Fastify plugin's onRequest
 * hook) also runs for the errors Fastify's router raises before any hook, such as a malformed URL.
 */
export function useSecurityHeaders(app: INestApplication): void {
  app.useSecurityHeaders(SECURITY_HEADERS);
}
