// The folder table of ARCHITECTURE.md, enforced: each folder may import only what may run where it runs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'stream'];

/** The generator's framework rooms (ARCHITECTURE.md): peers that never import each other. */
const ROOMS = ['fastapi', 'flask', 'django'];
const roomImports = (rooms) => rooms.flatMap((room) => [`./${room}/*`, `../${room}/*`, `**/generate/${room}/*`]);

const DOMAIN_FORBIDDEN = [...NODE_BUILTINS, 'electron', 'react', 'react-dom', '@xyflow/*', '**/main/**', '**/renderer/**', '**/preload/**'];

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
    rules: forbid(DOMAIN_FORBIDDEN, 'domain/ is pure: it runs in the renderer, main and the CLI alike.'),
  },
  ...ROOMS.map((room) => ({
    files: [`domain/generate/${room}/**/*.ts`],
    ignores: ['**/*.test.ts', '**/*.bench.ts'],
    rules: forbid(
      [...DOMAIN_FORBIDDEN, ...roomImports(ROOMS.filter((other) => other !== room))],
      `domain/generate/${room}/ is one framework room: it may use the plan and the shared emitters, never another room.`,
    ),
  })),
  {
    files: ['domain/generate/{plan,python,shared,sqlalchemy}/**/*.ts', 'domain/generate/*.ts'],
    ignores: ['**/*.test.ts', '**/*.bench.ts', 'domain/generate/writers.ts'],
    rules: forbid(
      [...DOMAIN_FORBIDDEN, ...roomImports(ROOMS)],
      'The neutral part of the generator names no framework: it asks the writer (writer.ts); only writers.ts lists the rooms.',
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
