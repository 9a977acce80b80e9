/** API integration tests: the real app on a real PostgreSQL, started once per run. */
module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'api-integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/integration/**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/test/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
  // One database, so one worker: test files truncate the tables they use.
  maxWorkers: 1,
  testTimeout: 30000,
};
