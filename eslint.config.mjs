import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const appsScriptGlobals = [
  'SpreadsheetApp', 'DocumentApp', 'DriveApp', 'HtmlService', 'PropertiesService', 'LockService',
  'ScriptApp', 'MailApp', 'GmailApp', 'Session', 'Utilities', 'CacheService', 'UrlFetchApp', 'Logger',
  'Charts', 'google',
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-node/**', 'dist-department/**', 'node_modules/**', 'coverage/**', '.demo/**', 'test-output/**', '.bench-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly', window: 'readonly', document: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // The pure core runs unchanged in Apps Script, Node and the browser.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...appsScriptGlobals, 'process', 'Buffer', 'require', '__dirname', 'window', 'document', 'console'],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'os', 'child_process', 'exceljs', 'docx', '../../app/*', '../../gas/*', '../../node/*'] }],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...appsScriptGlobals, 'process', 'Buffer', '__dirname', 'window', 'document'],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'exceljs', 'docx', '../gas/*', '../node/*'] }],
    },
  },
);
