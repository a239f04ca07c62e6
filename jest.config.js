/**
 * One jest run, five projects, run in the order `npm test` lists them
 * (typecheck → unit → emulator → functions → weapp → e2e).
 */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic' } },
        target: 'es2020',
      },
      module: { type: 'commonjs' },
    },
  ],
};

const common = {
  transform,
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'components',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/__test__/**/*.test.tsx'],
    },
    {
      ...common,
      displayName: 'emulator',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/emulator/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'functions',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/functions/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
};
