import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { builtinModules } from 'node:module';
import svelteConfig from './svelte.config.js';

const dexie = { name: 'dexie', message: 'Only src/lib/storage talks to IndexedDB: use its verbs.' };
const zodValues = ['zod', 'zod/mini'].map((name) => ({
	name,
	allowTypeImports: true,
	message: 'Domain code imports zod types only (import type); schemas live in src/lib/content.'
}));
const domainPatterns = [
	{
		group: ['$app/*', '$env/*'],
		message: 'Domain code does not depend on SvelteKit: take what it needs as arguments.'
	},
	{
		group: ['node:*', ...builtinModules.map((name) => `/${name}`)],
		message: 'Domain code runs in the browser too: Node APIs belong in scripts/.'
	}
];
/** Pure TypeScript: the rules below keep framework, Node and storage out. */
const domainFolders = ['content', 'scheduler', 'quiz', 'stats', 'export', 'study'];
const zodSchemaModules = [
	'src/lib/content/schema.ts',
	'src/lib/content/cards/glossary.ts',
	'src/lib/content/cards/overlay.ts'
];

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
		rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [dexie] }] }
	},
	{
		// Domain code is plain TypeScript that runs the same in the browser, in Node scripts and in
		// unit tests: no SvelteKit runtime, no Node APIs, no IndexedDB, and no zod in the client
		// bundle (23 kB). Tests beside it may read fixture files.
		files: domainFolders.map((folder) => `src/lib/${folder}/**/*.ts`),
		ignores: ['**/*.test.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{ paths: [dexie, ...zodValues], patterns: domainPatterns }
			]
		}
	},
	{
		// The deck's schemas (deck.json, glossary, overlay) are checked with zod at build time in
		// scripts/deck.ts; the client only imports their types.
		files: zodSchemaModules,
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{ paths: [dexie], patterns: domainPatterns }
			]
		}
	}
);
