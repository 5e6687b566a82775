import { loadDeck } from '$lib/deck';

// The quiz lives in the query string, which a prerendered page cannot see: render in the browser.
export const ssr = false;

export async function load({ fetch }) {
	return { deck: await loadDeck(fetch) };
}
