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

	// Open-addressing cache of pair merges: (left rank, right rank) -> merged rank or -1.
	private _pairLeft = new Int32Array(1 << PAIR_BITS).fill(-1);
	private _pairRight = new Int32Array(1 << PAIR_BITS);
	private _pairRank = new Int32Array(1 << PAIR_BITS);
	private _pairCount = 0;

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
		for (let b = 0; b < 256; b++) {
			if (this.byteRank[b] < 0) {
				throw new Error(`rank file has no token for byte ${b}`);
			}
		}
	}

	/** Rank of the token made of `left` then `right`, or -1 when there is none. */
	pair(left: number, right: number): number {
		const mask = (1 << PAIR_BITS) - 1;
		let slot = (Math.imul(left, 0x9e3779b1) ^ Math.imul(right, 0x85ebca77)) >>> (32 - PAIR_BITS);
		for (;;) {
			const l = this._pairLeft[slot];
			if (l === left && this._pairRight[slot] === right) {
				return this._pairRank[slot];
			}
			if (l === -1) {
				break;
			}
			slot = (slot + 1) & mask;
		}
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
