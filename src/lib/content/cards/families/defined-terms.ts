/**
 * The terms a build's notes define (`Term: definition`), by note, and how related two of them
 * are: the informative words what the notes say of them shares (tf-idf cosine over content
 * words, the terms' own names left out). Wrong options come from the related ones, inside a band:
 * related enough to be plausible, not so close that they would be right too.
 */
import { contentWords, formIn, singular } from '../forms';
import { formsOfDefinition, kindOf, type Definition } from './definitions';

export interface Related {
	d: Definition;
	/** How much what the notes say of the two terms shares: 0 (nothing) to 1. */
	relatedness: number;
	/** How much their definitions alone share: siblings whose definitions read alike. */
	likeness: number;
}

/** Content words of texts as tf-idf vectors (binary tf), with an index from word to text. */
class Vectors {
	readonly #weights = new Map<Definition, Map<string, number>>();
	readonly #norm = new Map<Definition, number>();
	readonly index = new Map<string, Definition[]>();

	constructor(texts: ReadonlyMap<Definition, string>) {
		const words = new Map<Definition, Set<string>>();
		const df = new Map<string, number>();
		for (const [d, text] of texts) {
			const own = contentWords(d.names.join(' . '));
			const w = new Set([...contentWords(text)].filter((x) => !own.has(x)));
			words.set(d, w);
			for (const x of w) df.set(x, (df.get(x) ?? 0) + 1);
		}
		for (const [d, w] of words) {
			const weights = new Map<string, number>();
			let sum = 0;
			for (const x of w) {
				// a word in every text tells none apart
				const idf = Math.log((texts.size + 1) / (df.get(x) ?? 1));
				if (idf <= 0) continue;
				weights.set(x, idf);
				sum += idf * idf;
				const list = this.index.get(x) ?? [];
				list.push(d);
				this.index.set(x, list);
			}
			this.#weights.set(d, weights);
			this.#norm.set(d, Math.sqrt(sum));
		}
	}

	weights(d: Definition): ReadonlyMap<string, number> {
		return this.#weights.get(d) ?? new Map();
	}

	/** Cosine of two texts' vectors. */
	cosine(a: Definition, b: Definition): number {
		const wa = this.weights(a);
		const wb = this.weights(b);
		let dot = 0;
		for (const [x, w] of wa) dot += w * (wb.get(x) ?? 0);
		const norm = (this.#norm.get(a) ?? 0) * (this.#norm.get(b) ?? 0);
		return norm > 0 ? dot / norm : 0;
	}
}

/**
 * The word a name ends in, which may say what kind of thing it is: "deployment" of "Canary
 * Deployment", "architecture" of "Event-Driven Architecture", "as a service" of "Function as a
 * Service". None for a one-word name.
 */
function headOf(name: string): string | undefined {
	const as = /\bas an? \w+$|\bas \w+$/i.exec(name)?.[0];
	if (as) return as.toLowerCase();
	// words as written: "GitOps" is one word, not "git ops"
	const words = name.toLowerCase().split(/[\s-]+/);
	return words.length > 1 ? singular(words.at(-1) ?? '') : undefined;
}

/** The list a map holds under a key, made on first use. */
function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
	const list = map.get(key) ?? [];
	map.set(key, list);
	return list;
}

/** A kind with at most this many defined terms offers them all as wrong options of each other. */
const WHOLE_KIND = 40;
/** A word shared by more defined terms than this finds no related ones by itself. */
const COMMON_WORD = 60;

export class DefinedTerms {
	readonly byNote: ReadonlyMap<string, Definition>;
	readonly #byName = new Map<string, Definition>();
	readonly #family = new Map<Definition, string>();
	readonly #members = new Map<string, Definition[]>();
	readonly #ofKind = new Map<string, Definition[]>();
	/** Defined terms by the words of their names and by their one-word names ("ci"). */
	readonly #byKey = new Map<string, Definition[]>();
	readonly #about: Vectors;
	readonly #leads: Vectors;

