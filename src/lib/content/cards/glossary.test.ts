import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Glossary, GlossaryError } from './glossary';
import { OverlayError, parseOverlay } from './overlay';

describe('the glossary file', () => {
	it('names the file and the JSON path of a schema error', () => {
		expect(() =>
			Glossary.parse(
				{ classes: { cve: { label: 'CVE' } }, terms: [{ term: '', class: 'cve' }] },
				'g.json'
			)
		).toThrow(/^g\.json: invalid\nterms\.0\.term: /);
	});

	it('refuses a misspelt field, naming it', () => {
		expect(() =>
			Glossary.parse(
				{
					classes: { cve: { label: 'CVE' } },
					terms: [{ term: 'CVE-1', class: 'cve', alias: ['x'] }]
				},
				'g.json'
			)
		).toThrow(/^g\.json: invalid\nterms\.0: Unrecognized key: "alias"/);
	});

	it('names an unknown class and an unknown notWith term', () => {
		const bad = {
			classes: { cve: { label: 'CVE' } },
			terms: [{ term: 'CVE-2023-32082', class: 'cves', notWith: ['CVE-1'] }]
		};
		expect(() => Glossary.parse(bad, 'g.json')).toThrow(GlossaryError);
		expect(() => Glossary.parse(bad, 'g.json')).toThrow(
			/terms\.0\.class: unknown class "cves"[\s\S]*terms\.0\.notWith\.0: unknown term "CVE-1"/
		);
	});

	it('makes notWith symmetric', () => {
		const g = Glossary.parse({
			classes: { mode: { label: 'mode' } },
			terms: [
				{ term: 'A', class: 'mode', notWith: ['B'] },
				{ term: 'B', class: 'mode' }
			]
		});
		expect(g.alsoRight(g.lookup('B')!, g.lookup('A')!, 'any sentence')).toBe(true);
	});

	it('applies a property-scoped notWith only when the sentence tests that property', () => {
		const g = Glossary.parse({
			classes: { mode: { label: 'mode' } },
			terms: [
				{ term: 'RBAC', class: 'mode', notWith: [{ terms: ['ABAC'], when: 'deny by default' }] },
				{ term: 'ABAC', class: 'mode' }
			]
		});
		const [rbac, abac] = [g.lookup('RBAC')!, g.lookup('ABAC')!];
		expect(g.alsoRight(rbac, abac, 'RBAC is deny by default')).toBe(true);
		expect(g.alsoRight(rbac, abac, 'RBAC has role bindings')).toBe(false);
	});

	it('the course glossary is valid', () => {
		const g = Glossary.parse(JSON.parse(readFileSync('content/glossary.json', 'utf8')));
		expect(g.terms.length).toBeGreaterThan(150);
	});
});

describe('the overlay file', () => {
	it('names the file and the JSON path of a bad entry', () => {
		expect(() =>
			parseOverlay(
				{ entries: [{ type: 'fix', note: 'n123', quote: 'abc', replace: 'x' }] },
				'o.json'
			)
		).toThrow(/^o\.json: invalid\nentries\.0\.note: /);
		expect(() => parseOverlay({ entries: [{ type: 'rewrite' }] }, 'o.json')).toThrow(OverlayError);
	});

	it('refuses a misspelt field instead of dropping what it holds', () => {
		const mcq = { kind: 'mcq', key: 'k', question: 'Q?', options: ['a', 'b', 'c', 'd'] };
		const entry = { type: 'question', note: 'n0123456789', quote: 'abc' };
		// "explaination" would otherwise vanish, and the card show no explanation
		expect(() =>
			parseOverlay(
				{ entries: [{ ...entry, card: { ...mcq, answerIndex: 0, explaination: 'why' } }] },
				'o.json'
			)
		).toThrow(/^o\.json: invalid\nentries\.0\.card: Unrecognized key: "explaination"/);
		expect(() =>
			parseOverlay(
				{ entries: [{ ...entry, card: { ...mcq, answerIndex: 0 } }], note: 'x' },
				'o.json'
			)
		).toThrow(/^o\.json: invalid\n\(top level\): Unrecognized key: "note"/);
	});
});
