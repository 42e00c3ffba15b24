import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const MONEY = { selector: "CallExpression[callee.name='parseFloat']", message: 'Money is integer fen: no parseFloat.' };

/**
 * Layering (#11 §4): which top-level folders a folder may not import from. Static imports and
 * re-exports go through no-restricted-imports; import('…') expressions and types through
 * no-restricted-syntax (whose list replaces the base one, hence MONEY again). Import cycles are
 * caught by tests/shared/layering.test.ts.
 */
function forbidImports(files, folders, why) {
  const names = folders.join('|');
  const message = `${why}: do not import ${folders.map((f) => `${f}/`).join(', ')}.`;
  // A relative path climbing to one of the folders; '/' is written \x2F because esquery's regex literals may not contain it.
  const source = `^(\\.\\.\\x2F)+(${names})(\\x2F|$)`;
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: source, message }] }],
      'no-restricted-syntax': [
        'error',
        MONEY,
        { selector: `:matches(ImportExpression, TSImportType) > Literal.source[value=/${source}/]`, message },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.electron-native/**', 'test-results/**', 'playwright-report/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Tests read JSON answers loosely on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-syntax': ['error', MONEY],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  forbidImports(['renderer/**'], ['db', 'electron'], 'The renderer runs in the page and talks to the server through the contract'),
  forbidImports(['shared/**'], ['db', 'electron', 'renderer'], 'shared/ is read by every side and depends on none'),
  forbidImports(['db/**'], ['renderer', 'electron'], 'The server does not depend on the page or on Electron'),
  {
    files: ['**/*.test.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
