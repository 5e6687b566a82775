/**
 * The passage family: a note that goes on about the term defined just before it (it follows the
 * `Term: definition` note in the same file, with the same tags, and defines nothing itself) is
 * asked as "Which term is this passage about?": its opening sentences with the term blanked in
 * every form, and three other defined terms of the same kind as wrong options. Only a passage
 * that names its term is asked: one that never does tends to describe the problem the term
 * solves, which its siblings solve too.
 */
import type { Card } from '../../schema';
import { blankedStem } from '../gate';
import type { NoteInput } from '../generate';
import { hedgeIn, isQuestion, splitSentences } from '../text';
import { curatedOptions, formsOfDefinition, kindOf, termMcq, type Definition } from './definitions';
import { mcqCard, type Proposal } from './proposal';

/** Enough of a note to tell its subject; whole sentences, the first always. */
const PASSAGE_WORDS = 70;
/** Fewer words than this say too little to tell one term from another. */
const MIN_WORDS = 12;

/**
 * The defined term each note goes on about, by note id: the notes after a definition, in its
 * file, with its tags, up to the next definition or the first note of other tags.
 */
export function topicsOf(
	notes: readonly NoteInput[],
	definitions: ReadonlyMap<string, Definition>
): Map<string, Definition> {
	const topics = new Map<string, Definition>();
	let current: { def: Definition; file: string; tags: string } | undefined;
	for (const note of notes) {
		const tags = [...note.tags].sort().join(' ');
		const def = definitions.get(note.id);
		if (def) {
			current = kindOf(def) ? { def, file: note.source.file, tags } : undefined;
			continue;
		}
		if (current && current.file === note.source.file && current.tags === tags && tags !== '')
			topics.set(note.id, current.def);
		else current = undefined;
	}
	return topics;
}

/** "Which term is this passage about?", or nothing with the reason in the report. */
export function passageCards(p: Proposal, topic: Definition): Card[] {
	const { reading, blocked } = p;
	const item = `passage on ${topic.name}`;
	const chosen: string[] = [];
	for (const { text: sentence } of splitSentences(reading.body)) {
		const words = [...chosen, sentence].join(' ').split(/\s+/).length;
		if (chosen.length > 0 && words > PASSAGE_WORDS) break;
		chosen.push(sentence);
	}
	const unsure = chosen.find((s) => hedgeIn(s) || isQuestion(s));
	if (unsure) {
		blocked.push({ item, reason: `a hedged sentence or a question: "${unsure}"` });
		return [];
	}
	const passage = blankedStem(chosen.join(' '), formsOfDefinition(topic));
	// a paragraph that never names its term is often the problem it solves, which other
	// practices solve too: only a passage that names it, blanked, is asked
	if (!passage.includes('___')) {
		blocked.push({ item, reason: 'the passage does not name its term' });
		return [];
	}
	if (passage.split(/\s+/).length < MIN_WORDS) {
		blocked.push({ item, reason: 'too short to tell one term from another' });
		return [];
	}
	const id = p.idFor('mcq', `about-${topic.name}`);
	const made = termMcq(
		topic,
		`Which term is this passage about? “${passage}”`,
		passage,
		p.definitions,
		reading.everything,
		id,
		curatedOptions(p, topic, id, passage)
	);
	if ('reason' in made) {
		blocked.push({ item, reason: made.reason });
		return [];
	}
	return [mcqCard(id, made.question, made.answer, made.distractors, reading.body, p.base)];
}
