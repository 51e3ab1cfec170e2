import { NO_TOKEN } from './asciiTokenTable';
import { RUN_CLASS, RUN_EXIT, RUN_NEXT, RUN_OTHER } from './pieceTable';
import { SHORT_ASCII_MAX, type ShortAsciiCounts } from './shortAscii';

/** Code units per block of a text that is judged dense or not. */
const BLOCK = 4096;
/** Longest run of ASCII whose pieces `find` finds at once, in code units. */
const RUN_MAX = 1024;

/** What counting dense text needs of the counter (`BpeCounter`), whose tables and caches it shares. */
export interface PieceCounts {
	readonly shortAscii: ShortAsciiCounts;
	/** Where the piece that `countOne` counted ends. */
	readonly oneEnd: number;
	countRange(text: string, start: number, end: number): number;
	/** The count of the one piece that starts at `p`, as `countRange` counts it. */
	countOne(text: string, p: number, end: number): number;
	/** The count of the piece `text[p, e)`, of two code units or more. */
	countCut(text: string, p: number, e: number): number;
}

/**
 * o200k's dense text (base64, hex, minified code and JSON), counted a run of ASCII at a time (`count`). There the
 * pieces are about two code units long and end where no branch predictor can guess, so finding the ends cost more than
 * counting the pieces: `find` takes one look-up per code unit in `RUN_NEXT`
 * (`pieceTable.ts`), and writes each end to `ends` every time but keeps it only when a piece ended, with no branch
 * where one does.
 */
export class DenseRuns {
	/** Where each piece of the last run ends. */
	readonly ends = new Int32Array(RUN_MAX + 1);
	/** Code units per block that `isDense` is asked about, and the longest run of `find`: small while priming. */
	block = BLOCK;
	private _runMax = RUN_MAX;
	// The module's tables as fields: read from the module's exports in the loop, each look-up loaded them again.
	private readonly _runClass = RUN_CLASS;
	private readonly _runNext = RUN_NEXT;

	/** Small blocks and runs, so that priming counts text that is dense in part in a few hundred code units. */
	setSmall(small: boolean): void {
		this.block = small ? 256 : BLOCK;
		this._runMax = small ? 64 : RUN_MAX;
	}

	/**
	 * Tokens in `text`, block by block, in runs of ASCII while the blocks are dense: the ends of a run's pieces first
	 * (`find`), then their counts, with `counter`'s tables and caches. A piece that the run tables leave to the general
	 * path (a contraction, two spaces, a line break, a code unit beyond ASCII) is counted by `counter.countOne`. From a block that is not dense, or a piece longer than a run, `countRange`
	 * counts the rest: from the start of a piece, the rest of a text has the same pieces as a text of its own.
	 */
	count(text: string, counter: PieceCounts): number {
		const end = text.length;
		const ends = this.ends;
		const block = this.block;
		const shortAscii = counter.shortAscii;
		const pairs = shortAscii.pairRank;
		let total = 0;
		let denseEnd = 0;
		for (let p = 0; p < end;) {
			if (p >= denseEnd) {
				const stop = end - p > block ? p + block : end;
				if (!this.isDense(text, p, stop)) {
					return total + counter.countRange(text, p, end);
				}
				denseEnd = stop;
			}
			const k = this.find(text, p, end);
			if (k < 0) {
				// A piece longer than a run (a million times the same letter).
				return total + counter.countRange(text, p, end);
			}
			if (k === 0) {
				total += counter.countOne(text, p, end);
				p = counter.oneEnd;
				continue;
			}
			for (let j = 0; j < k; j++) {
				const e = ends[j];
				const length = e - p;
				if (length <= 2) {
					// One ASCII code unit is one token in every encoding (all 256 bytes are tokens).
					total += length === 1 || pairs[(text.charCodeAt(p) << 7) | text.charCodeAt(p + 1)] !== NO_TOKEN ? 1 : 2;
				} else if (length <= SHORT_ASCII_MAX) {
					total += length <= 4 ? shortAscii.count34(text, p, length) : shortAscii.count58(text, p, length);
				} else {
					total += counter.countCut(text, p, e);
				}
				p = e;
			}
		}
		return total;
	}

	/**
	 * Whether `text[p, stop)` is dense: of every sixteenth code unit, at most one in sixteen is a space, and at most one
	 * in sixteen is one that runs of ASCII do not take (`RUN_CLASS`): base64, hex, minified code and JSON. Not prose or
	 * code (a space in six to eight units; their runs end at every line break and contraction, and counted 5% slower
	 * than piece by piece), nor a text of another script, nor edge.txt (a fifth of its units are beyond ASCII). Only
	 * 256 code units of a block are read, and fewer where it is not dense.
	 */
	isDense(text: string, p: number, stop: number): boolean {
		const runClass = this._runClass;
		const limit = (stop - p) >> 8;
		let other = 0;
		let spaces = 0;
		for (let i = p; i < stop; i += 16) {
			const c = text.charCodeAt(i);
			other += c >= 128 || runClass[c] === RUN_OTHER ? 1 : 0;
			spaces += c === 32 ? 1 : 0;
			if (other > limit || spaces > limit) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The pieces of the run of ASCII from the piece that starts at `p`, their ends in `ends[0, k)`; returns `k`. The run
	 * stops before a code unit that `RUN_NEXT` leaves to the general path, or after `RUN_MAX` units; the piece it stops
	 * in is not counted. 0 when the piece at `p` is left to the general path; -1 when it is longer than a run.
	 */
	find(text: string, p: number, end: number): number {
		const runClass = this._runClass;
		const c0 = text.charCodeAt(p);
		if (c0 >= 128 || runClass[c0] === RUN_OTHER) {
			return 0;
		}
		const ends = this.ends;
		const runNext = this._runNext;
		const exit = RUN_EXIT;
		const last = end - p > this._runMax ? p + this._runMax : end;
		let state = runNext[runClass[c0]];
		let k = 0;
		let i = p + 1;
		for (; i < last; i++) {
			const c = text.charCodeAt(i);
			if (c >= 128) {
				break;
			}
			const next = runNext[(state << 3) | runClass[c]];
			if (next === exit) {
				break;
			}
			// Written every time, kept only when a piece ended (`next >> 4` is 1 then, else 0).
			ends[k] = i;
			k += next >> 4;
			state = next & 15;
		}
		if (i === end) {
			// The last piece ends with the text.
			ends[k++] = end;
		} else if (k === 0 && i === last) {
			return -1;
		}
		return k;
	}
}
