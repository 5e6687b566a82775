import { onMount } from 'svelte';
import { loadDeck, type Deck } from './deck';

/**
 * The deck for a prerendered page: undefined while the page is prerendered and until the
 * browser has loaded it after mounting. Call during component initialisation.
 */
export function mountedDeck(): { readonly deck: Deck | undefined; readonly error: string } {
	let deck = $state.raw<Deck>();
	let error = $state('');
	onMount(() => {
		loadDeck().then(
			(loaded) => (deck = loaded),
			(e: Error) => (error = e.message)
		);
	});
	return {
		get deck() {
			return deck;
		},
		get error() {
			return error;
		}
	};
}
