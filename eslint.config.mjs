// ESLint flat config: typescript-eslint with type information for the TypeScript sources, and the
// layer boundaries (src/core is pure TypeScript; src/gas, src/node and src/ui depend on core, never
// on each other except the UI's type-only view of the server contract, src/gas/api.ts).
// Formatting is prettier's job (`prettier --check .` in the lint script); eslint-config-prettier
// turns off the stylistic rules that would fight it.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

// Node built-in modules, with or without the `node:` prefix ("fs", "fs/promises", "node:path"…).
const NODE_BUILTINS =
  'assert|async_hooks|buffer|child_process|cluster|console|constants|crypto|dgram|diagnostics_channel|dns|domain|events|fs|http|http2|https|inspector|module|net|os|path|perf_hooks|process|punycode|querystring|readline|repl|stream|string_decoder|sys|timers|tls|trace_events|tty|url|util|v8|vm|wasi|worker_threads|zlib';
const nodeBuiltin = { regex: `^(node:.*|(${NODE_BUILTINS})(/.*)?)$`, message: 'Node built-in modules belong in src/node.' };

// A relative import whose path goes through a directory of the given layer ("../gas/env", "../../node/files").
const intoLayer = (layer) => `^\\.\\.?/(.*/)?${layer}(/|$)`;

// Globals that exist only in Node, the browser or Apps Script: none of them may appear in src/core.
const HOST_GLOBALS = [
  // Node
  'process Buffer require module exports __dirname __filename global NodeJS setImmediate clearImmediate',
  // the browser, and the timers and I/O that Apps Script lacks
  'window document navigator location localStorage sessionStorage self alert fetch XMLHttpRequest URL URLSearchParams',
  'TextEncoder TextDecoder atob btoa setTimeout clearTimeout setInterval clearInterval queueMicrotask structuredClone performance',
  // both, and the way round this list
  'console globalThis',
  // Apps Script
  'google GoogleAppsScript SpreadsheetApp DriveApp DocumentApp SlidesApp FormApp GmailApp MailApp CalendarApp Drive Sheets Docs',
  'Utilities Logger PropertiesService CacheService LockService HtmlService ContentService CardService UrlFetchApp Session ScriptApp Browser',
]
  .flatMap((group) => group.split(' '))
  .map((name) => ({
    name,
    message: 'src/core is pure TypeScript: Node, browser and Apps Script globals belong in src/node, src/ui or src/gas.',
  }));

export default defineConfig(
  { ignores: ['build/', 'node_modules/', 'coverage/', 'demo-output/', 'test-output/'] },

  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // The JavaScript files (build script, jest config and reporter, this file) are not in a
    // TypeScript project: lint them without type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: {
        URL: 'readonly',
        process: 'readonly',
        console: 'readonly',
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts'],
    rules: {
      // `{}` is what is left of `unknown` after a null check or `x ?? ''`: stringifying any cell or
      // argument value on purpose, as plain `unknown` is (checkUnknown is off by default). Object
      // types with no toString of their own are still reported.
      '@typescript-eslint/no-base-to-string': ['error', { ignoredTypeNames: ['Error', 'RegExp', 'URL', 'URLSearchParams', '{}'] }],
      // The file-name sanitizers strip control characters on purpose.
      'no-control-regex': 'off',
      // A leading underscore marks a parameter kept for its position (an interface's or a
      // callback's signature), as the code already writes it.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },

  // ---- layer boundaries ----
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: intoLayer('(gas|node|ui)'), message: 'src/core may not depend on src/gas, src/node or src/ui.' },
            // Anything but a relative path: Node built-ins and npm packages alike (core uses none).
            { regex: '^(?!\\.\\.?(/|$))', message: 'src/core is pure TypeScript: no Node built-ins, no npm packages.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...HOST_GLOBALS],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'src/core loads no modules at run time.' },
        {
          selector: 'TSImportEqualsDeclaration[moduleReference.type="TSExternalModuleReference"]',
          message: 'src/core loads no modules with require.',
        },
        { selector: 'TSImportType', message: 'src/core refers to other modules only through import declarations.' },
      ],
    },
  },
  {
    files: ['src/ui/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\.?/(.*/)?gas(/(?!api$)|$)', message: 'src/ui may only import types from the server contract, src/gas/api.ts.' },
            {
              regex: '^\\.\\.?/(.*/)?gas/api$',
              allowTypeImports: true,
              message: 'src/ui may only import types (import type) from src/gas/api.ts: the code runs on the server.',
            },
            { regex: intoLayer('node'), message: 'src/ui may not depend on src/node.' },
            nodeBuiltin,
          ],
        },
      ],
    },
  },
  {
    files: ['src/gas/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: intoLayer('(node|ui)'), message: 'src/gas may not depend on src/node or src/ui.' }, nodeBuiltin] },
      ],
    },
  },
  {
    files: ['src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: intoLayer('(gas|ui)'), message: 'src/node may not depend on src/gas or src/ui.' }] },
      ],
    },
  },

  prettier,
);
