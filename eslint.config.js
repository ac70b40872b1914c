// @ts-check
import js from '@eslint/js';
import vitest from '@vitest/eslint-plugin';
import tseslint from 'typescript-eslint';

/** Import boundaries, each with the reason a reader needs when it fires. */
const clientBoundary = {
  patterns: [
    {
      group: ['**/server/**', '../server/*', '../../server/*'],
      message: 'The client never imports server code: talk to it over GraphQL.',
    },
  ],
};
const resolverBoundary = {
  patterns: [
    { group: ['*.repo', '*.repo.js', '*.repo.ts'], message: 'Resolvers stay thin: call a service, never a repo.' },
    {
      group: ['*.table', '*.table.js', '*.table.ts', 'drizzle-orm', 'drizzle-orm/*'],
      message: 'Resolvers never touch tables: call a service.',
    },
  ],
};
const repoOutsideModule = {
  patterns: [
    {
      group: ['../*/*.repo.js', '../../modules/*/*.repo.js', '**/modules/*/*.repo.js'],
      message: "Only a module uses its own repo: call that module's service (or its seed function).",
    },
  ],
};
const policyInResolver = {
  patterns: [
    {
      group: ['*.policy', '*.policy.js', '*.policy.ts'],
      message: 'Resolvers never decide who may do what: the service asks its policy.',
    },
    {
      group: ['**/auth/actor', '**/auth/actor.js'],
      importNames: ['hasRole'],
      message: 'Resolvers never check roles: the service asks its policy.',
    },
  ],
};
const domainBelowTransport = {
  patterns: [
    {
      group: ['../graphql/**', '../../graphql/**', '../http/**', '../../http/**', '../app.js', '../../app.js'],
      message:
        'Domain code sits below the transports: GraphQL (server/graphql) and HTTP (server/http) call it, never the other way. Put shared types in the module (<domain>.models.ts), generic helpers in server/lib.',
    },
  ],
};
/** A repo's SQL names only its module's tables (change_events, the shared log, is server/realtime's, not a module's). */
const foreignTables = ['../*/*.table', '../*/*.table.js', '../*/*.table.ts'];
const foreignTablesMessage = "A repo reads only its own module's tables: ask the owning module's service or loaders.";
/**
 * Repos that still join another module's tables, each allowed exactly those (issue 11 left them: the joins order, filter
 * or sweep in one query, and splitting them costs round trips). Nothing may be added here without that reason.
 */
const knownJoins = {
  'server/modules/auth/auth.repo.ts': ['../parties/parties.table.js'],
  'server/modules/cooperation/cooperation.repo.ts': ['../parties/parties.table.js', '../parties/persons.table.js'],
  // Agreements, ratifications and negotiations list their parties in Finnish name order (split from cooperation.repo.ts).
  'server/modules/cooperation/agreements.repo.ts': ['../parties/parties.table.js'],
  'server/modules/goals/goals.repo.ts': [
    '../cooperation/cooperation.table.js',
    '../needs/needs.table.js',
    '../parties/parties.table.js',
  ],
  'server/modules/needs/needs.repo.ts': ['../meetings/meetings.table.js', '../parties/parties.table.js'],
  'server/modules/notifications/notifications.repo.ts': [
    '../auth/auth.table.js',
    '../cooperation/cooperation.table.js',
    '../needs/needs.table.js',
    '../parties/persons.table.js',
  ],
};
const repoBoundary = (allowed = []) => ({
  patterns: [
    ...repoOutsideModule.patterns,
    ...domainBelowTransport.patterns,
    { group: [...foreignTables, ...allowed.map((a) => `!${a}`)], message: foreignTablesMessage },
  ],
});

/** Tests wait for the condition, never for a while (house style 20): the timers a sleep is made of. */
const sleepMessage =
  'No sleeps in tests: wait for the condition (waitFor, eventually or nextWhere in tests/integration/helpers.ts).';
const noSleeps = [
  ...['ArrowFunctionExpression', 'FunctionExpression'].map((fn) => ({
    selector: `NewExpression[callee.name='Promise'] > ${fn}[params.length=1] CallExpression[callee.name='setTimeout']`,
    message: sleepMessage,
  })),
  { selector: 'CallExpression[callee.name=/^(sleep|delay)$/]', message: sleepMessage },
  { selector: "CallExpression[callee.property.name='waitForTimeout']", message: sleepMessage },
  { selector: 'ImportDeclaration[source.value=/timers\\/promises$/]', message: sleepMessage },
];
const testFiles = ['tests/**/*.test.ts', 'server/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'];

export default tseslint.config(
  { ignores: ['node_modules', 'client/dist', 'dist', '**/generated/**', '.data', 'server/db/migrations'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  { files: ['client/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', clientBoundary] } },
  // Flat config replaces a rule's options per block, so each block lists every pattern that applies to it.
  {
    files: ['server/graphql/**/*.ts', 'server/http/**/*.ts', 'server/realtime/**/*.ts', 'server/app.ts'],
    rules: { 'no-restricted-imports': ['error', repoOutsideModule] },
  },
  {
    files: ['server/modules/**/*.ts'],
    ignores: ['server/modules/**/*.resolvers.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...repoOutsideModule.patterns, ...domainBelowTransport.patterns] }],
    },
  },
  { files: ['server/modules/**/*.repo.ts'], rules: { 'no-restricted-imports': ['error', repoBoundary()] } },
  ...Object.entries(knownJoins).map(([file, allowed]) => ({
    files: [file],
    rules: { 'no-restricted-imports': ['error', repoBoundary(allowed)] },
  })),
  {
    files: ['server/**/*.resolvers.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...resolverBoundary.patterns, ...repoOutsideModule.patterns, ...policyInResolver.patterns] },
      ],
    },
  },
  {
    // Every assertion runs whenever its test runs: none inside if/else, ?:, && or catch (wait, filter or split the test instead).
    files: testFiles,
    plugins: { vitest },
    rules: {
      'vitest/no-conditional-expect': 'error',
      'vitest/no-conditional-in-test': 'error',
      'no-restricted-syntax': ['error', ...noSleeps],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
