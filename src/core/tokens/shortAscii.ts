import { AsciiTokenTable, hash, NO_TOKEN } from './asciiTokenTable';
import type { RankTable } from './rankTable';

/** Longest piece, in ASCII bytes, that `count34` and `count58` take. */
export const SHORT_ASCII_MAX = 8;
/** Longest piece, in ASCII bytes, that `countLong` takes (the merge loop's limit). */
export const LONG_ASCII_MAX = 12;

/** Slots of the cache of merge counts of pieces of 5 to 8 bytes (2^13 of 8 bytes: 64 KB). */
const MERGED_BITS = 13;

/**
 * Token counts of ASCII pieces of three to eight bytes, from tables of the short ASCII tokens instead of
 * a cache look-up and the encoder. Base64, hex, identifiers and words are mostly such pieces, and in a
 * newly opened file most base64 or hex pieces are new: a cache of counts only costs a miss there, and the
 * encoder's trie walk and pair checks read memory far apart.
 *
 * Three and four bytes have a closed form. tiktoken merges, over and over, the adjacent pair whose joined
 * bytes have the lowest rank (the leftmost on a tie), until no adjacent pair joins into a token.
 * - Three bytes `abc` that are not one token: any merge (of `ab` or `bc`) leaves two parts that join only
 *   into `abc`, so the count is 2 if `ab` or `bc` is a token, else 3.
 * - Four bytes `abcd` that are not one token: if none of `ab`, `bc`, `cd` is a token, 4. Otherwise the
 *   lowest-ranked of them merges first, and leaves three parts with two pairs; if either of those joins,
 *   the last two parts join only into `abcd`, so the count is 2, else 3. After `ab` the pairs are `abc`
 *   and `cd`; after `bc`, `abc` and `bcd`; after `cd`, `ab` and `bcd`.
 * Five to eight bytes that are not one token run tiktoken's merge loop itself, over at most eight parts, with
 * every rank read from these tables, and their counts are kept in a small cache of their own (64 KB): the piece
 * caches of the counter are 1 MB and more, and for base64, whose pieces are new, a look-up there cost about as
 * much as the merge loop. Nine to twelve bytes run the same loop (`countLong`) when the counter's cache does not
 * have them, with the ranks of tokens of 9 to 12 ASCII bytes from a table of their own.
 */
export class ShortAsciiCounts {
	/** Rank of the token of ASCII bytes `a, b` at `a << 7 | b`, or `NO_TOKEN`. 64 KB. */
	readonly pairRank = new Int32Array(1 << 14).fill(NO_TOKEN);
	/** A bit per three ASCII bytes `a << 14 | b << 7 | c`: set when they are a token. 256 KB. */
	readonly triples = new Int32Array(1 << 16);
	/**
	 * The ranks of the tokens of three ASCII bytes in the order of their bits in `triples`, and per word of `triples`
	 * the number of bits set in the words before it (128 KB): the rank of a token of three bytes is then read next to
	 * its bit rather than from the hash table (1.5 MB), where in base64 the merge loop's look-ups mostly missed the
	 * CPU's cache.
	 */
	private _tripleRanks = new Int32Array(0);
	private readonly _triplesBefore = new Uint16Array(1 << 16);
	/** The tokens of 4 to 12 ASCII bytes, by their bytes packed into integers (sized once they are counted). */
	private _tokens = new AsciiTokenTable(0, 0);
	// The merge loop's parts: where each starts, and the rank of joining it with the next.
	private readonly _starts = new Int32Array(LONG_ASCII_MAX + 1);
	private readonly _ranks = new Int32Array(LONG_ASCII_MAX);
	private readonly _bytes = new Int32Array(LONG_ASCII_MAX);
	/**
	 * Counts of pieces of 5 to 8 bytes that are not one token, by the hash of their keys, direct mapped: per slot
	 * the first key with the count in its top four bits (`k1 | count << 28`), then the second key (never 0, since
	 * it holds the length). Identifiers in code repeat and hit here; base64 and hex are mostly new, and a miss
	 * costs one look-up in a table small enough to stay in the CPU's cache.
	 */
	private readonly _merged = new Int32Array(2 << MERGED_BITS);

