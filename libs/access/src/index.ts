export * from './lib/access';
