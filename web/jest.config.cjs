/** Unit tests of the web app: jest-preset-angular compiles the components (JIT) under jsdom, without zone.js. */
const path = require('node:path');
const { createCjsPreset } = require('jest-preset-angular/presets');

const workspaceRoot = path.join(__dirname, '..');

module.exports = {
  ...createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' }),
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  moduleNameMapper: {
    '^@fremdrift/contracts$': path.join(workspaceRoot, 'libs/contracts/src/index.ts'),
    '^@fremdrift/progress$': path.join(workspaceRoot, 'libs/progress/src/index.ts'),
    '^@fremdrift/access$': path.join(workspaceRoot, 'libs/access/src/index.ts'),
  },
};