	constructor(table: RankTable) {
		const { pool, start } = table;
		// Two passes over the vocabulary (count, then fill) rather than keys kept in between: on these machines
		// the first write to each page of fresh memory costs more than working the keys out twice.
		let count = 0;
		let longCount = 0;
		let tripleCount = 0;
		for (let pass = 0; pass < 2; pass++) {
			for (let r = 0; r < table.size; r++) {
				const at = start[r];
				const length = start[r + 1] - at;
				if (length < 2 || length > LONG_ASCII_MAX || pool[at] >= 128) {
					continue;
				}
				let high = 0;
				let k1 = 0;
				let k2 = 0;
				let k3 = 0;
				for (let j = 0; j < length; j++) {
					const b = pool[at + j];
					high |= b;
					if (j < 4) {
						k1 = (k1 << 7) | b;
					} else if (j < 8) {
						k2 = (k2 << 7) | b;
					} else {
						k3 = (k3 << 7) | b;
					}
				}
				if (high >= 128) {
					continue;
				}
				if (length > SHORT_ASCII_MAX) {
					if (pass === 0) {
						longCount++;
					} else {
						this._tokens.insertLong(k1, k2, (length << 28) | (k3 << (7 * (LONG_ASCII_MAX - length))), r);
					}
					continue;
				}
				if (pass === 0) {
					if (length === 2) {
						this.pairRank[k1] = r;
					} else {
						if (length === 3) {
							this.triples[k1 >>> 5] |= 1 << (k1 & 31);
							tripleCount++;
						} else {
							count++;
						}
					}
				} else if (length === 3) {
					this._tripleRanks[this._tripleIndex(k1)] = r;
				} else if (length > 3) {
					this._tokens.insert(k1, (length << 28) | (length > 4 ? k2 << (7 * (SHORT_ASCII_MAX - length)) : 0), r);
				}
			}
			if (pass === 0) {
				this._tokens = new AsciiTokenTable(count, longCount);
				if (tripleCount > 0xffff) {
					throw new Error('more tokens of three ASCII bytes than the table of their ranks counts');
				}
				for (let w = 0, before = 0; w < this.triples.length; w++) {
					this._triplesBefore[w] = before;
					before += bitCount(this.triples[w]);
				}
				this._tripleRanks = new Int32Array(tripleCount);
			}
		}
		this._prime();
	}

	/**
	 * Runs every method over ASCII of every kind (letters, digits, punctuation, control characters), so that V8
	 * has seen each of their branches before the counter's loop, which inlines them, is optimised. A branch
	 * first taken in optimised code throws that code away: a three-byte piece that was no token, first met in
	 * a file of combining marks, cost the loop a recompile and halved its speed. A unit test checks, with V8's
	 * block coverage, that no branch is left out.
	 */
	private _prime(): void {
		const sample = 'aetzAQZ09+/ \'\n\u0001\u007f';
		const codes = Array.from(sample, (ch) => ch.charCodeAt(0));
		for (const a of codes) {
			for (const b of codes) {
				for (const c of codes) {
					this.count3(a, b, c);
					this.count4(a, b, c, codes[(a + b + c) % codes.length]);
					this.count4(c, a, b, codes[(a * b + c) % codes.length]);
				}
			}
		}
		// Pieces of five to eight bytes at every offset of a scrambled text of the same characters.
		let text = '';
		for (let i = 0, seed = 1; i < 1024; i++) {
			seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
			text += sample[(seed >>> 8) % sample.length];
		}
		// Twice: the second pass finds the counts of the first in the cache.
		for (let pass = 0; pass < 2; pass++) {
			for (let p = 0; p + SHORT_ASCII_MAX <= text.length; p++) {
				this.count58(text, p, 5 + (p % (SHORT_ASCII_MAX - 4)));
			}
		}
		this._merged.fill(0);
		// Nine to twelve bytes: the scrambled text, each piece followed by a word that is a token or holds a token of 9
		// to 12 bytes. Interleaved, so that whenever V8 compiles these methods it has seen both: the first calls of a
		// method leave no type feedback (V8 gives it a place for that only after a few calls), and a method compiled
		// without feedback for a branch is thrown away when the branch is first taken.
		for (let p = 0; p + LONG_ASCII_MAX <= text.length; p++) {
			this.countLong(text, p, 9 + (p % (LONG_ASCII_MAX - 8)));
			const word = LONG_WORDS[p % LONG_WORDS.length];
			this.countLong(word, 0, word.length);
		}
	}

