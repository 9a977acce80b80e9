module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'access',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
