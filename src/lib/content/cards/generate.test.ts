import { describe, expect, it } from 'vitest';
import type { Card, McqCard } from '../schema';
import { generateCards, type NoteInput } from './generate';
import { Glossary } from './glossary';
import { emptyOverlay, type Overlay, type OverlayEntry } from './overlay';
import { testGlossary } from './test-glossary';

let line = 0;
const note = (text: string, tags = ['authz'], id?: string): NoteInput => {
	line += 2;
	return {
		id: id ?? `n${String(line).padStart(10, '0')}`,
		text,
		tags,
		source: { file: 'test.txt', line }
	};
};
const generate = (notes: NoteInput[], entries: OverlayEntry[] = [], glossary = testGlossary) => {
	const overlay: Overlay = entries.length ? { file: 'overlay.json', entries } : emptyOverlay();
	return generateCards(notes, { glossary, overlay });
};
const mcqs = (cards: Card[]) => cards.filter((c): c is McqCard => c.kind === 'mcq');
const answerOf = (c: McqCard) => c.options[c.answerIndex];

describe('a sibling that shares the tested property is never a distractor', () => {
	it('asks which mode is deny by default without ABAC, Node or AlwaysDeny as wrong options', () => {
		const { cards } = generate([
			note('When RBAC is enabled, access is deny by default in the API.')
		]);
		const [q] = mcqs(cards);
		if (q) {
			expect(answerOf(q)).toBe('RBAC');
			for (const sibling of ['ABAC', 'Node', 'AlwaysDeny'])
				expect(q.options).not.toContain(sibling);
		} else {
			// with the siblings removed there may be too few distractors: then no MCQ at all
			expect(mcqs(cards)).toEqual([]);
		}
	});

	it('still offers those siblings when the sentence tests another property', () => {
		const [q] = mcqs(generate([note('RBAC is configured with roles and bindings.')]).cards);
		expect(q && answerOf(q)).toBe('RBAC');
		expect(
			q?.options.filter((o) => ['ABAC', 'Node', 'AlwaysDeny'].includes(o)).length
		).toBeGreaterThan(0);
	});

	it('draws a high-level runtime against low-level runtimes only', () => {
		const [q] = mcqs(
			generate([note('Kubernetes talks to containerd over CRI.', ['runtime'])]).cards
		);
		expect(q && answerOf(q)).toBe('containerd');
		for (const o of q?.options ?? [])
			expect(['containerd', 'runc', 'crun', 'youki', 'runsc']).toContain(o);
	});
});

describe('a glossary term written loosely in a note', () => {
	const glossary = Glossary.parse({
		classes: { 'authn-api': { label: 'authentication API' } },
		terms: [
			{ term: 'TokenRequest', class: 'authn-api', aliases: ['tokenrequest', 'tokenRequest'] },
			{ term: 'TokenReview', class: 'authn-api', aliases: ['tokenReview'] },
			{ term: 'SelfSubjectReview', class: 'authn-api', aliases: ['selfSubjectReview'] },
			{
				term: 'CertificateSigningRequest',
				class: 'authn-api',
				aliases: ['certificateSigningRequest'],
				distractorOnly: true
			}
		]
	});

	it('is an option as the glossary spells it, like its wrong options', () => {
		const text = 'There is a tokenrequest API where we can request a JWT for a service account.';
		const [q] = mcqs(generate([note(text, ['authn'])], [], glossary).cards);
		expect(q && answerOf(q)).toBe('TokenRequest');
		expect(q?.options.slice().sort()).toEqual([
			'CertificateSigningRequest',
			'SelfSubjectReview',
			'TokenRequest',
			'TokenReview'
		]);
	});

	it('is a cloze, not an MCQ, where the note spells it apart ("token request")', () => {
		const g = Glossary.parse({
			classes: { 'authn-api': { label: 'authentication API' } },
			terms: [
				{ term: 'TokenRequest', class: 'authn-api', aliases: ['token request'] },
				{ term: 'TokenReview', class: 'authn-api' },
				{ term: 'SelfSubjectReview', class: 'authn-api' },
				{ term: 'CertificateSigningRequest', class: 'authn-api', distractorOnly: true }
			]
		});
		const text = 'There is a token request API where we can request a JWT for a service account.';
		const { cards, notes } = generate([note(text, ['authn'])], [], g);
		expect(mcqs(cards)).toEqual([]);
		expect(cards.find((c) => c.kind === 'cloze')).toMatchObject({ back: 'token request' });
		expect(notes[0]?.blocked.map((b) => b.reason).join()).toMatch(
			/the note writes "token request"/
		);
	});
});

