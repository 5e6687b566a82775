import { browser } from '$app/environment';
import { loadDeck, type Deck } from './deck';

/**
 * The deck for a prerendered page: undefined while the page is prerendered and, in the browser,
 * until it has loaded (it starts loading as the page hydrates). Call during component init.
 */
export function browserDeck(): { readonly deck: Deck | undefined; readonly error: string } {
	let deck = $state.raw<Deck>();
	let error = $state('');
	if (browser) {
		loadDeck().then(
			(loaded) => (deck = loaded),
			(e: Error) => (error = e.message)
		);
	}
	return {
		get deck() {
			return deck;
		},
		get error() {
			return error;
		}
	};
}
