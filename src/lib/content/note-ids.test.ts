import { describe, expect, it } from 'vitest';
import { assignNoteIds, emptyLock, normaliseText, type NoteLock } from './note-ids';

const notes = [
	'etcd is a highly available key value store built on the bbolt library.',
	'For u+p authentication, etcd uses bcrypt with weight 10 by default.',
	'Service accounts cannot be members of groups.',
	'Kubelet handles SA token refresh when it has reached 80% of its lifespan.'
];

function firstBuild(texts = notes) {
	return assignNoteIds(texts, emptyLock());
}

describe('stable note ids', () => {
	it('gives the same ids to the same notes on a rebuild', () => {
		const first = firstBuild();
		expect(assignNoteIds(notes, first.lock).ids).toEqual(first.ids);
		expect(new Set(first.ids).size).toBe(notes.length);
	});

	it('keeps an id when a typo is fixed', () => {
		const first = firstBuild();
		const edited = [...notes];
		edited[1] = 'For u+p authentication, etcd uses bcrypt with cost 10 by default.';
		expect(assignNoteIds(edited, first.lock).ids).toEqual(first.ids);
	});

	it('keeps an id when part of a note is reworded', () => {
		const first = firstBuild();
		const edited = [...notes];
		edited[0] =
			'etcd is a highly available, consistent key value store built on bbolt; it holds all cluster state.';
		expect(assignNoteIds(edited, first.lock).ids[0]).toBe(first.ids[0]);
	});

	it('keeps ids when notes are reordered', () => {
		const first = firstBuild();
		const reordered = [notes[3]!, notes[1]!, notes[0]!, notes[2]!];
		expect(assignNoteIds(reordered, first.lock).ids).toEqual([
			first.ids[3],
			first.ids[1],
			first.ids[0],
			first.ids[2]
		]);
	});

	it('keeps the other ids when a note is added', () => {
		const first = firstBuild();
		const added = [notes[0]!, 'A brand new note about admission webhooks.', ...notes.slice(1)];
		const next = assignNoteIds(added, first.lock);
		expect(next.ids.filter((_, i) => i !== 1)).toEqual(first.ids);
		expect(first.ids).not.toContain(next.ids[1]);
	});

	it('keeps the other ids when a note is deleted, and never reuses the deleted id', () => {
		const first = firstBuild();
		const deleted = first.ids[2]!;
		const afterDelete = assignNoteIds([notes[0]!, notes[1]!, notes[3]!], first.lock);
		expect(afterDelete.ids).toEqual([first.ids[0], first.ids[1], first.ids[3]]);
		expect(afterDelete.lock.notes.find((e) => e.id === deleted)).toMatchObject({ deleted: true });

		// a new note that resembles the deleted one does not inherit its id
		const similar = 'Service accounts cannot be members of any groups at all.';
		const later = assignNoteIds(
			[...afterDelete.ids.map((_, i) => [notes[0], notes[1], notes[3]][i]!), similar],
			afterDelete.lock
		);
		expect(later.ids[3]).not.toBe(deleted);
	});

	it('does not reuse a deleted id even when a new note hashes to it', () => {
		const first = firstBuild([notes[0]!]);
		const tombstone: NoteLock = {
			version: 1,
			notes: [{ id: first.ids[0]!, text: 'something else entirely', deleted: true }]
		};
		const next = assignNoteIds([notes[0]!], tombstone);
		expect(next.ids[0]).not.toBe(first.ids[0]);
	});

	it('gives back its id to a deleted note restored word for word', () => {
		const first = firstBuild();
		const afterDelete = assignNoteIds(notes.slice(0, 3), first.lock);
		expect(assignNoteIds(notes, afterDelete.lock).ids).toEqual(first.ids);
	});

	it('gives different ids to duplicate notes and reports them', () => {
		const result = firstBuild([notes[0]!, notes[0]!]);
		expect(result.ids[0]).not.toBe(result.ids[1]);
		expect(result.duplicates).toEqual([1]);
	});

	it('matches an edited note to its own old id when two notes are edited at once', () => {
		const first = firstBuild();
		const edited = [...notes];
		edited[1] = 'For u+p authentication, etcd uses bcrypt with cost 10 by default.';
		edited[3] = 'The kubelet refreshes SA tokens when they reach 80% of their lifespan.';
		const next = assignNoteIds(edited, first.lock);
		expect(next.ids).toEqual(first.ids);
	});

	it('ignores case, spacing and punctuation when comparing texts', () => {
		expect(normaliseText('  etcd:  Key-Value\nstore! ')).toBe('etcd key value store');
	});
});
