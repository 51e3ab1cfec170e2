import type { RankTable } from './rankTable';

/** Bits of the filter of character pairs (2^21 bits: 256 KB, so it stays in the CPU's second-level cache). */
const FILTER_BITS = 21;
/** Tags that keep the byte keys of partial characters apart from code points (below 0x110000). */
const LEAD = 0x200000;
const LAST = 0x400000;
/** `_flags` bits, per code point: it is followed in some token by a partial character (the token's end), */
const LEFT_PARTIAL = 1;
/** ... it follows the continuation bytes a token starts with, */
const RIGHT_PARTIAL = 2;
/** ... or its lead byte ends a token that starts with continuation bytes. */
const RIGHT_PARTIAL_BOTH = 4;
/** Code points are flagged at `c & FLAG_MASK`: planes 0 and 1 exactly. */
const FLAG_MASK = 0x1ffff;
/** Pairs of code points below this (one or two bytes of UTF-8 each) have an exact table: `x << LOW_BITS | y`. */
const LOW_BITS = 11;
const LOW = 1 << LOW_BITS;

/**
 * Where a pre-tokenizer piece can be cut so that counting its parts apart gives its exact count.
 *
 * tiktoken's merge loop only ever joins two parts into a token. If no token of the vocabulary appears in
 * the text across a point, no merge crosses that point, and the merges on each side are exactly those the
 * side would make alone (each side's lowest-ranked pair is chosen in the same order, the other side only
 * interleaved). So the count of a piece is the sum of the counts of its parts between such points. In most
 * scripts other than Latin the parts are one or two characters, which repeat across a text even where its
 * words do not: a word never seen before then costs a few cache hits instead of a byte pair encoding.
 *
 * A token that crosses the point between characters X and Y of a text holds a suffix of X's UTF-8 bytes
 * followed by a prefix of Y's. The text is valid UTF-8 (lone surrogates become U+FFFD), so inside a token
 * the character boundaries are exactly before its bytes that are not continuation bytes, and a token is a
 * sequence of whole characters, but for continuation bytes it may start with (the end of a character) and a
 * lead byte with continuation bytes it may end with (the start of one). So the point may be crossed only if
 * - some token holds X then Y (the pair filter); or
 * - some token holds X then the start of a character with Y's lead byte, or the end of a character with X's
 *   last byte then Y, or both. Such tokens are rare (about 1,400 of o200k's 200,000), so the code points in
 *   their pairs carry a flag, and only those pay for these look-ups.
 * Pairs of ASCII characters have an exact table of their own (a cut between two is rare). The filter is a bit
 * per hash of a pair, so a collision only means a point that is not cut. A token whose bytes could not be part
 * of valid UTF-8 never matches the text and adds nothing.
 *
 * The unit tests check every cut against the vocabulary itself (no token matches across it) and the
 * counts against tiktoken.
 */
export class PointCuts {
	/** A bit per hash of each pair `(x, y)` of characters, or of partial characters (tagged `LEAD`, `LAST`), in a token. */
	private readonly _filter = new Int32Array(1 << (FILTER_BITS - 5));
	/** A bit per pair of ASCII characters `x << 7 | y` that a token crosses (exact). 2 KB. */
	private readonly _ascii = new Int32Array(1 << 9);
	/**
	 * A bit per pair of code points below U+0800 (Latin, Greek, Cyrillic, Hebrew, Arabic and their marks) that a token
	 * crosses, `x << 11 | y`, not both ASCII (exact; 512 KB). A script's pairs are then a few kilobytes close together,
	 * where in the filter they were spread over all of it: in a newly opened Arabic text, with the caches and the encoder's
	 * tables taking the CPU's cache, the filter's look-up was a fifth of `cutMask`'s time, waiting on memory.
	 */
	private readonly _low = new Int32Array(1 << (2 * LOW_BITS - 5));
	/**
	 * Per code point, which of the partial pairs to check, at `c & FLAG_MASK`: the Basic Multilingual Plane
	 * and plane 1 (emoji) each have their own entries, and a code point of a higher plane shares one with
	 * them (a collision only costs look-ups). 128 KB.
	 */
	private readonly _flags = new Uint8Array(FLAG_MASK + 1);
	/** Lead bytes that end a token right after its leading continuation bytes (`RIGHT_PARTIAL_BOTH`). */
	private readonly _bothLeads = new Uint8Array(256);
	/**
	 * A bit per last byte of one character and lead byte of the next, `last << 8 | lead`, for each token that
	 * starts with continuation bytes and ends with a lead byte (exact; 8 KB). Every Devanagari code point is
	 * flagged `RIGHT_PARTIAL_BOTH` in o200k, so this look-up is taken at every point of Hindi.
	 */
	private readonly _bothPairs = new Int32Array(1 << 11);
	// A token's characters while it is entered: code points, or LAST | byte and LEAD | byte for partial ones.
	private _units = new Int32Array(64);

