module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'progress',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
