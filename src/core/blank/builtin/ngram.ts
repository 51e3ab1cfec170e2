import { BOS, EOS } from './tokenize';

/**
 * Unigram, bigram and trigram counts over token sequences, with interpolated (Jelinek-Mercer) probabilities
 * read in both directions: forwards P(w | two words before) and backwards P(w | two words after). Add-one
 * smoothing at the unigram level keeps unseen words possible, so a candidate is never ruled out by a zero.
 */

const SEP = '\u0001';

/** Interpolation weights for trigram, bigram and unigram estimates. Fixed, so the model is deterministic. */
const L3 = 0.6;
const L2 = 0.3;
const L1 = 0.1;

export class NgramCounts {
	readonly unigrams = new Map<string, number>();
	readonly bigrams = new Map<string, number>();
	readonly trigrams = new Map<string, number>();
	/** word -> words seen right after it, with counts. For candidate generation. */
	readonly next = new Map<string, Map<string, number>>();
	/** word -> words seen right before it, with counts. */
	readonly previous = new Map<string, Map<string, number>>();
	total = 0;

	/** Adds one sequence (a sentence, a file); boundaries get `<s>`/`</s>` so edges count as context. */
	add(tokens: readonly string[]): void {
		const seq = [BOS, ...tokens, EOS];
		for (let i = 0; i < seq.length; i++) {
			const w = seq[i];
			if (w !== BOS) {
				bump(this.unigrams, w);
				this.total++;
			}
			if (i >= 1) {
				bump(this.bigrams, seq[i - 1] + SEP + w);
				bumpNested(this.next, seq[i - 1], w);
				bumpNested(this.previous, w, seq[i - 1]);
			}
			if (i >= 2) {
				bump(this.trigrams, seq[i - 2] + SEP + seq[i - 1] + SEP + w);
			}
		}
	}
}

/** Several count tables read as one (the cached notes corpus plus the document being studied). */
export class NgramModel {
	private readonly _vocabulary: number;
	private readonly _total: number;
	private readonly _sortedCache = new Map<string, string[]>();

	constructor(private readonly _tables: readonly NgramCounts[]) {
		const vocabulary = new Set<string>();
		let total = 0;
		for (const t of _tables) {
			for (const w of t.unigrams.keys()) {
				vocabulary.add(w);
			}
			total += t.total;
		}
		this._vocabulary = vocabulary.size + 1;
		this._total = total;
	}

	unigram(w: string): number {
		return this._sum((t) => t.unigrams.get(w));
	}
	bigram(a: string, b: string): number {
		return this._sum((t) => t.bigrams.get(a + SEP + b));
	}
	trigram(a: string, b: string, c: string): number {
		return this._sum((t) => t.trigrams.get(a + SEP + b + SEP + c));
	}

	/** `neighbours` sorted by count (ties alphabetically), cached: candidate generation asks for the same words often. */
	topNeighbours(w: string, direction: 'next' | 'previous', limit: number): string[] {
		const key = direction + SEP + w;
		let sorted = this._sortedCache.get(key);
		if (!sorted) {
			sorted = [...this.neighbours(w, direction).entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([k]) => k);
			this._sortedCache.set(key, sorted);
		}
		return sorted.length > limit ? sorted.slice(0, limit) : sorted;
	}

	/** Words seen right after `w` (or before it, with `direction = 'previous'`), summed over tables. */
	neighbours(w: string, direction: 'next' | 'previous'): Map<string, number> {
		const result = new Map<string, number>();
		for (const t of this._tables) {
			const found = t[direction].get(w);
			if (found) {
				for (const [word, n] of found) {
					result.set(word, (result.get(word) ?? 0) + n);
				}
			}
		}
		return result;
	}

	/** Add-one smoothed unigram probability. */
	pUnigram(w: string): number {
		return (this.unigram(w) + 1) / (this._total + this._vocabulary);
	}

	/** P(w | u v), u and v the two tokens before w. */
	pForward(u: string, v: string, w: string): number {
		return this._interpolate(this.trigram(u, v, w), this.bigram(u, v), this.bigram(v, w), this._historyCount(v, 'next'), this.pUnigram(w));
	}

	/** P(w | x y), x and y the two tokens after w. */
	pBackward(w: string, x: string, y: string): number {
		return this._interpolate(this.trigram(w, x, y), this.bigram(x, y), this.bigram(w, x), this._historyCount(x, 'previous'), this.pUnigram(w));
	}

	private _historyCount(w: string, direction: 'next' | 'previous'): number {
		// How often w appears with something on that side; <s> and </s> are only on one side each.
		if (w === BOS) {
			return direction === 'next' ? this._sentenceCount() : 0;
		}
		if (w === EOS) {
			return direction === 'previous' ? this._sentenceCount() : 0;
		}
		return this.unigram(w);
	}

	private _sentenceCount(): number {
		return this.unigram(EOS);
	}

	/** Weights of missing histories move to the lower orders, so an unseen context does not sink a word. */
	private _interpolate(tri: number, triHistory: number, bi: number, biHistory: number, uni: number): number {
		let weight = 0;
		let p = 0;
		if (triHistory > 0) {
			p += L3 * (tri / triHistory);
			weight += L3;
		}
		if (biHistory > 0) {
			p += L2 * (bi / biHistory);
			weight += L2;
		}
		p += L1 * uni;
		weight += L1;
		return p / weight;
	}

	private _sum(get: (t: NgramCounts) => number | undefined): number {
		let n = 0;
		for (const t of this._tables) {
			n += get(t) ?? 0;
		}
		return n;
	}
}

function bump(map: Map<string, number>, key: string): void {
	map.set(key, (map.get(key) ?? 0) + 1);
}

function bumpNested(map: Map<string, Map<string, number>>, key: string, inner: string): void {
	let m = map.get(key);
	if (!m) {
		m = new Map();
		map.set(key, m);
	}
	m.set(inner, (m.get(inner) ?? 0) + 1);
}