describe('classes where every member would be right', () => {
	it('are never asked', () => {
		const { cards, notes } = generate([
			note('Kyverno checks policies written as YAML.', ['admission'])
		]);
		expect(mcqs(cards)).toEqual([]);
		expect(notes[0]?.blocked.map((b) => b.reason).join()).toMatch(/never asked/);
	});
});

describe('open lists', () => {
	it('never test a member of "tools like X, Y"', () => {
		const { cards, notes } = generate([
			note('Common policy engines like OPA Gatekeeper, Kyverno and Kubewarden can enforce rules.')
		]);
		expect(cards.some((c) => c.kind === 'mcq')).toBe(false);
		expect(notes[0]?.blocked.some((b) => /open list/.test(b.reason))).toBe(true);
	});
});

describe('hedged sentences', () => {
	it.each([
		'I think RBAC is deny by default in most clusters.',
		'The flag --token-auth-file (?) points at a token file.',
		'RBAC maybe replaces ABAC in most clusters.'
	])('give no card from "%s"', (text) => {
		const { cards } = generate([note(text)]);
		expect(cards.filter((c) => c.kind !== 'recall')).toEqual([]);
	});
});

describe('pronoun stems', () => {
	it('pull in the sentence before', () => {
		const { cards } = generate([
			note('The API server has many flags. It uses --token-auth-file for static tokens.')
		]);
		const cloze = cards.find((c) => c.kind === 'cloze');
		expect(cloze?.kind === 'cloze' && cloze.front).toBe(
			'The API server has many flags. It uses ___ for static tokens.'
		);
	});

	it('are blocked when there is no sentence before', () => {
		const { cards, notes } = generate([note('It uses --token-auth-file for static tokens.')]);
		expect(cards.filter((c) => c.kind !== 'recall')).toEqual([]);
		expect(notes[0]?.blocked.some((b) => /pronoun/.test(b.reason))).toBe(true);
	});

	it('take a verdict ("Good change: ...") with the sentence it judges', () => {
		const { cards } = generate([
			note(
				'The API server has many flags for tokens. Good change: it now uses --token-auth-file for static tokens only.'
			)
		]);
		const cloze = cards.find((c) => c.kind === 'cloze');
		expect(cloze?.kind === 'cloze' && cloze.front).toBe(
			'The API server has many flags for tokens. Good change: it now uses ___ for static tokens only.'
		);
		const afterQuestion = generate([
			note(
				'Did the API server drop its flags for tokens? Good change: it now uses --token-auth-file for static tokens only.'
			)
		]);
		expect(afterQuestion.cards.filter((c) => c.kind !== 'recall')).toEqual([]);
		const alone = generate([
			note('Good change: the API server now uses --token-auth-file for static tokens only.')
		]);
		expect(alone.cards.filter((c) => c.kind !== 'recall')).toEqual([]);
	});
});

describe('an answer left in the stem', () => {
	it('makes neither an MCQ nor a cloze ("abacPolicyFile" beside "___ reads its rules")', () => {
		const { cards, notes } = generate([
			note('The field abacPolicyFile names a file on the node, and ABAC reads its rules from it.')
		]);
		const asked = cards.map((c) =>
			c.kind === 'cloze' ? c.back : c.kind === 'mcq' ? answerOf(c) : ''
		);
		expect(asked).not.toContain('ABAC');
		expect(notes[0]?.blocked).toContainEqual({
			item: 'ABAC',
			reason: 'the answer is still in the stem as "abac"'
		});
	});
});

