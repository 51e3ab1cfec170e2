/**
 * The ranks of one encoding, decoded from js-tiktoken's compressed rank file: lines of
 * `<tag> <first rank> <base64 token> <base64 token> ...`, consecutive ranks per line. Tokens are kept as
 * "binary strings" (one char per byte) because V8 hashes and compares those fast, and an ASCII piece
 * is already its own key.
 */
export interface RankFile {
	readonly pat_str: string;
	readonly special_tokens: Record<string, number>;
	readonly bpe_ranks: string;
}

const PAIR_BITS = 19; // 512K slots (6 MB) before the pair cache starts over

export class RankTable {
	/** Token bytes (binary string) -> rank. */
	readonly rankOf = new Map<string, number>();
	/** Rank -> token bytes (binary string); holes for unused ranks. */
	readonly bytesOf: string[] = [];
	/** Rank of each single byte. */
	readonly byteRank = new Int32Array(256).fill(-1);
	/** Longest token, in bytes: a longer piece can never be one token. */
	readonly maxTokenBytes: number;
	/** Rank of the token of two bytes `(a << 8) | b`, or -1: a merge's first pass needs no hashing. */
	readonly bytePairRank = new Int32Array(65536);

	// Pair merges, (left rank, right rank) -> merged rank or -1, by open addressing: first a cache filled
	// lazily, then (once `buildMergeTable` has finished in idle time) the complete table, where a miss
	// means "no such token" and no string is ever built. Both use the same arrays and probe loop, so code
	// that V8 optimised before the table was complete stays valid after.
	private _pairLeft: Int32Array = new Int32Array(1 << PAIR_BITS).fill(-1);
	private _pairRight: Int32Array = new Int32Array(1 << PAIR_BITS);
	private _pairRank: Int32Array = new Int32Array(1 << PAIR_BITS);
	private _pairShift = 32 - PAIR_BITS;
	private _pairCount = 0;
	private _complete = false;
	private _buildCursor = 0;
	private _buildPairs: number[] = [];

	// Token bytes -> rank without building a string: open addressing over a hash of the bytes, each slot
	// holding rank + 1 (0: empty), the bytes themselves kept once in `_pool` at `_start[rank]`.
	private readonly _pool: Uint8Array;
	private readonly _start: Int32Array;
	private readonly _slots: Int32Array;
	private readonly _slotShift: number;

	constructor(file: RankFile) {
		let maxBytes = 0;
		for (const line of file.bpe_ranks.split('\n')) {
			if (line.length === 0) {
				continue;
			}
			const fields = line.split(' ');
			const offset = Number.parseInt(fields[1], 10);
			for (let i = 2; i < fields.length; i++) {
				const bytes = atob(fields[i]);
				const rank = offset + i - 2;
				this.rankOf.set(bytes, rank);
				this.bytesOf[rank] = bytes;
				if (bytes.length === 1) {
					this.byteRank[bytes.charCodeAt(0)] = rank;
				}
				if (bytes.length > maxBytes) {
					maxBytes = bytes.length;
				}
			}
		}
		this.maxTokenBytes = maxBytes;
		const ranks = this.bytesOf.length;
		this._start = new Int32Array(ranks + 1);
		let poolSize = 0;
		for (let rank = 0; rank < ranks; rank++) {
			this._start[rank] = poolSize;
			poolSize += this.bytesOf[rank]?.length ?? 0;
		}
		this._start[ranks] = poolSize;
		this._pool = new Uint8Array(poolSize);
		// At most ~40% full, so probe chains stay short.
		const bits = Math.max(10, Math.ceil(Math.log2(ranks / 0.4)));
		this._slotShift = 32 - bits;
		this._slots = new Int32Array(1 << bits);
		const mask = (1 << bits) - 1;
		for (let rank = 0; rank < ranks; rank++) {
			const bytes = this.bytesOf[rank];
			if (bytes === undefined) {
				continue;
			}
			const at = this._start[rank];
			for (let i = 0; i < bytes.length; i++) {
				this._pool[at + i] = bytes.charCodeAt(i);
			}
			let slot = hashBytes(this._pool, at, at + bytes.length) >>> this._slotShift;
			while (this._slots[slot] !== 0) {
				slot = (slot + 1) & mask;
			}
			this._slots[slot] = rank + 1;
		}
		const two = new Uint8Array(2);
		for (let ab = 0; ab < 65536; ab++) {
			two[0] = ab >> 8;
			two[1] = ab & 255;
			this.bytePairRank[ab] = this.rankOfBytes(two, 2);
		}
		for (let b = 0; b < 256; b++) {
			if (this.byteRank[b] < 0) {
				throw new Error(`rank file has no token for byte ${b}`);
			}
		}
	}

