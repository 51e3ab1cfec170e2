import type { RankTable } from './rankTable';

/**
 * What the backtracking encoder (`backtrackEncoder.ts`) needs to know about a vocabulary, built once per
 * encoding from its tokens and their splits (`RankTable`), all in typed arrays:
 *
 * - a trie of every token's bytes, to find the longest token that starts at a position;
 * - per token, its longest proper prefix token (to try shorter ones) and its pair: for each token `t` of two or
 *   more bytes, `left[t]` followed by `right[t]` merge into `t`.
 *
 * The trie is packed into one Int32Array of records laid out in depth-first order, so a walk mostly reads
 * memory that is close together: a record is a header, `(token + 1) << 5 | log2(capacity)` (31: a leaf),
 * then a small open-addressing table of children, each entry `childRecord << 9 | 256 | byte` (0: empty).
 * The root's table holds all 256 bytes, an entry at `1 + byte`.
 */
export class BpeIndex {
	readonly trie: Int32Array;
	/**
	 * Per token `t`, four entries from `t << 2`: `left[t]`, `right[t]`, its pair table's header in `pairData`
	 * (`offset << 5 | log2(capacity)`, 0: no pairs start with `t`), and its longest proper prefix token with that
	 * token's length, `prefix << 8 | length` (-1: none). One 16-byte record, so the encoder's checks on a token
	 * read one cache line rather than one from each of four arrays.
	 */
	readonly token: Int32Array;
	/** Tables of `[right token, merged token]` slots (right -1: empty). */
	readonly pairData: Int32Array;
	/** A bit per pair, in blocks by left token (`pairFilter`): most pairs looked up do not exist, and this says so from 1 MB. */
	readonly pairFilter: Int32Array;

	constructor(table: RankTable) {
		const size = table.size;
		const length = new Int32Array(size);
		for (let r = 0; r < size; r++) {
			length[r] = table.tokenLength(r);
		}
		const prefix = new Int32Array(size).fill(-1);
		this.trie = buildTrie(table.pool, table.start, length, prefix);
		// Only each token's own split is a pair here: see `compatible` for why the others are not needed.
		const own: Pairs = { start: new Int32Array(size + 1), left: new Int32Array(size), right: new Int32Array(size) };
		let n = 0;
		for (let t = 0; t < size; t++) {
			own.start[t] = n;
			if (length[t] > 1) {
				own.left[n] = table.left[t];
				own.right[n] = table.right[t];
				n++;
			}
		}
		own.start[size] = n;
		const [pairIndex, pairData] = pairTables(size, own);
		this.pairData = pairData;
		this.pairFilter = pairFilter(own);
		this.token = new Int32Array(4 * size);
		for (let t = 0; t < size; t++) {
			this.token[4 * t] = table.left[t];
			this.token[4 * t + 1] = table.right[t];
			this.token[4 * t + 2] = pairIndex[t];
			this.token[4 * t + 3] = prefix[t] < 0 ? -1 : (prefix[t] << 8) | length[prefix[t]];
		}
	}
}

/**
 * `compatible` over the encoder's layout (`BpeIndex.token`), starting from whole `l` and `r`; the pair look-up is
 * written out so that the loop reads each token's record once.
 */
export function compatibleTokens(token: Int32Array, filter: Int32Array, data: Int32Array, l: number, r: number): boolean {
	let limit = LIMIT_NONE;
	for (;;) {
		// The token that `l` and `r` merge into, or -1 (`pairOf`).
		let c = -1;
		const bit = filterBit(l, r);
		const h = token[(l << 2) + 2];
		if ((filter[bit >>> 5] & (1 << (bit & 31))) !== 0 && h !== 0) {
			const lg = h & 31;
			const at = h >>> 5;
			const mask = (1 << lg) - 1;
			for (let s = Math.imul(r, 0x9e3779b1) >>> (32 - lg); ; s = (s + 1) & mask) {
				// An empty slot holds -1 for both: so `c` is -1 when `r` is not there.
				const k = data[(at + s) << 1];
				if (k === r || k === -1) {
					c = data[((at + s) << 1) + 1];
					break;
				}
			}
		}
		if (c >= 0 && c < limit) {
			return false;
		}
		const lr = token[(l << 2) + 1];
		const rl = token[r << 2];
		const lByte = lr === l;
		const rByte = rl === r;
		if (lByte && rByte) {
			return true;
		}
		if (!lByte && (rByte || l > r)) {
			limit = l;
			l = lr;
		} else {
			limit = r + 1;
			r = rl;
		}
	}
}