describe('numbers and versions', () => {
	it('offer neighbouring percentages', () => {
		const [q] = mcqs(
			generate([note('Kubelet refreshes SA tokens at 80% of their lifespan.', ['authn'])]).cards
		);
		expect(q && answerOf(q)).toBe('80%');
		expect(q?.options.every((o) => /^\d+%$/.test(o))).toBe(true);
	});

	it('are not asked as one step of a sequence the stem shows ("___, then 10%, 25%")', () => {
		const { cards, notes } = generate([
			note('A canary rollout moves a first share of 1% of live traffic, then 10%, 25% and so on.', [
				'authn'
			])
		]);
		expect(cards.filter((c) => c.kind !== 'recall')).toEqual([]);
		expect(notes[0]?.blocked.some((b) => /order gives it away/.test(b.reason))).toBe(true);
	});

	it.each([
		[
			'Shifting 100% of traffic from one version to another can lead to bigger failures.',
			/100% says "all"/
		],
		[
			'Data centers built for peak load often use as little as 15% of their capacity.',
			/said of nothing/
		]
	])('are not asked where the figure is an illustration: "%s"', (text, reason) => {
		const { cards, notes } = generate([note(text, ['authn'])]);
		expect(cards.filter((c) => c.kind !== 'recall')).toEqual([]);
		expect(notes[0]?.blocked.some((b) => reason.test(b.reason))).toBe(true);
	});

	it('are not asked where the sentence shows another port', () => {
		const { cards, notes } = generate([
			note('The kubelet serves its API on port 10250 and its read-only API on 10255.', ['kubelet'])
		]);
		expect(cards.filter((c) => c.kind !== 'recall')).toEqual([]);
		expect(notes[0]?.blocked.some((b) => /several ports/.test(b.reason))).toBe(true);
	});

	it('offer only earlier versions after "since" (later ones would be true too)', () => {
		const [q] = mcqs(
			generate([note('Since version 1.27, encryption covers all resources.', ['secrets'])]).cards
		);
		expect(q && answerOf(q)).toBe('1.27');
		for (const o of q?.options ?? []) expect(Number(o.split('.')[1])).toBeLessThanOrEqual(27);
	});

	it('refuse "as of X still" (earlier versions are also right)', () => {
		const { cards } = generate([
			note('As of version 3.5, protocol version 2 can still be enabled.', ['etcd'])
		]);
		expect(mcqs(cards)).toEqual([]);
	});
});

describe("a note's plural of a glossary name", () => {
	it('is not the only plural among the options', () => {
		const components = Glossary.parse({
			classes: { component: { label: 'Kubernetes component' } },
			terms: [
				{ term: 'kubelet', class: 'component', aliases: ['kubelets'] },
				...['kube-proxy', 'kube-scheduler', 'cloud-controller-manager'].map((term) => ({
					term,
					class: 'component'
				}))
			]
		});
		const { cards, notes } = generate(
			[note('The API server authenticates to the kubelets with a client certificate of its own.')],
			[],
			components
		);
		expect(mcqs(cards)).toEqual([]);
		expect(notes[0]?.blocked.map((b) => b.reason).join()).toMatch(
			/the note's plural "kubelets" would be the only plural option/
		);
	});
});

describe('an open question with a label', () => {
	it('gives no card, even where a statement argues it', () => {
		const { cards, notes } = generate([
			note(
				'Open question for the course: teach RBAC first, or ABAC? RBAC is the default authorization mode in most clusters.'
			)
		]);
		expect(cards).toEqual([]);
		expect(notes[0]?.noteClass).toBe('open');
	});
});

describe('a name inside a longer name', () => {
	it('is not blanked where the blank would cut the longer name in two', () => {
		const { cards, notes } = generate(
			[
				note(
					'Chaos Engineering: Chaos engineering is the discipline of experimenting on a system in production to build confidence.',
					['sre']
				),
				note(
					'Security Chaos Engineering: Security Chaos Engineering is a discipline based on Chaos Engineering that runs security experiments.',
					['sre']
				),
				note(
					'Site Reliability Engineering: Site reliability engineering is a discipline that runs production systems as software.',
					['sre']
				),
				note(
					'Platform Engineering: Platform engineering is a discipline that builds tools for the developers of a company.',
					['sre']
				)
			],
			[],
			Glossary.empty()
		);
		for (const c of cards)
			expect(c.kind === 'mcq' ? c.question : c.front).not.toMatch(/Security ___/);
		expect(notes[1]?.blocked.map((b) => b.reason).join()).toMatch(
			/part of a longer name in the sentence \(Security Chaos Engineering\)/
		);
	});
});

