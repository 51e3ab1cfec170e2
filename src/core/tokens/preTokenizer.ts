import { charFlags, LETTER, LOWER, MARK, NUMBER, OTHER_LETTER, SPACE, UPPER } from './charClasses';
import { contractionEnd, highClasses, O200K_WHITESPACE, o200kSurrogatePiece, o200kTablePiece } from './pieceTable';
import type { EncodingName } from './encodings';

/**
 * Hand-written equivalents of each encoding's pre-tokenizer regex. Given the start of a piece, a scanner
 * returns where the piece ends, exactly as the regex's leftmost-first alternation (with backtracking)
 * would; `limit` acts as the end of the text. Character classes come from tiktoken's own Unicode tables.
 * Lone surrogates have no class, like the U+FFFD they become in UTF-8.
 */
export type PieceScanner = (text: string, start: number, limit: number) => number;

const LF = 10;
const CR = 13;
const SP = 32;
const APOS = 39;
const SLASH = 47;

let F: Uint8Array = new Uint8Array(0);

function ensureFlags(): void {
	if (F.length === 0) {
		F = charFlags();
		highClasses(F);
	}
}

/** Code point at `i`; a lone surrogate is returned as itself (it has no flags). Length: `c > 0xffff ? 2 : 1`. */
function cpAt(text: string, i: number, limit: number): number {
	const c = text.charCodeAt(i);
	if (c >= 0xd800 && c <= 0xdbff && i + 1 < limit) {
		const d = text.charCodeAt(i + 1);
		if (d >= 0xdc00 && d <= 0xdfff) {
			return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
		}
	}
	return c;
}

/** End of the run of code points from `i` whose flags intersect `mask`. */
function runEnd(text: string, i: number, limit: number, mask: number): number {
	while (i < limit) {
		const c = cpAt(text, i, limit);
		if ((F[c] & mask) === 0) {
			break;
		}
		i += c > 0xffff ? 2 : 1;
	}
	return i;
}

function isSpaceCode(c: number): boolean {
	return c < 0x80 ? c === SP || (c >= 9 && c <= 13) : (F[c] & SPACE) !== 0;
}

/**
 * Whitespace alternatives: `\s*[\r\n]+` (when `lineBreakAlt`), then `\s+(?!\S)`, then `\s+`.
 * Every White_Space code point is in the BMP, so one code unit each.
 */
function whitespaceEnd(text: string, p: number, limit: number, lineBreakAlt: boolean): number {
	let i = p;
	let lastBreak = -1;
	while (i < limit) {
		const c = text.charCodeAt(i);
		if (c === LF || c === CR) {
			lastBreak = i;
		} else if (!isSpaceCode(c)) {
			break;
		}
		i++;
	}
	if (lineBreakAlt && lastBreak >= 0) {
		return lastBreak + 1;
	}
	if (i >= limit || i - p < 2) {
		return i;
	}
	// Backtrack one so the last space can lead the next piece (`(?!\S)`).
	return i - 1;
}

/** `[^\s\p{L}\p{N}]+` from `q`. */
function otherRunEnd(text: string, q: number, limit: number): number {
	let i = q;
	while (i < limit) {
		const c = cpAt(text, i, limit);
		if ((F[c] & (LETTER | NUMBER | SPACE)) !== 0) {
			break;
		}
		i += c > 0xffff ? 2 : 1;
	}
	return i;
}

function isOther(c: number): boolean {
	return (F[c] & (LETTER | NUMBER | SPACE)) === 0;
}

/** Start of the `[^\s\p{L}\p{N}]+` part of ` ?[^\s\p{L}\p{N}]+`, or -1 when that alternative fails. */
function punctuationStart(text: string, p: number, limit: number, c0: number): number {
	if (c0 === SP) {
		return p + 1 < limit && isOther(cpAt(text, p + 1, limit)) ? p + 1 : -1;
	}
	return isOther(c0) ? p : -1;
}

const O_UPPER = UPPER | OTHER_LETTER | MARK; // [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]
const O_LOWER = LOWER | OTHER_LETTER | MARK; // [\p{Ll}\p{Lm}\p{Lo}\p{M}]

/** o200k `[UPPER]*[LOWER]+(contraction)?` from `q`, or -1. */
function o200kCamelLower(text: string, q: number, limit: number): number {
	let i = q;
	let lastLowerEnd = -1;
	while (i < limit) {
		const c = cpAt(text, i, limit);
		const f = F[c];
		if ((f & O_UPPER) === 0) {
			break;
		}
		i += c > 0xffff ? 2 : 1;
		if ((f & O_LOWER) !== 0) {
			lastLowerEnd = i;
		}
	}
	let e: number;
	if (i < limit && (F[cpAt(text, i, limit)] & O_LOWER) !== 0) {
		e = runEnd(text, i, limit, O_LOWER);
	} else if (lastLowerEnd >= 0) {
		// `[UPPER]*` gives back its code points up to the last one that `[LOWER]+` accepts.
		e = lastLowerEnd;
	} else {
		return -1;
	}
	return contractionEnd(text, e, limit, false);
}

/** o200k `[UPPER]+[LOWER]*(contraction)?` from `q`, or -1. */
function o200kCamelUpper(text: string, q: number, limit: number): number {
	const u = runEnd(text, q, limit, O_UPPER);
	if (u === q) {
		return -1;
	}
	return contractionEnd(text, runEnd(text, u, limit, O_LOWER), limit, false);
}

