// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Import boundaries, each with the reason a reader needs when it fires. */
const clientBoundary = {
  patterns: [{ group: ['**/server/**', '../server/*', '../../server/*'], message: 'The client never imports server code: talk to it over GraphQL.' }],
};
const resolverBoundary = {
  patterns: [
    { group: ['*.repo', '*.repo.js', '*.repo.ts'], message: 'Resolvers stay thin: call a service, never a repo.' },
    { group: ['*.table', '*.table.js', '*.table.ts', 'drizzle-orm', 'drizzle-orm/*'], message: 'Resolvers never touch tables: call a service.' },
  ],
};
const repoOutsideModule = {
  patterns: [{ group: ['../*/*.repo.js', '../../modules/*/*.repo.js', '**/modules/*/*.repo.js'], message: 'Only a module uses its own repo: call that module\'s service (or its seed function).' }],
};

export default tseslint.config(
  { ignores: ['node_modules', 'client/dist', 'dist', '**/generated/**', '.data', 'server/db/migrations'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  { files: ['client/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', clientBoundary] } },
  // Flat config replaces a rule's options per block, so each block lists every pattern that applies to it.
  { files: ['server/modules/**/*.ts', 'server/graphql/**/*.ts', 'server/realtime/**/*.ts', 'server/app.ts'], rules: { 'no-restricted-imports': ['error', repoOutsideModule] } },
  {
    files: ['server/**/*.resolvers.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...resolverBoundary.patterns, ...repoOutsideModule.patterns] }] },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
