import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const packagesOutside = (own) =>
  ['server', 'sync-client', 'protocol', 'web']
    .filter((name) => name !== own)
    .map((name) => ({
      group: [`**/packages/${name}/**`, `../../${name}/**`, `@cotejo/${name}`],
      message: `packages/${own} must not import packages/${name}.`,
    }));

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/data/**',
      'coverage/**',
      'test-artifacts/**',
      'packages/web/dist*/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['packages/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...packagesOutside('protocol'),
            { group: ['node:*', 'fs', 'net', 'http', 'ws', 'pg'], message: 'protocol has no I/O.' },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: packagesOutside('server').filter((p) => !p.group.includes('@cotejo/protocol')),
        },
      ],
    },
  },
  {
    files: ['packages/sync-client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: packagesOutside('sync-client').filter(
            (p) => !p.group.includes('@cotejo/protocol'),
          ),
        },
      ],
    },
  },
  {
    // The web app runs in the browser: React hooks rules; protocol for its types only.
    files: ['packages/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...packagesOutside('web').filter((p) => !p.group.includes('@cotejo/protocol')),
            { group: ['node:*'], message: 'the web app runs in the browser.' },
          ],
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@cotejo/protocol',
              allowTypeImports: true,
              message: 'packages/web may import only types from @cotejo/protocol.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
