import { compatibleTokens, type BpeIndex } from './bpeIndex';

/** Slots of the table of dead positions. */
const DEAD_SLOTS = 1024;
const DEAD_MASK = DEAD_SLOTS - 1;

/**
 * tiktoken's byte pair encoding of one pre-tokenizer piece, found without replaying the merges.
 *
 * The tokens that tiktoken's merge loop ends with are the only way to spell the piece with tokens such that
 * each adjacent pair is "compatible": merging the bytes of the two alone gives back exactly those two
 * (`compatible` in `bpeIndex.ts`). Any other spelling breaks that at some pair, and a spelling that keeps it
 * at every pair is what the merge loop produces, because its merges never cross a boundary that every
 * pair's own merge leaves alone. So the encoder searches for that spelling from the left: take the longest
 * token that starts here; if it is not compatible with the token before, try the next shorter prefix
 * token; if none is, step back one token. A position from which nothing works is remembered and not tried
 * again (while the search stays within 1,024 bytes of it, which it does: it steps back a token or two), and
 * every path to a position ends with the same token (the encoding of the text before it is unique), so the
 * search is linear in practice.
 *
 * The idea and the pair check come from GitHub's `bpe` crate ("so many tokens, so little time"); this is
 * our own implementation over our own tables. Unlike the merge loop it is not quadratic on long pieces, and
 * most of its work is one trie step per byte.
 */
export class BacktrackEncoder {
	/**
	 * The tokens of the last piece encoded, `tokens[0, count)`, each with its length in bytes: `token << 8 | length`
	 * (so that stepping back needs no look-up of a length, and no second array as long as the piece).
	 */
	tokens = new Int32Array(256);
	// Positions from which nothing works, in a small table indexed by the position's low bits: dead when
	// `_deadAt[slot] === position` and `_deadGeneration[slot] === _generation` (no new array or fill per piece).
	// A mark that another overwrites only means that position is tried again, and fails again: a table as long
	// as the piece would cost more, since on a long piece every page of it is touched by the look-ups.
	private readonly _deadAt = new Int32Array(DEAD_SLOTS);
	private readonly _deadGeneration = new Int32Array(DEAD_SLOTS);
	private _generation = 0;

	constructor(private readonly _index: BpeIndex) {}

	/** Encodes `bytes[0, n)` (n >= 1); returns the number of tokens. */
	encode(bytes: Uint8Array, n: number): number {
		if (this.tokens.length < n) {
			this.tokens = new Int32Array(Math.max(n, 2 * this.tokens.length));
		}
		let generation = this._generation + 1;
		if (generation > 0x3fffffff) {
			this._deadGeneration.fill(0);
			generation = 1;
		}
		this._generation = generation;
		const { trie, token, pairFilter, pairData } = this._index;
		const tokens = this.tokens;
		const deadAt = this._deadAt;
		const deadGeneration = this._deadGeneration;
		let count = 0;
		let pos = 0;
		let last = -1;
		// A token and its length in bytes, `token << 8 | length`: both come from the trie walk or the prefix, so the
		// length needs no look-up of its own.
		let tl = longestToken(trie, bytes, 0, n);
		for (;;) {
			const t = tl >> 8;
			const end = pos + (tl & 255);
			if ((deadGeneration[end & DEAD_MASK] !== generation || deadAt[end & DEAD_MASK] !== end) && (count === 0 || compatibleTokens(token, pairFilter, pairData, last, t))) {
				tokens[count++] = tl;
				if (end === n) {
					return count;
				}
				last = t;
				pos = end;
				tl = longestToken(trie, bytes, pos, n);
				continue;
			}
			const shorter = token[(t << 2) + 3];
			if (shorter >= 0) {
				tl = shorter;
				continue;
			}
			// Nothing fits from `pos`: step back over the last token and try its shorter prefixes.
			if (count === 0) {
				throw new Error('byte pair encoding found no spelling (vocabulary tables are inconsistent)');
			}
			deadAt[pos & DEAD_MASK] = pos;
			deadGeneration[pos & DEAD_MASK] = generation;
			tl = tokens[--count];
			pos -= tl & 255;
			last = count > 0 ? tokens[count - 1] >> 8 : -1;
		}
	}
}

/**
 * The longest token that `bytes[pos, n)` starts with (there is always one: every byte is a token), as
 * `token << 8 | length`.
 */
function longestToken(trie: Int32Array, bytes: Uint8Array, pos: number, n: number): number {
	let record = trie[1 + bytes[pos]] >>> 9;
	let header = trie[record];
	let best = header;
	let bestEnd = pos + 1;
	for (let i = pos + 1; i < n; i++) {
		const lg = header & 31;
		if (lg === 31) {
			break;
		}
		// Find the child for bytes[i] in this record's table (`record` is where `header` was read).
		const c = bytes[i];
		const mask = (1 << lg) - 1;
		let s = c & mask;
		let entry = trie[record + 1 + s];
		while (entry !== 0 && (entry & 511) !== (256 | c)) {
			if (mask === 0) {
				entry = 0;
				break;
			}
			s = (s + 1) & mask;
			entry = trie[record + 1 + s];
		}
		if (entry === 0) {
			break;
		}
		record = entry >>> 9;
		header = trie[record];
		if (header >= 32) {
			best = header;
			bestEnd = i + 1;
		}
	}
	return (((best >>> 5) - 1) << 8) | (bestEnd - pos);
}
