import type { RankTable } from './rankTable';

/** Below this many bytes the plain rescanning merge is faster than the heap. */
const SMALL = 48;
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

	constructor(private readonly _table: RankTable) {}

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
		return n <= SMALL ? this._mergeSmall(n) : this._mergeHeap(n);
	}

	private _mergeSmall(n: number): number {
		const table = this._table;
		const t = this.tokens;
		const r = this._pairRanks;
		let m = n;
		for (let i = 0; i < m - 1; i++) {
			r[i] = table.pair(t[i], t[i + 1]);
		}
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
			const rank = table.pair(t[i], t[i + 1]);
			pr[i] = rank;
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
