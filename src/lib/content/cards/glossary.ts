import { z } from 'zod';
import { asOptionName, mentions, wordPattern } from './text';

const className = z.string().regex(/^[a-z][a-z0-9-]*$/, 'class names are lower-case words');

export const GlossaryFileSchema = z.strictObject({
	$comment: z.string().optional(),
	/** Words that are never tested: filler that happens to look like a term. */
	generic: z.array(z.string().min(1)).default([]),
	classes: z.record(
		className,
		z.strictObject({
			/** Shown in questions: "Which admission plugin ...". */
			label: z.string().min(1),
			/** false: every member would be a right answer in the notes, so never ask. */
			ask: z.boolean().default(true),
			/**
			 * Classes to draw distractors from instead of this one, when every sibling shares the
			 * property the notes test (a high-level runtime against low-level runtimes).
			 */
			distractorsFrom: z.array(className).optional(),
			/** How specific the class is: 1 (generic) to 5 (a flag, a CVE). Default 3. */
			weight: z.number().int().min(1).max(5).default(3),
			/**
			 * A regexp for what follows a member used as a modifier rather than named
			 * ("RBAC rules", "RBAC system"): such a mention is never the answer.
			 */
			notBefore: z.string().optional()
		})
	),
	terms: z.array(
		z.strictObject({
			term: z.string().min(1),
			class: className,
			aliases: z.array(z.string().min(1)).default([]),
			/** Offered as a wrong option only; never extracted as an answer. */
			distractorOnly: z.boolean().default(false),
			/**
			 * Siblings that share a property the notes test with this term: never its distractor.
			 * A plain name always; `{ terms, when }` only when the tested sentence matches `when`
			 * (a case-insensitive regexp), e.g. ABAC and Node are also "deny by default".
			 */
			notWith: z
				.array(
					z.union([
						z.string().min(1),
						z.strictObject({ terms: z.array(z.string().min(1)).min(1), when: z.string().min(1) })
					])
				)
				.default([]),
			/** Course tags the term belongs to; distractors sharing the note's tags rank first. */
			tags: z.array(z.string()).default([]),
			/** Never the answer in a note with one of these tags (etcd's own RBAC is not the authz mode). */
			notInTags: z.array(z.string()).default([]),
			/** Where the fact was checked, or what is uncertain about it. */
			source: z.string().optional()
		})
	)
});
export type GlossaryFile = z.infer<typeof GlossaryFileSchema>;

export interface GlossaryTerm {
	term: string;
	class: string;
	aliases: string[];
	distractorOnly: boolean;
	/** Never a distractor for this term. */
	notWith: Set<string>;
	/** Never a distractor for this term when the tested sentence matches `when`. */
	notWithWhen: { terms: Set<string>; when: RegExp }[];
	tags: string[];
	notInTags: string[];
}

export interface GlossaryClass {
	name: string;
	label: string;
	ask: boolean;
	distractorsFrom: string[];
	weight: number;
	/** A class of terms the notes define themselves (not the glossary file's). */
	fromNotes: boolean;
	notBefore?: RegExp;
}

export class GlossaryError extends Error {}

/** The classes of terms the notes define themselves, one per kind ("a tool that ...": software). */
const DEFINED = 'defined-as';
/** Words that are capitalised only as a title ("Service Discovery"), not "IaaS" or "gRPC". */
/** "canary deployment" -> "canary deployments", "policy" -> "policies"; a plural stays as it is. */
function pluralOf(name: string): string {
	if (/(?:s|x|ch|sh)$/.test(name)) return /(?:ss|x|ch|sh)$/.test(name) ? `${name}es` : name;
	return /[^aeiou]y$/.test(name) ? `${name.slice(0, -1)}ies` : `${name}s`;
}

const TITLE_CASE = /^\p{Lu}?[\p{Ll}\p{N}-]+(?: \p{Lu}?[\p{Ll}\p{N}-]+)*$/u;