	/** Where the rank of the token of three ASCII bytes `k` (its bit in `triples` set) is in `_tripleRanks`. */
	private _tripleIndex(k: number): number {
		const w = k >>> 5;
		return this._triplesBefore[w] + bitCount(this.triples[w] & ~(-1 << (k & 31)));
	}

	/** Tokens in ASCII `text[p, p + n)`, n 3 or 4. */
	count34(text: string, p: number, n: number): number {
		const a = text.charCodeAt(p);
		const b = text.charCodeAt(p + 1);
		const c = text.charCodeAt(p + 2);
		return n === 3 ? this.count3(a, b, c) : this.count4(a, b, c, text.charCodeAt(p + 3));
	}

	/** Tokens in the ASCII bytes `a b c`. */
	count3(a: number, b: number, c: number): number {
		const k = (a << 14) | (b << 7) | c;
		if ((this.triples[k >>> 5] & (1 << (k & 31))) !== 0) {
			return 1;
		}
		const pairs = this.pairRank;
		return pairs[(a << 7) | b] !== NO_TOKEN || pairs[(b << 7) | c] !== NO_TOKEN ? 2 : 3;
	}

	/** Tokens in the ASCII bytes `a b c d`. */
	count4(a: number, b: number, c: number, d: number): number {
		const k1 = (a << 21) | (b << 14) | (c << 7) | d;
		if (this._tokens.rank(hash(k1, 4 << 28), k1, 4 << 28) !== NO_TOKEN) {
			return 1;
		}
		const pairs = this.pairRank;
		const ab = pairs[(a << 7) | b];
		const bc = pairs[(b << 7) | c];
		const cd = pairs[(c << 7) | d];
		if (ab === NO_TOKEN && bc === NO_TOKEN && cd === NO_TOKEN) {
			return 4;
		}
		const triples = this.triples;
		const abc = (a << 14) | (b << 7) | c;
		const bcd = (b << 14) | (c << 7) | d;
		let joins: boolean;
		if (ab <= bc && ab <= cd) {
			// `ab` first (the leftmost wins a tie): then `abc` or `cd`.
			joins = (triples[abc >>> 5] & (1 << (abc & 31))) !== 0 || cd !== NO_TOKEN;
		} else if (bc <= cd) {
			joins = (triples[abc >>> 5] & (1 << (abc & 31))) !== 0 || (triples[bcd >>> 5] & (1 << (bcd & 31))) !== 0;
		} else {
			joins = ab !== NO_TOKEN || (triples[bcd >>> 5] & (1 << (bcd & 31))) !== 0;
		}
		return joins ? 2 : 3;
	}

	/**
	 * Tokens in `text[p, p + n)`, 5 <= n <= SHORT_ASCII_MAX, every code unit ASCII: 1 if it is a token, else
	 * from the cache of merge counts or tiktoken's merge loop over at most eight parts.
	 */
	count58(text: string, p: number, n: number): number {
		const k1 = (text.charCodeAt(p) << 21) | (text.charCodeAt(p + 1) << 14) | (text.charCodeAt(p + 2) << 7) | text.charCodeAt(p + 3);
		let k2 = n << 28;
		for (let i = 4, shift = 21; i < n; i++, shift -= 7) {
			k2 |= text.charCodeAt(p + i) << shift;
		}
		const h = hash(k1, k2);
		const merged = this._merged;
		const slot = (h & ((1 << MERGED_BITS) - 1)) << 1;
		if (merged[slot + 1] === k2 && (merged[slot] & 0x0fffffff) === k1) {
			return merged[slot] >>> 28;
		}
		const count = this._tokens.rank(h, k1, k2) !== NO_TOKEN ? 1 : this.mergeCount(text, p, n);
		merged[slot] = k1 | (count << 28);
		merged[slot + 1] = k2;
		return count;
	}

