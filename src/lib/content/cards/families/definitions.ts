/**
 * The definition family: a `Term: definition` note (another author's glossary style) gives a
 * "What does “X” mean?" flashcard and a "Which term is defined as …?" MCQ whose wrong options
 * are other defined terms of the same kind (the definition's genus, "a tool", "the practice",
 * then shared tags).
 */
import { hashText } from '../../hash';
import {
	answerForms,
	contentWords,
	fitsAsWell,
	formIn,
	singular,
	termWords,
	tooSimilar,
	type AnswerForms
} from '../forms';
import { blankedStem, mcqProblem, unreadable } from '../gate';
import type { Card } from '../../schema';
import { distractorsFor } from '../distractors';
import { asOptionName, CLAUSE_WORD, plainText, slug, splitSentences } from '../text';
import type { DefinedTerms } from './defined-terms';
import { mcqCard, type Proposal } from './proposal';

export interface Definition {
	/** The name as shown: "Transport Layer Security" of "Transport Layer Security (TLS)". */
	name: string;
	/** Every name the term goes by: the name and the one in brackets (TLS). */
	names: string[];
	/** The first sentence of the definition (two when the first is short). */
	lead: string;
	/** The first sentence alone. */
	first: string;
	/** The head noun of "X is a <genus> that …", singular, when the definition has one. */
	genus?: string;
	/** How the text after the label defines the term (`definitionForm`). */
	form: DefinitionForm;
	tags: string[];
}

type DefinitionForm = 'names-itself' | 'sentence' | 'predicate' | 'noun-phrase' | 'label';

const LABEL_WORDS =
	/^(?:examples?|exercise|note|notes|todo|tags|question|answer|warning|reminder|idea|update|edit|fixme|hint|tip|summary|duplicate note|source|see also)$/i;
// "Incident response trick:", "Open question for the course:": a label for
// what follows, by the word it ends in or a clause in it ("Kubelet settings that matter:")
const LABEL_HEAD =
	/\b(?:tricks?|tips?|lessons?|takeaways?|gotchas?|caveats?|pitfalls?|reminders?|warnings?|questions?|ideas?|opinions?|asides?|rules? of thumb|changes?)$|\b(?:that|which|who|whose|for|to)\b/i;

/**
 * `Term: definition`: a short name, a colon, a definition that reads as one.
 *
 * @example
 * definitionOf('API Gateway: An API gateway is a tool that aggregates APIs.', [])
 * // { name: 'API Gateway', names: ['API Gateway'], lead: 'An API gateway is a tool …', genus: 'tool', tags: [] }
 */
