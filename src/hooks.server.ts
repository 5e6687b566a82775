import type { Handle } from '@sveltejs/kit';
import { QUERY_PENDING_SCRIPT } from './query-pending.js';

// rendered in the browser from the deck: fetch it while their scripts download
const DECK_PAGES = new Set(['/notes', '/quiz/present', '/quiz/results']);
const PRELOAD_DECK = '<link rel="preload" href="/deck.json" as="fetch" crossorigin="anonymous">';
// prerendered without the query string that picks what they show
const QUERY_PAGES = new Set(['/study', '/quiz']);

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) => {
			const route = event.route.id ?? '';
			let head = '';
			if (DECK_PAGES.has(route)) head += PRELOAD_DECK;
			if (QUERY_PAGES.has(route)) head += `<script>${QUERY_PENDING_SCRIPT}</script>`;
			return head ? html.replace('</head>', `${head}</head>`) : html;
		}
	});
