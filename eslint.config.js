// The folder table of ARCHITECTURE.md, enforced: each folder may import only what may run where it runs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'stream'];

function forbid(patterns, message) {
  return { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.tsbuild/', '.cache/', 'test-results/', 'playwright-report/', 'verify/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', window: 'readonly', document: 'readonly' } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['domain/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.bench.ts'],
    rules: forbid(
      [...NODE_BUILTINS, 'electron', 'react', 'react-dom', '@xyflow/*', '**/main/**', '**/renderer/**', '**/preload/**'],
      'domain/ is pure: it runs in the renderer, main and the CLI alike.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', '**/*.bench.ts', 'renderer/vite.config.ts'],
    rules: forbid([...NODE_BUILTINS, 'electron', '**/main/**'], 'renderer/ talks to window.api only: no Node, Electron or main/.'),
  },
  {
    files: ['preload/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: forbid([...NODE_BUILTINS, '**/main/**', '**/renderer/**'], 'preload/ is the bridge: Electron contextBridge/ipcRenderer only.'),
  },
  {
    files: ['main/**/*.ts'],
    rules: forbid(['**/renderer/**'], 'main/ never imports the renderer.'),
  },
);
