/**
 * Cards students flagged, with their comments, as Markdown for the course author. Pure.
 * Comments are the students' text: HTML in them is escaped so a Markdown viewer shows it as text.
 */
import type { Card } from '$lib/content/schema';
import { cardPrompt } from '$lib/deck';

export interface FlagForReport {
	cardId: string;
	noteId: string;
	reason: 'wrong' | 'unclear';
	comment: string;
	createdAt: number;
}

const inert = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One section per flagged card, flags oldest first; `now` dates the report. */
export function flagsMarkdown(flags: FlagForReport[], cards: Card[], now: Date): string {
	const byId = new Map(cards.map((c) => [c.id, c]));
	const groups = new Map<string, FlagForReport[]>();
	for (const f of [...flags].sort((a, b) => a.createdAt - b.createdAt)) {
		groups.set(f.cardId, [...(groups.get(f.cardId) ?? []), f]);
	}
	const lines = [
		'# Flagged cards',
		'',
		`${flags.length} flag${flags.length === 1 ? '' : 's'} on ${groups.size} card${groups.size === 1 ? '' : 's'}, exported ${now.toISOString()}.`,
		''
	];
	for (const [cardId, list] of groups) {
		const card = byId.get(cardId);
		const title = card ? cardPrompt(card).replace(/\s+/g, ' ') : '(card no longer in the deck)';
		lines.push(`## ${inert(title)}`, '');
		lines.push(`- Card: \`${cardId}\``, `- Note: \`${list[0]!.noteId}\``, '');
		for (const f of list) {
			lines.push(
				`### ${f.reason === 'wrong' ? 'Wrong' : 'Unclear'}, ${new Date(f.createdAt).toISOString()}`,
				''
			);
			lines.push(
				f.comment
					? f.comment
							.split(/\r?\n/)
							.map((l) => `> ${inert(l)}`)
							.join('\n')
					: '_(no comment)_',
				''
			);
		}
	}
	return lines.join('\n');
}