/** The curated domain terms: what can be an answer and what can stand beside it as wrong. */
export class Glossary {
	readonly terms: readonly GlossaryTerm[];
	readonly classes: ReadonlyMap<string, GlossaryClass>;
	readonly generic: ReadonlySet<string>;
	readonly #byClass = new Map<string, GlossaryTerm[]>();
	readonly #bySpelling = new Map<string, GlossaryTerm>();
	/** Detectable spellings, longest first, so "ValidatingAdmissionPolicy" wins over "Policy". */
	readonly #spellings: { spelling: string; term: GlossaryTerm; pattern: RegExp }[] = [];

	readonly #file: GlossaryFile;

	constructor(file: GlossaryFile, where = 'glossary') {
		this.#file = file;
		this.generic = new Set(file.generic.map((g) => g.toLowerCase()));
		const problems: string[] = [];
		this.classes = new Map(
			Object.entries(file.classes).map(([name, c]) => {
				let notBefore: RegExp | undefined;
				try {
					notBefore = c.notBefore ? new RegExp(`^(?:${c.notBefore})`, 'u') : undefined;
				} catch {
					problems.push(`classes.${name}.notBefore: not a valid regular expression`);
				}
				const distractorsFrom = c.distractorsFrom ?? [name];
				const { label, ask, weight } = c;
				const fromNotes = name.startsWith(`${DEFINED}-`);
				return [name, { name, label, ask, distractorsFrom, weight, fromNotes, notBefore }];
			})
		);
		for (const [name, c] of this.classes) {
			c.distractorsFrom.forEach((from, i) => {
				if (!this.classes.has(from))
					problems.push(`classes.${name}.distractorsFrom.${i}: unknown class "${from}"`);
			});
		}
		this.terms = file.terms.map((t, i) => {
			if (!this.classes.has(t.class)) problems.push(`terms.${i}.class: unknown class "${t.class}"`);
			const term: GlossaryTerm = {
				...t,
				notWith: new Set(t.notWith.filter((n) => typeof n === 'string')),
				notWithWhen: []
			};
			t.notWith.forEach((n, j) => {
				if (typeof n === 'string') return;
				try {
					term.notWithWhen.push({ terms: new Set(n.terms), when: new RegExp(n.when, 'iu') });
				} catch {
					problems.push(`terms.${i}.notWith.${j}.when: not a valid regular expression`);
				}
			});
			for (const spelling of [t.term, ...t.aliases]) {
				const key = spelling.toLowerCase();
				const previous = this.#bySpelling.get(key);
				if (previous && previous !== term)
					problems.push(`terms.${i}: "${spelling}" is also a spelling of "${previous.term}"`);
				this.#bySpelling.set(key, term);
			}
			return term;
		});
		file.terms.forEach((t, i) =>
			t.notWith.forEach((relation, j) => {
				const names = typeof relation === 'string' ? [relation] : relation.terms;
				for (const other of names) {
					if (!this.#bySpelling.has(other.toLowerCase()))
						problems.push(`terms.${i}.notWith.${j}: unknown term "${other}"`);
				}
			})
		);
		if (problems.length > 0) throw new GlossaryError(`${where}: invalid\n${problems.join('\n')}`);

		// notWith is symmetric: if A shares the property with B, B shares it with A
		for (const term of this.terms) {
			for (const other of [...term.notWith]) {
				const o = this.lookup(other);
				if (o) {
					term.notWith.delete(other);
					term.notWith.add(o.term);
					o.notWith.add(term.term);
				}
			}
			for (const rel of term.notWithWhen) {
				const canonical = new Set([...rel.terms].map((n) => this.lookup(n)?.term ?? n));
				rel.terms = canonical;
				for (const other of canonical) {
					this.lookup(other)?.notWithWhen.push({ terms: new Set([term.term]), when: rel.when });
				}
			}
		}
		for (const term of this.terms) {
			const list = this.#byClass.get(term.class) ?? [];
			list.push(term);
			this.#byClass.set(term.class, list);
			if (term.distractorOnly) continue;
			for (const spelling of [term.term, ...term.aliases]) {
				// Upper-case spellings (RBAC, Node) match exactly; lower-case ones in any case.
				const flags = /\p{Lu}/u.test(spelling) ? 'gu' : 'giu';
				this.#spellings.push({ spelling, term, pattern: wordPattern(spelling, flags) });
			}
		}
		this.#spellings.sort(
			(a, b) => b.spelling.length - a.spelling.length || (a.spelling < b.spelling ? -1 : 1)
		);
	}

