/** The benchmark harness on a tiny dataset (npm run bench -- --smoke), so that it cannot rot. */
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'api-bench-smoke',
  rootDir: __dirname,
  testMatch: ['<rootDir>/*.smoke-spec.ts'],
  testTimeout: 120000,
};
