import { quizKey, type QuizParams } from './params';
import { hashString } from './random';
import type { ExtraTime, QuizRun } from './run';

/**
 * A student's result as a short text for a QR code (and a shorter one to type), with no server.
 * Bits, most significant first, written in Crockford base32 (0-9 A-Z without I L O U): QR codes
 * hold these characters in alphanumeric mode (5.5 bits each), and people can type them.
 *
 * Full code (the QR): version 4 · kind 1 (0) · quiz 32 · deck 16 · device 32 · run 16 ·
 * scoring 1 · extra time 2 · questions 6 · per question: answer 3 + time in tenths of a second 13 ·
 * nickname length 5 + UTF-8 bytes · check 32.
 * Typed code: version 4 · kind 1 (1) · quiz 16 · deck 8 · device 20 · scoring 1 · extra time 2 ·
 * questions 6 · per question: answer 3 + time in eighths of the limit 3 · check 16.
 * Answer: 0-3 the option, 4 time ran out, 5 not answered (joined late).
 */
export const RESULT_CODE_VERSION = 1;

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const NICKNAME_BYTES = 31;
const TENTHS_MAX = 8191;
const TIMEOUT = 4;
const MISSED = 5;
const EXTRA: readonly ExtraTime[] = [1, 1.5, 2];

export interface ResultAnswer {
	/** The option chosen, or null (timed out or missed). */
	choice: number | null;
	timedOut: boolean;
	missed: boolean;
	/** Time taken; approximate (an eighth of the limit) from a typed code; null when untimed there. */
	elapsedMs: number | null;
}

/** What a result code says. `quiz` and `deck` are short hashes; compare with quizIdentity(). */
export interface ClassResult {
	short: boolean;
	quiz: number;
	deck: number;
	device: number;
	/** Which run of this device (full code only): a later scan of the same run replaces it. */
	run: number | null;
	scoring: 'speed' | 'accuracy';
	extraTime: ExtraTime;
	nickname: string;
	answers: ResultAnswer[];
}

/** The hashes that tell a result of this quiz (link parameters) and deck version from others. */
export function quizIdentity(params: QuizParams, deckHash: string): { quiz: number; deck: number } {
	return { quiz: hashString(quizKey({ ...params, deckHash: null })), deck: hashString(deckHash) };
}

class BitWriter {
	bits: number[] = [];
	write(value: number, width: number) {
		for (let i = width - 1; i >= 0; i--) this.bits.push(Math.floor(value / 2 ** i) % 2);
	}
}

class BitReader {
	at = 0;
	constructor(private bits: number[]) {}
	read(width: number): number {
		if (this.at + width > this.bits.length) throw new ResultCodeError('The code is too short.');
		let value = 0;
		for (let i = 0; i < width; i++) value = value * 2 + (this.bits[this.at++] ?? 0);
		return value;
	}
}

/** A code that cannot be read: the message says why, for the person holding the scanner. */
export class ResultCodeError extends Error {}

function checkValue(bits: number[], width: number): number {
	return hashString(bits.join('')) % 2 ** width;
}

function toText(bits: number[]): string {
	let text = '';
	for (let i = 0; i < bits.length; i += 5) {
		let v = 0;
		for (let j = 0; j < 5; j++) v = v * 2 + (bits[i + j] ?? 0);
		text += ALPHABET[v];
	}
	return text;
}

function fromText(text: string): number[] {
	const bits: number[] = [];
	for (const char of text) {
		const v = ALPHABET.indexOf(char);
		if (v < 0)
			throw new ResultCodeError(`The code has a character that cannot be in it: "${char}".`);
		for (let i = 4; i >= 0; i--) bits.push((v >> i) & 1);
	}
	return bits;
}

function answerCode(answer: ResultAnswer): number {
	if (answer.missed) return MISSED;
	if (answer.timedOut || answer.choice === null) return TIMEOUT;
	return answer.choice;
}

/** The result of a finished run, as a code. `short` makes the typed fallback. */
export function encodeResult(
	run: QuizRun,
	who: { device: number; nickname: string },
	short = false
): string {
	const id = quizIdentity(run.params, run.deckHash);
	const w = new BitWriter();
	w.write(RESULT_CODE_VERSION, 4);
	w.write(short ? 1 : 0, 1);
	w.write(short ? id.quiz >>> 16 : id.quiz, short ? 16 : 32);
	w.write(short ? id.deck >>> 24 : id.deck >>> 16, short ? 8 : 16);
	w.write(short ? who.device >>> 12 : who.device, short ? 20 : 32);
	if (!short) w.write(hashString(run.id) >>> 16, 16);
	w.write(run.params.scoring === 'accuracy' ? 1 : 0, 1);
	w.write(EXTRA.indexOf(run.extraTime ?? 1), 2);
	w.write(run.answers.length, 6);
	const limit =
		run.params.seconds === null ? null : run.params.seconds * 1000 * (run.extraTime ?? 1);
	for (const answer of run.answers) {
		const a = { ...answer, missed: answer.missed === true };
		w.write(answerCode(a), 3);
		if (!short) w.write(Math.min(TENTHS_MAX, Math.round(answer.elapsedMs / 100)), 13);
		else w.write(limit === null ? 0 : Math.min(7, Math.floor((answer.elapsedMs / limit) * 8)), 3);
	}
	if (!short) {
		const bytes = nicknameBytes(who.nickname);
		w.write(bytes.length, 5);
		for (const byte of bytes) w.write(byte, 8);
	}
	w.write(checkValue(w.bits, short ? 16 : 32), short ? 16 : 32);
	const text = toText(w.bits);
	return short ? (text.match(/.{1,4}/g) ?? []).join('-') : text;
}

