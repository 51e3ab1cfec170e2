import { deriveSplits } from './splits';

/**
 * js-tiktoken's rank file: lines of `<tag> <first rank> <base64 token> <base64 token> ...`, consecutive
 * ranks per line.
 */
export interface RankFile {
	readonly pat_str: string;
	readonly special_tokens: Record<string, number>;
	readonly bpe_ranks: string;
}

/**
 * Our compact form of the same vocabulary, made from js-tiktoken's file at build time (`esbuild.js`): for
 * each rank, either its byte or the two lower ranks it splits into (`RankTable.left` and `.right`), as
 * varints in base64. The bytes of every token follow from that, and so do the tables the encoder needs,
 * without the work of finding the splits (about half a second for o200k) on the user's machine.
 */
export interface MergeFile {
	readonly merges: string;
}

const MERGE_MAGIC = 0x42504531; // "BPE1"

/**
 * The tokens of one encoding: every token's bytes, kept once in one pool (no string per token), and its
 * split. In tiktoken a token's id is its rank: the lower the rank, the earlier the merge that makes it.
 */
export class RankTable {
	/** One more than the highest rank; ranks no token uses (p50k has a few) have no bytes. */
	readonly size: number;
	/** Longest token, in bytes. */
	readonly maxTokenBytes: number;
	/** Rank of each single byte. */
	readonly byteRank = new Int32Array(256).fill(-1);

	/**
	 * @param pool the bytes of rank `r` are `pool[start[r], start[r + 1])`
	 * @param left `left[r]` and `right[r]`: the two tokens whose merge ends tiktoken's encoding of token `r`'s
	 * own bytes (a single byte, or an unused rank, is its own left and right)
	 */
	private constructor(
		readonly pool: Uint8Array, readonly start: Int32Array, readonly left: Int32Array, readonly right: Int32Array,
	) {
		this.size = start.length - 1;
		let maxBytes = 0;
		for (let r = 0; r < this.size; r++) {
			const length = start[r + 1] - start[r];
			maxBytes = Math.max(maxBytes, length);
			if (length === 1) {
				this.byteRank[pool[start[r]]] = r;
			}
		}
		this.maxTokenBytes = maxBytes;
		for (let b = 0; b < 256; b++) {
			if (this.byteRank[b] < 0) {
				throw new Error(`vocabulary has no token for byte ${b}`);
			}
		}
	}

	/** From js-tiktoken's rank file; finds every token's split (slow: the build does it once for the .vsix). */
	static fromRankFile(file: RankFile): RankTable {
		const { pool, start } = decodeRankFile(file.bpe_ranks);
		const { left, right } = deriveSplits(pool, start);
		return new RankTable(pool, start, left, right);
	}

	/** From our merge file (`toMergeFile`): fast, no search. */
	static fromMergeFile(file: MergeFile): RankTable {
		const bytes = decodeBase64(file.merges);
		const reader = { bytes, at: 0 };
		if (readVarint(reader) !== MERGE_MAGIC) {
			throw new Error('not a merge file');
		}
		const size = readVarint(reader);
		const left = new Int32Array(size);
		const right = new Int32Array(size);
		const single = new Int32Array(size).fill(-1);
		const start = new Int32Array(size + 1);
		const lengths = new Int32Array(size);
		for (let r = 0; r < size; r++) {
			const v = readVarint(reader);
			left[r] = r;
			right[r] = r;
			if (v === 0) {
				continue;
			}
			if (v <= 256) {
				single[r] = v - 1;
				lengths[r] = 1;
				continue;
			}
			const l = v - 257;
			const rr = readVarint(reader);
			if (l >= r || rr >= r || lengths[l] === 0 || lengths[rr] === 0) {
				throw new Error(`merge file: rank ${r} splits into ranks that are not before it`);
			}
			left[r] = l;
			right[r] = rr;
			lengths[r] = lengths[l] + lengths[rr];
		}
		if (reader.at !== bytes.length) {
			throw new Error('merge file: trailing bytes');
		}
		for (let r = 0; r < size; r++) {
			start[r + 1] = start[r] + lengths[r];
		}
		const pool = new Uint8Array(start[size]);
		for (let r = 0; r < size; r++) {
			if (single[r] >= 0) {
				pool[start[r]] = single[r];
			} else if (lengths[r] > 1) {
				// Both halves have lower ranks, so their bytes are already in place.
				pool.copyWithin(start[r], start[left[r]], start[left[r] + 1]);
				pool.copyWithin(start[r] + lengths[left[r]], start[right[r]], start[right[r] + 1]);
			}
		}
		return new RankTable(pool, start, left, right);
	}

	/** The merge file of this vocabulary (the build writes it; `fromMergeFile` reads it back). */
	toMergeFile(): MergeFile {
		const out: number[] = [];
		writeVarint(out, MERGE_MAGIC);
		writeVarint(out, this.size);
		for (let r = 0; r < this.size; r++) {
			const length = this.tokenLength(r);
			if (length === 0) {
				writeVarint(out, 0);
			} else if (length === 1) {
				writeVarint(out, this.pool[this.start[r]] + 1);
			} else {
				writeVarint(out, this.left[r] + 257);
				writeVarint(out, this.right[r]);
			}
		}
		return { merges: encodeBase64(Uint8Array.from(out)) };
	}

