/**
 * The parts of the pre-tokenizers (`preTokenizer.ts`) that only ASCII takes: contractions (`'s`, `'re`, ...), and
 * o200k's short paths for pieces of ASCII letters, digits and punctuation (most of prose, code, base64 and hex),
 * which give the same end as its general path or leave the piece to it.
 */

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

/**
 * The common case of o200k's letter alternatives, for ASCII only: an optional prefix (a space or ASCII
 * punctuation) then ASCII capitals then ASCII small letters, ending at an ASCII character or the limit.
 * Returns the end, or -1 to leave the piece to the general path (a non-ASCII character might extend it).
 */
export function o200kAscii(text: string, p: number, limit: number, c0: number): number {
	let s = p;
	if (!isAsciiLetter(c0)) {
		// A prefix: anything but a letter, digit, CR or LF (control characters included, as in the regex).
		if (c0 === CR || c0 === LF || (c0 >= 48 && c0 <= 57) || p + 1 >= limit || !isAsciiLetter(text.charCodeAt(p + 1))) {
			return -1;
		}
		s = p + 1;
	}
	let i = s;
	let c = c0;
	while (i < limit && (c = text.charCodeAt(i)) >= 65 && c <= 90) {
		i++;
	}
	while (i < limit && (c = text.charCodeAt(i)) >= 97 && c <= 122) {
		i++;
	}
	if (i >= limit) {
		return i;
	}
	if (c >= 128) {
		return -1;
	}
	// `[UPPER]*[LOWER]+`, or with no small letters `[UPPER]+[LOWER]*`: both end at `i` here. With a prefix
	// and only capitals, the regex tries the first alternative without the prefix (it fails on the
	// prefix) before the second with it, which ends at `i` too. `c` is the character at `i`: a contraction
	// can follow only an apostrophe.
	return c === APOS ? contractionEnd(text, i, limit, false) : i;
}

function isAsciiLetter(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * ASCII digits and punctuation, the other pieces of base64, hex and code: `\p{N}{1,3}` and
 * ` ?[^\s\p{L}\p{N}]+[\r\n/]*` when no letter follows a punctuation mark (then it is a prefix, and the
 * letter alternatives take it). -1 when a non-ASCII character could change the piece.
 */
export function o200kAsciiOther(text: string, p: number, limit: number, c0: number): number {
	if (c0 >= 48 && c0 <= 57) {
		let i = p + 1;
		let c = 0;
		while (i < limit && i < p + 3 && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
			i++;
		}
		// A non-ASCII character after fewer than three digits might be a digit too.
		return i < limit && i < p + 3 && text.charCodeAt(i) >= 128 ? -1 : i;
	}
	let q = p;
	if (c0 === SP) {
		if (p + 1 >= limit) {
			return -1;
		}
		q = p + 1;
	}
	// Printable ASCII punctuation. Control characters other than \t..\r are punctuation to the regex too, and
	// anything from DEL on might be: a run that meets one is left to the general path.
	let i = q;
	let c = 0;
	while (i < limit && (c = text.charCodeAt(i)) > SP && c < 127 && !isAsciiLetter(c) && (c < 48 || c > 57)) {
		i++;
	}
	if (i === q || (i < limit && (c >= 127 || (c < SP && (c < 9 || c > 13))))) {
		return -1;
	}
	if (i === q + 1 && q === p && i < limit && isAsciiLetter(c)) {
		return -1; // one mark then a letter: a prefix (o200kAscii takes those)
	}
	while (i < limit) {
		c = text.charCodeAt(i);
		if (c !== CR && c !== LF && c !== SLASH) {
			break;
		}
		i++;
	}
	return i;
}
