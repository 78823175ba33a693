// Lint rules that keep each runtime in its own folder (see README, "How the parts fit").
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeModules = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const noElectron = {
  name: 'electron',
  message: 'Only electron/main and electron/preload may import electron; the core runs in plain Node.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: [noElectron, ...nodeModules.map((name) => ({ name, message: 'The renderer reaches the host only through the WorkstationApi.' }))],
        patterns: [
          { group: ['**/electron/**', '**/server/**'], message: 'The renderer reaches the host only through the WorkstationApi.' },
        ],
      }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/web-host/**/*.ts', 'server/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [{ group: ['**/electron/main/**', '**/electron/preload/**', '**/renderer/**'], message: 'The core does not depend on the Electron shell or the renderer.' }],
      }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron, ...nodeModules.map((name) => ({ name, message: 'shared/ runs in the renderer too: no Node modules.' }))],
        patterns: [
          { group: ['../../*', '**/electron/**', '**/renderer/**', '**/server/**', '**/locales/**'], message: 'shared/ imports from no other folder of the project.' },
        ],
      }],
    },
  },
);
