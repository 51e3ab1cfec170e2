import type { RankTable } from './rankTable';

/** Bits of the filter of character pairs (2^20 bits: 128 KB, so it stays in the CPU's second-level cache). */
const FILTER_BITS = 20;
/** Tags that keep the byte keys of partial characters apart from code points (below 0x110000). */
const LEAD = 0x200000;
const LAST = 0x400000;
/** `_flags` bits, per code point: it is followed in some token by a partial character (the token's end), */
const LEFT_PARTIAL = 1;
/** ... it follows the continuation bytes a token starts with, */
const RIGHT_PARTIAL = 2;
/** ... or its lead byte ends a token that starts with continuation bytes. */
const RIGHT_PARTIAL_BOTH = 4;

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
 * The check looks only at the characters X and Y on either side of the point, and says "may be crossed"
 * whenever a token could cross it with those two: a token that crosses it holds a suffix of X's UTF-8
 * bytes followed by a prefix of Y's. The text is valid UTF-8 (lone surrogates become U+FFFD), so inside
 * a token the character boundaries are exactly before its bytes that are not continuation bytes, and
 * each such boundary pairs
 * - a whole character, or the continuation bytes a token starts with (the end of some character: only its
 *   last byte is kept, so the check is wider than needed, never narrower), with
 * - a whole character, or the lead byte and continuation bytes a token ends with (only the lead byte is kept).
 * Every such pair of every token goes into a filter (a bit per hash, so a collision only means a point
 * that is not cut). Pairs with a partial character are rare (about 250 in o200k), so the code points
 * that take part in one carry a flag, and only those pay the extra look-ups. A token whose bytes could
 * not be part of valid UTF-8 never matches the text and adds nothing.
 *
 * The unit tests check every cut against the vocabulary itself (no token matches across it) and the
 * counts against tiktoken.
 */
export class PointCuts {
	/** A bit per hash of each pair that a token crosses. */
	private readonly _filter = new Int32Array(1 << (FILTER_BITS - 5));
	/** A bit per pair of ASCII characters `x << 7 | y` that a token crosses (exact). 2 KB. */
	private readonly _ascii = new Int32Array(1 << 9);
	/** Per code point (modulo 2^16; a collision only costs a look-up), which of the partial pairs to check. */
	private readonly _flags = new Uint8Array(1 << 16);
	/** Lead bytes that end a token right after its leading continuation bytes (`RIGHT_PARTIAL_BOTH`). */
	private readonly _bothLeads = new Uint8Array(256);

	constructor(table: RankTable) {
		const { pool, start } = table;
		for (let r = 0; r < table.size; r++) {
			this._addToken(pool, start[r], start[r + 1]);
		}
		// A code point takes part in a pair with a partial character on the right when its lead byte does.
		for (let y = 0x80; y < 0x10000; y++) {
			if (this._bothLeads[leadByte(y)] !== 0) {
				this._flags[y] |= RIGHT_PARTIAL_BOTH;
			}
		}
		// Flags are kept modulo 2^16, so a lead byte of astral code points (0xf0 to 0xf4) would flag them all.
		for (let lead = 0xf0; lead < 0xf5; lead++) {
			if (this._bothLeads[lead] !== 0) {
				for (let y = 0; y < 0x10000; y++) {
					this._flags[y] |= RIGHT_PARTIAL_BOTH;
				}
			}
		}
	}

