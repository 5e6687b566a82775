import { runContext, type RunContext } from './platform';

/** Chromium's event: the install prompt it will show when asked (not in the DOM typings). */
interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<unknown>;
	userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform: string }>;
}

/**
 * The browser's offer to install the app (`beforeinstallprompt`), kept until the app shows it
 * at a moment of its choosing. Listen from the root layout: the event comes once per page load.
 * @example installOffer.listen(); if (installOffer.available) await installOffer.install();
 */
class InstallOffer {
	#event = $state.raw<BeforeInstallPromptEvent>();
	#listening = false;

	get available(): boolean {
		return this.#event !== undefined;
	}

	listen(): void {
		if (this.#listening) return;
		this.#listening = true;
		addEventListener('beforeinstallprompt', (event) => {
			// no mini-infobar over the page: the app offers the install after a session instead
			event.preventDefault();
			this.#event = event as BeforeInstallPromptEvent;
		});
		addEventListener('appinstalled', () => (this.#event = undefined));
	}

	/** Shows the browser's install prompt (it can be shown once) and returns the user's answer. */
	async install(): Promise<'accepted' | 'dismissed' | undefined> {
		const event = this.#event;
		if (!event) return undefined;
		this.#event = undefined;
		await event.prompt();
		return (await event.userChoice).outcome;
	}
}

export const installOffer = new InstallOffer();

/** Where this page runs now (see runContext). */
export function currentContext(): RunContext {
	const standalone =
		matchMedia('(display-mode: standalone)').matches ||
		(navigator as Navigator & { standalone?: boolean }).standalone === true;
	return runContext({
		userAgent: navigator.userAgent,
		platform: navigator.platform,
		maxTouchPoints: navigator.maxTouchPoints,
		standalone
	});
}