	/** Rank of the token whose bytes are `bytes[0, n)`, or -1 when there is none. */
	rankOfBytes(bytes: Uint8Array, n: number): number {
		const slots = this._slots;
		const pool = this._pool;
		const start = this._start;
		const mask = slots.length - 1;
		let slot = hashBytes(bytes, 0, n) >>> this._slotShift;
		for (;;) {
			const entry = slots[slot];
			if (entry === 0) {
				return -1;
			}
			const at = start[entry - 1];
			if (start[entry] - at === n) {
				let i = 0;
				while (i < n && pool[at + i] === bytes[i]) {
					i++;
				}
				if (i === n) {
					return entry - 1;
				}
			}
			slot = (slot + 1) & mask;
		}
	}

	/** Rank of the token made of `left` then `right`, or -1 when there is none. */
	pair(left: number, right: number): number {
		const lefts = this._pairLeft;
		const mask = lefts.length - 1;
		let slot = (Math.imul(left, 0x9e3779b1) ^ Math.imul(right, 0x85ebca77)) >>> this._pairShift;
		for (;;) {
			const l = lefts[slot];
			if (l === left && this._pairRight[slot] === right) {
				return this._pairRank[slot];
			}
			if (l === -1) {
				break;
			}
			slot = (slot + 1) & mask;
		}
		return this._complete ? -1 : this._missedPair(left, right, slot);
	}

	get hasMergeTable(): boolean {
		return this._complete;
	}

	/**
	 * Spends about `budgetMs` on building the complete merge table (every split of every token into two
	 * tokens, ~450,000 for o200k: a few hundred milliseconds in all, so it is done in idle slices).
	 * Returns true once the table is complete. Lookups give the same answers before and after.
	 */
	buildMergeTable(budgetMs: number): boolean {
		if (this._complete) {
			return true;
		}
		const deadline = Date.now() + budgetMs;
		const bytesOf = this.bytesOf;
		const pairs = this._buildPairs;
		while (this._buildCursor < bytesOf.length) {
			const rank = this._buildCursor++;
			const bytes = bytesOf[rank];
			if (bytes !== undefined) {
				for (let k = 1; k < bytes.length; k++) {
					const left = this.rankOf.get(bytes.slice(0, k));
					if (left === undefined) {
						continue;
					}
					const right = this.rankOf.get(bytes.slice(k));
					if (right !== undefined) {
						pairs.push(left, right, rank);
					}
				}
			}
			if ((rank & 1023) === 0 && Date.now() > deadline) {
				return false;
			}
		}
		// At most ~45% full, so probe chains stay short.
		const bits = Math.max(10, Math.ceil(Math.log2(pairs.length / 3 / 0.45)));
		const lefts = new Int32Array(1 << bits).fill(-1);
		const rights = new Int32Array(1 << bits);
		const merged = new Int32Array(1 << bits);
		const mask = (1 << bits) - 1;
		for (let i = 0; i < pairs.length; i += 3) {
			let slot = (Math.imul(pairs[i], 0x9e3779b1) ^ Math.imul(pairs[i + 1], 0x85ebca77)) >>> (32 - bits);
			while (lefts[slot] !== -1) {
				slot = (slot + 1) & mask;
			}
			lefts[slot] = pairs[i];
			rights[slot] = pairs[i + 1];
			merged[slot] = pairs[i + 2];
		}
		// The lazy cache is replaced by the complete table.
		this._pairLeft = lefts;
		this._pairRight = rights;
		this._pairRank = merged;
		this._pairShift = 32 - bits;
		this._complete = true;
		this._buildPairs = [];
		return true;
	}

	/** A pair that the lazy cache does not hold yet (`slot`: the empty slot its probe ended at). */
	private _missedPair(left: number, right: number, slot: number): number {
		const merged = this.rankOf.get(this.bytesOf[left] + this.bytesOf[right]);
		const rank = merged === undefined ? -1 : merged;
		// Half full: start over rather than let probe chains grow; the cache only saves lookups.
		if (this._pairCount >= 1 << (PAIR_BITS - 1)) {
			this._pairLeft.fill(-1);
			this._pairCount = 0;
			slot = (Math.imul(left, 0x9e3779b1) ^ Math.imul(right, 0x85ebca77)) >>> (32 - PAIR_BITS);
		}
		this._pairLeft[slot] = left;
		this._pairRight[slot] = right;
		this._pairRank[slot] = rank;
		this._pairCount++;
		return rank;
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
