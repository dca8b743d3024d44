import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import svelte from 'eslint-plugin-svelte'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } }
  },
  {
    files: ['src/renderer/**/*.{ts,svelte}'],
    languageOptions: { globals: { ...globals.browser } }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } }
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "ImportDeclaration[source.value='keytar']", message: 'Only src/main/secrets/key-vault.ts may use keytar.' }
      ]
    }
  },
  {
    // Only the composition root, the Electron IPC binding and the window modules may import electron.
    files: ['src/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/ipc/electron-binding.ts', 'src/main/windows/**', 'src/preload/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', allowTypeImports: true, message: 'Keep Electron in the composition root, ipc/electron-binding.ts and windows/.' }] }]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,svelte}'],
    ignores: ['src/renderer/src/lib/api.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'window', property: 'api', message: 'Use lib/api.ts.' }]
    }
  }
)
