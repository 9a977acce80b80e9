export * from './lib/access';
export * from './lib/partner-consent';
