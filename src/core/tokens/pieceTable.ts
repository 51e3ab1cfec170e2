/**
 * Table-driven parts of the pre-tokenizers (`preTokenizer.ts`): contractions (`'s`, `'re`, ...), and o200k's short
 * path for pieces (prose, code, base64 and hex, words of any script, emoji), a table look-up per code unit, which gives
 * the same end as the general path or leaves the piece to it (a control character, or a capital after letters that
 * are both capital and small for the regex).
 */

import { LOWER as F_LOWER, MARK as F_MARK, NUMBER as F_NUMBER, OTHER_LETTER as F_OTHER_LETTER, SPACE as F_SPACE, UPPER as F_UPPER } from './charClasses';

const LF = 10;
const CR = 13;
const SP = 32;
const APOS = 39;
const SLASH = 47;

/** End of an optional contraction (`'s`, `'re`, ... ) at `e`; case-insensitive unless `lowerOnly`. */
export function contractionEnd(text: string, e: number, limit: number, lowerOnly: boolean): number {
	if (e + 1 >= limit || text.charCodeAt(e) !== APOS) {
		return e;
	}
	const raw = text.charCodeAt(e + 1);
	const c = lowerOnly ? raw : raw | 0x20;
	if (c === 0x73 || c === 0x74 || c === 0x6d || c === 0x64) { // s t m d
		return e + 2;
	}
	if (e + 2 >= limit) {
		return e;
	}
	const raw2 = text.charCodeAt(e + 2);
	const c2 = lowerOnly ? raw2 : raw2 | 0x20;
	if ((c === 0x72 || c === 0x76) && c2 === 0x65) { // re ve
		return e + 3;
	}
	if (c === 0x6c && c2 === 0x6c) { // ll
		return e + 3;
	}
	return e;
}

// Classes of code units of the Basic Multilingual Plane for `o200kTablePiece`. Beyond ASCII a class stands for the
// characters that the regex treats alike (`highClasses`): Lu and Lt with the capitals, Ll with the small letters,
// numbers with the digits, White_Space with the tab (it may prefix letters, but not punctuation), and the rest
// (punctuation, symbols, format characters, unassigned) with the punctuation.
const C_UPPER = 0;
const C_LOWER = 1;
const C_DIGIT = 2;
/** Printable punctuation but the apostrophe. */
const C_PUNCT = 3;
const C_APOS = 4;
const C_SPACE = 5;
/** Tab, vertical tab, form feed. */
const C_BLANK = 6;
/** CR, LF. */
const C_BREAK = 7;
/** Surrogates: the code point of a pair decides (`o200kSurrogatePiece`). */
const C_HIGH = 8;
/** Other control characters and DEL: rare, left to the general path. */
const C_CONTROL = 9;
/** Lm, Lo: in both of o200k's letter classes, `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]` and `[\p{Ll}\p{Lm}\p{Lo}\p{M}]`. */
const C_BOTH = 10;
/** M: in both letter classes, but not a letter (`\p{L}`): a prefix, or part of a run of punctuation. */
const C_MARK = 11;

// States of a piece so far: a row of `NEXT` each. START is the row of a piece's first code unit.
const START = 0;
/** One mark (punctuation, apostrophe) that may prefix letters. */
const MARK1 = 1;
/** A space that may prefix letters or punctuation. */
const SPACE1 = 2;
/** A tab, vertical tab or form feed, that may prefix letters. */
const BLANK1 = 3;
/** A run of punctuation (`` ?[^\s\p{L}\p{N}]+``) that no letter can follow. */
const MARKS = 4;
/** Capitals (after an optional prefix). */
const UPPER = 5;
/** Small letters, after optional capitals. */
const LOWER = 6;
const DIGIT1 = 7;
const DIGIT2 = 8;
const DIGIT3 = 9;
/**
 * Letters of both classes (C_BOTH, C_MARK), after optional capitals: `[UPPER]*` may have taken them, and the piece
 * then ends after the last one, where `[LOWER]+` can take it back (a capital after them is left to the general path).
 */
const BOTH = 10;
// Actions, from ACTION on: what the code unit at hand means for the piece.
const ACTION = 11;
/** An apostrophe after letters: a contraction may end the piece. */
const CONTRACTION = 11;
/** CR or LF after punctuation: the piece ends after `[\r\n/]*`. */
const BREAKS = 12;
/** Whitespace then whitespace: only the whitespace alternatives can match. */
const WHITESPACE = 13;
/** The piece ends before this code unit. */
const END = 14;
/** A code unit that the table does not decide (a surrogate, a control character, a capital after BOTH). */
const GENERAL = 15;

/** `o200kTablePiece`'s answer when the piece is whitespace followed by whitespace. */
export const O200K_WHITESPACE = -2;

/** Class of each code unit of the Basic Multilingual Plane: ASCII from the start, the rest once `highClasses` has run. */
const CLASS = new Uint8Array(65536).fill(C_HIGH);
const NEXT = new Uint8Array(16 * 16).fill(GENERAL);