describe('flags', () => {
	it('ask a known flag against flags of the same component', () => {
		const [q] = mcqs(
			generate([
				note(
					'The API server flag --token-auth-file names a CSV of users and their static secrets.',
					['authn']
				)
			]).cards
		);
		expect(q && answerOf(q)).toBe('--token-auth-file');
		expect(q?.options.every((o) => o.startsWith('--'))).toBe(true);
	});

	it('block an unknown flag (a typo in the note) with a reason', () => {
		const { cards, notes } = generate([
			note('The API server flag --anonymous-off disables anonymous auth.', ['authn'])
		]);
		expect(cards.filter((c) => c.kind !== 'recall')).toEqual([]);
		expect(notes[0]?.blocked.map((b) => b.reason).join()).toMatch(/unknown flag --anonymous-off/);
	});
});

describe('PKCS#11', () => {
	it('is not tested and does not break a note', () => {
		const { cards } = generate([
			note('A KMS plugin can sign SA tokens instead of PKCS#11 hardware.', ['authn', 'todo'])
		]);
		for (const c of cards) expect(JSON.stringify(c)).not.toMatch(/#11/);
	});
});

describe('generic words and open questions', () => {
	it('never blank a generic word', () => {
		const { cards } = generate([note('Avoid using the "latest" tag for pods.', ['containersec'])]);
		expect(cards.some((c) => c.kind === 'cloze' && /latest/.test(c.back))).toBe(false);
	});

	it('give no card for an open question without an answer', () => {
		const { cards, notes } = generate([note('When did VAP become stable?', ['admission', 'todo'])]);
		expect(cards).toEqual([]);
		expect(notes[0]?.noteClass).toBe('open');
	});
});

describe('the overlay', () => {
	// the stem must not hold the answer's words ("anonymous auth" would give --anonymous-auth away)
	const garbled = note(
		'The API server flag --anonymous-off can be set to false to refuse requests without credentials.',
		['authn']
	);

	it('applies a fix: cards use the fixed text and carry the correction; the note keeps its text', () => {
		const fix: OverlayEntry = {
			type: 'fix',
			note: garbled.id,
			quote: '--anonymous-off',
			replace: '--anonymous-auth',
			why: 'the real flag'
		};
		const { cards, stale } = generate([garbled], [fix]);
		expect(stale).toEqual([]);
		const [q] = mcqs(cards);
		expect(q && answerOf(q)).toBe('--anonymous-auth');
		expect(q?.correction).toBe('“--anonymous-off” should read “--anonymous-auth” (the real flag).');
		expect(garbled.text).toContain('--anonymous-off');
	});

	it('reports a stale anchor (quote gone, or note gone) and does not apply it', () => {
		const entries: OverlayEntry[] = [
			{ type: 'fix', note: garbled.id, quote: '--anonymous-of ', replace: '--x', why: 'typo' },
			{ type: 'fix', note: 'n9999999999', quote: '--anonymous-off', replace: '--anonymous-auth' }
		];
		const { cards, stale } = generate([garbled], entries);
		expect(stale.map((s) => [s.index, s.reason])).toEqual([
			[0, 'the quote is no longer in the note text'],
			[1, 'no note has this id (deleted, or the lock file changed)']
		]);
		expect(cards.some((c) => c.correction)).toBe(false);
	});

	it('answers an open question: the note gets cards from the statement', () => {
		const open = note('When did VAP become stable?', ['admission', 'todo']);
		const { cards, notes } = generate(
			[open],
			[
				{
					type: 'answer',
					note: open.id,
					quote: 'When did VAP',
					statement: 'ValidatingAdmissionPolicy became GA in version 1.30.'
				}
			]
		);
		expect(notes[0]?.noteClass).toBe('answered');
		expect(cards.find((c) => c.kind === 'recall')).toMatchObject({
			front: 'When did VAP',
			back: 'ValidatingAdmissionPolicy became GA in version 1.30.'
		});
		const [q] = mcqs(cards);
		expect(q && answerOf(q)).toBe('1.30');
	});

	it('adds a hand-written MCQ and suppresses a generated card by key', () => {
		const n = note('NodeRestriction limits what kubelets may modify.', ['admission']);
		const { cards, notes } = generate(
			[n],
			[
				{
					type: 'suppress',
					note: n.id,
					quote: 'NodeRestriction',
					card: 'mcq:noderestriction',
					why: 'poor distractors'
				},
				{
					type: 'question',
					note: n.id,
					quote: 'kubelets',
					card: {
						kind: 'mcq',
						key: 'what',
						question: 'What does NodeRestriction limit?',
						options: ['What kubelets may modify', 'Pod images', 'Service IPs', 'Quotas'],
						answerIndex: 0,
						explanation: ''
					}
				}
			]
		);
		expect(cards.map((c) => c.id)).toContain(`${n.id}:mcq:what`);
		expect(cards.map((c) => c.id)).not.toContain(`${n.id}:mcq:noderestriction`);
		expect(notes[0]?.blocked.map((b) => b.reason).join()).toMatch(
			/suppressed by the overlay: poor distractors/
		);
	});
});

describe('card ids', () => {
	it('are built on the note id and stay the same when the note is edited elsewhere', () => {
		const before = generate([
			note('NodeRestriction limits what kubelets may modify.', ['admission'], 'n00000000aa')
		]);
		const after = generate([
			note(
				'The NodeRestriction plugin limits what kubelets may change.',
				['admission'],
				'n00000000aa'
			)
		]);
		const ids = (b: typeof before) => b.cards.filter((c) => c.kind === 'mcq').map((c) => c.id);
		expect(ids(after)).toEqual(ids(before));
		expect(ids(before)).toEqual(['n00000000aa:mcq:noderestriction']);
	});

	it('are the same on every run (deterministic output)', () => {
		const notes = [
			note('Kubelet refreshes SA tokens at 80% of their lifespan.'),
			note('RBAC is configured with roles.')
		];
		expect(JSON.stringify(generate(notes))).toBe(JSON.stringify(generate(notes)));
	});
});

describe('an empty glossary', () => {
	it('still gives flashcards from typed terms', () => {
		const { cards } = generate(
			[note('In etcd, CVE-2023-32082 leaks key names to readers.', ['etcd'])],
			[],
			Glossary.empty()
		);
		expect(cards.some((c) => c.kind === 'cloze' && c.back === 'CVE-2023-32082')).toBe(true);
	});
});

describe('stems a student can answer (issue 13)', () => {
	it('refuses a transcript opener ("We had ___ and this was")', () => {
		const { cards, notes } = generate(
			[note('We had CVE-2023-32082 in etcd and this was bad.', ['etcd'])],
			[],
			Glossary.empty()
		);
		expect(cards).toEqual([]);
		expect(notes[0]?.blocked.map((b) => b.reason).join()).toMatch(/spoken or to-do text/);
	});

	it('gives no generated card for a #todo note, and the report says why', () => {
		const { cards, notes } = generate([
			note('RBAC is configured with roles and bindings in the API.', ['authz', 'todo'])
		]);
		expect(cards).toEqual([]);
		expect(notes[0]?.noteClass).toBe('open');
	});

	it('asks a port fact with other cluster ports as wrong options', () => {
		const { cards } = generate([
			note('The API server listens on port 6443 by default on every control plane node.', [
				'ctrlplane'
			])
		]);
		const [q] = mcqs(cards);
		expect(q && answerOf(q)).toBe('6443');
		for (const o of q?.options ?? []) expect(o).toMatch(/^\d{3,5}$/);
	});

	it('asks a flag without its value, the value staying in the stem', () => {
		const { cards } = generate([
			note('Set --anonymous-auth=false on the kubelet to refuse anonymous requests.', ['kubelet'])
		]);
		const card = cards.find((c) => c.kind !== 'recall');
		const front = card?.kind === 'mcq' ? card.question : card?.front;
		expect(front).toContain('___=false');
	});
});

describe('one card per sentence', () => {
	it('never asks two terms of one sentence, which would give each other away', () => {
		const text =
			'The kubelet refreshes its tokens at 80% of their lifespan on every node. It serves its own API on port 10250 for the control plane.';
		const { cards, notes } = generate([note(text, ['kubelet'])]);
		expect(cards.length).toBe(1);
		expect(notes[0]?.blocked.map((b) => b.reason).join()).toMatch(
			/already shown in another card of this note/
		);
	});
});
