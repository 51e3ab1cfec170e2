import { BacktrackEncoder } from './backtrackEncoder';
import { BpeIndex } from './bpeIndex';
import { PointCuts } from './cuts';
import { DenseRuns, type PieceCounts } from './denseRuns';
import type { EncodingName } from './encodings';
import { scannerFor, type PieceScanner } from './preTokenizer';
import type { RankTable } from './rankTable';
import { SHORT_ASCII_MAX, ShortAsciiCounts } from './shortAscii';
import { prime } from './primer';
import { encodeUtf8 } from './utf8';

/** Pieces longer than this are not cached: they rarely repeat and would pin large strings. */
const CACHE_MAX_CHARS = 256;
/** Pieces up to this long go to the short-piece cache, which needs no string per piece. */
const SHORT = 12;
/**
 * Slots of the short-piece cache: 2^15 of 32 bytes (1 MB), four-way set associative. Larger held more, but in
 * a newly opened text of many different words its look-ups that missed waited longer on memory: with 4 MB
 * a new Arabic or base64 file counted 11-16% slower (pieces with cuts are not entered, see `_sumParts`).
 */
const SHORT_BITS = 15;
/** Entries before the cache of longer pieces starts over (a few MB at most). */
const CACHE_MAX_ENTRIES = 150_000;
/** Pieces up to this long have their cuts found all at once (`PointCuts.cutMask`). */
const MASK_MAX = 32;
/** Slots of the table of two-unit parts. */
const TWO_UNIT_BITS = 13;

export interface TokenCounter {
	readonly encoding: EncodingName;
	/** Number of tokens; text that looks like a special token is counted as ordinary text. */
	count(text: string): number;
	encode(text: string): number[];
}

/**
 * Exact tiktoken counting (`encode_ordinary`) without building token arrays: a hand-written pre-tokenizer,
 * a cache of counts per piece, and a byte pair encoder that stays linear on long pieces (`backtrackEncoder.ts`).
 */
export class BpeCounter implements TokenCounter, PieceCounts {
	private readonly _scan: PieceScanner;
	private readonly _encoder: BacktrackEncoder;
	private readonly _cache = new Map<string, number>();
	// Short pieces (most of them) are cached by a hash of their code units, each in one 32-byte slot (half a
	// cache line): as 16-bit units, length at 2, count at 3, code units from 4 (0 and 1 are spare).
	private readonly _shortUnits = new Uint16Array(16 << SHORT_BITS);
	// The hash of the piece in each slot, with its low bit set (0: empty). A look-up reads the four of its set, 16
	// bytes of these 128 KB, and reads a slot only when a hash matches. In a new text most pieces are new: their
	// look-ups read no slot, where they used to read their set's 128 bytes from a random place in 1 MB, waiting on
	// memory. A new Arabic or Hindi text counts 2-7% faster (more when memory is busy).
	private readonly _shortTags = new Int32Array(1 << SHORT_BITS);
	// The shortest pieces need no hash at all: count by code unit (one unit), or by the two ASCII units.
	// 0 means not counted yet. 80 KB in all, so these stay in the CPU's cache.
	private readonly _oneUnit = new Uint8Array(65536);
	private readonly _twoAscii = new Uint8Array(128 * 128);
	/** Counts of short ASCII pieces (`shortAscii.ts`); read by `DenseRuns.count` as well. */
	readonly shortAscii: ShortAsciiCounts;
	private readonly _cuts: PointCuts;
	// Parts of two code units between cuts (`_sumParts`): a few thousand in a script, so a small table of
	// their own (40 KB) keeps them out of the piece caches. A count of 0 is an empty slot.
	private readonly _twoUnitKeys = new Int32Array(1 << TWO_UNIT_BITS);
	private readonly _twoUnitCounts = new Uint8Array(1 << TWO_UNIT_BITS);
	private _bytes = new Uint8Array(64); // grows (priming grows it once, so V8 has seen that path)
	/** Whether `count` counts dense text by runs (`DenseRuns.count`; o200k only: its run tables are o200k's pieces). */
	private readonly _runs: boolean;
	private readonly _dense = new DenseRuns();
	// Which bits of a piece's hash pick its set, and how many long pieces the Map holds before it starts
	// over: fields, not constants, so that priming can make both tiny (`setPrimingSizes`).
	private _setShift = 32 - SHORT_BITS;
	private _cacheLimit = CACHE_MAX_ENTRIES;
	/** Where the piece that `countOne` counted ends. */
	oneEnd = 0;

