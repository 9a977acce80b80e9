export * from './lib/access';
export * from './lib/partner-consent';
export * from './lib/identity-mapping';
export * from './lib/start-page';