	/**
	 * Tokens in `text[p, p + n)`, SHORT_ASCII_MAX < n <= LONG_ASCII_MAX, every code unit ASCII: 1 if it is a token,
	 * else tiktoken's merge loop. No cache of its own: the counter's short-piece cache is in front of it.
	 */
	countLong(text: string, p: number, n: number): number {
		const k1 = (text.charCodeAt(p) << 21) | (text.charCodeAt(p + 1) << 14) | (text.charCodeAt(p + 2) << 7) | text.charCodeAt(p + 3);
		const k2 = (text.charCodeAt(p + 4) << 21) | (text.charCodeAt(p + 5) << 14) | (text.charCodeAt(p + 6) << 7) | text.charCodeAt(p + 7);
		let k3 = n << 28;
		for (let i = 8, shift = 21; i < n; i++, shift -= 7) {
			k3 |= text.charCodeAt(p + i) << shift;
		}
		return this._tokens.rankLong(k1, k2, k3) !== NO_TOKEN ? 1 : this.mergeCount(text, p, n);
	}

	/** Tokens in ASCII `text[p, p + n)`, 5 <= n <= LONG_ASCII_MAX, not one token: tiktoken's merge loop. */
	mergeCount(text: string, p: number, n: number): number {
		// The bytes, read once; parts as the offsets where each starts, and the rank of joining each with the next.
		const bytes = this._bytes;
		const starts = this._starts;
		const ranks = this._ranks;
		const pairs = this.pairRank;
		let prev = text.charCodeAt(p);
		bytes[0] = prev;
		for (let i = 1; i < n; i++) {
			const c = text.charCodeAt(p + i);
			bytes[i] = c;
			starts[i - 1] = i - 1;
			ranks[i - 1] = pairs[(prev << 7) | c];
			prev = c;
		}
		starts[n - 1] = n - 1;
		starts[n] = n;
		let parts = n;
		while (parts > 1) {
			let best = 0;
			let bestRank = ranks[0];
			for (let i = 1; i < parts - 1; i++) {
				const r = ranks[i];
				if (r < bestRank) {
					best = i;
					bestRank = r;
				}
			}
			if (bestRank === NO_TOKEN) {
				break;
			}
			// Parts `best` and `best + 1` become one; then the pairs on either side of it are new. Two parts left
			// would join only into the whole piece, which is not a token.
			parts--;
			if (parts === 2) {
				return 2;
			}
			for (let i = best + 1; i < parts; i++) {
				starts[i] = starts[i + 1];
				ranks[i] = ranks[i + 1];
			}
			starts[parts] = n;
			// The pair of the new part with the next (if any), then with the one before (if any): the rank of the
			// token their bytes make.
			for (let j = best + 1 < parts ? best : best - 1; j >= 0 && j >= best - 1; j--) {
				const from = starts[j];
				const length = starts[j + 2] - from;
				const k = (bytes[from] << 14) | (bytes[from + 1] << 7) | bytes[from + 2];
				let rank = NO_TOKEN;
				if (length === 3) {
					if ((this.triples[k >>> 5] & (1 << (k & 31))) !== 0) {
						rank = this._tripleRanks[this._tripleIndex(k)];
					}
				} else if (length <= SHORT_ASCII_MAX) {
					let k2 = length << 28;
					for (let i = from + 4, shift = 21; i < from + length; i++, shift -= 7) {
						k2 |= bytes[i] << shift;
					}
					const k1 = (k << 7) | bytes[from + 3];
					rank = this._tokens.rank(hash(k1, k2), k1, k2);
				} else {
					const k2 = (bytes[from + 4] << 21) | (bytes[from + 5] << 14) | (bytes[from + 6] << 7) | bytes[from + 7];
					let k3 = length << 28;
					for (let i = from + 8, shift = 21; i < from + length; i++, shift -= 7) {
						k3 |= bytes[i] << shift;
					}
					rank = this._tokens.rankLong((k << 7) | bytes[from + 3], k2, k3);
				}
				ranks[j] = rank;
			}
		}
		return parts;
	}
}

/** ASCII words that are tokens of 9 to 12 bytes, or that o200k and cl100k spell with one, for priming `countLong`. */
const LONG_WORDS = ['information', ' performance', 'Development', 'constructor', 'informations', 'performances', ' structured'];

/** The number of bits set in `x`. */
function bitCount(x: number): number {
	x -= (x >>> 1) & 0x55555555;
	x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
	x = (x + (x >>> 4)) & 0x0f0f0f0f;
	return Math.imul(x, 0x01010101) >>> 24;
}
