/**
 * Runs before the first paint of the pages prerendered without their query string (/study,
 * /quiz): with a query, the prerendered view (the deck list, the quiz form) is not what the link
 * opens, so it stays hidden until the app has rendered the right one (the root layout removes the
 * class once mounted), and the deck the session or quiz needs starts loading at once, alongside
 * the scripts. Injected by src/hooks.server.ts, allowed by its hash in svelte.config.js.
 */
export const QUERY_PENDING_SCRIPT = `if (location.search.length > 1) {
	document.documentElement.classList.add('query-pending');
	const deck = document.createElement('link');
	Object.assign(deck, { rel: 'preload', as: 'fetch', href: '/deck.json', crossOrigin: 'anonymous' });
	document.head.append(deck);
}`;
