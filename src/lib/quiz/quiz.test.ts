import { describe, expect, it } from 'vitest';
import { fixtureDeck } from './test-deck';
import { buildQuiz, deckMatches, eligibleCards } from './build';
import { paramsFromSearch, paramsToSearch, quizKey, type QuizParams } from './params';
import { seededRandom, seedFromBytes, shuffled } from './random';

const deck = fixtureDeck(12);
const params = (over: Partial<QuizParams> = {}): QuizParams => ({
	tags: [],
	exclude: [],
	count: 10,
	seconds: 20,
	seed: 'k3x9',
	deckHash: deck.hash,
	...over
});
const identity = (t: string) => t.toLowerCase();

describe('seeded random', () => {
	it('gives the same sequence for the same seed', () => {
		const a = seededRandom('abc');
		const b = seededRandom('abc');
		expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
	});

	it('gives floats in [0, 1)', () => {
		const r = seededRandom('range');
		for (let i = 0; i < 1000; i++) {
			const x = r();
			expect(x).toBeGreaterThanOrEqual(0);
			expect(x).toBeLessThan(1);
		}
	});

	it('pins the first values so a change of algorithm (which would change every shared quiz) is caught', () => {
		expect(shuffled([1, 2, 3, 4, 5, 6], seededRandom('pinned'))).toMatchInlineSnapshot(`
			[
			  1,
			  2,
			  3,
			  4,
			  6,
			  5,
			]
		`);
	});

	it('shuffling keeps every item', () => {
		expect(shuffled([1, 2, 3, 4, 5], seededRandom('x')).sort()).toEqual([1, 2, 3, 4, 5]);
	});

	it('makes URL-friendly seeds from random bytes', () => {
		expect(seedFromBytes([0, 1, 2, 30, 31, 255])).toMatch(/^[a-z2-9]{6}$/);
	});
});

describe('building a quiz', () => {
	it('gives the same questions, order and option order for the same deck and params', () => {
		expect(buildQuiz(fixtureDeck(12), params())).toEqual(buildQuiz(fixtureDeck(12), params()));
	});

	it('does not depend on the order of cards in the deck file', () => {
		const reversed = fixtureDeck(12);
		reversed.cards.reverse();
		expect(buildQuiz(reversed, params()).questions).toEqual(buildQuiz(deck, params()).questions);
	});

	it('gives a different quiz for a different seed', () => {
		const a = buildQuiz(deck, params({ seed: 'one' })).questions.map((q) => q.cardId);
		const b = buildQuiz(deck, params({ seed: 'two' })).questions.map((q) => q.cardId);
		expect(a).not.toEqual(b);
	});

	it('asks exactly n questions when enough match', () => {
		expect(buildQuiz(deck, params({ count: 7 })).questions).toHaveLength(7);
	});

	it('asks only multiple-choice cards with a matching tag and none excluded', () => {
		const quiz = buildQuiz(deck, params({ tags: ['etcd'], exclude: ['trivia'], count: 50 }));
		expect(quiz.questions.length).toBeGreaterThan(0);
		for (const q of quiz.questions) {
			expect(q.cardId).toContain(':mcq:');
			expect(q.tags).toContain('etcd');
			expect(q.tags).not.toContain('trivia');
		}
		expect(quiz.available).toBe(eligibleCards(deck, quiz.params).length);
	});

	it('takes one question per note before a second from the same note', () => {
		const quiz = buildQuiz(deck, params({ count: 12 }));
		expect(new Set(quiz.questions.map((q) => q.noteId)).size).toBe(12);
		const more = buildQuiz(deck, params({ count: 15 }));
		expect(more.questions.slice(0, 12).map((q) => q.cardId)).toEqual(
			quiz.questions.map((q) => q.cardId)
		);
	});

	it('is shorter than n, and says how many matched, when few cards match', () => {
		const quiz = buildQuiz(fixtureDeck(2), params({ count: 10 }));
		expect(quiz.questions).toHaveLength(4);
		expect(quiz.available).toBe(4);
	});

	it('shuffles options and keeps answerIndex on the right answer', () => {
		const quiz = buildQuiz(deck, params({ count: 24 }));
		const positions = new Set<number>();
		for (const q of quiz.questions) {
			const card = deck.cards.find((c) => c.id === q.cardId);
			if (card?.kind !== 'mcq') throw new Error('not an mcq');
			expect(q.options[q.answerIndex]).toBe(card.options[card.answerIndex]);
			expect([...q.options].sort()).toEqual([...card.options].sort());
			positions.add(q.answerIndex);
		}
		expect(positions.size).toBe(4);
		const moved = quiz.questions.some((q) => {
			const card = deck.cards.find((c) => c.id === q.cardId);
			return card?.kind === 'mcq' && card.options.join() !== q.options.join();
		});
		expect(moved).toBe(true);
	});

	it('keeps a question’s option order when other questions change', () => {
		const few = buildQuiz(deck, params({ tags: ['rbac'], count: 5 }));
		const all = buildQuiz(deck, params({ count: 24 }));
		for (const q of few.questions) {
			expect(all.questions.find((a) => a.cardId === q.cardId)?.options).toEqual(q.options);
		}
	});

	it('tells whether this device has the deck the link was made with', () => {
		expect(deckMatches(deck, params())).toBe(true);
		expect(deckMatches(deck, params({ deckHash: 'ffffffffffffff' }))).toBe(false);
		expect(deckMatches(deck, params({ deckHash: null }))).toBeNull();
	});
});

