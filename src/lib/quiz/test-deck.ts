import type { Deck, McqCard } from '$lib/content/schema';

/** A hand-made deck for tests: `notes` notes, tags cycling etcd/rbac/trivia, two MCQs per note. */
export function fixtureDeck(notes = 12, hash = '0123456789abcd'): Deck {
	const tagCycle = [['etcd'], ['rbac'], ['etcd', 'trivia']];
	const deck: Deck = { version: 1, hash, notes: [], tags: [], cards: [] };
	for (let i = 0; i < notes; i++) {
		const id = `n${i.toString(16).padStart(10, '0')}`;
		const tags = tagCycle[i % tagCycle.length] ?? [];
		deck.notes.push({
			id,
			text: `Note ${i} text.`,
			html: `<p>Note ${i} text.</p>`,
			tags,
			source: { file: 'notes.txt', line: i + 1 }
		});
		for (const key of ['a', 'b']) {
			const card: McqCard = {
				id: `${id}:mcq:${key}`,
				noteId: id,
				tags,
				kind: 'mcq',
				question: `Question ${i}${key}?`,
				options: [
					`right ${i}${key}`,
					`wrong1 ${i}${key}`,
					`wrong2 ${i}${key}`,
					`wrong3 ${i}${key}`
				],
				answerIndex: (i + (key === 'a' ? 0 : 1)) % 4,
				explanation: `Because note ${i}.`
			};
			// keep the right option's text where answerIndex points
			const options = [...card.options];
			[options[0], options[card.answerIndex]] = [
				card.options[card.answerIndex] ?? '',
				card.options[0] ?? ''
			];
			card.options = options;
			deck.cards.push(card);
		}
		deck.cards.push({
			id: `${id}:cloze:c`,
			noteId: id,
			tags,
			kind: 'cloze',
			front: 'x ___',
			back: 'y'
		});
	}
	const counts = new Map<string, number>();
	for (const note of deck.notes) for (const t of note.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
	deck.tags = [...counts].map(([name, count]) => ({ name, count, description: name, aliases: [] }));
	return deck;
}
