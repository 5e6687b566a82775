import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import boundaries in eslint.config.js, run through ESLint itself on snippets that are
// given a path inside each folder (the files need not exist).
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
	const results = await eslint.lintText(code, { filePath });
	return results
		.flatMap((r) => r.messages)
		.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
		.map((m) => m.message);
}

const domainFolders = ['content', 'scheduler', 'quiz', 'stats', 'export', 'study'];

const forbidden = {
	'$app/environment': "import { browser } from '$app/environment';\nexport const b = browser;\n",
	'$app/state': "import { page } from '$app/state';\nexport const p = page;\n",
	'node:fs': "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
	'path (no node: prefix)': "import { join } from 'path';\nexport const j = join;\n",
	dexie: "import Dexie from 'dexie';\nexport const d = Dexie;\n",
	'a value import of zod': "import { z } from 'zod';\nexport const s = z.string();\n",
	'a value import of zod/mini': "import { z } from 'zod/mini';\nexport const s = z.string();\n",
	'a value beside a type from zod':
		"import { z, type ZodType } from 'zod';\nexport const s: ZodType = z.string();\n"
} as const;

describe('domain folders stay plain TypeScript', () => {
	for (const folder of domainFolders) {
		for (const [what, code] of Object.entries(forbidden)) {
			it(`src/lib/${folder} may not import ${what}`, async () => {
				const messages = await restrictedImports(`src/lib/${folder}/violation.ts`, code);
				expect(messages).toHaveLength(1);
			});
		}

		it(`src/lib/${folder} may import zod types and its own modules`, async () => {
			const code =
				"import type { z } from 'zod';\nimport { a } from './fs';\n" +
				'export type S = z.ZodString;\nexport const b = a;\n';
			expect(await restrictedImports(`src/lib/${folder}/fine.ts`, code)).toEqual([]);
		});
	}

	it('a unit test beside domain code may read fixture files', async () => {
		const code = "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n";
		expect(await restrictedImports('src/lib/quiz/fixture.test.ts', code)).toEqual([]);
	});
});

describe('zod schemas live in src/lib/content', () => {
	it('the deck schema may use zod, and still no Node API', async () => {
		const zod = "import { z } from 'zod';\nexport const s = z.string();\n";
		expect(await restrictedImports('src/lib/content/schema.ts', zod)).toEqual([]);
		expect(await restrictedImports('src/lib/content/schema.ts', forbidden['node:fs'])).toHaveLength(
			1
		);
	});
});

describe('only src/lib/storage imports Dexie', () => {
	it('a route may not', async () => {
		const code = `<script lang="ts">\n\timport Dexie from 'dexie';\n\tconsole.log(Dexie);\n</script>\n`;
		expect(await restrictedImports('src/routes/study/Violation.svelte', code)).toHaveLength(1);
	});

	it('a component module may not', async () => {
		expect(await restrictedImports('src/lib/components/x.ts', forbidden.dexie)).toHaveLength(1);
	});

	it('storage may', async () => {
		expect(await restrictedImports('src/lib/storage/db.ts', forbidden.dexie)).toEqual([]);
	});
});
