/**
 * Issue 16: the app's own backup was refused by its own import (a filter tag `1x`, a long deck
 * name, a long flag comment, a long `v=` in a quiz link). Whatever state the app reaches through
 * its storage verbs, export -> import -> export must give the same file, with no warning.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { filterToSearch, normalizeFilter } from '$lib/content/tag-filter';
import { buildQuiz } from '$lib/quiz/build';
import { paramsFromSearch } from '$lib/quiz/params';
import { answerQuestion, expire, nextQuestion, startRun, type QuizRun } from '$lib/quiz/run';
import { fixtureDeck } from '$lib/quiz/test-deck';
import { quizReviews } from '$lib/quiz/reviews';
import { defaultSettings, Rating, Scheduler, type Grade } from '$lib/scheduler';
import { parseBackup } from '$lib/backup/parse';
import { db } from './db';
import * as storage from './index';

const scheduler = new Scheduler({ ...defaultSettings(), enableFuzz: false });
const deck = fixtureDeck(6);
// a later deck without the last note: its cards are retired
const smallerDeck = { ...fixtureDeck(5, 'fedcba98765432') };
const start = new Date(2026, 10, 20, 9).getTime();
const resolve = (t: string) => t.toLowerCase();

/** Odd strings a user can type or put in a link. */
const odd = fc.oneof(
	fc.constantFrom(
		'1x',
		'k8s.io',
		'ＥＴＣＤ',
		'#rbac',
		'__proto__',
		'constructor',
		'toString',
		' ',
		'İstanbul',
		'a,b',
		'<script>alert(1)</script>',
		'x'.repeat(65),
		'\u{1F510}'.repeat(40)
	),
	fc.string({ maxLength: 80 }),
	fc.string({ unit: 'grapheme', maxLength: 80 }),
	fc.string({ unit: 'binary', maxLength: 40 })
);
const tags = fc.array(odd, { maxLength: 60 });
const longText = fc.oneof(
	fc.string({ unit: 'grapheme', maxLength: 300 }),
	fc.constantFrom('x'.repeat(100_050), 'é'.repeat(250), 'a' + '\u{1F510}'.repeat(60_000))
);
const cardIndex = fc.nat({ max: deck.cards.length - 1 });
const minutes = fc.nat({ max: 60 * 24 * 30 });

type Step = (t: number) => Promise<unknown>;

