import type { RankTable } from './rankTable';

/** Rank stored for a pair of ASCII bytes that is not a token: above every real rank, so `min` needs no case. */
export const NO_PAIR = 0x7fffffff;

/**
 * Token counts of ASCII pieces of three or four bytes, worked out from three small tables instead of a
 * byte pair encoding or a cache look-up. Base64, hex, identifiers and short words are mostly such pieces,
 * and most of them are new: a cache of counts only costs a miss there, and the encoder's trie walk reads
 * memory far apart. These tables (about 0.5 MB) stay in the CPU's cache.
 *
 * Why three tables are enough. tiktoken merges, over and over, the adjacent pair whose joined bytes have
 * the lowest rank (the leftmost on a tie), until no adjacent pair joins into a token.
 * - Three bytes `abc` that are not one token: any merge (of `ab` or `bc`) leaves two parts that join only
 *   into `abc`, so the count is 2 if `ab` or `bc` is a token, else 3.
 * - Four bytes `abcd` that are not one token: if none of `ab`, `bc`, `cd` is a token, 4. Otherwise the
 *   lowest-ranked of them merges first, and leaves three parts with two pairs; if either of those joins,
 *   the last two parts join only into `abcd`, so the count is 2, else 3. After `ab` the pairs are `abc`
 *   and `cd`; after `bc`, `abc` and `bcd`; after `cd`, `ab` and `bcd`.
 * So: the rank of every two-byte token, whether three bytes are a token, whether four bytes are a token.
 */
export class ShortAsciiCounts {
	/** Rank of the token of ASCII bytes `a, b` at `a << 7 | b`, or `NO_PAIR`. 64 KB. */
	readonly pairRank = new Int32Array(1 << 14).fill(NO_PAIR);
	/** A bit per three ASCII bytes `a << 14 | b << 7 | c`: set when they are a token. 256 KB. */
	readonly triples = new Int32Array(1 << 16);
	/** Open-addressing set of the four-byte ASCII tokens, each as `(a << 21 | b << 14 | c << 7 | d) + 1` (0: empty). */
	readonly quads: Int32Array;
	private readonly _quadShift: number;

	constructor(table: RankTable) {
		const { pool, start } = table;
		let quadCount = 0;
		for (let r = 0; r < table.size; r++) {
			const at = start[r];
			const length = start[r + 1] - at;
			if (length < 2 || length > 4 || !isAscii(pool, at, length)) {
				continue;
			}
			if (length === 2) {
				this.pairRank[(pool[at] << 7) | pool[at + 1]] = r;
			} else if (length === 3) {
				const k = (pool[at] << 14) | (pool[at + 1] << 7) | pool[at + 2];
				this.triples[k >>> 5] |= 1 << (k & 31);
			} else {
				quadCount++;
			}
		}
		// At most a quarter full, so a miss (most look-ups) ends after a probe or two.
		const bits = Math.max(10, 32 - Math.clz32(4 * quadCount - 1));
		this.quads = new Int32Array(1 << bits);
		this._quadShift = 32 - bits;
		for (let r = 0; r < table.size; r++) {
			const at = start[r];
			if (start[r + 1] - at === 4 && isAscii(pool, at, 4)) {
				const key = ((pool[at] << 21) | (pool[at + 1] << 14) | (pool[at + 2] << 7) | pool[at + 3]) + 1;
				const mask = this.quads.length - 1;
				let s = Math.imul(key, 0x9e3779b1) >>> this._quadShift;
				while (this.quads[s] !== 0) {
					s = (s + 1) & mask;
				}
				this.quads[s] = key;
			}
		}
	}

	/** Tokens in the ASCII bytes `a b c`. */
	count3(a: number, b: number, c: number): number {
		const k = (a << 14) | (b << 7) | c;
		if ((this.triples[k >>> 5] & (1 << (k & 31))) !== 0) {
			return 1;
		}
		const pairs = this.pairRank;
		return pairs[(a << 7) | b] !== NO_PAIR || pairs[(b << 7) | c] !== NO_PAIR ? 2 : 3;
	}

	/** Tokens in the ASCII bytes `a b c d`. */
	count4(a: number, b: number, c: number, d: number): number {
		const key = ((a << 21) | (b << 14) | (c << 7) | d) + 1;
		const quads = this.quads;
		const mask = quads.length - 1;
		for (let s = Math.imul(key, 0x9e3779b1) >>> this._quadShift; ; s = (s + 1) & mask) {
			const k = quads[s];
			if (k === key) {
				return 1;
			}
			if (k === 0) {
				break;
			}
		}
		const pairs = this.pairRank;
		const ab = pairs[(a << 7) | b];
		const bc = pairs[(b << 7) | c];
		const cd = pairs[(c << 7) | d];
		if (ab === NO_PAIR && bc === NO_PAIR && cd === NO_PAIR) {
			return 4;
		}
		const triples = this.triples;
		const abc = (a << 14) | (b << 7) | c;
		const bcd = (b << 14) | (c << 7) | d;
		let joins: boolean;
		if (ab <= bc && ab <= cd) {
			// `ab` first (the leftmost wins a tie): then `abc` or `cd`.
			joins = (triples[abc >>> 5] & (1 << (abc & 31))) !== 0 || cd !== NO_PAIR;
		} else if (bc <= cd) {
			joins = (triples[abc >>> 5] & (1 << (abc & 31))) !== 0 || (triples[bcd >>> 5] & (1 << (bcd & 31))) !== 0;
		} else {
			joins = ab !== NO_PAIR || (triples[bcd >>> 5] & (1 << (bcd & 31))) !== 0;
		}
		return joins ? 2 : 3;
	}
}

function isAscii(pool: Uint8Array, at: number, length: number): boolean {
	for (let i = at; i < at + length; i++) {
		if (pool[i] >= 128) {
			return false;
		}
	}
	return true;
}
