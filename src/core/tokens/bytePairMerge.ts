import type { RankTable } from './rankTable';

/** Below this many bytes the plain rescanning merge is faster than the heap. */
const SMALL = 48;
/** From this many bytes on, bucketing pairs by rank beats the heap (one pass over all ranks per piece). */
const LONG = 4096;
const SHIFT = 4294967296; // 2^32: heap key = rank * 2^32 + position, exact in a double

/**
 * Byte pair merging with tiktoken's rule: repeatedly merge the adjacent pair whose merged token has the
 * lowest rank, the leftmost one on ties, until no adjacent pair forms a token. Short pieces use tiktoken's
 * own rescanning loop; longer ones a binary heap over a linked list of parts, O(n log n) instead of O(n²),
 * which pops pairs in exactly the same (rank, position) order. The merged tokens are left in `tokens`.
 */
export class BytePairMerger {
	tokens = new Int32Array(64);
	private _pairRanks = new Int32Array(64);
	private _next = new Int32Array(0);
	private _prev = new Int32Array(0);
	private _heap = new Float64Array(0);
	private _bucketHead = new Int32Array(0);
	private _entryPos = new Int32Array(0);
	private _entryNext = new Int32Array(0);
	private _list = new Int32Array(0);

	/** `thresholds` exist for tests, which force each merge algorithm in turn. */
	constructor(private readonly _table: RankTable, private readonly _thresholds = { small: SMALL, long: LONG }) {}

	/** Merges `bytes[0, n)`; returns the number of tokens, which are then `tokens[0, count)`. */
	merge(bytes: Uint8Array, n: number): number {
		if (this.tokens.length < n) {
			const size = Math.max(n, this.tokens.length * 2);
			this.tokens = new Int32Array(size);
			this._pairRanks = new Int32Array(size);
		}
		const byteRank = this._table.byteRank;
		const t = this.tokens;
		for (let i = 0; i < n; i++) {
			t[i] = byteRank[bytes[i]];
		}
		// First pass of pair ranks straight from the two bytes (every algorithm below starts from it).
		const bytePairRank = this._table.bytePairRank;
		const r = this._pairRanks;
		for (let i = 0; i < n - 1; i++) {
			r[i] = bytePairRank[(bytes[i] << 8) | bytes[i + 1]];
		}
		const { small, long } = this._thresholds;
		return n <= small ? this._mergeSmall(n) : n < long ? this._mergeHeap(n) : this._mergeLong(n);
	}

	private _mergeSmall(n: number): number {
		const table = this._table;
		const t = this.tokens;
		const r = this._pairRanks;
		let m = n;
		while (m > 1) {
			let best = -1;
			let bestRank = 0x7fffffff;
			for (let i = 0; i < m - 1; i++) {
				const rank = r[i];
				if (rank >= 0 && rank < bestRank) {
					bestRank = rank;
					best = i;
				}
			}
			if (best < 0) {
				break;
			}
			t[best] = bestRank;
			for (let j = best + 1; j < m - 1; j++) {
				t[j] = t[j + 1];
			}
			for (let j = best; j < m - 2; j++) {
				r[j] = r[j + 1];
			}
			m--;
			if (best > 0) {
				r[best - 1] = table.pair(t[best - 1], t[best]);
			}
			if (best < m - 1) {
				r[best] = table.pair(t[best], t[best + 1]);
			}
		}
		return m;
	}

	private _mergeHeap(n: number): number {
		const table = this._table;
		const t = this.tokens;
		const pr = this._pairRanks; // rank of merging part i with its next part; -1 none, -2 part is gone
		if (this._next.length < n) {
			this._next = new Int32Array(n);
			this._prev = new Int32Array(n);
		}
		if (this._heap.length < 3 * n) {
			this._heap = new Float64Array(3 * n);
		}
		const next = this._next;
		const prev = this._prev;
		const heap = this._heap;
		let size = 0;
		for (let i = 0; i < n; i++) {
			next[i] = i + 1;
			prev[i] = i - 1;
		}
		for (let i = 0; i < n - 1; i++) {
			const rank = pr[i];
			if (rank >= 0) {
				heap[size++] = rank * SHIFT + i;
			}
		}
		pr[n - 1] = -1;
		for (let i = (size >> 1) - 1; i >= 0; i--) {
			siftDown(heap, size, i);
		}
		let count = n;
		while (size > 0) {
			const key = heap[0];
			size--;
			if (size > 0) {
				heap[0] = heap[size];
				siftDown(heap, size, 0);
			}
			const rank = Math.floor(key / SHIFT);
			const i = key - rank * SHIFT;
			// Entries are never removed, only outdated: skip one whose pair has changed since.
			if (pr[i] !== rank) {
				continue;
			}
			const j = next[i];
			const k = next[j];
			t[i] = rank;
			pr[j] = -2;
			next[i] = k;
			if (k < n) {
				prev[k] = i;
			}
			count--;
			if (k < n) {
				const right = table.pair(rank, t[k]);
				pr[i] = right;
				if (right >= 0) {
					size = push(heap, size, right * SHIFT + i);
				}
			} else {
				pr[i] = -1;
			}
			const a = prev[i];
			if (a >= 0) {
				const left = table.pair(t[a], rank);
				pr[a] = left;
				if (left >= 0) {
					size = push(heap, size, left * SHIFT + a);
				}
			}
		}
		// Compact the surviving parts into tokens[0, count).
		let w = 0;
		for (let i = 0; i < n; i = next[i]) {
			t[w++] = t[i];
		}
		return count;
	}

