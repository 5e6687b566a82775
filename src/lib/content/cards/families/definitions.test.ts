import { describe, expect, it } from 'vitest';
import { DefinedTerms } from './defined-terms';
import {
	definitionMcq,
	definitionOf,
	sentenceDefinitionCards,
	type Definition
} from './definitions';
import { Glossary } from '../glossary';
import { readNote } from '../reading';
import { proposal } from './proposal';

describe('definition notes', () => {
	it('reads the name, the bracketed other name, the lead sentence and the genus', () => {
		const d = definitionOf(
			'Transport Layer Security (TLS): TLS is a protocol designed to secure the traffic between two programs over a network. It is widely used.',
			['security']
		);
		expect(d?.name).toBe('Transport Layer Security');
		expect(d?.names).toEqual(['Transport Layer Security', 'TLS']);
		expect(d?.lead).toBe(
			'TLS is a protocol designed to secure the traffic between two programs over a network.'
		);
		expect(d?.genus).toBe('protocol');
	});

	it.each([
		'Duplicate note: the kubelet serves its API on a port.',
		'Swedish text should survive: åäö in a note.',
		'Note: remember this for later.'
	])('does not read a label as a defined term: %s', (text) => {
		expect(definitionOf(text, [])).toBeUndefined();
	});

	it('reads the genus of a definition that starts with it', () => {
		expect(
			definitionOf(
				'Agile Software Development: A set of practices that emphasize iterative development cycles.',
				[]
			)?.genus
		).toBe('practice');
		expect(
			definitionOf('Cloud Computing: Cloud computing offers CPU power on demand.', [])?.genus
		).toBe(undefined);
	});

	it('reads a definition with one colon that explains, not a list of "X: y" pairs', () => {
		const d = definitionOf(
			'Canary Deployment: Canary deployments is a deployment strategy that starts with two environments: one with live traffic and the other without.',
			[]
		);
		expect(d?.name).toBe('Canary Deployment');
		expect(d?.genus).toBe('strategy');
		expect(
			definitionOf(
				'Reviews: subjectAccessReview: any user, LocalSubjectAccessReview: bound to a namespace',
				[]
			)
		).toBeUndefined();
		expect(definitionOf('Roles: admin: full access to the namespace', [])).toBeUndefined();
	});

	const defs = [
		'API Gateway: An API gateway is a tool that routes the requests of clients to the services of an application.',
		'Service Proxy: A service proxy is a tool that intercepts the requests to or from a service.',
		'Load Balancer: A load balancer is a tool that spreads the requests of clients over several servers.',
		'Service Mesh: A service mesh is a tool that manages the requests between the services of an application.',
		'Agile Software Development: A set of practices that emphasize iterative development cycles.'
	].map((t) => definitionOf(t, ['networking'])!);
	const definedTerms = (list: Definition[]) =>
		new DefinedTerms(new Map(list.map((d, i) => [`n${i}`, d])));

	it('asks with the term blanked and three related terms of the same kind', () => {
		const made = definitionMcq(
			defs[0]!,
			definedTerms(defs),
			'API Gateway: An API gateway is a tool that routes the requests of clients to the services of an application.',
			'n0000000001:mcq:x'
		);
		expect(made).toEqual({
			question:
				'Which term is defined as: “A(n) ___ is a tool that routes the requests of clients to the services of an application.”?',
			answer: 'API Gateway',
			distractors: expect.arrayContaining(['Service Proxy', 'Load Balancer', 'Service Mesh'])
		});
	});

	it('refuses when there are not three related terms', () => {
		const lonely = definitionOf('Seccomp: a Linux kernel facility to filter syscalls.', [
			'kernel'
		])!;
		expect(definitionMcq(lonely, definedTerms([lonely, ...defs]), '', 'n0000000002:mcq:y')).toEqual(
			{ reason: 'fewer than three defined terms related to Seccomp' }
		);
	});
});

describe('a term defined inside a note', () => {
	const cardsOf = (text: string) => {
		const note = {
			id: 'n0000000001',
			text,
			tags: ['containersec'],
			source: { file: 't.txt', line: 1 }
		};
		const glossary = Glossary.empty();
		return sentenceDefinitionCards(
			proposal(note, readNote(note, [], false, glossary), glossary, new DefinedTerms(new Map()))
		);
	};

	it('asks "What is X?" with the rest of the sentence as the answer', () => {
		expect(
			cardsOf('bane is a tool for creating apparmor profiles for container workloads.')
		).toMatchObject([
			{
				kind: 'recall',
				front: 'What is bane?',
				back: 'A tool for creating apparmor profiles for container workloads.'
			}
		]);
	});

	it.each([
		'It is a tool for creating profiles for workloads.',
		'CVE-2018-16886 and this is a very confusing bug in the proxy.'
	])('asks nothing of a sentence whose subject is not a name: %s', (text) => {
		expect(cardsOf(text)).toEqual([]);
	});
});
