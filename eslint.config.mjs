import js from '@eslint/js';
import { join } from 'node:path';
import { defineConfig, includeIgnoreFile } from 'eslint/config';
import tseslint from 'typescript-eslint';
import houseRules from './eslint/house-rules.mjs';

/** Everything that ships or serves: the layers below hold for these and not for tests, scripts or the emulator. */
const PRODUCT_CODE = ['src/**', 'core/**', 'types/**', 'server/**', 'cloudfunctions/**'];

/** The files allowed to reach the database (ARCHITECTURE.md, "Layers"). */
const DATABASE_ACCESS = [
  '**/repository.ts',
  '**/*.repository.ts',
  'server/kernel/db.ts',
  'server/kernel/caller.ts',
  // The transaction session is the kernel's typed wrapper over the SDK's transaction object.
  'server/kernel/transaction.ts',
  'server/audit.ts',
];

/** The Node globals the plain-JS config and tool files use (TypeScript files get theirs from @types/node). */
const NODE_GLOBALS = { process: 'readonly', console: 'readonly' };
const COMMONJS_GLOBALS = { ...NODE_GLOBALS, module: 'writable', require: 'readonly', __dirname: 'readonly' };

export default defineConfig(
  // .gitignore already names every build output: dist, node_modules, cloudfunctions/*/index.js, .data, test-results…
  includeIgnoreFile(join(import.meta.dirname, '.gitignore'), 'build outputs from .gitignore'),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The type-aware rules that catch real bugs (a promise nobody awaits, an async callback where a void one
      // is expected); the rest of recommendedTypeChecked mostly flags the SDK's untyped `any`.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    },
  },
  {
    rules: {
      // require() is deliberate where it appears: inside a build-time TARO_ENV branch (webpack drops the other
      // platform's module), in jest.mock factories, and for modules loaded by name at run time. The layer rules
      // below see require() as well as import.
      '@typescript-eslint/no-require-imports': 'off',
      // The convention tsc's noUnusedParameters/noUnusedLocals already accept: a leading underscore marks "unused on purpose".
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: COMMONJS_GLOBALS },
  },
  {
    plugins: { hongtu: houseRules },
  },
  {
    // Shared by the app and the functions, so neither side's runtime may leak in.
    files: ['core/**', 'types/**'],
    rules: {
      'hongtu/layer-imports': [
        'error',
        { folders: ['server', 'cloudfunctions', 'emulator', 'src'], packages: ['@tarojs', 'wx-server-sdk'] },
      ],
    },
  },
  {
    files: ['src/**'],
    rules: { 'hongtu/layer-imports': ['error', { folders: ['server', 'cloudfunctions', 'emulator'], packages: ['wx-server-sdk'] }] },
  },
  {
    files: ['src/**'],
    ignores: ['src/**/__test__/**'],
    rules: { 'hongtu/type-only-contracts': 'error' },
  },
  {
    files: ['server/**'],
    rules: { 'hongtu/layer-imports': ['error', { folders: ['cloudfunctions', 'emulator', 'src'], packages: ['@tarojs'] }] },
  },
  {
    files: ['cloudfunctions/**'],
    rules: {
      'hongtu/layer-imports': ['error', { folders: ['emulator', 'src'], packages: ['@tarojs'] }],
      'hongtu/no-cross-function-imports': 'error',
    },
  },
  {
    files: PRODUCT_CODE,
    ignores: DATABASE_ACCESS,
    rules: { 'hongtu/db-access-in-repositories': 'error' },
  },
);