	private _mergeLong(n: number): number {
		if (this._next.length < n) {
			this._next = new Int32Array(n);
			this._prev = new Int32Array(n);
		}
		if (this._heap.length < 3 * n) {
			this._heap = new Float64Array(3 * n);
		}
		if (this._entryPos.length < 3 * n) {
			this._entryPos = new Int32Array(3 * n);
			this._entryNext = new Int32Array(3 * n);
			this._list = new Int32Array(3 * n);
		}
		if (this._bucketHead.length === 0) {
			this._bucketHead = new Int32Array(this._table.bytesOf.length).fill(-1);
		}
		return mergeLong(this._table, this.tokens, this._pairRanks, this._next, this._prev, this._heap,
			this._bucketHead, this._entryPos, this._entryNext, this._list, n);
	}
}

/**
 * The long-piece merge of `BytePairMerger`, as a free function so the class stays readable. Pairs wait in
 * buckets by rank; a bucket is taken whole, sorted by position and worked through left to right. Nearly
 * every pair a merge creates has a higher rank than the one just merged and goes to a later bucket; the
 * few that do not (the vocabulary does not guarantee it) go to a small heap that is merged, by
 * (rank, position), with the current bucket. That is the same order as the heap merge, in O(n + ranks).
 * `pr[0, n - 1)` must already hold the rank of each adjacent pair of `t` (as `merge` sets it).
 */
export function mergeLong(
	table: RankTable, t: Int32Array, pr: Int32Array, next: Int32Array, prev: Int32Array, heap: Float64Array,
	head: Int32Array, entryPos: Int32Array, entryNext: Int32Array, list: Int32Array, n: number,
): number {
	let entries = 0;
	const add = (rank: number, pos: number): void => {
		entryPos[entries] = pos;
		entryNext[entries] = head[rank];
		head[rank] = entries++;
	};
	for (let i = 0; i < n; i++) {
		next[i] = i + 1;
		prev[i] = i - 1;
	}
	let lowest = head.length;
	for (let i = 0; i < n - 1; i++) {
		const rank = pr[i];
		if (rank >= 0) {
			add(rank, i);
			if (rank < lowest) {
				lowest = rank;
			}
		}
	}
	pr[n - 1] = -1;
	let auxSize = 0;
	let count = n;
	let cur = lowest;
	let listLength = 0;
	let listIndex = 0;
	for (;;) {
		if (listIndex >= listLength) {
			// Next non-empty bucket: detach it and sort its positions.
			while (cur < head.length && head[cur] === -1) {
				cur++;
			}
			if (cur < head.length && head[cur] !== -1) {
				listLength = 0;
				for (let e = head[cur]; e !== -1; e = entryNext[e]) {
					list[listLength++] = entryPos[e];
				}
				head[cur] = -1;
				sortPositions(list, listLength);
				listIndex = 0;
			} else if (auxSize === 0) {
				break;
			}
		}
		let rank: number;
		let i: number;
		const fromList = listIndex < listLength;
		if (auxSize > 0 && (!fromList || heap[0] < cur * SHIFT + list[listIndex])) {
			const key = heap[0];
			auxSize--;
			if (auxSize > 0) {
				heap[0] = heap[auxSize];
				siftDown(heap, auxSize, 0);
			}
			rank = Math.floor(key / SHIFT);
			i = key - rank * SHIFT;
		} else if (fromList) {
			rank = cur;
			i = list[listIndex++];
		} else {
			// Only when the list ran out and the bucket scan moved `cur` on; loop to load the next bucket.
			continue;
		}
		if (pr[i] !== rank) {
			continue;
		}
		const j = next[i];
		const k = next[j];
		t[i] = rank;
		pr[j] = -2;
		next[i] = k;
		if (k < n) {
			prev[k] = i;
		}
		count--;
		pr[i] = -1;
		if (k < n) {
			const right = table.pair(rank, t[k]);
			pr[i] = right;
			if (right > cur) {
				add(right, i);
			} else if (right >= 0) {
				auxSize = push(heap, auxSize, right * SHIFT + i);
			}
		}
		const a = prev[i];
		if (a >= 0) {
			const left = table.pair(t[a], rank);
			pr[a] = left;
			if (left > cur) {
				add(left, a);
			} else if (left >= 0) {
				auxSize = push(heap, auxSize, left * SHIFT + a);
			}
		}
	}
	let w = 0;
	for (let i = 0; i < n; i = next[i]) {
		t[w++] = t[i];
	}
	return count;
}

/** Buckets fill mostly in falling or rising position order: reverse or keep those, sort the rest. */
function sortPositions(list: Int32Array, length: number): void {
	let ascending = true;
	let descending = true;
	for (let i = 1; i < length && (ascending || descending); i++) {
		if (list[i] < list[i - 1]) {
			ascending = false;
		} else if (list[i] > list[i - 1]) {
			descending = false;
		}
	}
	if (ascending) {
		return;
	}
	if (descending) {
		list.subarray(0, length).reverse();
		return;
	}
	list.subarray(0, length).sort();
}

function siftDown(heap: Float64Array, size: number, i: number): void {
	const value = heap[i];
	for (;;) {
		let child = 2 * i + 1;
		if (child >= size) {
			break;
		}
		if (child + 1 < size && heap[child + 1] < heap[child]) {
			child++;
		}
		if (heap[child] >= value) {
			break;
		}
		heap[i] = heap[child];
		i = child;
	}
	heap[i] = value;
}

function push(heap: Float64Array, size: number, value: number): number {
	let i = size;
	while (i > 0) {
		const parent = (i - 1) >> 1;
		if (heap[parent] <= value) {
			break;
		}
		heap[i] = heap[parent];
		i = parent;
	}
	heap[i] = value;
	return size + 1;
}