/** At most 31 bytes of UTF-8, cut at a character boundary. */
function nicknameBytes(nickname: string): Uint8Array {
	const encoder = new TextEncoder();
	let chars = [...nickname.trim()];
	let bytes = encoder.encode(chars.join(''));
	while (bytes.length > NICKNAME_BYTES) {
		chars = chars.slice(0, -1);
		bytes = encoder.encode(chars.join(''));
	}
	return bytes;
}

/** Typed codes forgive case, spaces, dashes, and O/I/L typed for 0/1/1. */
export function normalizeCode(text: string): string {
	return text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/**
 * Reads a result code (QR text or typed). Throws ResultCodeError with a message for the
 * instructor when it is not a result code, a newer version, or damaged.
 * The elapsed times of a typed code are rebuilt from `limitMs` (the quiz's seconds per question).
 */
export function decodeResult(text: string, limitMs: number | null): ClassResult {
	const bits = fromText(normalizeCode(text));
	const r = new BitReader(bits);
	if (bits.length < 5) throw new ResultCodeError('This is not a quiz result code.');
	const version = r.read(4);
	if (version !== RESULT_CODE_VERSION)
		throw new ResultCodeError(
			`This app cannot read this code (format ${version}; it reads format ${RESULT_CODE_VERSION}): it is not a result code, or it comes from a newer version of the app (then update the app here).`
		);
	const short = r.read(1) === 1;
	const quiz = r.read(short ? 16 : 32);
	const deck = r.read(short ? 8 : 16);
	const device = r.read(short ? 20 : 32);
	const run = short ? null : r.read(16);
	const scoring = r.read(1) === 1 ? 'accuracy' : 'speed';
	const extraTime = EXTRA[r.read(2)];
	if (extraTime === undefined) throw new ResultCodeError('The code is damaged (extra time).');
	const count = r.read(6);
	const answers: ResultAnswer[] = [];
	for (let i = 0; i < count; i++) {
		const code = r.read(3);
		if (code > MISSED) throw new ResultCodeError('The code is damaged (an answer).');
		const time = r.read(short ? 3 : 13);
		const limit = limitMs === null ? null : limitMs * extraTime;
		answers.push({
			choice: code < TIMEOUT ? code : null,
			timedOut: code === TIMEOUT,
			missed: code === MISSED,
			elapsedMs: !short
				? time * 100
				: limit === null
					? null
					: Math.round(((time + 0.5) / 8) * limit)
		});
	}
	let nickname = '';
	if (!short) {
		const length = r.read(5);
		const bytes = new Uint8Array(length);
		for (let i = 0; i < length; i++) bytes[i] = r.read(8);
		try {
			nickname = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		} catch {
			throw new ResultCodeError('The code is damaged (the nickname).');
		}
	}
	const checked = r.at;
	const check = r.read(short ? 16 : 32);
	// what is left is the padding of the last character
	if (bits.length - r.at >= 5 || bits.slice(r.at).some((b) => b !== 0))
		throw new ResultCodeError('The code is damaged or mistyped (too long).');
	if (check !== checkValue(bits.slice(0, checked), short ? 16 : 32))
		throw new ResultCodeError('The code is damaged or mistyped (its check value does not match).');
	return { short, quiz, deck, device, run, scoring, extraTime, nickname, answers };
}

/**
 * Whether a decoded result belongs to this quiz and deck version; the reason when it does not.
 * A typed code carries the top bits of each hash only.
 */
export function resultMismatch(
	result: ClassResult,
	identity: { quiz: number; deck: number }
): string | null {
	const quiz = result.short ? identity.quiz >>> 16 : identity.quiz;
	const deck = result.short ? identity.deck >>> 24 : identity.deck >>> 16;
	if (result.quiz !== quiz) return 'This result is from another quiz: it was not counted.';
	if (result.deck !== deck)
		return 'This phone had another version of the course, so its questions differ: it was not counted. Ask the student to update the app.';
	return null;
}

/** The device id as the collector knows it: a typed code keeps its top 20 bits only. */
export function deviceKey(result: Pick<ClassResult, 'short' | 'device'>): string {
	return (result.short ? result.device : result.device >>> 12).toString(36);
}

/** The key under which a class quiz's results are kept on the instructor's device. */
export function classQuizId(identity: { quiz: number; deck: number }): string {
	return `${identity.quiz.toString(36)}-${identity.deck.toString(36)}`;
}
