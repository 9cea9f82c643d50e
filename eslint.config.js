// @ts-check
// ESLint for Loa: the recommended JavaScript, TypeScript and Astro rules, with type information for
// the TypeScript files; Prettier's config comes last and turns off every rule about layout, since
// `prettier` lays the code out (`npm run lint` runs both, `npm run format` fixes what they can).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import prettier from 'eslint-config-prettier/flat';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'dist.*/', '.astro/', 'coverage/', 'tests/.output/', 'tests/fixtures/**/dist/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // Type-aware rules (floating promises, unsafe `any`, …) for .ts files, which the project's
    // tsconfig covers (vitest.config.ts is outside it). Not for .astro files: there the parser gives
    // JSX and `Astro.props` no type, so every expression in a template reads as unsafe, and the
    // whole run takes twice as long. Nor for the scripts of .astro files, which ESLint sees as
    // virtual files (Page.astro/1_1.ts) that the project service cannot find.
    files: ['**/*.ts'],
    ignores: ['**/*.astro/*.ts'],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['vitest.config.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
  },
  astro.configs.recommended,
  {
    rules: {
      // `const { index: _index, ...rest } = o` drops a property on purpose; a leading _ marks it unused.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  prettier,
);