export const LIMIT_NONE = 0x7fffffff;

/** The token that `l` followed by `r` merge into, or -1, from tables made by `pairTables` and `pairFilter`. */
export function pairOf(filter: Int32Array, index: Int32Array, data: Int32Array, l: number, r: number): number {
	const bit = filterBit(l, r);
	if ((filter[bit >>> 5] & (1 << (bit & 31))) === 0) {
		return -1;
	}
	const h = index[l];
	if (h === 0) {
		return -1;
	}
	const lg = h & 31;
	const at = h >>> 5;
	const mask = (1 << lg) - 1;
	let s = Math.imul(r, 0x9e3779b1) >>> (32 - lg);
	for (;;) {
		const k = data[(at + s) << 1];
		if (k === r) {
			return data[((at + s) << 1) + 1];
		}
		if (k === -1) {
			return -1;
		}
		s = (s + 1) & mask;
	}
}

/**
 * Whether no merge crosses the boundary between tokens `l` and `r` when tiktoken merges their bytes, given
 * that the boundary is not crossed from `limit` on (`LIMIT_NONE`: the check starts from whole `l` and `r`).
 *
 * Merging `l`'s bytes alone makes `l` by merges of rising rank, each part made from `left` and `right` of
 * the next (true of every token in the four encodings; `deriveSplits` refuses a vocabulary where it is
 * not), and so for `r`. Merging the two together does both sequences interleaved by rank, unless the last
 * part of the left side and the first part of the right side join into a token first. Walking back from
 * the whole tokens, undo the later of the two merges that made the parts at the boundary; the parts before
 * it met across the boundary until that merge, so they must not join into a token of lower rank (a tie goes
 * to the leftmost pair: the left side's merge wins, the boundary pair wins against the right side's).
 * Single bytes are there from the start.
 *
 * Two parts that join into a token `t` other than as `t`'s own split are caught too, with only own splits
 * in the pair tables: merging `t`'s bytes from those two parts must cross their boundary earlier (`t` ends
 * as its own split), so a pair met further down the walk, over fewer bytes, joins first. The unit tests
 * check the result against the merge loop itself.
 */
export function compatible(
	filter: Int32Array, index: Int32Array, data: Int32Array, left: Int32Array, right: Int32Array, l: number, r: number, limit: number,
): boolean {
	for (;;) {
		const c = pairOf(filter, index, data, l, r);
		if (c >= 0 && c < limit) {
			return false;
		}
		const lByte = right[l] === l;
		const rByte = left[r] === r;
		if (lByte && rByte) {
			return true;
		}
		if (!lByte && (rByte || l > r)) {
			limit = l;
			l = right[l];
		} else {
			limit = r + 1;
			r = left[r];
		}
	}
}

export interface Pairs {
	/** The pairs that join to token `t` are `[start[t], start[t + 1])`, longest left token first. */
	readonly start: Int32Array;
	readonly left: Int32Array;
	readonly right: Int32Array;
}

