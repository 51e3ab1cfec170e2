import { chunkLengths } from './chunking';
import type { BpeCounter } from './counter';
import { countWords } from './textStats';

/** Counts for a range of a document. */
export interface RangeCount {
	tokens: number;
	words: number;
}

/** About this many code units per chunk: an edit recounts three chunks, well under a millisecond. */
export const CHUNK_TARGET = 2048;

interface Chunk {
	text: string;
	count: number;
	words: number;
}

/**
 * A document's token count kept as a list of chunks cut at additive cuts (see `chunking.ts`), so that an
 * edit recounts only the chunks around it. The document text lives only in the chunks: no 20 MB string is
 * rebuilt (and flattened) per keystroke.
 */
export class ChunkedDocument {
	private _chunks: Chunk[] = [];
	private _total = 0;
	private _words = 0;
	private _length = 0;

	constructor(private readonly _counter: BpeCounter, text: string, private readonly _target = CHUNK_TARGET) {
		this._chunks = text.length > 0 ? this._cut(text) : [{ text: '', count: 0, words: 0 }];
		for (const chunk of this._chunks) {
			this._total += chunk.count;
			this._words += chunk.words;
		}
		this._length = text.length;
	}

	get total(): number {
		return this._total;
	}

	get words(): number {
		return this._words;
	}

	get encoding(): BpeCounter['encoding'] {
		return this._counter.encoding;
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
		let oldWords = 0;
		for (let i = first; i <= last; i++) {
			old += chunks[i].text;
			oldCount += chunks[i].count;
			oldWords += chunks[i].words;
		}
		const local = offset - firstStart;
		const span = old.slice(0, local) + insert + old.slice(local + deleteCount);
		const replacement = this._cut(span);
		let newCount = 0;
		let newWords = 0;
		for (const chunk of replacement) {
			newCount += chunk.count;
			newWords += chunk.words;
		}
		chunks.splice(first, last - first + 1, ...replacement);
		if (chunks.length === 0) {
			chunks.push({ text: '', count: 0, words: 0 });
		}
		this._total += newCount - oldCount;
		this._words += newWords - oldWords;
		this._length += insert.length - deleteCount;
	}

	/** The text of `[start, end)`. */
	slice(start: number, end: number): string {
		const parts: string[] = [];
		let offset = 0;
		for (const chunk of this._chunks) {
			const chunkEnd = offset + chunk.text.length;
			if (chunkEnd > start && offset < end) {
				parts.push(chunk.text.slice(Math.max(0, start - offset), Math.min(chunk.text.length, end - offset)));
			}
			if (chunkEnd >= end) {
				break;
			}
			offset = chunkEnd;
		}
		return parts.join('');
	}

	/**
	 * Counts of `[start, end)` as a text of its own (a selection). Whole chunks inside the range use their
	 * cached counts; a cut stays additive inside any range that holds the 2 code units on each side of it,
	 * so only the partial chunks at the two ends are counted afresh.
	 */
	countRange(start: number, end: number): RangeCount {
		if (start === 0 && end === this._length) {
			return { tokens: this._total, words: this._words };
		}
		let firstCut = -1;
		let lastCut = -1;
		let middle: RangeCount = { tokens: 0, words: 0 };
		let offset = 0;
		for (const chunk of this._chunks) {
			const chunkEnd = offset + chunk.text.length;
			if (offset >= start + 2 && chunkEnd <= end - 2) {
				if (firstCut < 0) {
					firstCut = offset;
				}
				lastCut = chunkEnd;
				middle = { tokens: middle.tokens + chunk.count, words: middle.words + chunk.words };
			}
			if (chunkEnd > end) {
				break;
			}
			offset = chunkEnd;
		}
		const counter = this._counter;
		if (firstCut < 0) {
			const text = this.slice(start, end);
			return { tokens: counter.count(text), words: countWords(text, 0, text.length) };
		}
		const head = this.slice(start, firstCut);
		const tail = this.slice(lastCut, end);
		return {
			tokens: counter.count(head) + middle.tokens + counter.count(tail),
			words: countWords(head, 0, head.length) + middle.words + countWords(tail, 0, tail.length),
		};
	}

	private _cut(text: string): Chunk[] {
		const chunks: Chunk[] = [];
		let start = 0;
		for (const length of chunkLengths(this._counter.encoding, text, this._target)) {
			// `slice` of a long string keeps a pointer into it; copy so a 20 MB original can be freed.
			const piece = length > 12 ? flatCopy(text, start, start + length) : text.slice(start, start + length);
			chunks.push({ text: piece, count: this._counter.count(piece), words: countWords(piece, 0, piece.length) });
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