	constructor(readonly encoding: EncodingName, readonly table: RankTable, readonly index = new BpeIndex(table)) {
		this._scan = scannerFor(encoding);
		this._encoder = new BacktrackEncoder(index);
		this.shortAscii = new ShortAsciiCounts(table);
		this._cuts = new PointCuts(table);
		this._runs = encoding === 'o200k_base';
		prime(this);
	}

	/**
	 * For priming (`primer.ts`): caches of one set of four ways and a Map of two, emptied, and small dense blocks, so
	 * that priming takes the paths that only a full cache takes (another way of a set, a victim, starting over) before V8
	 * optimises the loop; or back to the full sizes.
	 */
	setPrimingSizes(tiny: boolean): void {
		this._setShift = tiny ? 30 : 32 - SHORT_BITS;
		this._cacheLimit = tiny ? 2 : CACHE_MAX_ENTRIES;
		this._dense.setSmall(tiny);
		if (tiny) {
			this._shortTags.fill(0, 0, 4);
			this._cache.clear();
		}
	}

	/** Empties every cache of counts (priming leaves them full of its samples). */
	resetCaches(): void {
		this._cache.clear();
		this._shortTags.fill(0);
		this._shortUnits.fill(0);
		this._oneUnit.fill(0);
		this._twoAscii.fill(0);
		this._twoUnitCounts.fill(0);
	}

	count(text: string): number {
		// A text of dense ASCII (`DenseRuns.isDense`), judged by its first block, is counted by `DenseRuns.count`. Not
		// from `countRange`: with that choice (or a call to the dense count) in its loop, V8 compiled the loop less well, and
		// prose, code, Chinese and edge.txt counted 3-13% slower.
		if (this._runs && this._dense.isDense(text, 0, Math.min(text.length, this._dense.block))) {
			return this._dense.count(text, this);
		}
		return this.countRange(text, 0, text.length);
	}

	/** Tokens in `text[start, end)`, as if that range were the whole text. */
	countRange(text: string, start: number, end: number): number {
		const scan = this._scan;
		const twoAscii = this._twoAscii;
		const shortAscii = this.shortAscii;
		let total = 0;
		for (let p = start; p < end;) {
			const e = scan(text, p, end);
			const length = e - p;
			if (length === 1) {
				total += this._oneUnitCount(text, p);
				p = e;
				continue;
			}
			if (length === 2) {
				const key = (text.charCodeAt(p) << 7) | text.charCodeAt(p + 1);
				if (key < 16384 && text.charCodeAt(p + 1) < 128) {
					let n = twoAscii[key];
					if (n === 0) {
						n = this._countPiece(text, p, e);
						twoAscii[key] = n;
					}
					total += n;
					p = e;
					continue;
				}
			}
			// ASCII pieces of three to eight bytes are counted from the tables of short tokens (`shortAscii.ts`):
			// they are most of base64, hex and code, and there mostly new.
			if (length >= 3 && length <= SHORT_ASCII_MAX) {
				let ascii = 0;
				for (let i = p; i < e; i++) {
					ascii |= text.charCodeAt(i);
				}
				if (ascii < 128) {
					total += length <= 4 ? shortAscii.count34(text, p, length) : shortAscii.count58(text, p, length);
					p = e;
					continue;
				}
			}
			total += this.countCut(text, p, e);
			p = e;
		}
		return total;
	}