/**
 * o200k's pieces over a run of ASCII letters, digits, spaces and punctuation but the apostrophe (base64, hex, minified
 * code and JSON; `DenseRuns.count`), one table look-up per code unit and no branch where a piece ends: `RUN_NEXT[state << 3 |
 * RUN_CLASS[c]]` is the state after `c`, plus `RUN_ENDED` when a piece ended before `c` (the state is then that of the
 * piece `c` starts), or `RUN_EXIT` where `NEXT` has the general path or a special case decide (an apostrophe after
 * letters, a space after a space, a line break, a control character). A run starts with the state of `START` after
 * its first code unit: `RUN_NEXT[RUN_CLASS[c0]]`. `RUN_CLASS` is `RUN_OTHER` for code units that no run takes.
 */
export const RUN_CLASS = new Uint8Array(128);
export const RUN_NEXT = new Uint8Array(16 * 8);
export const RUN_ENDED = 16;
export const RUN_EXIT = 255;
export const RUN_OTHER = 7;
buildTables();
buildRunTables();

function buildTables(): void {
	for (let c = 0; c < 128; c++) {
		CLASS[c] = c >= 65 && c <= 90 ? C_UPPER : c >= 97 && c <= 122 ? C_LOWER : c >= 48 && c <= 57 ? C_DIGIT
			: c === APOS ? C_APOS : c === SP ? C_SPACE : c === 9 || c === 11 || c === 12 ? C_BLANK : c === CR || c === LF ? C_BREAK
				: c < SP || c === 127 ? C_CONTROL : C_PUNCT;
	}
	const row = (state: number, next: number[]): void => next.forEach((n, k) => {
		NEXT[(state << 4) | k] = n;
	});
	const G = GENERAL;
	const W = WHITESPACE;
	// Columns: UPPER, LOWER, DIGIT, PUNCT, APOS, SPACE, BLANK, BREAK, HIGH, CONTROL, BOTH, MARK.
	// o200k's alternatives, in order: `[^\r\n\p{L}\p{N}]?[UPPER]*[LOWER]+(contraction)?`, the same with
	// `[UPPER]+[LOWER]*`, `\p{N}{1,3}`, `` ?[^\s\p{L}\p{N}]+[\r\n/]*``, then the whitespace ones.
	// A mark first is either the prefix or a letter of the first alternative: the end is the same either way (the
	// general path decides where a capital follows).
	row(START, [UPPER, LOWER, DIGIT1, MARK1, MARK1, SPACE1, BLANK1, W, G, G, BOTH, BOTH]);
	row(MARK1, [UPPER, LOWER, END, MARKS, MARKS, END, END, BREAKS, G, G, BOTH, BOTH]);
	row(SPACE1, [UPPER, LOWER, END, MARKS, MARKS, W, W, W, G, G, BOTH, BOTH]);
	// A tab then punctuation: `` ?`` takes only a space, so the tab is a piece of its own.
	row(BLANK1, [UPPER, LOWER, END, END, END, W, W, W, G, G, BOTH, BOTH]);
	// Punctuation that no letter can follow any more (two marks are more than the prefix): a mark carries it on.
	row(MARKS, [END, END, END, MARKS, MARKS, END, END, BREAKS, G, G, END, MARKS]);
	row(UPPER, [UPPER, LOWER, END, END, CONTRACTION, END, END, END, G, G, BOTH, BOTH]);
	row(LOWER, [END, LOWER, END, END, CONTRACTION, END, END, END, G, G, LOWER, LOWER]);
	// After letters of both classes a capital would need the end kept where they stopped: the general path.
	row(BOTH, [G, LOWER, END, END, CONTRACTION, END, END, END, G, G, BOTH, BOTH]);
	row(DIGIT1, [END, END, DIGIT2, END, END, END, END, END, G, END, END, END]);
	row(DIGIT2, [END, END, DIGIT3, END, END, END, END, END, G, END, END, END]);
	// A fourth digit starts a piece; so does anything after three.
	row(DIGIT3, [END, END, END, END, END, END, END, END, END, END, END, END]);
}

/**
 * Classes of the code units beyond ASCII, from the pre-tokenizer's flags (`charClasses.ts`), on first use of a scanner:
 * the flags are built only then. Surrogates stay `C_HIGH`, as does a code unit whose flags are not those of one class.
 */
export function highClasses(flags: Uint8Array): void {
	if (FLAGS.length > 0) {
		return;
	}
	FLAGS = flags;
	FLAG_CLASS.fill(C_HIGH);
	FLAG_CLASS[0] = C_PUNCT;
	FLAG_CLASS[F_UPPER] = C_UPPER;
	FLAG_CLASS[F_LOWER] = C_LOWER;
	FLAG_CLASS[F_OTHER_LETTER] = C_BOTH;
	FLAG_CLASS[F_MARK] = C_MARK;
	FLAG_CLASS[F_NUMBER] = C_DIGIT;
	FLAG_CLASS[F_SPACE] = C_BLANK;
	for (let c = 0x80; c < 0x10000; c++) {
		if (c < 0xd800 || c > 0xdfff) {
			CLASS[c] = FLAG_CLASS[flags[c]];
		}
	}
}