const steps: fc.Arbitrary<Step>[] = [
	fc
		.record({ tags, exclude: tags, query: longText })
		.map((filter) => () => storage.saveLastFilter(filter)),
	fc
		.record({ name: fc.oneof(odd, longText), tags, exclude: tags })
		.filter((d) => storage.savedFilterName(d.name) !== '')
		.map((d) => () => storage.saveFilter(d)),
	odd.map((name) => () => storage.deleteFilter(name)),
	fc.tuple(cardIndex, fc.constantFrom(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy)).map(
		([i, grade]) =>
			(t: number) =>
				storage
					.answer(deck.cards[i]!.id, grade as Grade, new Date(t), scheduler)
					.catch(() => undefined) // a retired card is not on the study page
	),
	fc.tuple(cardIndex, fc.boolean()).map(
		([i, off]) =>
			() =>
				off ? storage.suspend(deck.cards[i]!.id) : storage.unsuspend(deck.cards[i]!.id)
	),
	fc.tuple(cardIndex, fc.constantFrom('wrong' as const, 'unclear' as const), longText).map(
		([i, reason, comment]) =>
			(t: number) =>
				storage.flag(deck.cards[i]!.id, deck.cards[i]!.noteId, reason, comment, new Date(t))
	),
	fc
		.record({
			newPerDay: fc.integer({ min: -5, max: 20_000 }),
			dayStartHour: fc.integer({ min: 0, max: 30 }),
			desiredRetention: fc.double({ min: 0.5, max: 1, noNaN: true }),
			learningSteps: fc.array(fc.constantFrom('1m', '10m', '2h', 'x'), { maxLength: 4 })
		})
		.map((s) => () => storage.saveSettings({ ...defaultSettings(), ...s } as never)),
	fc
		.record({
			filter: fc.record({ tags, exclude: tags, query: longText }),
			practice: fc.boolean(),
			card: fc.option(cardIndex, { nil: undefined }),
			revealed: fc.boolean(),
			picked: fc.option(fc.nat({ max: 3 }), { nil: undefined })
		})
		.map(
			(s) => () =>
				storage.saveSession({
					deck: filterToSearch(normalizeFilter(s.filter)), // as the study page's filterHref
					practice: s.practice,
					cardId: s.card === undefined ? undefined : deck.cards[s.card]!.id,
					revealed: s.revealed,
					picked: s.picked,
					remaining: s.practice ? deck.cards.slice(0, 3).map((c) => c.id) : undefined
				})
		),
	fc
		.record({
			tags: fc.array(fc.oneof(odd, fc.constantFrom('etcd', 'rbac')), { maxLength: 20 }),
			v: fc.oneof(fc.constant(''), fc.stringMatching(/^[\w-]{1,64}$/)),
			seed: fc.stringMatching(/^[\w-]{1,64}$/),
			n: fc.integer({ min: 5, max: 50 }),
			t: fc.constantFrom('', '10', '120'),
			answers: fc.array(fc.oneof(fc.nat({ max: 3 }), fc.constant(-1)), { maxLength: 12 }),
			record: fc.boolean()
		})
		.map((q) => async (t: number) => {
			const search = new URLSearchParams({ seed: q.seed, n: String(q.n), t: q.t, v: q.v });
			search.set('tags', q.tags.join(','));
			const parsed = paramsFromSearch(search, resolve);
			if (!parsed.ok) return;
			const quiz = buildQuiz(deck, parsed.params);
			if (!quiz.questions.length) return; // the page offers no start button then
			let run: QuizRun = startRun(quiz, new Date(t));
			let clock = t;
			for (const choice of q.answers) {
				if (run.phase === 'finished') break;
				clock += 30_000;
				run =
					choice < 0 ? expire(run, new Date(clock)) : answerQuestion(run, choice, new Date(clock));
				run = nextQuestion(run, new Date(clock + 1000));
				await storage.saveQuizRun(run);
			}
			await storage.saveQuizRun(run);
			if (q.record && run.phase === 'finished')
				await storage
					.syncDeck(deck, new Date(clock))
					.then(() => storage.recordReviews(quizReviews(run), scheduler, run));
		}),
	fc.constant(() => storage.syncDeck(smallerDeck, new Date(start))),
	fc.constant((t: number) => storage.dismissExportReminder(new Date(t))),
	// issue 17's preferences: the answer to the offer to install, and persist() asked
	fc
		.constantFrom('accepted' as const, 'dismissed' as const, 'not-now' as const)
		.map((outcome) => (t: number) => storage.saveInstallChoice(outcome, new Date(t))),
	fc.constant((t: number) => storage.persistAfterFirstAnswer(new Date(t))),
	// issue 14's preferences: the nickname a student typed, and this device's id for result codes
	fc.oneof(odd, longText).map((name) => () => storage.saveNickname(name)),
	fc.constant(() => storage.deviceId())
];

async function wipe() {
	await Promise.all(
		[db.preferences, db.cards, db.reviews, db.flags, db.quizRuns, db.backups].map((t) => t.clear())
	);
}

beforeEach(wipe);

describe('what the app stores, its import reads back', () => {
	it('export -> import -> export gives the same data for any state the verbs make', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.tuple(fc.oneof(...steps), minutes), { minLength: 1, maxLength: 14 }),
				async (plan) => {
					await wipe();
					await storage.syncDeck(deck, new Date(start));
					for (const [step, at] of plan) await step(start + at * 60_000);
					const now = new Date(start + 40 * 86_400_000);
					const first = (await storage.exportBackup(now)).json;
					const parsed = parseBackup(first);
					expect(parsed.ok ? parsed.warnings : parsed.message).toEqual([]);
					if (!parsed.ok) return;
					await wipe();
					expect((await storage.importBackup(parsed.backup, now)).ok).toBe(true);
					// the same data (zod gives keys in its schema's order, so the text may differ in that)
					expect(JSON.parse((await storage.exportBackup(now)).json)).toStrictEqual(
						JSON.parse(first)
					);
				}
			),
			{ numRuns: 100, seed: 16, endOnFailure: true }
		);
	}, 60_000);
});
