import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/content/schema';
import { ANKI_DECK, ankiGuid, ankiTag, ankiText } from './anki';
import { flagsMarkdown } from './flags-markdown';

const mcq: Card = {
	id: 'n0000000001:mcq:a',
	noteId: 'n0000000001',
	tags: ['etcd', 'tls'],
	kind: 'mcq',
	question: 'Which port does etcd serve clients on? <b>',
	options: ['2379', '2380', '6443', '10250'],
	answerIndex: 0,
	explanation: 'Peers use 2380 & clients 2379.',
	correction: 'Since "v3.4"'
};
const recall: Card = {
	id: 'n0000000002:recall:x',
	noteId: 'n0000000002',
	tags: ['rbac'],
	kind: 'recall',
	front: 'What does a RoleBinding\tbind?',
	back: 'A Role to subjects\nin one namespace.'
};
const cloze: Card = {
	...recall,
	id: 'n0000000002:cloze:y',
	kind: 'cloze',
	front: '___ binds',
	back: 'RoleBinding'
};

/** Reads the file the way Anki's importer does: `#key:value` header lines, then tab-separated rows. */
function parse(text: string) {
	const lines = text.split('\n').filter(Boolean);
	const headers = Object.fromEntries(
		lines
			.filter((l) => l.startsWith('#'))
			.map((l) => {
				const at = l.indexOf(':');
				return [l.slice(1, at), l.slice(at + 1)];
			})
	);
	const rows = lines.filter((l) => !l.startsWith('#')).map((l) => l.split('\t'));
	return { headers, rows };
}

/** The note a row makes in Anki, by the header's column numbers. */
function note(headers: Record<string, string>, row: string[]) {
	const column = (key: string) => row[Number(headers[key]) - 1];
	const meta = new Set(
		['guid column', 'notetype column', 'deck column', 'tags column'].map(
			(k) => Number(headers[k]) - 1
		)
	);
	return {
		guid: column('guid column'),
		notetype: column('notetype column'),
		deck: column('deck column'),
		tags: column('tags column'),
		fields: row.filter((_, i) => !meta.has(i))
	};
}