	/**
	 * The first point after the character at `from`, and before `end`, that no token crosses, or `end`.
	 * `from` must not split a surrogate pair.
	 */
	next(text: string, from: number, end: number): number {
		let x = -1;
		for (let i = from; i < end;) {
			let y = text.charCodeAt(i);
			let width = 1;
			if ((y & 0xf800) === 0xd800) {
				const low = i + 1 < end ? text.charCodeAt(i + 1) : 0;
				if (y <= 0xdbff && (low & 0xfc00) === 0xdc00) {
					y = ((y - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
					width = 2;
				} else {
					y = 0xfffd; // a lone surrogate is encoded as U+FFFD
				}
			}
			if (x >= 0 && !this.crossed(x, y)) {
				return i;
			}
			x = y;
			i += width;
		}
		return end;
	}

	/** Whether a token may hold bytes of both code points `x` and `y` when `y` follows `x` in a text. */
	crossed(x: number, y: number): boolean {
		if ((x | y) < 128) {
			const k = (x << 7) | y;
			return (this._ascii[k >>> 5] & (1 << (k & 31))) !== 0;
		}
		if (this._has(x, y)) {
			return true;
		}
		const fx = this._flags[x & 0xffff];
		const fy = this._flags[y & 0xffff];
		if (((fx & LEFT_PARTIAL) | (fy & (RIGHT_PARTIAL | RIGHT_PARTIAL_BOTH))) === 0) {
			return false;
		}
		return ((fx & LEFT_PARTIAL) !== 0 && this._has(x, LEAD | leadByte(y))) ||
			((fy & RIGHT_PARTIAL) !== 0 && this._has(LAST | lastByte(x), y)) ||
			((fy & RIGHT_PARTIAL_BOTH) !== 0 && this._has(LAST | lastByte(x), LEAD | leadByte(y)));
	}

	private _has(x: number, y: number): boolean {
		const bit = hash(x, y);
		return (this._filter[bit >>> 5] & (1 << (bit & 31))) !== 0;
	}

	private _add(x: number, y: number): void {
		if ((x | y) < 128) {
			const k = (x << 7) | y;
			this._ascii[k >>> 5] |= 1 << (k & 31);
			return;
		}
		const bit = hash(x, y);
		this._filter[bit >>> 5] |= 1 << (bit & 31);
	}

	/** Enters every character boundary inside the token `pool[from, to)`. */
	private _addToken(pool: Uint8Array, from: number, to: number): void {
		let i = from;
		// The left side of the next boundary: a code point, or LAST | the last byte of a partial character.
		let left = -1;
		let leftPartial = false;
		while (i < to && (pool[i] & 0xc0) === 0x80) {
			i++;
		}
		if (i > from) {
			if (i - from > 3) {
				return; // more continuation bytes than any character has: never in valid UTF-8
			}
			left = LAST | pool[i - 1];
			leftPartial = true;
		}
		while (i < to) {
			const lead = pool[i];
			const width = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
			if (width === 0) {
				return;
			}
			let right: number;
			let rightPartial = false;
			if (i + width > to) {
				// The token ends inside this character: the rest must be its continuation bytes.
				for (let j = i + 1; j < to; j++) {
					if ((pool[j] & 0xc0) !== 0x80) {
						return;
					}
				}
				right = LEAD | lead;
				rightPartial = true;
			} else {
				right = width === 1 ? lead : lead & (0x7f >> width);
				for (let j = i + 1; j < i + width; j++) {
					if ((pool[j] & 0xc0) !== 0x80) {
						return;
					}
					right = (right << 6) | (pool[j] & 0x3f);
				}
			}
			if (left >= 0) {
				this._add(left, right);
				if (leftPartial && rightPartial) {
					this._bothLeads[lead] = 1;
				} else if (leftPartial) {
					this._flags[right & 0xffff] |= RIGHT_PARTIAL;
				} else if (rightPartial) {
					this._flags[left & 0xffff] |= LEFT_PARTIAL;
				}
			}
			left = right;
			leftPartial = false;
			i += width;
		}
	}
}

function hash(x: number, y: number): number {
	const h = Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca77);
	return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> (32 - FILTER_BITS);
}

/** First byte of the UTF-8 of code point `c`. */
function leadByte(c: number): number {
	return c < 0x80 ? c : c < 0x800 ? 0xc0 | (c >> 6) : c < 0x10000 ? 0xe0 | (c >> 12) : 0xf0 | (c >> 18);
}

/** Last byte of the UTF-8 of code point `c`. */
function lastByte(c: number): number {
	return c < 0x80 ? c : 0x80 | (c & 0x3f);
}
