import { describe, expect, it } from 'vitest';
import { extractTerms } from './extract';
import { testGlossary } from './test-glossary';

const terms = (sentence: string) =>
	extractTerms(sentence, testGlossary).map((t) => [t.type, t.value]);

describe('typed term extraction', () => {
	it('normalises CVE ids', () => {
		expect(terms('We have CVE2023-32082 in etcd')).toContainEqual(['cve', 'CVE-2023-32082']);
		expect(terms('and cve-2021-28235 too')).toContainEqual(['cve', 'CVE-2021-28235']);
	});

	it('finds KEP numbers', () => {
		expect(terms('available under KEP 4633.')).toContainEqual(['kep', 'KEP 4633']);
	});

	it('finds flags with and without a value, and knows the glossary ones', () => {
		const found = extractTerms('Set --anonymous-auth=false and --foo-bar', testGlossary);
		expect(found.map((t) => [t.type, t.value, t.glossary?.term])).toEqual([
			['flag', '--anonymous-auth=false', '--anonymous-auth'],
			['flag', '--foo-bar', undefined]
		]);
	});

	it('takes a version only next to a context word', () => {
		expect(terms('KMS v2 became GA in 1.29')).toContainEqual(['version', '1.29']);
		expect(terms('Since version 1.27, all resources')).toContainEqual(['version', '1.27']);
		expect(terms('The ratio is 1.5 to 2.5')).not.toContainEqual(['version', '1.5']);
	});

	it('finds numbers with units', () => {
		expect(terms('refresh at 80% of its lifespan')).toContainEqual(['number', '80%']);
		expect(terms('valid for 5 minutes')).toContainEqual(['number', '5 minutes']);
	});

	it('finds quoted terms, CamelCase names, acronyms and paths', () => {
		const found = terms('"mirror pods" use subjectAccessReview, OIDC and /debug/events.');
		expect(found).toContainEqual(['quoted', 'mirror pods']);
		expect(found).toContainEqual(['camel', 'subjectAccessReview']);
		expect(found).toContainEqual(['acronym', 'OIDC']);
		expect(found).toContainEqual(['path', '/debug/events']);
	});

	it('finds glossary terms by any spelling, longest first', () => {
		expect(terms('NodeRestriction works with the Node authorizer')).toEqual([
			['glossary', 'NodeRestriction']
		]);
		expect(terms('containerd or cri-o')).toEqual([
			['glossary', 'containerd'],
			['glossary', 'CRI-O']
		]);
	});

	it('does not read PKCS#11 as anything but an acronym', () => {
		expect(terms('instead of PKCS#11, perhaps')).toEqual([['acronym', 'PKCS']]);
	});
});
