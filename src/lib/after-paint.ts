/**
 * Resolves once the frame being rendered now has been painted and the main thread is idle (or
 * after `timeout` ms): for work the page does not show, such as registering the service worker,
 * so that its code and requests do not delay what the page does show.
 */
export function afterPaint(timeout = 1000): Promise<void> {
	return new Promise((resolve) => {
		// the next frame's callbacks run once this frame is on screen
		requestAnimationFrame(() =>
			requestAnimationFrame(() => {
				if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout });
				else setTimeout(resolve);
			})
		);
	});
}