	/** Bytes in the token of rank `rank` (0 for a rank no token uses). */
	tokenLength(rank: number): number {
		return this.start[rank + 1] - this.start[rank];
	}

	/** The bytes of the token of rank `rank` (a view into the pool: do not write to it). */
	tokenBytes(rank: number): Uint8Array {
		return this.pool.subarray(this.start[rank], this.start[rank + 1]);
	}
}

/** Parses js-tiktoken's rank file straight into one byte pool, in rank order: no string per token. */
function decodeRankFile(text: string): { pool: Uint8Array; start: Int32Array } {
	const raw = new Uint8Array(Math.ceil(text.length * 0.75));
	const ranks: number[] = [];
	const starts: number[] = [];
	let n = 0;
	let i = 0;
	const length = text.length;
	const fail = (): never => {
		throw new Error(`rank file is malformed at character ${i}`);
	};
	while (i < length) {
		// `<tag> <first rank>`
		while (i < length && text.charCodeAt(i) !== 32) {
			i++;
		}
		i++;
		let rank = 0;
		const digits = i;
		for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) {
			rank = rank * 10 + c - 48;
		}
		if (i === digits) {
			fail();
		}
		// Base64 tokens separated by spaces, up to the end of the line.
		while (i < length && text.charCodeAt(i) === 32) {
			i++;
			let end = i;
			while (end < length && text.charCodeAt(end) !== 32 && text.charCodeAt(end) !== 10) {
				end++;
			}
			const begin = n;
			n = decodeBase64Into(text, i, end, raw, n);
			if (n < 0 || n === begin) {
				fail();
			}
			ranks.push(rank++);
			starts.push(begin);
			i = end;
		}
		if (i < length && text.charCodeAt(i) !== 10) {
			fail();
		}
		i++;
	}
	starts.push(n);
	let size = 0;
	for (const rank of ranks) {
		size = Math.max(size, rank + 1);
	}
	const lengths = new Int32Array(size);
	const from = new Int32Array(size);
	for (let k = 0; k < ranks.length; k++) {
		if (lengths[ranks[k]] !== 0) {
			throw new Error(`rank file lists rank ${ranks[k]} twice`);
		}
		lengths[ranks[k]] = starts[k + 1] - starts[k];
		from[ranks[k]] = starts[k];
	}
	const start = new Int32Array(size + 1);
	for (let r = 0; r < size; r++) {
		start[r + 1] = start[r] + lengths[r];
	}
	const pool = new Uint8Array(start[size]);
	for (let r = 0; r < size; r++) {
		pool.set(raw.subarray(from[r], from[r] + lengths[r]), start[r]);
	}
	return { pool, start };
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64 = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
	BASE64[BASE64_ALPHABET.charCodeAt(i)] = i;
}

/**
 * Decodes the base64 in `text[from, to)` (padding allowed at the end) into `out` from `at`; returns the
 * new end, or -1 when a character is not base64.
 */
function decodeBase64Into(text: string, from: number, to: number, out: Uint8Array, at: number): number {
	while (to > from && text.charCodeAt(to - 1) === 61) { // '='
		to--;
	}
	let bits = 0;
	let count = 0;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		const v = c < 128 ? BASE64[c] : -1;
		if (v < 0) {
			return -1;
		}
		bits = (bits << 6) | v;
		count += 6;
		if (count >= 8) {
			count -= 8;
			out[at++] = (bits >>> count) & 255;
		}
	}
	return at;
}

function decodeBase64(text: string): Uint8Array {
	const out = new Uint8Array(Math.floor(text.length * 0.75));
	const end = decodeBase64Into(text, 0, text.length, out, 0);
	if (end < 0) {
		throw new Error('merge file is not base64');
	}
	return out.subarray(0, end);
}

function encodeBase64(bytes: Uint8Array): string {
	const parts: string[] = [];
	for (let i = 0; i < bytes.length; i += 3) {
		const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
		parts.push(BASE64_ALPHABET[n >>> 18], BASE64_ALPHABET[(n >>> 12) & 63],
			i + 1 < bytes.length ? BASE64_ALPHABET[(n >>> 6) & 63] : '=', i + 2 < bytes.length ? BASE64_ALPHABET[n & 63] : '=');
	}
	return parts.join('');
}

function writeVarint(out: number[], value: number): void {
	while (value >= 128) {
		out.push((value & 127) | 128);
		value >>>= 7;
	}
	out.push(value);
}

function readVarint(reader: { bytes: Uint8Array; at: number }): number {
	let value = 0;
	let shift = 0;
	for (;;) {
		if (reader.at >= reader.bytes.length || shift > 28) {
			throw new Error('merge file is truncated');
		}
		const b = reader.bytes[reader.at++];
		value |= (b & 127) << shift;
		if (b < 128) {
			return value >>> 0;
		}
		shift += 7;
	}
}
