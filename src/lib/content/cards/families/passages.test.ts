import { describe, expect, it } from 'vitest';
import type { NoteInput } from '../generate';
import { Glossary } from '../glossary';
import { readNote } from '../reading';
import { definitionOf, type Definition } from './definitions';
import { DefinedTerms } from './defined-terms';
import { passageCards, topicsOf } from './passages';
import { proposal } from './proposal';

let line = 0;
const note = (text: string, tags = ['delivery'], file = 'notes.txt'): NoteInput => {
	line += 2;
	return { id: `n${String(line).padStart(10, '0')}`, text, tags, source: { file, line } };
};

const canary = note(
	'Canary Deployment: A canary deployment is a release strategy that moves the live traffic of users to a new version step by step.'
);
const defs = [
	canary,
	note(
		'Blue Green Deployment: A blue green deployment is a release strategy that keeps two versions live and moves the traffic of all users at once.'
	),
	note(
		'Rolling Deployment: A rolling deployment is a release strategy that replaces the old instances one at a time.'
	),
	note(
		'Recreate Deployment: A recreate deployment is a release strategy that shuts the old release down before the new one starts.'
	),
	note(
		'Continuous Delivery: Continuous delivery is a release practice that moves every tested change to live users as a new version.'
	),
	note(
		'GitOps: GitOps is a set of release practices in which a new version reaches users when its change is merged in Git.'
	)
];
const definitions = new Map(
	defs.map((n) => [n.id, definitionOf(n.text, n.tags)] as [string, Definition])
);

describe('the term a note goes on about', () => {
	it('is the one defined just before it, in its file, with its tags', () => {
		const after = note('Canary deployments let a team watch a new version with a few users.');
		const otherTags = note('Canary deployments are named after birds in coal mines.', ['trivia']);
		const afterBreak = note('Canary deployments need good metrics.');
		const notes = [canary, after, otherTags, afterBreak];
		const topics = topicsOf(notes, definitions);
		expect(topics.get(after.id)?.name).toBe('Canary Deployment');
		expect(topics.has(otherTags.id)).toBe(false);
		// a note of other tags ends the run: what follows may be about anything
		expect(topics.has(afterBreak.id)).toBe(false);
	});

	it('is not carried into another file', () => {
		const elsewhere = note(
			'Canary deployments let a team watch a new version.',
			['delivery'],
			'b.txt'
		);
		expect(topicsOf([canary, elsewhere], definitions).has(elsewhere.id)).toBe(false);
	});
});

describe('"Which term is this passage about?"', () => {
	const glossary = Glossary.empty();
	const ask = (n: NoteInput) => {
		const p = proposal(
			n,
			readNote(n, [], undefined, glossary),
			glossary,
			new DefinedTerms(definitions)
		);
		return { cards: passageCards(p, definitions.get(canary.id)!), blocked: p.blocked };
	};

	it('quotes the note with the term blanked in every form, related terms of its kind as wrong options', () => {
		const tools = [
			'API Gateway: An API gateway is a tool that routes the requests of clients to the services of an application.',
			'Load Balancer: A load balancer is a tool that spreads the requests of clients over the servers of a service.',
			'Service Proxy: A service proxy is a tool that intercepts the requests to or from the services of an application.',
			'Service Mesh: A service mesh is a tool that manages the requests between the services of an application.'
		].map((t) => note(t, ['networking']));
		const toolDefinitions = new Map(
			tools.map((n) => [n.id, definitionOf(n.text, n.tags)] as [string, Definition])
		);
		const passage = note(
			'API gateways give the clients of an application one address for all of its services. An API gateway can also check the requests of clients before any service sees them.',
			['networking']
		);
		const p = proposal(
			passage,
			readNote(passage, [], undefined, glossary),
			glossary,
			new DefinedTerms(toolDefinitions)
		);
		const cards = passageCards(p, toolDefinitions.get(tools[0]!.id)!);
		expect(p.blocked).toEqual([]);
		const [card] = cards;
		if (card?.kind !== 'mcq') throw new Error('expected an MCQ');
		expect(card.question).toMatch(/^Which term is this passage about\? “___ give the clients/);
		expect(card.question).not.toMatch(/gateway/i);
		expect([...card.options].sort()).toEqual(
			['API Gateway', 'Load Balancer', 'Service Mesh', 'Service Proxy'].sort()
		);
	});

	it("asks nothing when only its name's family would be wrong options (a passage fits them too)", () => {
		// "step by step" is said of rolling deployments as well
		const { cards, blocked } = ask(
			note(
				'Canary deployments let a team see how a new version behaves with a small share of its users, step by step. The team can stop a canary deployment early when errors show up.'
			)
		);
		expect(cards).toEqual([]);
		expect(blocked.map((b) => b.reason)).toEqual([
			'fewer than three defined terms related to Canary Deployment'
		]);
	});

	it('asks nothing of a passage that never names its term (often the problem it solves)', () => {
		const { cards, blocked } = ask(
			note(
				'Releasing a new version to every user at once is risky: one bug reaches everyone before anybody notices it.'
			)
		);
		expect(cards).toEqual([]);
		expect(blocked.map((b) => b.reason)).toContain('the passage does not name its term');
	});

	it('asks nothing of a hedged passage', () => {
		const { cards } = ask(
			note('Canary deployments are perhaps the safest way to release a new version to users.')
		);
		expect(cards).toEqual([]);
	});
});
