export * from './lib/dates';
export * from './lib/progress';
export * from './lib/expected-progress';
export * from './lib/overdue';
export * from './lib/health';
export * from './lib/initiative-metrics';
export * from './lib/reporting';
export * from './lib/lifecycle';
