export * from './lib/enums';
export * from './lib/limits';
export * from './lib/api-types';
export * from './lib/auth';
export * from './lib/workspace';
export * from './lib/dashboard';
export * from './lib/public';
