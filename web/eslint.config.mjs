import baseConfig from '../eslint.config.mjs';
import featureBoundaries from './eslint-rules/feature-boundaries.mjs';

export default [
  ...baseConfig,
  {
    // One feature never reaches into another's files (see eslint-rules/feature-boundaries.mjs).
    files: ['src/**/*.ts'],
    plugins: { web: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: { 'web/feature-boundaries': 'error' },
  },
  {
    // Test helpers follow one naming scheme (`*.fixtures.ts`: test data; `testing.ts`: test doubles
    // and test providers), so that the app's own code can be kept from using them.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.spec.ts', 'src/**/*.fixtures.ts', 'src/**/testing.ts', 'src/test-setup.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\.?/(?:.*/)?(?:testing|[^/]+\\.fixtures)$',
              message: 'Test helpers (testing.ts, *.fixtures.ts) are for specs only.',
            },
          ],
        },
      ],
    },
  },
];
