/** Which notes (and later cards) to show: any of `tags`, none of `exclude`, matching `query`. */
export interface TagFilter {
	tags: string[];
	exclude: string[];
	query: string;
}

export const emptyFilter = (): TagFilter => ({ tags: [], exclude: [], query: '' });

/** Resolves a written tag (any case, alias, leading #) to its canonical name. */
export type TagResolver = (written: string) => string;

/**
 * Reads `?tags=etcd,rbac&exclude=trivia&q=token` from a URL.
 * @example filterFromSearch(new URLSearchParams('tags=ETCD,runtimes'), resolve) // tags: ['etcd', 'runtime']
 */
export function filterFromSearch(params: URLSearchParams, resolve: TagResolver): TagFilter {
	return {
		tags: tagList(params, 'tags', resolve),
		exclude: tagList(params, 'exclude', resolve),
		query: (params.get('q') ?? '').trim()
	};
}

/** The tags of one query parameter (`tags=etcd,#rbac&tags=x`), resolved, without duplicates. */
export function tagList(params: URLSearchParams, key: string, resolve: TagResolver): string[] {
	return [
		...new Set(
			params
				.getAll(key)
				.flatMap((v) => v.split(','))
				.map((t) => t.trim().replace(/^#/, ''))
				.filter(Boolean)
				.map(resolve)
		)
	];
}

/** The query string for a filter, empty parts left out, commas kept readable. */
export function filterToSearch(filter: TagFilter): string {
	const parts: string[] = [];
	if (filter.tags.length) parts.push(`tags=${filter.tags.map(encodeURIComponent).join(',')}`);
	if (filter.exclude.length) parts.push(`exclude=${filter.exclude.map(encodeURIComponent).join(',')}`);
	if (filter.query) parts.push(`q=${encodeURIComponent(filter.query)}`);
	return parts.length ? `?${parts.join('&')}` : '';
}

/** True when an item with these tags and text passes the filter. */
export function matchesFilter(item: { tags: string[]; text: string }, filter: TagFilter): boolean {
	if (filter.tags.length && !item.tags.some((t) => filter.tags.includes(t))) return false;
	if (item.tags.some((t) => filter.exclude.includes(t))) return false;
	if (filter.query) {
		const text = fold(item.text);
		return fold(filter.query)
			.split(/\s+/)
			.filter(Boolean)
			.every((word) => text.includes(word));
	}
	return true;
}

/** Case- and accent-insensitive form for search. */
function fold(text: string): string {
	return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
