/**
 * Cards as a text file Anki imports (File > Import): tab-separated, with the header lines Anki
 * 2.1.55+ reads. The guid comes from the card id, so importing a newer file updates the same
 * notes instead of adding copies. Pure.
 * @example download(ankiText(deck.cards), 'kubesec.txt')
 */
import { escapeHtml } from '$lib/content/escape';
import type { Card } from '$lib/content/schema';

/** Text made safe for an HTML field: no markup, no tab or quote to confuse Anki's parser. */
function ankiField(text: string): string {
	return escapeHtml(text).replace(/\t/g, ' ').replace(/\r?\n/g, '<br>');
}

/** Stable across exports: the card id is stable across deck rebuilds. */
export const ankiGuid = (cardId: string) => `kubesec_${cardId.replace(/:/g, '_')}`;

/** Anki tags: no spaces, and no `::` (Anki reads that as a tag hierarchy). */
export const ankiTag = (tag: string) => tag.replace(/::+/g, '_').replace(/\s+/g, '_');

const LETTERS = ['A', 'B', 'C', 'D'];

function sides(card: Card): [string, string] {
	const correction = card.correction
		? `<p><b>Correction:</b> ${ankiField(card.correction)}</p>`
		: '';
	if (card.kind === 'mcq') {
		const options = card.options.map((o, i) => `<li>${LETTERS[i]}. ${ankiField(o)}</li>`).join('');
		const right = card.options[card.answerIndex] ?? '';
		return [
			`<p>${ankiField(card.question)}</p><ul style="list-style:none">${options}</ul>`,
			`<p><b>${LETTERS[card.answerIndex]}. ${ankiField(right)}</b></p>` +
				(card.explanation ? `<p>${ankiField(card.explanation)}</p>` : '') +
				correction
		];
	}
	return [ankiField(card.front), ankiField(card.back) + correction];
}

export const ANKI_COLUMNS = ['guid', 'front', 'back', 'tags'] as const;

/** The whole file: header lines, then one note per card (guid, front, back, tags). */
export function ankiText(cards: Card[]): string {
	const header = ['#separator:tab', '#html:true', '#guid column:1', '#tags column:4'];
	const rows = cards.map((card) => {
		const [front, back] = sides(card);
		return [ankiGuid(card.id), front, back, card.tags.map(ankiTag).join(' ')].join('\t');
	});
	return [...header, ...rows].join('\n') + '\n';
}
