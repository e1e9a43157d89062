import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const ipcBan = {
  paths: [
    {
      name: 'electron',
      importNames: ['ipcRenderer', 'ipcMain'],
      message: 'Use the typed IPC module (electron/main/ipc.ts, electron/preload) instead of raw ipcRenderer/ipcMain.',
    },
  ],
};

// Catches `electron.ipcRenderer` / `require('electron').ipcMain` too, which an import rule alone misses.
const ipcMemberBan = {
  selector: 'MemberExpression[property.name=/^ipc(Renderer|Main)$/]',
  message: 'Use the typed IPC module (electron/main/ipc.ts, electron/preload) instead of raw ipcRenderer/ipcMain.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**', 'scripts/.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', ipcBan],
      'no-restricted-syntax': ['error', ipcMemberBan],
    },
  },
  {
    // Plain Node scripts.
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // Only the IPC modules may touch ipcMain / ipcRenderer.
    files: ['electron/main/ipc.ts', 'electron/preload/index.ts', 'test/unit/electron/**'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // shared/ is imported by every process: it may not use electron, node or DOM APIs.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['electron', 'node:*', 'fs', 'path', 'react', 'react-dom'] }],
    },
  },
);
