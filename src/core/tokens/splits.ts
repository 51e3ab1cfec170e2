import { buildTrie, compatible, grow, pairFilter, pairTables, type Pairs } from './bpeIndex';

/**
 * Finds each token's split: the two tokens whose merge ends tiktoken's encoding of the token's own bytes.
 * Of every way to cut a token into two tokens (its prefix tokens and the rest), that is the one whose bytes
 * reach the two halves with no merge across the cut before (`compatible`, from the state after the last
 * merge of the later half). In rank order, so the splits of both halves (lower ranks) are known by then.
 *
 * The check assumes that every token is made by merges of rising rank. A token with no such split would
 * break that (or could never be produced at all); no token of the four encodings lacks one (a unit test
 * checks every token against tiktoken's merge loop), and for any other vocabulary this refuses rather than
 * letting the encoder count wrongly.
 */
export function deriveSplits(pool: Uint8Array, start: Int32Array): { left: Int32Array; right: Int32Array } {
	const size = start.length - 1;
	const length = new Int32Array(size);
	for (let r = 0; r < size; r++) {
		length[r] = start[r + 1] - start[r];
	}
	const prefix = new Int32Array(size).fill(-1);
	buildTrie(pool, start, length, prefix);
	const pairs = findPairs(pool, start, length, prefix);
	const [index, data] = pairTables(size, pairs);
	const filter = pairFilter(pairs);
	const left = new Int32Array(size);
	const right = new Int32Array(size);
	for (let t = 0; t < size; t++) {
		left[t] = t;
		right[t] = t;
		if (length[t] < 2) {
			continue;
		}
		let found = false;
		for (let i = pairs.start[t]; i < pairs.start[t + 1] && !found; i++) {
			const x = pairs.left[i];
			const y = pairs.right[i];
			if (x >= t || y >= t) {
				continue;
			}
			// The last state before the merge into `t` is [x, y]; check the states before it.
			const xByte = right[x] === x;
			const yByte = left[y] === y;
			found = (xByte && yByte) || (!xByte && (yByte || x > y)
				? compatible(filter, index, data, left, right, right[x], y, x)
				: compatible(filter, index, data, left, right, x, left[y], y + 1));
			if (found) {
				left[t] = x;
				right[t] = y;
			}
		}
		if (!found) {
			throw new Error(`unsupported vocabulary: token ${t} is not reached by merges of rising rank`);
		}
	}
	return { left, right };
}

/** Every way to cut each token into two tokens: each prefix token (the `prefix` chain) and the rest. */
function findPairs(pool: Uint8Array, start: Int32Array, length: Int32Array, prefix: Int32Array): Pairs {
	const size = length.length;
	const ranks = new RankLookup(pool, start);
	const first = new Int32Array(size + 1);
	let lefts: Int32Array = new Int32Array(1 << 16);
	let rights: Int32Array = new Int32Array(1 << 16);
	let n = 0;
	for (let t = 0; t < size; t++) {
		first[t] = n;
		const from = start[t];
		const to = from + length[t];
		for (let x = length[t] > 1 ? prefix[t] : -1; x >= 0; x = prefix[x]) {
			const y = ranks.find(pool, from + length[x], to);
			if (y < 0) {
				continue;
			}
			if (n === lefts.length) {
				lefts = grow(lefts);
				rights = grow(rights);
			}
			lefts[n] = x;
			rights[n] = y;
			n++;
		}
	}
	first[size] = n;
	return { start: first, left: lefts.subarray(0, n), right: rights.subarray(0, n) };
}

/** Bytes -> rank, by open addressing over a hash of the bytes; each slot holds rank + 1 (0: empty). */
class RankLookup {
	private readonly _slots: Int32Array;
	private readonly _shift: number;

	constructor(private readonly _pool: Uint8Array, private readonly _start: Int32Array) {
		const size = _start.length - 1;
		// At most ~40% full, so probe chains stay short.
		const bits = Math.max(10, Math.ceil(Math.log2(size / 0.4)));
		this._shift = 32 - bits;
		this._slots = new Int32Array(1 << bits);
		const mask = (1 << bits) - 1;
		for (let r = 0; r < size; r++) {
			if (_start[r + 1] === _start[r]) {
				continue;
			}
			let slot = hashBytes(_pool, _start[r], _start[r + 1]) >>> this._shift;
			while (this._slots[slot] !== 0) {
				slot = (slot + 1) & mask;
			}
			this._slots[slot] = r + 1;
		}
	}

	/** Rank of the token whose bytes are `bytes[from, to)`, or -1. */
	find(bytes: Uint8Array, from: number, to: number): number {
		const slots = this._slots;
		const pool = this._pool;
		const start = this._start;
		const mask = slots.length - 1;
		const n = to - from;
		let slot = hashBytes(bytes, from, to) >>> this._shift;
		for (;;) {
			const entry = slots[slot];
			if (entry === 0) {
				return -1;
			}
			const at = start[entry - 1];
			if (start[entry] - at === n) {
				let i = 0;
				while (i < n && pool[at + i] === bytes[from + i]) {
					i++;
				}
				if (i === n) {
					return entry - 1;
				}
			}
			slot = (slot + 1) & mask;
		}
	}
}

/** FNV-1a over `bytes[from, to)`, finished with a multiply so the top bits (the slot) mix well. */
function hashBytes(bytes: Uint8Array, from: number, to: number): number {
	let h = 0x811c9dc5;
	for (let i = from; i < to; i++) {
		h = Math.imul(h ^ bytes[i], 0x01000193);
	}
	return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
}