	/**
	 * The count of the piece that starts at `p` (its end goes to `oneEnd`), as `countRange` counts it. Not by
	 * `countRange` itself: called here for one piece at a time, V8 compiled it differently, and edge.txt counted 33%
	 * slower.
	 */
	countOne(text: string, p: number, end: number): number {
		const e = this._scan(text, p, end);
		this.oneEnd = e;
		const length = e - p;
		if (length === 1) {
			return this._oneUnitCount(text, p);
		}
		if (length === 2) {
			const key = (text.charCodeAt(p) << 7) | text.charCodeAt(p + 1);
			if (key < 16384 && text.charCodeAt(p + 1) < 128) {
				let n = this._twoAscii[key];
				if (n === 0) {
					n = this._countPiece(text, p, e);
					this._twoAscii[key] = n;
				}
				return n;
			}
		}
		if (length >= 3 && length <= SHORT_ASCII_MAX) {
			let ascii = 0;
			for (let i = p; i < e; i++) {
				ascii |= text.charCodeAt(i);
			}
			if (ascii < 128) {
				return length <= 4 ? this.shortAscii.count34(text, p, length) : this.shortAscii.count58(text, p, length);
			}
		}
		return this.countCut(text, p, e);
	}

	/**
	 * The count of the piece `text[p, e)` (two code units or more), as the sum of its parts between points that no
	 * token crosses (`cuts.ts`), or from the caches when there is no such point. Pieces of up to `MASK_MAX` units have
	 * their cuts found all at once, longer ones one at a time. ASCII words are seldom cut, so those of 9 to `SHORT` units
	 * go to the short-piece cache whole (looking for a cut first cost prose 7% and edge.txt 10%, warm). A Latin letter
	 * with combining marks is cut often, and its parts are mostly in the small tables, so only pieces that are all ASCII
	 * from their second unit on count as words here.
	 */
	countCut(text: string, p: number, e: number): number {
		const length = e - p;
		if (length <= MASK_MAX) {
			// An ASCII word (all ASCII from its second unit on, over 8 units: shorter ones never get here).
			let ascii = length > SHORT_ASCII_MAX;
			for (let i = p + 1; ascii && i < e; i++) {
				ascii = text.charCodeAt(i) < 128;
			}
			if (!ascii) {
				const mask = this._cuts.cutMask(text, p, e);
				return mask === 0 ? this._cached(text, p, e, false) : this._sumMask(text, p, e, mask);
			}
			if (length <= SHORT) {
				return this._cached(text, p, e, text.charCodeAt(p) < 128);
			}
		}
		const cut = this._cuts.next(text, p, e);
		return cut === e ? this._cached(text, p, e, false) : this._sumParts(text, p, cut, e);
	}

	/** The count of the one code unit at `text[i]`, from the table of counts by code unit. */
	private _oneUnitCount(text: string, i: number): number {
		const c = text.charCodeAt(i);
		let n = this._oneUnit[c];
		if (n === 0) {
			n = this._countPiece(text, i, i + 1);
			this._oneUnit[c] = n;
		}
		return n;
	}

