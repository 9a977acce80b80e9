import angular from 'angular-eslint';
import { defineConfig } from 'eslint/config';
import baseConfig from '../eslint.config.mjs';
import featureBoundaries from './eslint-rules/feature-boundaries.mjs';

export default defineConfig([
  ...baseConfig,
  {
    // Angular's recommended rules for components, directives and pipes. The processor hands each
    // inline template to the `*.html` block below as a virtual file (`<file>.ts/…inline-template….html`).
    files: ['src/**/*.ts'],
    extends: [...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'fd', style: 'camelCase' }],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'fd', style: 'kebab-case' }],
    },
  },
  {
    // Templates, both the `.html` files and the inline ones: recommended rules and accessibility.
    files: ['src/**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
  },
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
]);