	constructor(table: RankTable) {
		const { pool, start } = table;
		for (let r = 0; r < table.size; r++) {
			this._addToken(pool, start[r], start[r + 1]);
		}
		// A code point takes part in a pair with a partial character on the right when its lead byte does. Every
		// entry also stands for code points of higher planes (lead bytes 0xf0 to 0xf4): if one of those leads is
		// in such a pair, every entry is flagged.
		let astral = false;
		for (let lead = 0xf0; lead < 0xf5; lead++) {
			astral ||= this._bothLeads[lead] !== 0;
		}
		for (let c = 0; c <= FLAG_MASK; c++) {
			if (astral || this._bothLeads[leadByte(c)] !== 0) {
				this._flags[c] |= RIGHT_PARTIAL_BOTH;
			}
		}
	}

	/** The first point after the character at `from`, and before `end`, that no token crosses, or `end`. */
	next(text: string, from: number, end: number): number {
		const ascii = this._ascii;
		let x = -1;
		for (let i = from; i < end;) {
			let y = text.charCodeAt(i);
			if (y < 128 && x < 128) {
				// Two ASCII characters (or the first character): the exact table, inline for long runs of them.
				if (x >= 0 && (ascii[((x << 7) | y) >>> 5] & (1 << (y & 31))) === 0) {
					return i;
				}
				const before = x;
				x = y;
				i++;
				// A run of one character (spaces, dashes) that a token crosses has no cut inside.
				if (before === y && i < end && text.charCodeAt(i) === y) {
					while (++i < end && text.charCodeAt(i) === y) {
						// skip the run
					}
				}
				continue;
			}
			let width = 1;
			if ((y & 0xf800) === 0xd800) {
				// As in `cutMask`.
				const low = i + 1 < end ? text.charCodeAt(i + 1) : 0;
				y = y <= 0xdbff && (low & 0xfc00) === 0xdc00 ? ((y - 0xd800) << 10) + (low - 0xdc00) + 0x10000 : 0xfffd;
				width = y > 0xffff ? 2 : 1;
			}
			if (x >= 0 && !this._crossed(x, y)) {
				return i;
			}
			x = y;
			i += width;
		}
		return end;
	}

	/**
	 * The points inside `text[from, end)` (at most 32 code units) that no token crosses, as bits: bit k for the
	 * point before `text[from + k]`. The same test as `next`, for every point at once and with no branch on
	 * each answer: in a script whose words are cut at about every other point, `next` returned after a branch
	 * that was mispredicted about as often as not.
	 */
	cutMask(text: string, from: number, end: number): number {
		const ascii = this._ascii;
		const filter = this._filter;
		const low = this._low;
		const flags = this._flags;
		let mask = 0;
		let x = -1;
		let fx = 0;
		for (let i = from; i < end;) {
			let y = text.charCodeAt(i);
			let width = 1;
			if ((y & 0xf800) === 0xd800) {
				// A surrogate: the code point of a pair, or U+FFFD for a lone one (as UTF-8 encodes it). Written out
				// here and in `next` rather than called: a helper that callers inline or not, as V8 sees fit, was
				// compiled in the middle of a count.
				const low = i + 1 < end ? text.charCodeAt(i + 1) : 0;
				y = y <= 0xdbff && (low & 0xfc00) === 0xdc00 ? ((y - 0xd800) << 10) + (low - 0xdc00) + 0x10000 : 0xfffd;
				width = y > 0xffff ? 2 : 1;
			}
			const fy = flags[y & FLAG_MASK];
			if (x >= 0) {
				let crossed: number;
				if ((x | y) < 128) {
					const key = (x << 7) | y;
					crossed = (ascii[key >>> 5] >>> (key & 31)) & 1;
				} else {
					if ((x | y) < LOW) {
						const key = (x << LOW_BITS) | y;
						crossed = (low[key >>> 5] >>> (key & 31)) & 1;
					} else {
						const bit = hash(x, y);
						crossed = (filter[bit >>> 5] >>> (bit & 31)) & 1;
					}
					// Branches only on the flags (a script sets them the same way at most points), and rarely on an
					// answer.
					if (((fx & LEFT_PARTIAL) | (fy & RIGHT_PARTIAL)) !== 0 && crossed === 0 && this._crossedPartly(x, y)) {
						crossed = 1;
					}
					if ((fy & RIGHT_PARTIAL_BOTH) !== 0) {
						// `_bothCross`, written out: taken at every point of Hindi, where the call cost 5% warm.
						const key = (lastByte(x) << 8) | leadByte(y);
						crossed |= (this._bothPairs[key >>> 5] >>> (key & 31)) & 1;
					}
				}
				mask |= (crossed ^ 1) << (i - from);
			}
			x = y;
			fx = fy;
			i += width;
		}
		return mask;
	}