export function definitionOf(markdown: string, tags: string[]): Definition | undefined {
	// "`runAsNonRoot: true` is checked by the kubelet": a colon in code is not a label's
	const colon = /^[^:`]*`[^`]*:/.test(markdown.trim());
	const text = plainText(markdown);
	const match = /^([\p{L}\p{N}][\p{L}\p{N} ._/()+-]{0,58}?):\s+(\S.{8,})$/u.exec(text.trim());
	if (!match || colon) return undefined;
	const term = (match[1] ?? '').trim();
	const definition = (match[2] ?? '').trim();
	const name = term.replace(/\s*\([^)]*\)\s*$/, '').trim();
	if (
		name.split(/\s+/).length > 4 ||
		LABEL_WORDS.test(name) ||
		LABEL_HEAD.test(name) ||
		CLAUSE_WORD.test(name)
	)
		return undefined;
	// a definition does not itself hold "X: y" pairs (a list of roles); one colon further on
	// introduces an explanation ("starts with two environments: one with live traffic ...")
	const pairs = [...definition.matchAll(/(?:^|\s)[\p{L}\p{N}-]+:\s/gu)];
	if (pairs.length > 1 || (pairs[0] && definition.slice(0, pairs[0].index).split(/\s+/).length < 4))
		return undefined;
	const other = /\(([^)]+)\)\s*$/.exec(term)?.[1]?.trim();
	let sentences = splitSentences(definition).map((s) => s.text);
	// "EKS: the creator used to get admin rights", "Sigstore: cosign signs images": a topic
	// and a statement about it, not a definition
	const names = other ? [name, other] : [name];
	const form = definitionForm(sentences[0] ?? definition, names);
	if (!form) return undefined;
	// "Service Mesh: In a microservices world, apps are broken down ...": a sentence of background
	// first; what the term is, is said where the note names it ("Service meshes address ...")
	const naming =
		form === 'sentence'
			? sentences.findIndex((s) => definitionForm(s, names) === 'names-itself')
			: -1;
	if (naming > 0) {
		// "Stateful apps are one of them.": a sentence that leans on the background says no more
		if (/\b(?:them|they|it)\b/i.test(sentences[naming] ?? '')) return undefined;
		sentences = sentences.slice(naming);
	}
	const first = sentences[0] ?? definition;
	// a short definition goes on in its next sentence, unless that is the author speaking ("I keep
	// repeating that in class")
	const next = sentences[1];
	const lead =
		first.split(/\s+/).length < 12 && next && !PERSONAL.test(next) ? `${first} ${next}` : first;
	const genus = genusOf(first) ?? leadingGenus(first, name);
	return { name, names, lead, first, genus, form, tags };
}

// the author speaking: "I", "we", "my", "our" (not "I/O", not "US")
const PERSONAL =
	/(?<![\p{L}/])I(?:'m|'ve|'d)?(?![\p{L}/])|\b(?:[Mm]e|[Mm]y|[Ww]e|[Ww]e're|[Ww]e've|us|[Oo]ur)\b/u;

// "set --use-service-account-credentials=true so ...": an instruction, not what the term is
const IMPERATIVE =
	/^(?:set|use|run|avoid|enable|disable|prefer|add|keep|make|check|give|put|turn|never|always|don't|do|remember|ensure|watch|rotate|pin|scan)\b/i;

// "cosign signs images", "kube-proxy set route_localnet=1", "Kubernetes schedules pods": a
// subject of its own and its verb, a statement about the topic; not "root's powers split into
// units", "enforces the standards" (a predicate) or "pods the kubelet runs" (a noun phrase)
const STATEMENT =
	/^(?![\p{Ll}]+s\s|\p{L}+ing\s)(?!(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hese|[Tt]hose|[Ee]ach|[Ee]very|[Aa]ny|[Ss]ome|[Aa]ll|[Nn]o)\s)[\p{L}\p{N}._-]+(?<!'s)\s+(?:\p{Ll}+[^s\W]s|set|let|put|ran|made|got|took|gave|led|kept|left)\s+(?!\S+(?:ed|ing)\b|(?:that|which|who|with|of|for|in|on|from|to|and|or|as|per|against|alongside|before|after|across|between|under|over|inside|within|without|into|through|by|at|via|run|runs|are|is)\b)/u;

/**
 * How the text after a `Term:` label defines the term: it names the term as its subject
 * ("Debugging: Debugging is the process ..."), is a sentence of its own ("Cloud Computing:
 * Renting computers offers ..."), a predicate ("Pod Security Admission: enforces the Pod
 * Security Standards ..."), a noun phrase ("kube-apiserver: the front door of the control
 * plane") or other words to read after their label ("Linux capabilities: root's powers split
 * into units"); undefined for a statement about a topic ("EKS: the creator used to get admin
 * rights", "Sigstore: cosign signs images", "etcd ports: 2379 for clients", "Controller manager:
 * set --use-...").
 */
function definitionForm(first: string, names: readonly string[]): DefinitionForm | undefined {
	// named within its first few words, not "(staticPodPath)" further on
	const opening = first
		.split(/\s+/)
		.slice(0, (names[0] ?? '').split(/\s+/).length + 5)
		.join(' ');
	if (formIn(opening, answerForms(names[0] ?? '', names.slice(1)))) return 'names-itself';
	if (/^\p{N}/u.test(first) || IMPERATIVE.test(first) || STATEMENT.test(first)) return undefined;
	// "None, Metadata, Request and RequestResponse", "exec into pods, reads of secrets, new
	// bindings": a list of members or examples, not what it is
	if ((first.match(/,/g) ?? []).length >= 2 && (first.split(',')[0] ?? '').split(/\s+/).length <= 3)
		return undefined;
	// "High-value audit detections: create on pods/exec in production, new bindings to
	// cluster-admin, requests from ...": a plural name and a list of its members, with no clause
	// that says what they are
	const unbracketed = first.replace(/\([^)]*\)/g, '');
	if (
		/s$/.test(names[0] ?? '') &&
		(unbracketed.match(/,/g) ?? []).length >= 2 &&
		!/\b(?:that|which|who|where|whose)\b/i.test(unbracketed.split(',')[0] ?? '')
	)
		return undefined;
	// a verb of a relative clause, or after the first comma, leaves a noun phrase ("an object
	// that maps a name to a handler, so pods can choose")
	const main = (first.split(',')[0] ?? '').replace(/\b(?:that|which|who)\s+\S+/gi, ' ');
	if (/^(?!(?:An?|The)\s)\p{Lu}\p{Ll}+\b/u.test(first)) return 'sentence';
	// a clause of its own after the label, not a noun phrase
	if (CLAUSE_WORD.test(main)) return undefined;
	// "Static pods: pods the kubelet runs ...": the term's own head noun opens a noun phrase
	const head = singular((names[0] ?? '').toLowerCase().split(/\s+/).at(-1) ?? '');
	const firstWord = (/^[\p{L}-]+/u.exec(first)?.[0] ?? '').toLowerCase();
	if (/^(?:an?|the)$/.test(firstWord) || singular(firstWord) === head) return 'noun-phrase';
	// "enforces the standards", "runs sandboxed programs", "signs and verifies": a verb first
	if (/^\p{Ll}+s\s+(?:the|a|an|and|its|their|all|every|each|any|no|sandboxed|them)\b/u.test(first))
		return 'predicate';
	// "role-based access control, the default mode": read as written
	return 'label';
}

const PARTICIPLE =
	/^(?:written|known|built|run|made|given|taken|seen|shown|done|kept|held|set|put|found|sent|meant|bound|chosen|driven)$/i;

const GENUS_STOP =
	/^(?:that|which|where|who|whose|of|for|to|in|on|by|with|where|when|and|or|than|as|from|at)$/i;

/**
 * The head noun of the definition: "a running process with …" -> process; "a protocol designed
 * to …" -> protocol; "a set of practices that …" -> practice; "refers to how well …" -> property.
 */
function genusOf(sentence: string): string | undefined {
	if (/\brefers to how (?:well|much|easily|quickly)\b/i.test(sentence)) return 'property';
	const after = /\b(?:is|are)\s+(?:a|an|the)\s+(.*)$|\brefers to\s+(?:a |an |the )?(.*)$/i.exec(
		sentence
	);
	const rest = after?.[1] ?? after?.[2];
	if (!rest) return undefined;
	const head: string[] = [];
	for (const word of rest.replace(/,/g, ' ').split(/\s+/).slice(0, 6)) {
		// "designed", "written", "containing" after the noun end it; before it they describe it
		// ("running process"); so does a number or a bracket ("endpoint (169.254.169.254)")
		if (
			GENUS_STOP.test(word) ||
			/^[\p{N}(]/u.test(word) ||
			(head.length > 0 && (/(?:ing|ed)$/i.test(word) || PARTICIPLE.test(word)))
		)
			break;
		head.push(word);
	}
	if (/^(?:set|kind|type|form|group|collection)$/i.test(head.at(-1) ?? '')) {
		// "a set of release practices": the noun phrase after "of", to its head
		const of = /^(?:\w+\s+){0,3}?(?:set|kind|type|form|group|collection)\s+of\s+(.*)$/i.exec(rest);
		const phrase: string[] = [];
		for (const word of (of?.[1] ?? '').split(/\s+/).slice(0, 4)) {
			if (GENUS_STOP.test(word) || (phrase.length > 0 && /(?:ing|ed)$/i.test(word))) break;
			phrase.push(word);
		}
		if (phrase.length > 0) return singularOf(phrase.join(' '));
	}
	return singularOf(head.join(' '));
}

/**
 * "Agile Software Development: A set of practices that ...": a definition that starts with its
 * genus; not "A runtime, in general, executes ..." (the term itself, then what it does).
 */
function leadingGenus(sentence: string, name: string): string | undefined {
	const rest = /^(?:An?|an?)\s+(.*)$/.exec(sentence)?.[1];
	const genus = rest ? genusOf(`is a ${rest}`) : undefined;
	const own = new Set(termWords(name).map(singular));
	return genus && !own.has(genus) ? genus : undefined;
}

/**
 * Kinds of thing a genus names, so that a practice is asked against practices and a machine
 * against machines: plain English, not tied to any one field.
 */
const KINDS: Record<string, string[]> = {
	practice: [
		'practice',
		'methodology',
		'discipline',
		'philosophy',
		'principle',
		'culture',
		'movement',
		'merger',
		'art'
	],
	strategy: ['strategy', 'technique'],
	approach: ['approach', 'paradigm'],
	architecture: ['architecture', 'pattern', 'style', 'design', 'model'],
	process: ['process', 'activity', 'procedure', 'mechanism', 'operation', 'task'],
	property: [
		'property',
		'ability',
		'capability',
		'characteristic',
		'quality',
		'reusability',
		'measure',
		'degree',
		'attribute'
	],
	machine: ['computer', 'server', 'machine', 'host', 'node', 'device'],
	system: [
		'system',
		'platform',
		'cluster',
		'environment',
		'infrastructure',
		'network',
		'facility',
		'building',
		'group',
		'collection'
	],
	software: [
		'tool',
		'program',
		'software',
		'application',
		'app',
		'component',
		'framework',
		'library',
		'runtime',
		'proxy',
		'engine',
		'product',
		'project'
	],
	service: ['service', 'cloud'],
	format: ['format', 'representation', 'language', 'specification', 'standard', 'protocol', 'way'],
	file: ['file', 'document', 'image', 'object', 'resource', 'certificate']
};
/**
 * Kinds too wide to tell a fair wrong option by: "a process" is said of debugging, of service
 * discovery and of a running container, "an approach" of event streaming and of security, "a
 * technology" of eBPF and of cloud native storage. A term
 * of such a kind draws its wrong options only from its name's family.
 */
const WIDE_KINDS = new Set(['process', 'approach', 'technology']);
const KIND_OF = new Map(
	Object.entries(KINDS).flatMap(([kind, genera]) => genera.map((g) => [g, kind] as const))
);

/** The kind of thing a defined term is, from its genus; undefined when the notes do not say. */
export function kindOf(def: Definition): string | undefined {
	return def.genus ? (KIND_OF.get(def.genus) ?? def.genus) : undefined;
}

const singularOf = (words: string) => {
	const last = termWords(words).at(-1);
	return last ? singular(last) : undefined;
};

export const formsOfDefinition = (d: Definition): AnswerForms =>
	answerForms(d.name, d.names.slice(1));

/** Whether two defined terms share a name or initials ("Continuous Delivery (CD)" and "… Deployment (CD)"). */
function sameName(a: Definition, b: Definition): boolean {
	const forms = formsOfDefinition(a);
	return (
		b.names.some((n) => formIn(n, forms) !== undefined) ||
		a.names.some((n) => formIn(n, formsOfDefinition(b)) !== undefined)
	);
}

export type DefinitionItem =
	{ question: string; answer: string; distractors: string[] } | { reason: string };

/**
 * The MCQ of a definition: its lead with the term blanked in every form, and three other defined
 * terms of the same kind (same genus first, then most shared tags), none named in the note.
 */
export function definitionMcq(
	def: Definition,
	defined: DefinedTerms,
	noteText: string,
	cardId: string,
	/** Wrong options the curated glossary gives, when it knows the term. */
	fromGlossary?: string[]
): DefinitionItem {
	const forms = formsOfDefinition(def);
	// the lead, or its first sentence alone, with the term blanked once at most: as its subject
	// ("___ is the practice of ..."); a definition after a label that names its term again
	// ("a namespaced identity, authenticated as system:___:⟨ns⟩") would quote its own answer
	const blanks = def.form === 'names-itself' ? 2 : 1;
	const lead = [def.lead, def.first]
		.map((t) => blankedStem(t, forms))
		.find((t) => t.split('___').length <= blanks);
	if (!lead) return { reason: 'the definition names its term more than once' };
	return termMcq(
		def,
		`Which term is defined as: “${lead}”?`,
		lead,
		defined,
		noteText,
		cardId,
		fromGlossary,
		'definition'
	);
}

/**
 * An MCQ whose answer is a defined term, from its question and the text quoted in it: three
 * other defined terms of its kind (or the curated glossary's), all shown as names, through the
 * gate.
 */
export function termMcq(
	def: Definition,
	question: string,
	quoted: string,
	defined: DefinedTerms,
	noteText: string,
	cardId: string,
	fromGlossary?: string[],
	asked: Asked = 'sentence'
): DefinitionItem {
	const sibling = siblingIn(quoted, def, defined);
	if (sibling) return { reason: sibling };
	const distractors = fromGlossary ?? definedOptions(def, defined, noteText, cardId, quoted, asked);
	if (!distractors) return { reason: `fewer than three defined terms related to ${def.name}` };
	const answer = asOptionName(def.name);
	const options = distractors.map(asOptionName);
	const refused = mcqProblem(question, [answer, ...options], 0, formsOfDefinition(def));
	return refused ? { reason: refused } : { question, answer, distractors: options };
}

/**
 * Why a stem gives a defined term away by naming its sibling, or undefined: "by releasing
 * often, ___ does what CI did" points at Continuous Delivery, the pair of Continuous Integration.
 */
export function siblingIn(
	stem: string,
	def: Definition,
	defined: DefinedTerms
): string | undefined {
	const own = contentWords(def.name);
	const sibling = defined
		.namedIn(stem)
		.find(
			(d) => d !== def && !sameName(def, d) && [...contentWords(d.name)].some((w) => own.has(w))
		);
	return sibling && `the stem names ${sibling.name}, a sibling of the answer`;
}

/** What an MCQ on a defined term quotes: the term's definition, or another sentence of the notes. */
export type Asked = 'definition' | 'sentence';

/**
 * Below this, two terms have too little in common for one to be a plausible wrong option where a
 * sentence other than the answer's definition is asked: a general sentence ("contributes to
 * efficiency and quality") would fit a far term of its kind as well.
 */
const MIN_RELATEDNESS = 0.04;
/** From this on, two definitions read alike: siblings, each arguably right where the other is. */
const SIBLING_LIKENESS = 0.5;

/**
 * Three other defined terms as wrong options, or undefined: those most related to the answer
 * (what the notes say of them shares informative words), of its name's family or of its kind;
 * never a sibling whose definition reads like the answer's, one whose own definition
 * fits the stem as well (either may be right too), one named in the note, or one whose name
 * could pass for the answer's. A definition tells its term from any of its kind and from the
 * members of its family; another sentence says what a family shares as often as what sets one
 * apart ("lets organisations avoid buying data-center space" of every "as a Service" model), so
 * it is asked against terms of the kind that the notes relate, outside the family.
 */
export function definedOptions(
	def: Definition,
	defined: DefinedTerms,
	noteText: string,
	cardId: string,
	stem: string,
	asked: Asked = 'sentence'
): string[] | undefined {
	// wrong options that share the stem's words with the answer, so those words point at no one
	// (only the words the answer shares count: "Client-Server Architecture" for a passage that
	// says "server" is no harder beside "Container Image")
	const inStem = contentWords(stem);
	const cues = new Set([...contentWords(def.name)].filter((w) => inStem.has(w)));
	const shared = (name: string) => [...contentWords(name)].some((w) => cues.has(w));
	const kind = kindOf(def);
	if (!kind) return undefined;
	const family = defined.family(def);
	// of the answer's kind: of its name's family ("Blue Green" beside "Canary Deployment"), or of
	// its kind but not of another family (not "Vertical Scaling" beside "Canary Deployment")
	const ofKind = (d: Definition) => {
		const theirs = defined.family(d);
		if (family && theirs === family) return true;
		if (WIDE_KINDS.has(kind) || kindOf(d) !== kind) return false;
		return !family || !theirs;
	};
	const ranked: { d: Definition; score: number }[] = [];
	for (const { d, relatedness, likeness } of defined.relatedTo(def)) {
		const kin = family !== undefined && defined.family(d) === family;
		const fair = asked === 'definition' || (!kin && relatedness >= MIN_RELATEDNESS);
		if (!fair || !ofKind(d) || likeness >= SIBLING_LIKENESS) continue;
		const score =
			relatedness +
			(kin ? 0.3 : 0) +
			(d.genus === def.genus ? 0.05 : 0) +
			0.02 * d.tags.filter((t) => def.tags.includes(t)).length +
			(cues.size > 0 && shared(d.name) ? 0.3 : 0);
		ranked.push({ d, score });
	}
	// best first, ties in an order of the card's own; the costlier checks only until three pass
	const hashes = new Map<Definition, string>();
	const hash = (d: Definition) => {
		const h = hashes.get(d) ?? hashText(`${cardId}|${d.name}`);
		hashes.set(d, h);
		return h;
	};
	ranked.sort((a, b) => b.score - a.score || (hash(a.d) < hash(b.d) ? -1 : 1));
	const chosen: Definition[] = [];
	for (const { d } of ranked) {
		if (
			sameName(def, d) ||
			tooSimilar(d.name, def.name) ||
			fitsAsWell(stem, d.lead, def.lead) ||
			d.names.some((n) => formIn(noteText, answerForms(n))) ||
			chosen.some((c) => sameName(c, d) || tooSimilar(c.name, d.name))
		)
			continue;
		chosen.push(d);
		if (chosen.length === 3) break;
	}
	return chosen.length === 3 ? chosen.map((d) => asOptionName(d.name)) : undefined;
}

/**
 * The flashcard of a definition: its name asked, its lead as the answer. An acronym is asked as
 * "What is SLSA?": "What does SLSA mean?" asks for the words it stands for, which a definition
 * by description does not give.
 */
export function definitionFlashcard(def: Definition): { front: string; back: string } {
	const front = /^\p{Lu}[\p{Lu}\p{N}]{1,5}$/u.test(def.name)
		? `What is ${def.name}?`
		: `What does “${def.name}” mean?`;
	return { front, back: def.lead };
}

/**
 * A term the curated glossary knows draws its wrong options from its class, unless its definition
 * calls it another kind of thing than the class does.
 */
export function curatedOptions(
	p: Proposal,
	def: Definition,
	cardId: string,
	sentence: string
): string[] | undefined {
	const g = p.glossary.lookup(def.name);
	const cls = g && p.glossary.classes.get(g.class);
	if (!g || !cls || cls.fromNotes) return undefined;
	// "ResourceQuota: a namespaced object ...": the note defines an object, the glossary knows an
	// admission plugin; its plugins would be wrong options of another kind than the definition's
	const label = cls.label.toLowerCase().split(/\s+/).map(singular);
	if (def.genus && !label.includes(def.genus.toLowerCase())) return undefined;
	const made = distractorsFor(
		{ type: 'glossary', value: g.term, surface: def.name, start: 0, end: 0, glossary: g },
		p.glossary,
		p.note.tags,
		p.reading.everything,
		cardId,
		sentence
	);
	return 'distractors' in made ? made.distractors : undefined;
}

/** The flashcard and MCQ of a `Term: definition` note. */
export function definitionCards(p: Proposal, def: Definition): Card[] {
	const { note, reading, blocked, base } = p;
	const cards: Card[] = [
		{
			id: p.idFor('recall', `define-${def.name}`),
			kind: 'recall',
			...definitionFlashcard(def),
			...base
		}
	];
	const id = `${note.id}:mcq:${slug(`define-${def.name}`)}`;
	const made = definitionMcq(
		def,
		p.definitions,
		reading.everything,
		id,
		curatedOptions(p, def, id, def.lead)
	);
	if ('reason' in made) blocked.push({ item: `MCQ on ${def.name}`, reason: made.reason });
	else
		cards.push(
			mcqCard(
				p.idFor('mcq', `define-${def.name}`),
				made.question,
				made.answer,
				made.distractors,
				`${def.name}: ${def.lead}`,
				base
			)
		);
	return cards;
}

// "bane is a tool for creating AppArmor profiles": a name, "is a", what it is
const IS_A =
	/^(?:(?:the|a|an)\s+)?([\p{L}\p{N}][\p{L}\p{N}._/+-]*(?:\s[\p{L}\p{N}][\p{L}\p{N}._/+-]*){0,3})\s+(?:is|are)\s+((?:a|an)\s+\S.{10,})$/iu;
const NOT_A_NAME =
	/^(?:it|this|that|there|these|those|they|he|she|which|what|who|one|each|every|all|some|any|here|so|and|but|or)$/i;

/**
 * A flashcard from a sentence that defines a term inside a note ("bane is a tool for creating
 * AppArmor profiles"): "What is bane?", answered by the rest of the sentence. Only for a term the
 * sentence names as such (a glossary term or a name with a capital, digit or dash), in a sentence
 * that may be tested; at most one per note.
 */
export function sentenceDefinitionCards(p: Proposal): Card[] {
	const { reading, glossary, base } = p;
	for (const [i, sentence] of reading.sentences.entries()) {
		const check = reading.tested[i];
		if (check?.blocked || check?.withPrevious) continue;
		const match = IS_A.exec(sentence.replace(/[.!]$/, ''));
		const name = match?.[1];
		const what = match?.[2];
		if (!name || !what || name.split(/\s+/).some((w) => NOT_A_NAME.test(w))) continue;
		const named =
			glossary.lookup(name) !== undefined ||
			/[\p{Lu}\p{N}_/-]/u.test(name.slice(1)) ||
			/^[\p{Ll}]+$/u.test(name);
		if (!named || name.split(/\s+/).length > 3) continue;
		// the answer must not simply repeat the name ("Kata is a Kata runtime"), nor point at text
		// it does not include or talk ("basically an abstraction ... the above mentioned problems")
		if (formIn(what, answerForms(name)) || unreadable(what)) continue;
		return [
			{
				id: p.idFor('recall', `what-is-${name}`),
				kind: 'recall',
				front: `What is ${name}?`,
				back: `${what.charAt(0).toUpperCase()}${what.slice(1)}.`,
				...base
			}
		];
	}
	return [];
}
