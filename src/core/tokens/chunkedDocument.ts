import { chunkLengths } from './chunking';
import type { BpeCounter } from './counter';

/** About this many code units per chunk: an edit recounts three chunks, well under a millisecond. */
export const CHUNK_TARGET = 2048;

interface Chunk {
	text: string;
	count: number;
}

/**
 * A document's token count kept as a list of chunks cut at additive cuts (see `chunking.ts`), so that an
 * edit recounts only the chunks around it. The document text lives only in the chunks: no 20 MB string is
 * rebuilt (and flattened) per keystroke.
 */
export class ChunkedDocument {
	private _chunks: Chunk[] = [];
	private _total = 0;
	private _length = 0;

	constructor(private readonly _counter: BpeCounter, text: string, private readonly _target = CHUNK_TARGET) {
		this._chunks = text.length > 0 ? this._cut(text) : [{ text: '', count: 0 }];
		for (const chunk of this._chunks) {
			this._total += chunk.count;
		}
		this._length = text.length;
	}

	get total(): number {
		return this._total;
	}

	get length(): number {
		return this._length;
	}

	get chunkCount(): number {
		return this._chunks.length;
	}

	text(): string {
		return this._chunks.map((c) => c.text).join('');
	}

	/** Replaces `deleteCount` code units at `offset` with `insert` and updates the count. */
	applyEdit(offset: number, deleteCount: number, insert: string): void {
		if (offset < 0 || deleteCount < 0 || offset + deleteCount > this._length) {
			throw new RangeError(`edit ${offset}+${deleteCount} outside a document of ${this._length}`);
		}
		const chunks = this._chunks;
		// The chunks holding the edit's first and last code unit (an insertion at a cut belongs to the
		// chunk after it), widened until the cuts at the edges of the span are at least 3 code units from
		// the edit: a cut depends only on the 2 code units on each side, so those cuts stay additive.
		let first = 0;
		let firstStart = 0;
		while (first < chunks.length - 1 && firstStart + chunks[first].text.length <= offset) {
			firstStart += chunks[first].text.length;
			first++;
		}
		let last = first;
		let lastEnd = firstStart + chunks[first].text.length;
		while (last < chunks.length - 1 && lastEnd < offset + deleteCount) {
			last++;
			lastEnd += chunks[last].text.length;
		}
		while (first > 0 && offset - firstStart < 3) {
			first--;
			firstStart -= chunks[first].text.length;
		}
		while (last < chunks.length - 1 && lastEnd - (offset + deleteCount) < 3) {
			last++;
			lastEnd += chunks[last].text.length;
		}
		let old = '';
		let oldCount = 0;
		for (let i = first; i <= last; i++) {
			old += chunks[i].text;
			oldCount += chunks[i].count;
		}
		const local = offset - firstStart;
		const span = old.slice(0, local) + insert + old.slice(local + deleteCount);
		const replacement = this._cut(span);
		let newCount = 0;
		for (const chunk of replacement) {
			newCount += chunk.count;
		}
		chunks.splice(first, last - first + 1, ...replacement);
		if (chunks.length === 0) {
			chunks.push({ text: '', count: 0 });
		}
		this._total += newCount - oldCount;
		this._length += insert.length - deleteCount;
	}

	private _cut(text: string): Chunk[] {
		const chunks: Chunk[] = [];
		let start = 0;
		for (const length of chunkLengths(this._counter.encoding, text, this._target)) {
			// `slice` of a long string keeps a pointer into it; copy so a 20 MB original can be freed.
			const piece = length > 12 ? flatCopy(text, start, start + length) : text.slice(start, start + length);
			chunks.push({ text: piece, count: this._counter.countRange(piece, 0, piece.length) });
			start += length;
		}
		return chunks;
	}
}

/** A substring that does not share memory with its parent (V8 keeps sliced strings as views). */
function flatCopy(text: string, start: number, end: number): string {
	const s = (' ' + text.slice(start, end)).slice(1);
	// Reading one code unit forces V8 to flatten the cons string into its own buffer.
	void s.charCodeAt(0);
	return s;
}