describe('ankiText', () => {
	const { headers, rows } = parse(ankiText([mcq, recall, cloze]));
	const notes = rows.map((row) => note(headers, row));

	it('has the headers Anki reads: tab, HTML, and guid, note type, deck and tags per row', () => {
		expect(headers).toEqual({
			separator: 'tab',
			html: 'true',
			'guid column': '1',
			'notetype column': '2',
			'deck column': '3',
			'tags column': '6'
		});
	});

	it('writes one row of six columns per card, guid unique, all in one deck', () => {
		expect(rows.map((r) => r.length)).toEqual([6, 6, 6]);
		expect(notes.map((n) => n.guid)).toEqual([
			'kubesec_n0000000001_mcq_a',
			'kubesec_n0000000002_recall_x',
			'kubesec_n0000000002_cloze_y_cloze_note'
		]);
		expect(notes.map((n) => n.deck)).toEqual([ANKI_DECK, ANKI_DECK, ANKI_DECK]);
	});

	it('gives a card the same guid in every export', () => {
		expect(parse(ankiText([recall])).rows[0]![0]).toBe(rows[1]![0]);
		expect(ankiGuid(mcq.id)).toBe('kubesec_n0000000001_mcq_a');
	});

	it('writes MCQs and recall cards as Basic notes, cloze cards as Cloze notes', () => {
		expect(notes.map((n) => n.notetype)).toEqual(['Basic', 'Basic', 'Cloze']);
	});

	it('puts an MCQ’s options on the front and the answer with its explanation on the back', () => {
		expect(notes[0]!.fields).toEqual([
			'<p>Which port does etcd serve clients on? &lt;b&gt;</p><ul style="list-style:none"><li>A. 2379</li><li>B. 2380</li><li>C. 6443</li><li>D. 10250</li></ul>',
			'<p><b>A. 2379</b></p><p>Peers use 2380 &amp; clients 2379.</p><p><b>Correction:</b> Since &quot;v3.4&quot;</p>'
		]);
		expect(notes[0]!.tags).toBe('etcd tls');
	});

	it('escapes text, keeps line breaks as <br> and never lets a tab split a field', () => {
		expect(notes[1]!.fields).toEqual([
			'What does a RoleBinding bind?',
			'A Role to subjects<br>in one namespace.'
		]);
		expect(notes[1]!.tags).toBe('rbac');
	});

	// bug (issue 15): cloze cards went to Anki as Basic notes with "___" on the front
	it('turns each blank of a cloze card into one c1 deletion of the answer', () => {
		expect(notes[2]!.fields).toEqual(['{{c1::RoleBinding}} binds', '']);
		const twice = {
			...cloze,
			front: 'If auth is on in ___, users must exist in ___.',
			back: 'etcd'
		};
		const [, , , text] = parse(ankiText([twice])).rows[0]!;
		expect(text).toBe('If auth is on in {{c1::etcd}}, users must exist in {{c1::etcd}}.');
	});

	it('keeps a cloze note’s text from making deletions of its own, and escapes HTML', () => {
		const tricky = {
			...cloze,
			front: 'Helm renders {{ .Values.x }} with ___ <i>',
			back: 'std::tpl}}',
			correction: 'It is "tpl"'
		};
		const [, , , text, extra] = parse(ankiText([tricky])).rows[0]!;
		expect(text).toBe(
			'Helm renders &#123;&#123; .Values.x &#125;&#125; with {{c1::std&#58;&#58;tpl&#125;&#125;}} &lt;i&gt;'
		);
		expect(text!.match(/\{\{c\d::/g)).toHaveLength(1);
		expect(extra).toBe('<b>Correction:</b> It is &quot;tpl&quot;');
	});

	it('keeps tags free of :: and spaces', () => {
		expect(ankiTag('a::b c')).toBe('a_b_c');
	});
});

describe('flagsMarkdown', () => {
	const flags = [
		{
			cardId: recall.id,
			noteId: recall.noteId,
			reason: 'unclear' as const,
			comment: 'Which namespace?',
			createdAt: Date.UTC(2026, 10, 21)
		},
		{
			cardId: mcq.id,
			noteId: mcq.noteId,
			reason: 'wrong' as const,
			comment: '<script>alert(1)</script>\nsecond line',
			createdAt: Date.UTC(2026, 10, 20)
		},
		{
			cardId: 'n0000000009:recall:z',
			noteId: 'n0000000009',
			reason: 'wrong' as const,
			comment: '',
			createdAt: Date.UTC(2026, 10, 22)
		}
	];
	const md = flagsMarkdown(flags, [mcq, recall], new Date(Date.UTC(2026, 10, 27)));

	it('lists each flagged card with its flags, oldest first', () => {
		expect(md).toBe(
			[
				'# Flagged cards',
				'',
				'3 flags on 3 cards, exported 2026-11-27T00:00:00.000Z.',
				'',
				'## Which port does etcd serve clients on? &lt;b&gt;',
				'',
				'- Card: `n0000000001:mcq:a`',
				'- Note: `n0000000001`',
				'',
				'### Wrong, 2026-11-20T00:00:00.000Z',
				'',
				'> &lt;script&gt;alert(1)&lt;/script&gt;',
				'> second line',
				'',
				'## What does a RoleBinding bind?',
				'',
				'- Card: `n0000000002:recall:x`',
				'- Note: `n0000000002`',
				'',
				'### Unclear, 2026-11-21T00:00:00.000Z',
				'',
				'> Which namespace?',
				'',
				'## (card no longer in the deck)',
				'',
				'- Card: `n0000000009:recall:z`',
				'- Note: `n0000000009`',
				'',
				'### Wrong, 2026-11-22T00:00:00.000Z',
				'',
				'_(no comment)_',
				''
			].join('\n')
		);
	});
});