	/**
	 * The count of `text[p, e)` from the caches; on a miss, counted and entered. `ascii`: the piece is all ASCII, of 9 to
	 * `SHORT` units, and is counted by the merge loop over the tables of short ASCII tokens (`ShortAsciiCounts.countLong`)
	 * rather than encoded: in base64 such pieces are mostly new, and the encoder took 600 ns on each.
	 */
	private _cached(text: string, p: number, e: number, ascii: boolean): number {
		const length = e - p;
		if (length <= SHORT) {
			const units = this._shortUnits;
			// FNV-1a over the code units; no string is made unless the piece is new.
			let h = 0x811c9dc5;
			for (let i = p; i < e; i++) {
				h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
			}
			h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) | 1;
			// Four ways per set: a piece may sit in any slot of its set.
			const set = (h >>> this._setShift) & ~3;
			const tags = this._shortTags;
			let slot = -1;
			for (let way = set; way < set + 4; way++) {
				const tag = tags[way];
				if (tag === 0) {
					slot = way;
					break;
				}
				const at = way << 4;
				if (tag === h && units[at + 2] === length) {
					let i = 0;
					while (i < length && units[at + 4 + i] === text.charCodeAt(p + i)) {
						i++;
					}
					if (i === length) {
						return units[at + 3];
					}
				}
			}
			if (slot < 0) {
				// The set is full: the hash's low bits (not used to pick the set) choose the way to replace.
				slot = set + ((h >>> 1) & 3);
			}
			const n = ascii ? this.shortAscii.countLong(text, p, length) : this._countPiece(text, p, e);
			const at = slot << 4;
			tags[slot] = h;
			units[at + 2] = length;
			units[at + 3] = n;
			for (let i = 0; i < length; i++) {
				units[at + 4 + i] = text.charCodeAt(p + i);
			}
			return n;
		}
		if (length <= CACHE_MAX_CHARS) {
			const piece = text.slice(p, e);
			let n = this._cache.get(piece);
			if (n === undefined) {
				n = this._countPiece(text, p, e);
				if (this._cache.size >= this._cacheLimit) {
					this._cache.clear();
				}
				this._cache.set(piece, n);
			}
			return n;
		}
		return this._countPiece(text, p, e);
	}

	/**
	 * The count of `text[p, e)`, with `cut` the first point in it that no token crosses (`cuts.ts`): the sum of
	 * the counts of its parts between such points. In most scripts other than Latin the parts are one or two
	 * characters, seen before even when the word is new, so they are looked up in small tables rather than the
	 * piece in the large caches (whose look-ups, for a text of many different words, mostly wait on memory).
	 * Longer parts go through the caches.
	 */
	private _sumParts(text: string, p: number, cut: number, e: number): number {
		let total = 0;
		for (let s = p; ;) {
			total += this._part(text, s, cut);
			if (cut === e) {
				return total;
			}
			s = cut;
			cut = this._cuts.next(text, s, e);
		}
	}

	/** `_sumParts` with the cuts given as the bits of `mask` (`PointCuts.cutMask`). */
	private _sumMask(text: string, p: number, e: number, mask: number): number {
		let total = 0;
		let s = p;
		for (let m = mask; m !== 0; m &= m - 1) {
			const cut = p + 31 - Math.clz32(m & -m);
			total += this._part(text, s, cut);
			s = cut;
		}
		return total + this._part(text, s, e);
	}

	/**
	 * The count of the part `text[s, e)` between cuts: from a table by its code units when it has one or two. The
	 * two-unit look-up is written out here, its only caller: as a method of its own, V8 inlined it at most call sites
	 * during priming and so left it unoptimised, and in about one first count of code.txt in eight compiled it then.
	 */
	private _part(text: string, s: number, e: number): number {
		if (e - s === 1) {
			return this._oneUnitCount(text, s);
		}
		if (e - s === 2) {
			const key = (text.charCodeAt(s) << 16) | text.charCodeAt(s + 1);
			const slot = Math.imul(key, 0x9e3779b1) >>> (32 - TWO_UNIT_BITS);
			let n = this._twoUnitCounts[slot];
			if (n === 0 || this._twoUnitKeys[slot] !== key) {
				n = this._countPiece(text, s, s + 2);
				this._twoUnitKeys[slot] = key;
				this._twoUnitCounts[slot] = n;
			}
			return n;
		}
		return this._cached(text, s, e, false);
	}

	encode(text: string): number[] {
		const out: number[] = [];
		this.encodePieces(text, (_start, _end, tokens) => {
			for (const t of tokens) {
				out.push(t);
			}
		});
		return out;
	}

	/** Calls `onPiece` with each pre-tokenizer piece and its tokens, in order. */
	encodePieces(text: string, onPiece: (start: number, end: number, tokens: Int32Array) => void): void {
		for (let p = 0; p < text.length;) {
			const e = this._scan(text, p, text.length);
			const n = this._countPiece(text, p, e);
			const tokens = this._encoder.tokens.subarray(0, n);
			for (let i = 0; i < n; i++) {
				tokens[i] >>= 8; // the encoder keeps each token's length in its low bits
			}
			onPiece(p, e, tokens);
			p = e;
		}
	}

	/** Encodes `text[p, e)`; returns its count, the tokens being `_encoder.tokens[0, count)`. */
	private _countPiece(text: string, p: number, e: number): number {
		if (this._bytes.length < 3 * (e - p)) {
			this._bytes = new Uint8Array(Math.max(3 * (e - p), 2 * this._bytes.length));
		}
		const bytes = this._bytes;
		let n = encodeUtf8(text, p, e, bytes);
		n = n < 0 ? -n : n;
		return this._encoder.encode(bytes, n);
	}
}
