/**
 * Cards as a text file Anki imports (File > Import): tab-separated, with the header lines Anki
 * 2.1.55+ reads (note type and deck per row, so cloze cards arrive as Cloze notes). The guid comes from the card id, so importing a newer file updates the same
 * notes instead of adding copies. Pure.
 * @example download(ankiText(deck.cards), 'kubesec.txt')
 */
import { escapeHtml } from '$lib/content/escape';
import type { Card, Flashcard } from '$lib/content/schema';

/** Text made safe for an HTML field: no markup, no tab or quote to confuse Anki's parser. */
function ankiField(text: string): string {
	return escapeHtml(text).replace(/\t/g, ' ').replace(/\r?\n/g, '<br>');
}

/** Stable across exports: the card id is stable across deck rebuilds. */
export const ankiGuid = (cardId: string) => `kubesec_${cardId.replace(/:/g, '_')}`;

/** Anki tags: no spaces, and no `::` (Anki reads that as a tag hierarchy). */
export const ankiTag = (tag: string) => tag.replace(/::+/g, '_').replace(/\s+/g, '_');

const LETTERS = ['A', 'B', 'C', 'D'];

/** A Basic note's Front and Back. */
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

/** The deck Anki files the notes in (created on import when it does not exist). */
export const ANKI_DECK = 'Kubernetes security';

/** Braces written as entities: a `{{` in a note must not open a cloze deletion in Anki. */
const noCloze = (html: string) => html.replace(/\{/g, '&#123;').replace(/\}/g, '&#125;');

/**
 * A cloze card as an Anki Cloze note: each blank becomes `{{c1::answer}}` (one card, every blank
 * hidden at once, as in the app); the correction goes to Back Extra. The answer's colons are
 * entities too, so `a::b` cannot end the deletion early and read as a hint.
 */
function clozeFields(card: Flashcard): [string, string] {
	const answer = noCloze(ankiField(card.back)).replace(/:/g, '&#58;');
	const text = card.front
		.split(/_{3,}/)
		.map((part) => noCloze(ankiField(part)))
		.join(`{{c1::${answer}}}`);
	const extra = card.correction ? `<b>Correction:</b> ${ankiField(card.correction)}` : '';
	return [text, extra];
}

/**
 * A Cloze note has a guid of its own: files from before wrote the card as a Basic note under the
 * card's guid, and Anki does not turn a note into another note type (it skips it as a conflict).
 */
const clozeGuid = (cardId: string) => `${ankiGuid(cardId)}_cloze_note`;

/**
 * The whole file: header lines, then one note per card: guid, note type (Anki's stock `Basic`
 * with Front and Back, or `Cloze` with Text and Back Extra), deck, the two fields, tags. The deck
 * is a column, not a `#deck:` header: Anki creates a deck named in a column, while a header
 * naming a deck the collection does not have yet falls back to the current deck.
 */
export function ankiText(cards: Card[]): string {
	const header = [
		'#separator:tab',
		'#html:true',
		'#guid column:1',
		'#notetype column:2',
		'#deck column:3',
		'#tags column:6'
	];
	const rows = cards.map((card) => {
		const tags = card.tags.map(ankiTag).join(' ');
		if (card.kind === 'cloze') {
			return [clozeGuid(card.id), 'Cloze', ANKI_DECK, ...clozeFields(card), tags].join('\t');
		}
		return [ankiGuid(card.id), 'Basic', ANKI_DECK, ...sides(card), tags].join('\t');
	});
	return [...header, ...rows].join('\n') + '\n';
}
