// Imported by the generated service worker (vite.config.ts, workbox.importScripts) before it
// adds its own routes, so this listener sees a navigation first. Pages are precached as quiz.html,
// quiz/present.html, answered for /quiz and /quiz/present; a link with a trailing slash (/quiz/?tags=etcd: typed, or from a
// static host that redirects /quiz to /quiz/ because build/quiz/ is a folder) is redirected to
// the page without it, which the precache answers, online or offline. Any other path the
// precache does not know gets the not-found page (navigateFallback: '/404.html').
self.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.mode !== 'navigate') return;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin || !/.\/+$/.test(url.pathname)) return;
	const page = url.pathname.replace(/\/+$/, '');
	event.respondWith(Response.redirect(new URL(page + url.search, url.origin).href, 301));
	// the worker's own routes must not answer it too
	event.stopImmediatePropagation();
});