/** The flags of every code point (`charClasses.ts`), for those beyond the plane, once `highClasses` has run. */
let FLAGS: Uint8Array = new Uint8Array(0);
/** The class of a code point by its flags. */
const FLAG_CLASS = new Uint8Array(64);

/** `RUN_CLASS` and `RUN_NEXT`, from `CLASS` and `NEXT`. */
function buildRunTables(): void {
	const classes = [C_UPPER, C_LOWER, C_DIGIT, C_PUNCT, C_SPACE];
	RUN_CLASS.fill(RUN_OTHER);
	RUN_NEXT.fill(RUN_EXIT);
	for (let c = 0; c < 128; c++) {
		const k = classes.indexOf(CLASS[c]);
		if (k >= 0) {
			RUN_CLASS[c] = k;
		}
	}
	for (let state = START; state <= DIGIT3; state++) {
		classes.forEach((cls, k) => {
			const next = NEXT[(state << 4) | cls];
			const restart = NEXT[(START << 4) | cls];
			RUN_NEXT[(state << 3) | k] = next === END ? restart | RUN_ENDED : next >= ACTION ? RUN_EXIT : next;
		});
	}
}

/**
 * o200k's pre-tokenizer for a piece that starts with `c0` (at `p`; a surrogate is left): one table look-up per code unit,
 * whose row is the piece so far (a letter run, a digit run, punctuation, a prefix), and whose answer is the next row,
 * or that the piece ends there. Base64, hex and code are mostly short pieces whose ends no branch predicts; this walks
 * them with one branch per code unit, taken at the end. Beyond ASCII it takes the letters, marks, numbers, spaces and
 * punctuation of the Basic Multilingual Plane by their classes (`highClasses`): a word of Arabic or Hindi used to be
 * scanned by the general path, which tries the regex's alternatives one after another, and took 1.6 times as long.
 * Returns the end, `O200K_WHITESPACE` when only the whitespace alternatives can match, or -1 to leave the piece to
 * `o200kSurrogatePiece` (a surrogate is met) and then the general path (a control character is met, or a capital
 * follows letters of both classes).
 */
export function o200kTablePiece(text: string, p: number, limit: number, c0: number): number {
	let state = NEXT[CLASS[c0]];
	let i = p + 1;
	if (state < ACTION) {
		for (; i < limit; i++) {
			const c = text.charCodeAt(i);
			const next = NEXT[(state << 4) | CLASS[c]];
			if (next >= ACTION) {
				state = next;
				break;
			}
			state = next;
		}
		if (i >= limit) {
			return limit;
		}
	}
	switch (state) {
		case END: return i;
		case CONTRACTION: return contractionEnd(text, i, limit, false);
		case BREAKS:
			// `breaksEnd`, written out: as a function of its own, priming often left it to be compiled in a first count.
			for (; i < limit; i++) {
				const c = text.charCodeAt(i);
				if (c !== CR && c !== LF && c !== SLASH) {
					break;
				}
			}
			return i;
		case WHITESPACE: return O200K_WHITESPACE;
		default: return -1;
	}
}

/**
 * `o200kTablePiece` for a piece that it left to the general path, read again from its start with surrogates: a pair
 * takes the class of its code point (emoji, astral letters and digits), a lone one is punctuation (it has no flags,
 * like the U+FFFD it becomes in UTF-8). Not in `o200kTablePiece`'s loop: with a check for surrogates there, prose and
 * code counted 2-4% slower, and with this loop instead of it 12-16%.
 */
export function o200kSurrogatePiece(text: string, p: number, limit: number): number {
	let state = START;
	for (let i = p; i < limit;) {
		const c = text.charCodeAt(i);
		let cls = CLASS[c];
		let width = 1;
		if ((c & 0xf800) === 0xd800) {
			cls = C_PUNCT;
			if (c <= 0xdbff && i + 1 < limit) {
				const d = text.charCodeAt(i + 1);
				if ((d & 0xfc00) === 0xdc00) {
					cls = FLAG_CLASS[FLAGS[((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000]];
					width = 2;
				}
			}
		}
		const next = NEXT[(state << 4) | cls];
		if (next >= ACTION) {
			switch (next) {
				case END: return i;
				case CONTRACTION: return contractionEnd(text, i, limit, false);
				case BREAKS: return breaksEnd(text, i, limit);
				// WHITESPACE comes before any surrogate, so `o200kTablePiece` has answered it already.
				default: return -1;
			}
		}
		state = next;
		i += width;
	}
	return limit;
}

/** `[\r\n/]*` from `i`. */
function breaksEnd(text: string, i: number, limit: number): number {
	for (; i < limit; i++) {
		const c = text.charCodeAt(i);
		if (c !== CR && c !== LF && c !== SLASH) {
			break;
		}
	}
	return i;
}