function o200k(text: string, p: number, limit: number): number {
	// The table (`pieceTable.ts`) takes almost every piece; one that meets a surrogate is read again with surrogates;
	// what is left (a control character, a capital after letters of both classes) takes the general path below.
	const first = text.charCodeAt(p);
	if ((first & 0xf800) !== 0xd800) {
		const e = o200kTablePiece(text, p, limit, first);
		if (e >= 0) {
			return e;
		}
		if (e === O200K_WHITESPACE) {
			return whitespaceEnd(text, p, limit, true);
		}
	}
	const e1 = o200kSurrogatePiece(text, p, limit);
	if (e1 >= 0) {
		return e1;
	}
	const c0 = cpAt(text, p, limit);
	const l0 = c0 > 0xffff ? 2 : 1;
	const f0 = F[c0];
	const prefixed = c0 !== CR && c0 !== LF && (f0 & (LETTER | NUMBER)) === 0 && p + l0 < limit;
	const bare = (f0 & (LETTER | MARK)) !== 0;
	// The regex's order: alternative 1 with, then without, the optional prefix; then alternative 2.
	let e: number;
	if (prefixed && (e = o200kCamelLower(text, p + l0, limit)) >= 0) {
		return e;
	}
	if (bare && (e = o200kCamelLower(text, p, limit)) >= 0) {
		return e;
	}
	if (prefixed && (e = o200kCamelUpper(text, p + l0, limit)) >= 0) {
		return e;
	}
	if (bare && (e = o200kCamelUpper(text, p, limit)) >= 0) {
		return e;
	}
	if ((f0 & NUMBER) !== 0) {
		return digitsEnd(text, p, limit, 3);
	}
	const q = punctuationStart(text, p, limit, c0);
	if (q >= 0) {
		let i = otherRunEnd(text, q, limit);
		// `[\r\n/]*`; never reads past `limit` (an out-of-bounds read would throw away optimised code).
		while (i < limit) {
			const c = text.charCodeAt(i);
			if (c !== CR && c !== LF && c !== SLASH) {
				break;
			}
			i++;
		}
		return i;
	}
	return whitespaceEnd(text, p, limit, true);
}

/** `\p{N}{1,max}` from `p` (max 0: unbounded). */
function digitsEnd(text: string, p: number, limit: number, max: number): number {
	let i = p;
	for (let k = 0; i < limit && (max === 0 || k < max); k++) {
		const c = cpAt(text, i, limit);
		if ((F[c] & NUMBER) === 0) {
			break;
		}
		i += c > 0xffff ? 2 : 1;
	}
	return i;
}

function cl100k(text: string, p: number, limit: number): number {
	const c0 = cpAt(text, p, limit);
	if (c0 === APOS) {
		const e = contractionEnd(text, p, limit, false);
		if (e > p) {
			return e;
		}
	}
	const l0 = c0 > 0xffff ? 2 : 1;
	const f0 = F[c0];
	if (c0 !== CR && c0 !== LF && (f0 & (LETTER | NUMBER)) === 0 && p + l0 < limit && (F[cpAt(text, p + l0, limit)] & LETTER) !== 0) {
		return runEnd(text, p + l0, limit, LETTER);
	}
	if ((f0 & LETTER) !== 0) {
		return runEnd(text, p, limit, LETTER);
	}
	if ((f0 & NUMBER) !== 0) {
		return digitsEnd(text, p, limit, 3);
	}
	const q = punctuationStart(text, p, limit, c0);
	if (q >= 0) {
		let i = otherRunEnd(text, q, limit);
		// `[\r\n]*`
		while (i < limit) {
			const c = text.charCodeAt(i);
			if (c !== CR && c !== LF) {
				break;
			}
			i++;
		}
		return i;
	}
	return whitespaceEnd(text, p, limit, true);
}

/** r50k_base and p50k_base share this pattern. */
function gpt2(text: string, p: number, limit: number): number {
	const c0 = cpAt(text, p, limit);
	if (c0 === APOS) {
		const e = contractionEnd(text, p, limit, true);
		if (e > p) {
			return e;
		}
	}
	let q = p;
	let f = F[c0];
	if (c0 === SP && p + 1 < limit) {
		const f1 = F[cpAt(text, p + 1, limit)];
		if ((f1 & SPACE) === 0) {
			q = p + 1;
			f = f1;
		}
	}
	if ((f & LETTER) !== 0) {
		return runEnd(text, q, limit, LETTER);
	}
	if ((f & NUMBER) !== 0) {
		return runEnd(text, q, limit, NUMBER);
	}
	if ((f & SPACE) === 0) {
		return otherRunEnd(text, q, limit);
	}
	return whitespaceEnd(text, p, limit, false);
}

export function scannerFor(encoding: EncodingName): PieceScanner {
	ensureFlags();
	switch (encoding) {
		case 'o200k_base': return o200k;
		case 'cl100k_base': return cl100k;
		case 'p50k_base':
		case 'r50k_base': return gpt2;
	}
}

/** The pieces of `text` (for tests and the details view). */
export function* pieces(encoding: EncodingName, text: string): Generator<string> {
	const scan = scannerFor(encoding);
	for (let p = 0; p < text.length;) {
		const e = scan(text, p, text.length);
		yield text.slice(p, e);
		p = e;
	}
}
