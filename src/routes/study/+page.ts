import { loadDeck } from '$lib/deck';

// the deck lives in the query string and the progress in IndexedDB: render in the browser
export const ssr = false;

export async function load({ fetch }) {
	return { deck: await loadDeck(fetch) };
}