	static parse(raw: unknown, where = 'glossary'): Glossary {
		const result = GlossaryFileSchema.safeParse(raw);
		if (!result.success) {
			const lines = result.error.issues.map(
				(i) => `${i.path.join('.') || '(top level)'}: ${i.message}`
			);
			throw new GlossaryError(`${where}: invalid\n${lines.join('\n')}`);
		}
		return new Glossary(result.data, where);
	}

	/**
	 * This glossary and the terms the notes define themselves (`Term: definition`), in a class per
	 * kind (their wrong options are other defined terms: `definedOptions`). A term the glossary
	 * already knows keeps its class.
	 */
	withDefinedTerms(
		defined: readonly { names: string[]; tags: string[]; kind?: string }[]
	): Glossary {
		const terms: GlossaryFile['terms'] = [];
		const classes: GlossaryFile['classes'] = { ...this.#file.classes };
		const taken = new Set<string>();
		for (const d of defined) {
			// a term of no known kind ("X offers CPU power ...") has no kind to draw wrong options from
			if (!d.kind || !/^[a-z][a-z0-9-]*$/.test(d.kind)) continue;
			// "API Gateway" is also written "API gateway" and "API gateways"; a single capitalised
			// word is a name (Kubernetes). Options show names in one style: "Continuous Integration"
			// beside "Continuous Delivery"
			const spellings = d.names.flatMap((n) =>
				TITLE_CASE.test(n) && /\s/.test(n)
					? [asOptionName(n), n.toLowerCase(), pluralOf(n.toLowerCase())]
					: [n]
			);
			const keys = spellings.map((s) => s.toLowerCase());
			if (keys.some((k) => taken.has(k) || this.lookup(k))) continue;
			keys.forEach((k) => taken.add(k));
			const [term, ...aliases] = [...new Set(spellings)];
			const cls = `${DEFINED}-${d.kind}`;
			classes[cls] ??= {
				label: `${d.kind} (defined in the notes)`,
				ask: true,
				weight: 3
			};
			terms.push({
				term: term!,
				class: cls,
				aliases,
				distractorOnly: false,
				notWith: [],
				tags: d.tags,
				notInTags: []
			});
		}
		if (terms.length === 0) return this;
		return new Glossary({ ...this.#file, classes, terms: [...this.#file.terms, ...terms] });
	}

	static empty(): Glossary {
		return new Glossary({ generic: [], classes: {}, terms: [] });
	}

	lookup(spelling: string): GlossaryTerm | undefined {
		return this.#bySpelling.get(spelling.toLowerCase());
	}

	members(className: string): readonly GlossaryTerm[] {
		return this.#byClass.get(className) ?? [];
	}

	/** Every glossary term in `text`, non-overlapping, longest spelling first. */
	find(text: string): { term: GlossaryTerm; start: number; end: number; surface: string }[] {
		const taken: [number, number][] = [];
		const found: { term: GlossaryTerm; start: number; end: number; surface: string }[] = [];
		const lower = text.toLowerCase();
		for (const { spelling, term, pattern } of this.#spellings) {
			// a substring test first: most of the ~400 spellings are absent from any sentence
			if (!lower.includes(spelling.toLowerCase())) continue;
			pattern.lastIndex = 0;
			for (const match of text.matchAll(pattern)) {
				const start = match.index ?? 0;
				const end = start + match[0].length;
				if (taken.some(([s, e]) => start < e && end > s)) continue;
				taken.push([start, end]);
				found.push({ term, start, end, surface: match[0] });
			}
		}
		return found.sort((a, b) => a.start - b.start);
	}

	/** Whether `other` shares the tested property with `answer` in this sentence. */
	alsoRight(answer: GlossaryTerm, other: GlossaryTerm, sentence: string): boolean {
		if (answer.notWith.has(other.term) || other.notWith.has(answer.term)) return true;
		return answer.notWithWhen.some((r) => r.terms.has(other.term) && r.when.test(sentence));
	}

	/** Whether any spelling of the term occurs in the text. */
	mentionedIn(term: GlossaryTerm, text: string): boolean {
		return [term.term, ...term.aliases].some((s) => mentions(text, s));
	}
}
