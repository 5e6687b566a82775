import { cut } from '../storage/limits';
import { matchesWords, searchWords } from './search';

/** Which notes (and later cards) to show: any of `tags`, none of `exclude`, matching `query`. */
export interface TagFilter {
	tags: string[];
	exclude: string[];
	query: string;
}

/** A tag as written in a link is at most this long; a filter holds at most MAX_TAGS of each kind. */
export const MAX_TAG = 64;
export const MAX_TAGS = 50;
/** Search words in a filter. */
export const MAX_QUERY = 1000;

export const emptyFilter = (): TagFilter => ({ tags: [], exclude: [], query: '' });

/** Resolves a written tag (any case, alias, leading #) to its canonical name. */
export type TagResolver = (written: string) => string;

/**
 * Reads `?tags=etcd,rbac&exclude=trivia&q=token` from a URL.
 * @example filterFromSearch(new URLSearchParams('tags=ETCD,runtimes'), resolve) // tags: ['etcd', 'runtime']
 */
export function filterFromSearch(params: URLSearchParams, resolve: TagResolver): TagFilter {
	return normalizeFilter(
		{
			tags: params.getAll('tags').flatMap((v) => v.split(',')),
			exclude: params.getAll('exclude').flatMap((v) => v.split(',')),
			query: params.get('q') ?? ''
		},
		resolve
	);
}

/**
 * A tag as the app keeps it: NFKC (fullwidth `ＥＴＣＤ` is `etcd`), no `#`, trimmed, lower case;
 * undefined when nothing is left or it is longer than MAX_TAG (no deck has such a tag).
 */
export function normalizeTag(written: string, resolve: TagResolver = (t) => t): string | undefined {
	const tag = written.normalize('NFKC').trim().replace(/^#/, '').trim();
	if (!tag || tag.length > MAX_TAG) return undefined;
	const resolved = resolve(tag).toLowerCase();
	return resolved && resolved.length <= MAX_TAG ? resolved : undefined;
}

/** Tags normalised and resolved, without duplicates, at most MAX_TAGS. */
export function normalizeTags(written: readonly string[], resolve?: TagResolver): string[] {
	const tags = new Set<string>();
	for (const w of written) {
		const tag = normalizeTag(w, resolve);
		if (tag !== undefined) tags.add(tag);
		if (tags.size === MAX_TAGS) break;
	}
	return [...tags];
}

/** A filter as the app stores it (see normalizeTag; the query trimmed, at most MAX_QUERY). */
export function normalizeFilter(filter: TagFilter, resolve?: TagResolver): TagFilter {
	return {
		tags: normalizeTags(filter.tags, resolve),
		exclude: normalizeTags(filter.exclude, resolve),
		query: cut(filter.query.trim(), MAX_QUERY).trim()
	};
}

/** The tags of one query parameter (`tags=etcd,#rbac&tags=x`), resolved, without duplicates. */
export function tagList(params: URLSearchParams, key: string, resolve: TagResolver): string[] {
	return normalizeTags(
		params.getAll(key).flatMap((v) => v.split(',')),
		resolve
	);
}

/** The query string for a filter, empty parts left out, commas kept readable. */
export function filterToSearch(filter: TagFilter): string {
	const parts: string[] = [];
	if (filter.tags.length) parts.push(`tags=${filter.tags.map(encodeURIComponent).join(',')}`);
	if (filter.exclude.length)
		parts.push(`exclude=${filter.exclude.map(encodeURIComponent).join(',')}`);
	if (filter.query) parts.push(`q=${encodeURIComponent(filter.query)}`);
	return parts.length ? `?${parts.join('&')}` : '';
}

/** True when an item with these tags and text passes the filter. */
export function matchesFilter(item: { tags: string[]; text: string }, filter: TagFilter): boolean {
	if (filter.tags.length && !item.tags.some((t) => filter.tags.includes(t))) return false;
	if (item.tags.some((t) => filter.exclude.includes(t))) return false;
	return !filter.query || matchesWords(item.text, searchWords(filter.query));
}