/** Per left token, an open-addressing table (at most half full) of its right tokens and their merge. */
export function pairTables(size: number, pairs: Pairs): [Int32Array, Int32Array] {
	const counts = new Int32Array(size);
	for (let i = 0; i < pairs.left.length; i++) {
		counts[pairs.left[i]]++;
	}
	const index = new Int32Array(size);
	let slots = 1; // slot 0 unused, so that an index of 0 means "no pairs"
	for (let x = 0; x < size; x++) {
		if (counts[x] > 0) {
			const lg = 32 - Math.clz32(2 * counts[x] - 1); // capacity >= 2 * count
			index[x] = (slots << 5) | lg;
			slots += 1 << lg;
		}
	}
	const data = new Int32Array(2 * slots).fill(-1);
	for (let t = 0; t < size; t++) {
		for (let i = pairs.start[t]; i < pairs.start[t + 1]; i++) {
			const x = pairs.left[i];
			const y = pairs.right[i];
			const lg = index[x] & 31;
			const at = index[x] >>> 5;
			let s = Math.imul(y, 0x9e3779b1) >>> (32 - lg);
			while (data[(at + s) << 1] !== -1) {
				s = (s + 1) & ((1 << lg) - 1);
			}
			data[(at + s) << 1] = y;
			data[((at + s) << 1) + 1] = t;
		}
	}
	return [index, data];
}

const FILTER_BITS = 23;

/**
 * A filter of pairs `(left, right)`: 2^23 bits (1 MB) in blocks of 512 bits (a cache line), a bit per pair in the
 * block of its left token. The pair check looks up pairs of the same few left tokens over and over (a token's parts
 * down to its bytes), so blocks by left token keep those look-ups in a few cache lines: with the bit of a pair
 * anywhere in the filter, every look-up waited on memory, and a newly opened Arabic file counted 9% slower.
 */
export function pairFilter(pairs: Pairs): Int32Array {
	const filter = new Int32Array(1 << (FILTER_BITS - 5));
	for (let i = 0; i < pairs.left.length; i++) {
		const bit = filterBit(pairs.left[i], pairs.right[i]);
		filter[bit >>> 5] |= 1 << (bit & 31);
	}
	return filter;
}

/** The bit of the pair `(l, r)` in a `pairFilter`: a block picked by `l`, a bit in it by `r`. */
function filterBit(l: number, r: number): number {
	return ((Math.imul(l, 0x9e3779b1) >>> (32 - FILTER_BITS)) & ~511) | (Math.imul(r, 0x85ebca77) >>> 23);
}

/** Table capacity (log2) for `k` children: 1 for one child, else at most two thirds full. */
function capacityLog(k: number): number {
	return k <= 1 ? 0 : 32 - Math.clz32(k + (k >> 1));
}

/**
 * Builds the packed trie depth first, by sorting the tokens byte by byte (an MSD radix sort whose groups
 * are the trie's nodes), and fills `prefix` on the way.
 */
export function buildTrie(pool: Uint8Array, start: Int32Array, length: Int32Array, prefix: Int32Array): Int32Array {
	let count = 0;
	for (let r = 0; r < length.length; r++) {
		if (length[r] > 0) {
			count++;
		}
	}
	const ids = new Int32Array(count);
	for (let r = 0, i = 0; r < length.length; r++) {
		if (length[r] > 0) {
			ids[i++] = r;
		}
	}
	const scratch = new Int32Array(count);
	const buckets = new Int32Array(257);
	// Work stack of nodes: the range of `ids` whose tokens share the node's bytes, its depth, the record of
	// its parent (-1: root) and the nearest token above it.
	const stack: number[] = [0, count, 0, -1, -1];
	let data: Int32Array = new Int32Array(1 << 20);
	let size = 0;
	while (stack.length > 0) {
		const ancestor = stack.pop() as number;
		const parent = stack.pop() as number;
		const depth = stack.pop() as number;
		const hi = stack.pop() as number;
		const first = stack.pop() as number;
		if (hi - first === 1 && parent >= 0) {
			// One token left below here (most nodes are in such tails): a chain of one-child records.
			size = appendChain(data = reserve(data, size, 2 * (length[ids[first]] - depth) + 1), size, ids[first], depth, parent, pool, start, length);
			prefix[ids[first]] = ancestor;
			continue;
		}
		let lo = first;
		// The token that ends here, if any, goes first and out of the range of children.
		let here = -1;
		for (let i = lo; i < hi; i++) {
			if (length[ids[i]] === depth) {
				here = ids[i];
				ids[i] = ids[lo];
				ids[lo] = here;
				lo++;
				break;
			}
		}
		sortByByte(ids, lo, hi, depth, pool, start, scratch, buckets);
		let k = 0;
		for (let i = lo; i < hi; i++) {
			if (i === lo || pool[start[ids[i]] + depth] !== pool[start[ids[i - 1]] + depth]) {
				k++;
			}
		}
		const lg = parent < 0 ? 8 : k === 0 ? 31 : capacityLog(k);
		const slots = lg === 31 ? 0 : 1 << lg;
		data = reserve(data, size, 1 + slots);
		const record = size;
		size += 1 + slots;
		data[record] = ((here + 1) << 5) | lg;
		if (parent >= 0) {
			addChild(data, parent, record, pool[start[ids[first]] + depth - 1]);
		}
		if (here >= 0) {
			prefix[here] = ancestor;
		}
		const below = here >= 0 ? here : ancestor;
		// Children, pushed last first so that they are laid out in byte order.
		for (let end = hi; end > lo;) {
			const byte = pool[start[ids[end - 1]] + depth];
			let begin = end - 1;
			while (begin > lo && pool[start[ids[begin - 1]] + depth] === byte) {
				begin--;
			}
			stack.push(begin, end, depth + 1, record, below);
			end = begin;
		}
	}
	return data.slice(0, size);
}