describe('quiz links', () => {
	it('reads tags, exclude, n, t, seed and deck version', () => {
		const result = paramsFromSearch(
			new URLSearchParams('tags=RBAC,etcd&exclude=trivia&n=10&t=20&seed=k3x9&v=0123456789abcd'),
			identity
		);
		expect(result).toEqual({
			ok: true,
			params: {
				tags: ['etcd', 'rbac'],
				exclude: ['trivia'],
				count: 10,
				seconds: 20,
				seed: 'k3x9',
				deckHash: '0123456789abcd'
			}
		});
	});

	it('reads a missing t as untimed', () => {
		const result = paramsFromSearch(new URLSearchParams('n=5&seed=a'), identity);
		expect(result.ok && result.params.seconds).toBeNull();
	});

	it('round-trips through the URL', () => {
		const p = params({ tags: ['etcd', 'rbac'], exclude: ['trivia'], seconds: null });
		const back = paramsFromSearch(new URLSearchParams(paramsToSearch(p)), identity);
		expect(back).toEqual({ ok: true, params: p });
		expect(paramsToSearch(params({ tags: ['etcd'] }))).toBe(
			'?tags=etcd&n=10&t=20&seed=k3x9&v=0123456789abcd'
		);
	});

	it.each([
		['n=4&t=20&seed=a', 'n='],
		['n=51&t=20&seed=a', 'n='],
		['n=10&t=9&seed=a', 't='],
		['n=10&t=121&seed=a', 't='],
		['n=10&t=20', 'seed'],
		['n=10&t=20&seed=a&start=soon', 'start='],
		['n=10&seed=a&start=1795000000', 'needs seconds per question'],
		['n=10&t=20&seed=a&score=fast', 'score=']
	])('rejects %s and says what is wrong', (search, mention) => {
		const result = paramsFromSearch(new URLSearchParams(search), identity);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems.join(' ')).toContain(mention);
	});

	// issue 16: Number() took these as 10 and 16
	it.each([
		['n=1e1&seed=a', 'n='],
		['n=0x10&seed=a', 'n='],
		['n=10.0&seed=a', 'n='],
		['n=%2B10&seed=a', 'n='],
		['n=%EF%BC%91%EF%BC%90&seed=a', 'n='],
		['n=10&t=2e1&seed=a', 't='],
		['n=10&t=0x14&seed=a', 't='],
		['n=10&seed=a&v=' + 'x'.repeat(65), 'v='],
		['n=10&seed=a&v=%3Cb%3E', 'v=']
	])('parses numbers and the deck version strictly: rejects %s', (search, mention) => {
		const result = paramsFromSearch(new URLSearchParams(search), identity);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems.join(' ')).toContain(mention);
	});

	it('normalises tags with NFKC: fullwidth ＥＴＣＤ is etcd', () => {
		const result = paramsFromSearch(
			new URLSearchParams('tags=%EF%BC%A5%EF%BC%B4%EF%BC%A3%EF%BC%A4&n=5&seed=a'),
			identity
		);
		expect(result.ok && result.params.tags).toEqual(['etcd']);
	});

	it('accepts the range ends 5, 50, 10 s and 120 s', () => {
		for (const search of ['n=5&t=10&seed=a', 'n=50&t=120&seed=a']) {
			expect(paramsFromSearch(new URLSearchParams(search), identity).ok).toBe(true);
		}
	});

	it('reads a paced start time and accuracy scoring, and writes them back', () => {
		const search = 'n=10&t=20&seed=k3x9&v=0123456789abcd&start=1795000000&score=accuracy';
		const result = paramsFromSearch(new URLSearchParams(search), identity);
		expect(result).toEqual({
			ok: true,
			params: params({ start: 1795000000, scoring: 'accuracy' })
		});
		expect(result.ok && paramsToSearch(result.params)).toBe(`?${search}`);
	});

	it('gives the same key whatever the tag order', () => {
		expect(quizKey(params({ tags: ['rbac', 'etcd'] }))).toBe(
			quizKey(params({ tags: ['etcd', 'rbac'] }))
		);
	});
});