	/**
	 * @param byNote the definition of each `Term: definition` note, by note id
	 * @param about all the notes say of a term (its definition note and the notes that go on
	 *   about it), as plain text; its lead alone when not given
	 */
	constructor(
		byNote: ReadonlyMap<string, Definition>,
		about: ReadonlyMap<Definition, string> = new Map()
	) {
		this.byNote = byNote;
		const all = [...byNote.values()];
		for (const d of all)
			for (const n of d.names)
				if (!this.#byName.has(n.toLowerCase())) this.#byName.set(n.toLowerCase(), d);
		// a head names share names a family (Canary and Blue Green Deployment); a one-word name
		// ending in it belongs too (Autoscaling beside Horizontal Scaling). Two names alone
		// are a family only when the notes do not call them different kinds of thing (not Version
		// Control, a practice, and Role-Based Access Control, a method)
		const heads = new Map(all.map((d) => [d, headOf(d.name)]));
		const members = new Map<string, Definition[]>();
		for (const [d, head] of heads) if (head) listIn(members, head).push(d);
		const families = [...members].filter(([, list]) => {
			if (list.length > 2) return true;
			const kinds = new Set(list.map(kindOf).filter((k) => k !== undefined));
			return list.length === 2 && kinds.size <= 1;
		});
		for (const [head, list] of families) for (const d of list) this.#family.set(d, head);
		for (const d of all) {
			const lower = d.name.toLowerCase();
			const ends = families.find(
				([h]) => h.length >= 5 && !heads.get(d) && lower.endsWith(h) && lower !== h
			);
			if (ends) this.#family.set(d, ends[0]);
		}
		for (const [d, family] of this.#family) listIn(this.#members, family).push(d);
		for (const d of all) {
			const kind = kindOf(d);
			if (kind) listIn(this.#ofKind, kind).push(d);
		}
		for (const d of all) {
			const oneWord = d.names.filter((n) => !/[\s-]/.test(n)).map((n) => n.toLowerCase());
			for (const key of new Set([...contentWords(d.names.join(' . ')), ...oneWord]))
				this.#byKey.set(key, [...(this.#byKey.get(key) ?? []), d]);
		}
		this.#about = new Vectors(new Map(all.map((d) => [d, about.get(d) ?? d.lead])));
		this.#leads = new Vectors(new Map(all.map((d) => [d, d.lead])));
	}

	/** The definition of a term by any of its names, in any case. */
	named(name: string): Definition | undefined {
		return this.#byName.get(name.toLowerCase());
	}

	/** The defined terms a text names, in any of their forms (a name, its abbreviation, a plural). */
	namedIn(text: string): Definition[] {
		const keys = new Set([
			...contentWords(text),
			...(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
		]);
		const near = new Set<Definition>();
		for (const key of keys) for (const d of this.#byKey.get(key) ?? []) near.add(d);
		return [...near].filter((d) => formIn(text, formsOfDefinition(d)) !== undefined);
	}

	/** The family a term's name puts it in, shared with another defined term ("deployment"). */
	family(d: Definition): string | undefined {
		return this.#family.get(d);
	}

	/**
	 * The defined terms the notes say something alike of, and those of its family and of its kind
	 * however little the notes say of them alike; most related first.
	 */
	relatedTo(def: Definition): Related[] {
		const near = new Set<Definition>();
		const family = this.#family.get(def);
		for (const d of family ? (this.#members.get(family) ?? []) : []) if (d !== def) near.add(d);
		// a small kind whole (Scalability beside Portability); a large one has related members enough,
		// and taking it whole would make a build of many notes quadratic
		const ofKind = this.#ofKind.get(kindOf(def) ?? '') ?? [];
		if (ofKind.length <= WHOLE_KIND) for (const d of ofKind) if (d !== def) near.add(d);
		// found through the words they share, but not through a word so common that it would make
		// every term of a large corpus a candidate (the cosine still weighs it)
		for (const x of this.#about.weights(def).keys()) {
			const sharing = this.#about.index.get(x) ?? [];
			if (sharing.length <= COMMON_WORD) for (const d of sharing) if (d !== def) near.add(d);
		}
		return [...near]
			.map((d) => ({
				d,
				relatedness: this.#about.cosine(def, d),
				likeness: this.#leads.cosine(def, d)
			}))
			.sort((a, b) => b.relatedness - a.relatedness || (a.d.name < b.d.name ? -1 : 1));
	}
}
