import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'tmp/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } }
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			// the app is served at the root (no paths.base) and its links carry query strings
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// Only src/lib/storage may talk to IndexedDB through Dexie.
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/storage/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ paths: [{ name: 'dexie', message: 'Use the verbs in $lib/storage.' }] }
			]
		}
	}
);
