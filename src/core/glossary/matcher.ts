import { foldChar, isSeparator, termKey, termWords } from './termKey';
import type { GlossaryEntry } from './types';

export interface GlossaryMatch {
	readonly entry: GlossaryEntry;
	/** Offsets in the text given to the matcher: `text.slice(start, end)` is what matched. */
	readonly start: number;
	readonly end: number;
}

interface TrieNode {
	/** Created on first use: most nodes of a large glossary are leaves or have one child. */
	children?: Map<string, TrieNode>;
	/** First characters of a next word that may follow a separator here ("self" -> " supervision"). */
	afterSeparator?: Set<string>;
	/** Endings allowed after this node: inflections of the term ending here, or of one ending a letter later. */
	endings?: { readonly entry: number; readonly suffixes: readonly string[] }[];
}

const WORD = /[\p{L}\p{M}\p{N}_]/u;
// Scripts written without spaces: a term there may start or end in the middle of a "word".
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const VOWELS = 'aeiou';
/** Separator runs longer than this ("self   -   supervision") end a match: they are layout, not a hyphen. */
const MAX_SEPARATOR_RUN = 3;
const DEFER_BUILD: unique symbol = Symbol('defer build');

/**
 * Finds glossary terms in text. Built once per glossary change; every look-up then walks a trie of folded
 * characters from each word start, so a hover costs a scan of one line (or a window around the offset on a
 * very long line), independent of the number of terms.
 *
 * Matching rules: case-insensitive; the words of a term may be joined by a space, a hyphen, an underscore or
 * nothing; the last word may take a simple English inflection (-s, -es, -ed, -ing, a final e dropped before
 * -ing, y -> -ies/-ied, a doubled final consonant), but no other suffix, so "decoder" is not "decode";
 * the longest term wins ("masked language model" over "language model"), then the leftmost.
 */
export class GlossaryMatcher {
	private readonly _root: TrieNode = {};
	private readonly _entries: readonly GlossaryEntry[];
	private readonly _byKey = new Map<string, GlossaryEntry>();
	private _longest = 0;

	/** `entries` in order of precedence: when two entries share a name, the first keeps it; terms beat aliases. */
	constructor(entries: readonly GlossaryEntry[], defer?: typeof DEFER_BUILD) {
		this._entries = entries;
		// Only `create` can pass the (module-private) token: nobody else gets a half-built matcher.
		if (defer !== DEFER_BUILD) {
			for (const _ of this._build()) {
				// Run the whole build now.
			}
		}
	}

	/**
	 * Builds in slices, awaiting `pause` between them, so a huge glossary (a 5 MB file has ~90,000 names) never
	 * holds the extension host for the whole build. The matcher is used only once it is complete.
	 */
	static async create(entries: readonly GlossaryEntry[], pause: () => Promise<void>, namesPerSlice = 5000): Promise<GlossaryMatcher> {
		const matcher = new GlossaryMatcher(entries, DEFER_BUILD);
		let names = 0;
		for (const _ of matcher._build()) {
			if (++names % namesPerSlice === 0) {
				await pause();
			}
		}
		return matcher;
	}

	private *_build(): Generator<void> {
		const entries = this._entries;
		for (let index = 0; index < entries.length; index++) {
			this._add(entries[index].term, index);
			yield;
		}
		for (let index = 0; index < entries.length; index++) {
			for (const alias of entries[index].aliases) {
				this._add(alias, index);
				yield;
			}
		}
	}

	get entries(): readonly GlossaryEntry[] {
		return this._entries;
	}

	/** The entry named `name` (term or alias, any case or separators), if any. */
	lookup(name: string): GlossaryEntry | undefined {
		return this._byKey.get(termKey(name));
	}

	/** The term at `offset` in a multi-line text; scans only the line around the offset. */
	matchAt(text: string, offset: number): GlossaryMatch | undefined {
		if (offset < 0 || offset > text.length || this._longest === 0) {
			return undefined;
		}
		const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
		let lineEnd = text.indexOf('\n', offset);
		if (lineEnd < 0) {
			lineEnd = text.length;
		}
		// A match covering `offset` starts at most `_longest` characters before it; scanning a window around the
		// offset keeps a 5 MB single-line file as cheap as a short line.
		const from = Math.max(lineStart, offset - this._longest);
		const to = Math.min(lineEnd, offset + this._longest);
		for (const match of this._scan(text, from, to)) {
			if (match.start <= offset && offset < match.end) {
				return match;
			}
			if (match.start > offset) {
				break;
			}
		}
		return undefined;
	}

	/** Every non-overlapping match in `text[from, to)`, left to right. */
	matchAll(text: string, from = 0, to = text.length): GlossaryMatch[] {
		return [...this._scan(text, Math.max(0, from), Math.min(text.length, to))];
	}

	private *_scan(text: string, from: number, to: number): Generator<GlossaryMatch> {
		let i = from;
		while (i < to) {
			const ch = text[i];
			if (this._root.children?.has(foldChar(ch)) && this._canStart(text, i)) {
				const match = this._longestAt(text, i, to);
				if (match) {
					yield match;
					i = match.end;
					continue;
				}
			}
			i++;
		}
	}

	private _canStart(text: string, i: number): boolean {
		if (i === 0) {
			return true;
		}
		const before = text[i - 1];
		return !WORD.test(before) || UNSPACED.test(before) || UNSPACED.test(text[i]);
	}

