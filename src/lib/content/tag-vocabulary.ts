import type { TagFile } from './schema';

export interface TagInfo {
	name: string;
	description: string;
	aliases: string[];
}

/** Resolves any spelling of a tag (case, alias) to its canonical name. */
export class TagVocabulary {
	readonly tags: readonly TagInfo[];
	readonly #canonical = new Map<string, string>();

	constructor(tags: TagInfo[]) {
		this.tags = tags;
		for (const tag of tags) {
			for (const spelling of [tag.name, ...tag.aliases]) {
				const previous = this.#canonical.get(spelling);
				if (previous !== undefined && previous !== tag.name) {
					throw new Error(`tag "${spelling}" is claimed by both "${previous}" and "${tag.name}"`);
				}
				this.#canonical.set(spelling, tag.name);
			}
		}
	}

	static fromFile(file: TagFile): TagVocabulary {
		return new TagVocabulary(Object.entries(file.tags).map(([name, t]) => ({ name, ...t })));
	}

	/** Canonical name for a known tag or alias, else undefined. */
	lookup(word: string): string | undefined {
		return this.#canonical.get(word.toLowerCase());
	}

	/** Canonical name when known, else the lower-cased word itself (an unknown tag). */
	canonical(word: string): string {
		const lower = word.toLowerCase();
		return this.#canonical.get(lower) ?? lower;
	}

	isKnown(word: string): boolean {
		return this.#canonical.has(word.toLowerCase());
	}

	describe(name: string): string | undefined {
		return this.tags.find((t) => t.name === name)?.description;
	}
}
