// @ts-check
// ESLint flat config: recommended JS and TypeScript rules, plus import rules that
// keep each process folder (core, cli, shared, renderer, electron/preload) to the
// modules it can load.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/**
 * @typedef {object} Restriction
 * @property {string} regex  matched against the import specifier, case-sensitive
 * @property {string} message  why the import is rejected and what to use instead
 */

// Relative specifiers that climb out of the current folder into a top-level
// process folder, such as '../../core/vault/vault.js'. Specifiers are matched
// as written, not resolved against the file.
// NOTE: a subfolder with the same name reached through '../' (for example
// core/a/renderer/ imported from core/a/b/) is also rejected by these patterns.
const climbInto = (folders) => `^(\\.\\./)+(.*/)?(${folders})(/|$)`;

const nodeBuiltinNames = builtinModules
  .filter((name) => !name.startsWith('node:'))
  .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');

/** @type {Restriction} */
const electronPackage = {
  regex: '^electron(/.*)?$',
  message: "Only electron/main and electron/preload may import 'electron'.",
};

/** @type {Restriction} */
const uiPackages = {
  regex: '^(react|react-dom|zustand|recharts)(/.*)?$|^@(mui|emotion)/',
  message: 'UI packages belong in renderer/. Keep this layer free of React and the DOM.',
};

/** @type {Restriction} */
const nodeBuiltins = {
  regex: `^node:|^(${nodeBuiltinNames})(/.*)?$`,
  message:
    'Node built-in modules are not available here; move the work to core/ and reach it through IPC.',
};

/** @type {Restriction} */
const nativePackages = {
  regex:
    '^(better-sqlite3-multiple-ciphers|better-sqlite3|@napi-rs/keyring|@node-rs/argon2)(/.*)?$',
  message: 'Native Node modules load only in core/ (main process and CLI).',
};

/** @type {Restriction} */
const intoShellOrUi = {
  regex: climbInto('electron|renderer'),
  message:
    'core/ and cli/ run without Electron, so they may not import renderer/ or electron/ code.',
};

/** @type {Restriction} */
const intoCli = {
  regex: climbInto('cli'),
  message: 'core/ must not import cli/, because the CLI is built on core.',
};

/** @type {Restriction} */
const intoMainProcessCode = {
  regex: climbInto('core|cli|electron'),
  message:
    'The renderer reaches core/ only through window.api. Import types and schemas from shared/.',
};

/** @type {Restriction} */
const intoAnyProcess = {
  regex: climbInto('core|cli|electron|renderer'),
  message: 'shared/ is imported by every process, so it imports none of them.',
};

/** @type {Restriction & { allowTypeImports: boolean }} */
const outsidePreloadAllowList = {
  // Allowed: 'electron', the preload's own files ('./x.js') and shared/.
  regex: '^(?!electron$|\\./|(\\.\\./)+shared(/|$))',
  message:
    "A sandboxed preload may import only 'electron', shared/ and its own files (type-only imports are exempt).",
  allowTypeImports: true,
};

/**
 * Builds the rules that reject the given imports: static imports and re-exports
 * through no-restricted-imports, dynamic import() and require() with a string
 * literal through no-restricted-syntax.
 * NOTE: an import() or require() whose argument is not a string literal is not checked.
 * @param {Array<Restriction & { allowTypeImports?: boolean }>} restrictions
 */
function restrictImports(restrictions) {
  const patterns = restrictions.map(({ regex, message, allowTypeImports }) => ({
    regex,
    message,
    caseSensitive: true,
    ...(allowTypeImports ? { allowTypeImports } : {}),
  }));

  // esquery ends a /regex/ at an unescaped slash, so slashes are escaped here.
  const selectors = restrictions.flatMap(({ regex, message }) => {
    const source = `/${regex.replaceAll('/', '\\/')}/`;
    return [
      { selector: `ImportExpression[source.value=${source}]`, message },
      {
        selector: `CallExpression[callee.name="require"][arguments.0.value=${source}]`,
        message,
      },
    ];
  });

  return {
    'no-restricted-imports': ['error', { patterns }],
    'no-restricted-syntax': ['error', ...selectors],
  };
}

const nodeGlobals = {
  AbortController: 'readonly',
  Buffer: 'readonly',
  URL: 'readonly',
  clearInterval: 'readonly',
  clearTimeout: 'readonly',
  console: 'readonly',
  performance: 'readonly',
  process: 'readonly',
  setImmediate: 'readonly',
  setInterval: 'readonly',
  setTimeout: 'readonly',
  structuredClone: 'readonly',
};

export default defineConfig(
  {
    ignores: ['out/', 'dist/', 'coverage/', 'test/fixtures/', 'test-results/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['core/**'],
    rules: {
      ...restrictImports([electronPackage, uiPackages, intoShellOrUi, intoCli]),
      // Logging goes through pino so that redaction applies at the sink.
      'no-console': 'error',
    },
  },
  {
    files: ['cli/**'],
    rules: restrictImports([electronPackage, uiPackages, intoShellOrUi]),
  },
  {
    // The e2e suite's in-page script runs in the browser like the renderer, so the same rules hold.
    files: ['renderer/**', 'test/e2e/browser/**'],
    rules: restrictImports([electronPackage, nodeBuiltins, nativePackages, intoMainProcessCode]),
  },
  {
    files: ['shared/**'],
    rules: restrictImports([
      electronPackage,
      uiPackages,
      nodeBuiltins,
      nativePackages,
      intoAnyProcess,
    ]),
  },
  {
    files: ['electron/preload/**'],
    rules: restrictImports([outsidePreloadAllowList]),
  },
);