/** Enters `child` under `byte` in the table of the record at `parent`. */
function addChild(data: Int32Array, parent: number, child: number, byte: number): void {
	const mask = (1 << (data[parent] & 31)) - 1;
	let s = byte & mask;
	while (data[parent + 1 + s] !== 0) {
		s = (s + 1) & mask;
	}
	data[parent + 1 + s] = (child << 9) | 256 | byte;
}

/**
 * Appends the records of token `t`'s bytes from `depth` on, when no other token shares them: one child
 * each, then a leaf that holds `t`. Returns the new size.
 */
function appendChain(
	data: Int32Array, size: number, t: number, depth: number, parent: number, pool: Uint8Array, start: Int32Array,
	length: Int32Array,
): number {
	const from = start[t];
	addChild(data, parent, size, pool[from + depth - 1]);
	for (let d = depth; d < length[t]; d++) {
		data[size] = 0; // no token here, one child (capacity 2^0)
		data[size + 1] = ((size + 2) << 9) | 256 | pool[from + d];
		size += 2;
	}
	data[size] = ((t + 1) << 5) | 31;
	return size + 1;
}

/** `data`, grown if it has no room for `more` entries after `size`. */
function reserve(data: Int32Array, size: number, more: number): Int32Array {
	while (size + more > data.length) {
		data = grow(data);
	}
	return data;
}

/** Sorts `ids[lo, hi)` by the byte at `depth` of each token: insertion sort when short, else counting sort. */
function sortByByte(
	ids: Int32Array, lo: number, hi: number, depth: number, pool: Uint8Array, start: Int32Array, scratch: Int32Array,
	buckets: Int32Array,
): void {
	if (hi - lo <= 32) {
		for (let i = lo + 1; i < hi; i++) {
			const id = ids[i];
			const key = pool[start[id] + depth];
			let j = i - 1;
			while (j >= lo && pool[start[ids[j]] + depth] > key) {
				ids[j + 1] = ids[j];
				j--;
			}
			ids[j + 1] = id;
		}
		return;
	}
	buckets.fill(0);
	for (let i = lo; i < hi; i++) {
		buckets[pool[start[ids[i]] + depth] + 1]++;
	}
	for (let b = 1; b < 257; b++) {
		buckets[b] += buckets[b - 1];
	}
	for (let i = lo; i < hi; i++) {
		scratch[lo + buckets[pool[start[ids[i]] + depth]]++] = ids[i];
	}
	ids.set(scratch.subarray(lo, hi), lo);
}

export function grow(array: Int32Array): Int32Array {
	const bigger = new Int32Array(array.length * 2);
	bigger.set(array);
	return bigger;
}
