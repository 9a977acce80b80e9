import baseConfig from '../eslint.config.mjs';

/**
 * Queries reach PostgreSQL through `Database` (core/database), which joins the unit of work in
 * progress. A repository or data source injected directly would open a second connection while a
 * transaction holds the first: under load every connection ends up waiting for another.
 */
const connectionBypass = {
  paths: [
    {
      name: '@nestjs/typeorm',
      importNames: ['InjectRepository', 'InjectDataSource', 'InjectEntityManager'],
      message: 'Inject Database (core/database/database) instead: it joins the running transaction.',
    },
    { name: 'typeorm', importNames: ['DataSource'], message: 'Inject Database (core/database/database) instead: it joins the running transaction.' },
  ],
};

export default [
  ...baseConfig,
  {
    files: ['src/**/*.ts'],
    ignores: ['src/core/database/**', 'src/database/**', 'src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', connectionBypass],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction'][callee.object.property.name=/^(dataSource|manager)$/]",
          message: 'Run units of work through TransactionRunner, so that every query inside joins them.',
        },
      ],
    },
  },
];
