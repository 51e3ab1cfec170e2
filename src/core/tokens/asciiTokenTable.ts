/** Rank stored for bytes that are not a token: above every real rank, so `min` needs no case. */
export const NO_TOKEN = 0x7fffffff;

/** Bits of the filter in front of the table of tokens of 4 to 8 bytes (2^21 bits: 256 KB). */
const FILTER_BITS = 21;

/**
 * The ranks of the tokens of 4 to 12 ASCII bytes, found by their bytes packed seven bits each into integers, for the
 * merge loop of `ShortAsciiCounts`: `k1` holds bytes 0-3; up to 8 bytes, `k2` holds the length in its top bits and
 * the rest left-aligned (`length << 28 | e << 21 | f << 14 | g << 7 | h`); over 8, `k2` holds bytes 4-7 and `k3` the
 * length and the rest the same way. Two open-addressing tables, each at most four fifths full: a look-up that gets
 * there is mostly a hit, and a bigger table costs more to bring in than the probes it saves.
 */
export class AsciiTokenTable {
	/** A bit per hash of every token of 4 to 8 ASCII bytes: most look-ups are of bytes that are no token. */
	private readonly _filter = new Int32Array(1 << (FILTER_BITS - 5));
	/** Tokens of 4 to 8 bytes (about 90,000 for o200k; 1.5 MB): per slot `k1 + 1` (0: empty), `k2`, the rank. */
	private readonly _table: Int32Array;
	private readonly _shift: number;
	/** Tokens of 9 to 12 bytes (about 21,000 for o200k; 512 KB): per slot `k1 + 1` (0: empty), `k2`, `k3`, the rank. */
	private readonly _long: Int32Array;
	private readonly _longShift: number;

	/** Room for `count` tokens of 4 to 8 bytes and `longCount` of 9 to 12. */
	constructor(count: number, longCount: number) {
		const bits = capacityBits(count);
		this._table = new Int32Array(3 << bits);
		this._shift = 32 - bits;
		const longBits = capacityBits(longCount);
		this._long = new Int32Array(4 << longBits);
		this._longShift = 32 - longBits;
	}

	/** Enters a token of 4 to 8 bytes, by its keys, into the table and the filter. */
	insert(k1: number, k2: number, rank: number): void {
		const h = hash(k1, k2);
		const bit = h & ((1 << FILTER_BITS) - 1);
		this._filter[bit >>> 5] |= 1 << (bit & 31);
		const slots = this._table;
		const mask = slots.length / 3 - 1;
		let s = h >>> this._shift;
		while (slots[3 * s] !== 0) {
			s = (s + 1) & mask;
		}
		slots[3 * s] = k1 + 1;
		slots[3 * s + 1] = k2;
		slots[3 * s + 2] = rank;
	}

	/** Enters a token of 9 to 12 bytes, by its keys, into the table of those. */
	insertLong(k1: number, k2: number, k3: number, rank: number): void {
		const slots = this._long;
		const mask = slots.length / 4 - 1;
		let s = hash(k1 ^ Math.imul(k3, 0x27d4eb2f), k2) >>> this._longShift;
		while (slots[4 * s] !== 0) {
			s = (s + 1) & mask;
		}
		slots[4 * s] = k1 + 1;
		slots[4 * s + 1] = k2;
		slots[4 * s + 2] = k3;
		slots[4 * s + 3] = rank;
	}

	/** Rank of the token with keys `k1`, `k2` (4 to 8 bytes) and their hash `h`, or `NO_TOKEN`. */
	rank(h: number, k1: number, k2: number): number {
		const bit = h & ((1 << FILTER_BITS) - 1);
		if ((this._filter[bit >>> 5] & (1 << (bit & 31))) === 0) {
			return NO_TOKEN;
		}
		const table = this._table;
		const mask = (table.length / 3) - 1;
		for (let s = h >>> this._shift; ; s = (s + 1) & mask) {
			const x = table[3 * s];
			if (x === k1 + 1 && table[3 * s + 1] === k2) {
				return table[3 * s + 2];
			}
			if (x === 0) {
				return NO_TOKEN;
			}
		}
	}

	/** Rank of the token with keys `k1`, `k2`, `k3` (9 to 12 bytes), or `NO_TOKEN`. */
	rankLong(k1: number, k2: number, k3: number): number {
		const table = this._long;
		const mask = (table.length >> 2) - 1;
		for (let s = hash(k1 ^ Math.imul(k3, 0x27d4eb2f), k2) >>> this._longShift; ; s = (s + 1) & mask) {
			const x = table[4 * s];
			if (x === k1 + 1 && table[4 * s + 1] === k2 && table[4 * s + 2] === k3) {
				return table[4 * s + 3];
			}
			if (x === 0) {
				return NO_TOKEN;
			}
		}
	}
}

/** Table size (log2) for `count` entries at most four fifths full. */
function capacityBits(count: number): number {
	return Math.max(10, 32 - Math.clz32(Math.ceil(count / 0.8) - 1));
}

export function hash(k1: number, k2: number): number {
	const h = Math.imul(k1 ^ Math.imul(k2, 0x85ebca77), 0x9e3779b1);
	return h ^ (h >>> 16);
}
