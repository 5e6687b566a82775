import { filterToSearch, type TagFilter } from '$lib/content/tag-filter';

/** A tag filter's name when it has none: its tags, e.g. "#etcd, #rbac without #trivia". */
export function filterName(filter: Pick<TagFilter, 'tags' | 'exclude'>): string {
	const base = filter.tags.length ? filter.tags.map((t) => `#${t}`).join(', ') : 'All cards';
	return filter.exclude.length
		? `${base} without ${filter.exclude.map((t) => `#${t}`).join(', ')}`
		: base;
}

/** `/study?tags=etcd,rbac&exclude=trivia`, or `/study?all` for every card. */
export function filterHref(filter: Pick<TagFilter, 'tags' | 'exclude'>, practice = false): string {
	const search = filterToSearch({ tags: filter.tags, exclude: filter.exclude, query: '' });
	const base = `/study${search || '?all'}`;
	return practice ? `${base}&mode=practice` : base;
}
