/**
 * A small seeded PRNG, so that the same seed gives the same quiz on every device and engine.
 * Math.random cannot be seeded; these are plain 32-bit integer operations, exact everywhere.
 */

/** A 32-bit hash of a string (FNV-1a then a murmur3 finalizer to spread the bits). */
export function hashString(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** A generator of floats in [0, 1) from a string seed (mulberry32). */
export function seededRandom(seed: string): () => number {
	let state = hashString(seed);
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A shuffled copy (Fisher-Yates) driven by `random`. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		const item = out[i] as T;
		out[i] = out[j] as T;
		out[j] = item;
	}
	return out;
}

const SEED_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A short seed that reads well in a URL, from random bytes the caller supplies
 * (crypto.getRandomValues in the app, fixed bytes in tests).
 */
export function seedFromBytes(bytes: ArrayLike<number>): string {
	let seed = '';
	for (let i = 0; i < bytes.length; i++)
		seed += SEED_ALPHABET[(bytes[i] ?? 0) % SEED_ALPHABET.length];
	return seed;
}
