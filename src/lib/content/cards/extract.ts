import type { Glossary, GlossaryTerm } from './glossary';

export type TermType =
	| 'cve'
	| 'kep'
	| 'flag'
	| 'version'
	| 'number'
	| 'port'
	| 'glossary'
	| 'path'
	| 'camel'
	| 'quoted'
	| 'acronym';

export interface Term {
	type: TermType;
	/** As written in the sentence: what the blank replaces. */
	surface: string;
	/** Normalised form used as the answer (CVE-2023-32082, --anonymous-auth, 1.29). */
	value: string;
	start: number;
	end: number;
	glossary?: GlossaryTerm;
	/** For numbers with a unit: the unit ("%", "minutes"). */
	unit?: string;
}

const CVE = /\bCVE-?(\d{4})-(\d{4,7})\b/gi;
const KEP = /\bKEP[- ]?(\d{2,5})\b/g;
const FLAG = /(?<![\w-])--[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:=[\w.,:/-]+)?/g;
const VERSION =
	/\b(?:since|in|as of|from|version|versions|v|GA in|GA since|until|before|after|removed in)\s+(?:version\s+)?(v?\d+\.\d+(?:\.\d+)?)\b/gi;
const VERSION_V = /\bv(\d+\.\d+(?:\.\d+)?)\b/g;
const UNITS =
	'%|percent|minutes?|mins?|seconds?|secs?|hours?|days?|years?|ms|characters?|bytes?|bits?|syscalls?|MB|GB|KB|KiB|MiB|GiB';
const NUMBER = new RegExp(
	`(?<![\\w.-])(\\d+(?:\\.\\d+)?)\\s?(${UNITS})\\b|(?<![\\w.-])(\\d+)%`,
	'g'
);
// "port 6443", "2379/tcp", and the control plane's well-known ports wherever they are written
const PORT =
	/\bports?\s+(\d{2,5})\b|\b(\d{2,5})\/(?:tcp|udp)\b|(?<![\w.:-])(2379|2380|6443|10250|10255|10256|10257|10259)(?![\w.-])/gi;
const WEIGHT = /\b(?:weight|cost|factor|length)\s+(\d+)\b/gi;
const QUOTED = /"([^"]{2,60})"|“([^”]{2,60})”/g;
const CAMEL =
	/(?<![\w/-])(?:[a-z]+(?:[A-Z][a-z0-9]*)+|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)(?![\w/-])/g;
const ACRONYM = /(?<![\w/-])[A-Z][A-Z0-9]{1,6}(?![\w/-])/g;
const PATH = /(?<![\w/])\/[a-z][\w.-]*(?:\/[\w.-]+)*/g;

/**
 * Typed terms in one sentence, longest and most specific first where they overlap.
 *
 * @example
 * extractTerms('Version 1.32 offers a GA authz config', glossary)
 * // [{ type: 'version', value: '1.32', ... }, { type: 'acronym', value: 'GA', ... }]
 */
export function extractTerms(sentence: string, glossary: Glossary): Term[] {
	const found: Term[] = [];
	const add = (term: Term) => {
		if (found.some((t) => term.start < t.end && term.end > t.start)) return;
		found.push(term);
	};
	const at = (m: RegExpMatchArray, group = 0) => {
		const text = m[group] ?? '';
		const start = (m.index ?? 0) + m[0].indexOf(text);
		return { surface: text, start, end: start + text.length };
	};

	for (const m of sentence.matchAll(CVE)) {
		const value = `CVE-${m[1]}-${m[2]}`;
		add({ type: 'cve', value, ...at(m), glossary: glossary.lookup(value) });
	}
	for (const m of sentence.matchAll(KEP)) {
		add({ type: 'kep', value: `KEP ${m[1]}`, ...at(m), glossary: glossary.lookup(`KEP ${m[1]}`) });
	}
	for (const m of sentence.matchAll(FLAG)) {
		const name = m[0].split('=')[0] ?? m[0];
		add({ type: 'flag', value: m[0], ...at(m), glossary: glossary.lookup(name) });
	}
	for (const m of sentence.matchAll(VERSION)) {
		add({ type: 'version', value: (m[1] ?? '').replace(/^v/, ''), ...at(m, 1) });
	}
	// "v1.24" is blanked and offered whole, so options read "v1.23", "v1.24", ...
	for (const m of sentence.matchAll(VERSION_V))
		add({ type: 'version', value: m[1] ?? '', ...at(m) });
	for (const m of sentence.matchAll(PORT)) {
		const group = m[1] ? 1 : m[2] ? 2 : 3;
		add({ type: 'port', value: m[group] ?? '', ...at(m, group) });
	}
	for (const m of sentence.matchAll(NUMBER)) {
		const value = m[1] ?? m[3] ?? '';
		add({ type: 'number', value: m[0], unit: m[2] ?? '%', ...at(m), surface: m[0] });
		void value;
	}
	for (const m of sentence.matchAll(WEIGHT))
		add({ type: 'number', value: m[1] ?? '', unit: '', ...at(m, 1) });
	for (const g of glossary.find(sentence)) {
		add({
			type: 'glossary',
			value: g.term.term,
			surface: g.surface,
			start: g.start,
			end: g.end,
			glossary: g.term
		});
	}
	for (const m of sentence.matchAll(PATH)) {
		const path = m[0].replace(/[.,]+$/, '');
		const start = m.index ?? 0;
		add({ type: 'path', value: path, surface: path, start, end: start + path.length });
	}
	for (const m of sentence.matchAll(QUOTED)) {
		const inner = m[1] ?? m[2] ?? '';
		const start = (m.index ?? 0) + 1;
		add({
			type: 'quoted',
			value: inner,
			surface: inner,
			start,
			end: start + inner.length,
			glossary: glossary.lookup(inner)
		});
	}
	for (const m of sentence.matchAll(CAMEL)) add({ type: 'camel', value: m[0], ...at(m) });
	for (const m of sentence.matchAll(ACRONYM)) add({ type: 'acronym', value: m[0], ...at(m) });
	return found.sort((a, b) => a.start - b.start);
}
