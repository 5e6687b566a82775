import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/content/schema';
import { ankiGuid, ankiTag, ankiText } from './anki';
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

/** Reads the file the way Anki's importer does: header lines, then tab-separated rows. */
function parse(text: string) {
	const lines = text.split('\n').filter(Boolean);
	const headers = Object.fromEntries(
		lines.filter((l) => l.startsWith('#')).map((l) => l.slice(1).split(':') as [string, string])
	);
	const rows = lines.filter((l) => !l.startsWith('#')).map((l) => l.split('\t'));
	return { headers, rows };
}

describe('ankiText', () => {
	const { headers, rows } = parse(ankiText([mcq, recall, cloze]));

	it('has the headers Anki reads', () => {
		expect(headers).toEqual({
			separator: 'tab',
			html: 'true',
			'guid column': '1',
			'tags column': '4'
		});
	});

	it('writes one row of four columns per card, guid first and unique', () => {
		expect(rows.map((r) => r.length)).toEqual([4, 4, 4]);
		expect(rows.map((r) => r[0])).toEqual([
			'kubesec_n0000000001_mcq_a',
			'kubesec_n0000000002_recall_x',
			'kubesec_n0000000002_cloze_y'
		]);
	});

	it('gives a card the same guid in every export', () => {
		expect(parse(ankiText([recall])).rows[0]![0]).toBe(rows[1]![0]);
		expect(ankiGuid(mcq.id)).toBe('kubesec_n0000000001_mcq_a');
	});

	it('puts an MCQ’s options on the front and the answer with its explanation on the back', () => {
		const [, front, back, tags] = rows[0]!;
		expect(front).toBe(
			'<p>Which port does etcd serve clients on? &lt;b&gt;</p><ul style="list-style:none"><li>A. 2379</li><li>B. 2380</li><li>C. 6443</li><li>D. 10250</li></ul>'
		);
		expect(back).toBe(
			'<p><b>A. 2379</b></p><p>Peers use 2380 &amp; clients 2379.</p><p><b>Correction:</b> Since &quot;v3.4&quot;</p>'
		);
		expect(tags).toBe('etcd tls');
	});

	it('escapes text, keeps line breaks as <br> and never lets a tab split a field', () => {
		expect(rows[1]!.slice(1)).toEqual([
			'What does a RoleBinding bind?',
			'A Role to subjects<br>in one namespace.',
			'rbac'
		]);
		expect(rows[2]!.slice(1, 3)).toEqual(['___ binds', 'RoleBinding']);
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