	private _canEnd(text: string, end: number): boolean {
		if (end >= text.length) {
			return true;
		}
		const after = text[end];
		return !WORD.test(after) || UNSPACED.test(after) || UNSPACED.test(text[end - 1]);
	}

	private _longestAt(text: string, start: number, to: number): GlossaryMatch | undefined {
		let node: TrieNode | undefined = this._root;
		let i = start;
		let best: { entry: number; end: number; inflected: boolean } | undefined;
		while (node) {
			if (node.endings) {
				for (const { entry, suffixes } of node.endings) {
					for (const suffix of suffixes) {
						const end = i + suffix.length;
						const inflected = suffix.length > 0;
						// Longest wins; at equal length a term written that way ("decoding") beats an inflection ("decode").
						const better = best === undefined || end > best.end || (end === best.end && best.inflected && !inflected);
						if (better && end <= to && hasAt(text, i, suffix) && this._canEnd(text, end)) {
							best = { entry, end, inflected };
						}
					}
				}
			}
			if (i >= to) {
				break;
			}
			const ch = foldChar(text[i]);
			if (isSeparator(ch)) {
				let j = i;
				while (j < to && j - i < MAX_SEPARATOR_RUN && isSeparator(text[j])) {
					j++;
				}
				const next = j < to ? foldChar(text[j]) : '';
				if (!node.afterSeparator?.has(next)) {
					break;
				}
				node = node.children?.get(next);
				i = j + 1;
				continue;
			}
			node = node.children?.get(ch);
			i++;
		}
		return best ? { entry: this._entries[best.entry], start, end: best.end } : undefined;
	}

	private _add(name: string, index: number): void {
		const words = termWords(name);
		const key = words.join('');
		if (!key) {
			return;
		}
		// A name already known ("fine-tuning" after "finetuning") only adds the places where it allows a
		// separator; it must not steal the name from the earlier entry.
		const known = this._byKey.has(key);
		if (!known) {
			this._byKey.set(key, this._entries[index]);
		}
		let node = this._root;
		let parent = node;
		let length = 0;
		words.forEach((word, w) => {
			for (let c = 0; c < word.length; c++) {
				const ch = word[c];
				if (w > 0 && c === 0) {
					(node.afterSeparator ??= new Set()).add(ch);
				}
				const children: Map<string, TrieNode> = (node.children ??= new Map());
				let child = children.get(ch);
				if (!child) {
					child = {};
					children.set(ch, child);
				}
				parent = node;
				node = child;
				length++;
			}
			length += w > 0 ? MAX_SEPARATOR_RUN : 0;
		});
		this._longest = Math.max(this._longest, length + 4);
		if (known) {
			return;
		}
		const last = words[words.length - 1];
		// An acronym (CLIP, RAG, GPU) takes a plural but no verb endings: "clipping" is not CLIP.
		const { here, before } = isAcronym(name) ? ACRONYM : inflections(last);
		(node.endings ??= []).push({ entry: index, suffixes: here });
		if (before.length > 0) {
			(parent.endings ??= []).push({ entry: index, suffixes: before });
		}
	}
}

/**
 * Suffixes allowed after the last word of a term (`here`), and after the word minus its last letter
 * (`before`: "decode" -> "decod" + "ing", "query" -> "quer" + "ies"). The empty suffix is the term itself.
 */
export function inflections(word: string): { readonly here: readonly string[]; readonly before: readonly string[] } {
	const last = word[word.length - 1];
	if (!/[a-z]/.test(last) || word.length < 2) {
		return NO_INFLECTION;
	}
	const previous = word[word.length - 2];
	if (last === 'e') {
		return FINAL_E;
	}
	if (last === 'y' && !VOWELS.includes(previous)) {
		return FINAL_Y;
	}
	if (last === 's' || last === 'x' || last === 'z' || (last === 'h' && (previous === 'c' || previous === 's'))) {
		return SIBILANT;
	}
	// "cap" -> "capped": a short final syllable doubles its consonant. Words already ending in a double letter
	// ("prefill") take the plain endings.
	if (!VOWELS.includes(last) && VOWELS.includes(previous) && !'wxy'.includes(last)) {
		let doubled = DOUBLED.get(last);
		if (!doubled) {
			doubled = { here: [...REGULAR.here, `${last}ed`, `${last}ing`], before: [] };
			DOUBLED.set(last, doubled);
		}
		return doubled;
	}
	return REGULAR;
}

function isAcronym(name: string): boolean {
	const lastWord = name.trim().split(/[\s\-_]+/).pop() ?? '';
	return lastWord.length >= 2 && /^[A-Z0-9]+$/.test(lastWord) && /[A-Z]/.test(lastWord);
}

// Shared, so a glossary of 100,000 names does not allocate 100,000 suffix lists.
const NO_INFLECTION = { here: [''], before: [] };
const ACRONYM = { here: ['', 's'], before: [] };
const FINAL_E = { here: ['', 's', 'd'], before: ['ing'] };
const FINAL_Y = { here: ['', 'ing'], before: ['ies', 'ied'] };
const SIBILANT = { here: ['', 'es', 'ed', 'ing'], before: [] };
const REGULAR = { here: ['', 's', 'ed', 'ing'], before: [] };
const DOUBLED = new Map<string, { here: string[]; before: string[] }>();

function hasAt(text: string, at: number, suffix: string): boolean {
	for (let k = 0; k < suffix.length; k++) {
		if (foldChar(text[at + k] ?? '') !== suffix[k]) {
			return false;
		}
	}
	return true;
}
