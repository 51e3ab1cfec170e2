import type { RankTable } from '../../../src/core/tokens/rankTable';

/**
 * tiktoken's byte pair merge, written plainly for the tests and sharing nothing with the encoder: start
 * from single bytes and keep merging the adjacent pair whose joined bytes are the token of lowest rank, the
 * leftmost on ties. A binary heap of (rank, position) over a linked list of parts keeps it O(n log n), so
 * it can check inputs that tiktoken itself cannot encode (a million repeated characters overflow its regex).
 * `onMerge` sees every merge in order.
 */
export class ReferenceMerge {
	private readonly _rankOf = new Map<string, number>();

	constructor(private readonly _table: RankTable) {
		for (let r = 0; r < _table.size; r++) {
			if (_table.tokenLength(r) > 0) {
				this._rankOf.set(Buffer.from(_table.tokenBytes(r)).toString('latin1'), r);
			}
		}
	}

	/** Rank of the token whose bytes are `left`'s then `right`'s, or undefined. */
	pair(left: number, right: number): number | undefined {
		return this._rankOf.get(this._bytes(left) + this._bytes(right));
	}

	encode(bytes: Uint8Array, onMerge?: (left: number, right: number, merged: number) => void): number[] {
		const n = bytes.length;
		const token = Array.from(bytes, (b) => this._table.byteRank[b]);
		const next = Array.from({ length: n }, (_, i) => i + 1);
		const prev = Array.from({ length: n }, (_, i) => i - 1);
		const alive = new Array<boolean>(n).fill(true);
		const heap: [number, number, number, number][] = []; // rank, position, left token, right token
		const offer = (i: number): void => {
			const j = next[i];
			if (j < n) {
				const rank = this.pair(token[i], token[j]);
				if (rank !== undefined) {
					push(heap, [rank, i, token[i], token[j]]);
				}
			}
		};
		for (let i = 0; i < n - 1; i++) {
			offer(i);
		}
		while (heap.length > 0) {
			const [rank, i, l, r] = pop(heap);
			const j = next[i];
			// Outdated entries (a part merged since) are skipped.
			if (!alive[i] || j >= n || token[i] !== l || token[j] !== r) {
				continue;
			}
			onMerge?.(l, r, rank);
			token[i] = rank;
			alive[j] = false;
			next[i] = next[j];
			if (next[j] < n) {
				prev[next[j]] = i;
			}
			offer(i);
			if (prev[i] >= 0) {
				offer(prev[i]);
			}
		}
		const out: number[] = [];
		for (let i = 0; i < n; i = next[i]) {
			out.push(token[i]);
		}
		return out;
	}

	private _bytes(rank: number): string {
		return Buffer.from(this._table.tokenBytes(rank)).toString('latin1');
	}
}

type Entry = [number, number, number, number];

const before = (a: Entry, b: Entry): boolean => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

function push(heap: Entry[], entry: Entry): void {
	heap.push(entry);
	for (let i = heap.length - 1; i > 0;) {
		const parent = (i - 1) >> 1;
		if (!before(heap[i], heap[parent])) {
			break;
		}
		[heap[i], heap[parent]] = [heap[parent], heap[i]];
		i = parent;
	}
}

function pop(heap: Entry[]): Entry {
	const top = heap[0];
	const last = heap.pop() as Entry;
	if (heap.length > 0) {
		heap[0] = last;
		for (let i = 0; ;) {
			const a = 2 * i + 1;
			const b = a + 1;
			let m = i;
			if (a < heap.length && before(heap[a], heap[m])) {
				m = a;
			}
			if (b < heap.length && before(heap[b], heap[m])) {
				m = b;
			}
			if (m === i) {
				break;
			}
			[heap[i], heap[m]] = [heap[m], heap[i]];
			i = m;
		}
	}
	return top;
}