	/** Whether a token may cross the point between code points `x` and `y` (not both ASCII: `next` looks those up itself). */
	private _crossed(x: number, y: number): boolean {
		const fy = this._flags[y & FLAG_MASK];
		return this._hasWhole(x, y) || (((this._flags[x & FLAG_MASK] & LEFT_PARTIAL) | (fy & RIGHT_PARTIAL)) !== 0 && this._crossedPartly(x, y)) ||
			((fy & RIGHT_PARTIAL_BOTH) !== 0 && this._bothCross(x, y) !== 0);
	}

	/** Whether a token that holds `x` then the start of `y`, or the end of `x` then `y`, crosses the point between them. */
	private _crossedPartly(x: number, y: number): boolean {
		return ((this._flags[x & FLAG_MASK] & LEFT_PARTIAL) !== 0 && this._has(x, LEAD | leadByte(y))) ||
			((this._flags[y & FLAG_MASK] & RIGHT_PARTIAL) !== 0 && this._has(LAST | lastByte(x), y));
	}

	/** 1 if a token that holds the end of `x` then the start of `y` crosses the point between them, else 0. */
	private _bothCross(x: number, y: number): number {
		const key = (lastByte(x) << 8) | leadByte(y);
		return (this._bothPairs[key >>> 5] >>> (key & 31)) & 1;
	}

	/** Whether some token holds code points `x` then `y` (not both ASCII). */
	private _hasWhole(x: number, y: number): boolean {
		if ((x | y) < LOW) {
			const key = (x << LOW_BITS) | y;
			return (this._low[key >>> 5] & (1 << (key & 31))) !== 0;
		}
		return this._has(x, y);
	}

	private _has(a: number, b: number): boolean {
		const bit = hash(a, b);
		return (this._filter[bit >>> 5] & (1 << (bit & 31))) !== 0;
	}

	private _add(a: number, b: number): void {
		const bit = hash(a, b);
		this._filter[bit >>> 5] |= 1 << (bit & 31);
	}

	/** Enters the pairs of the token `pool[from, to)`. */
	private _addToken(pool: Uint8Array, from: number, to: number): void {
		if (this._units.length < to - from) {
			this._units = new Int32Array(2 * (to - from));
		}
		const units = this._units;
		let n = 0;
		let i = from;
		while (i < to && (pool[i] & 0xc0) === 0x80) {
			i++;
		}
		if (i > from) {
			if (i - from > 3) {
				return; // more continuation bytes than any character has: never in valid UTF-8
			}
			units[n++] = LAST | pool[i - 1];
		}
		while (i < to) {
			const lead = pool[i];
			const width = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
			if (width === 0) {
				return;
			}
			if (i + width > to) {
				// The token ends inside this character: the rest must be its continuation bytes.
				for (let j = i + 1; j < to; j++) {
					if ((pool[j] & 0xc0) !== 0x80) {
						return;
					}
				}
				units[n++] = LEAD | lead;
				break;
			}
			let c = width === 1 ? lead : lead & (0x7f >> width);
			for (let j = i + 1; j < i + width; j++) {
				if ((pool[j] & 0xc0) !== 0x80) {
					return;
				}
				c = (c << 6) | (pool[j] & 0x3f);
			}
			units[n++] = c;
			i += width;
		}
		for (let k = 0; k + 1 < n; k++) {
			const x = units[k];
			const y = units[k + 1];
			if ((x | y) < 128) {
				const key = (x << 7) | y;
				this._ascii[key >>> 5] |= 1 << (key & 31);
				continue;
			}
			if ((x | y) < LOW) {
				const key = (x << LOW_BITS) | y;
				this._low[key >>> 5] |= 1 << (key & 31);
				continue;
			}
			const leftPartial = x >= LAST;
			const rightPartial = y >= LEAD && y < LAST;
			if (leftPartial && rightPartial) {
				const key = ((x & 0xff) << 8) | (y & 0xff);
				this._bothPairs[key >>> 5] |= 1 << (key & 31);
				this._bothLeads[y & 0xff] = 1;
				continue;
			}
			this._add(x, y);
			if (leftPartial) {
				this._flags[y & FLAG_MASK] |= RIGHT_PARTIAL;
			} else if (rightPartial) {
				this._flags[x & FLAG_MASK] |= LEFT_PARTIAL;
			}
		}
	}
}

function hash(a: number, b: number): number {
	let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
	h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
	return Math.imul(h ^ (h >>> 13), 0x297a2d39) >>> (32 - FILTER_BITS);
}

/** First byte of the UTF-8 of code point `c`. */
function leadByte(c: number): number {
	return c < 0x80 ? c : c < 0x800 ? 0xc0 | (c >> 6) : c < 0x10000 ? 0xe0 | (c >> 12) : 0xf0 | (c >> 18);
}

/** Last byte of the UTF-8 of code point `c`. */
function lastByte(c: number): number {
	return c < 0x80 ? c : 0x80 | (c & 0x3f);
}
