import type { EncodingName } from './encodings';

/**
 * Where a text may be cut so that the token counts of the parts add up to the count of the whole.
 *
 * A cut at `s` is additive when `s` is a piece boundary of the whole text's pre-tokenization and the pieces
 * before `s` come out the same when the text ends at `s` (the pieces after `s` then match too: a scanner
 * never looks behind its start). Reading the patterns, two local rules give that:
 *
 * 1. After a line feed, before a non-space. A `\n` can only sit in a whitespace piece or in the
 *    `[\r\n]*` (o200k: `[\r\n/]*`) tail of a punctuation piece, and both end at the first code point that
 *    is not whitespace (o200k: nor `/`), which is also where they end when the text stops at `s`. The
 *    GPT-2 pattern has no `\s*[\r\n]+` alternative: its `\s+(?!\S)` gives the last space of a run to the
 *    next piece, so there the `\n` must also not follow whitespace (then it is a piece on its own).
 * 2. Between an ASCII letter and a space that an ASCII letter follows (`word| word`): the letter piece
 *    ends at the space in every pattern (letters, contractions and the prefix never include a space
 *    after a letter), and the next piece starts with that space either way.
 *
 * Both rules read only `text[s - 2, s + 2)`; an edit further away leaves the cut valid. The property
 * tests check the rules against whole-text counts on random documents and edits.
 */
export function isAdditiveCut(encoding: EncodingName, text: string, s: number): boolean {
	if (s <= 0 || s >= text.length) {
		return s === 0 || s === text.length;
	}
	const before = text.charCodeAt(s - 1);
	const at = text.charCodeAt(s);
	if (before === 10) {
		if (isWhiteSpace(at) || (at === 47 && encoding === 'o200k_base')) {
			return false;
		}
		if (encoding === 'p50k_base' || encoding === 'r50k_base') {
			return s < 2 || !isWhiteSpace(text.charCodeAt(s - 2));
		}
		return true;
	}
	return at === 32 && s + 1 < text.length && isAsciiLetter(before) && isAsciiLetter(text.charCodeAt(s + 1));
}

function isAsciiLetter(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** tiktoken's `\s` (Unicode White_Space); every such code point is in the BMP. */
function isWhiteSpace(c: number): boolean {
	return (c >= 9 && c <= 13) || c === 32 || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
		c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/**
 * Cuts `text` into chunks of about `target` code units at additive cuts, preferring line breaks: from
 * `target` on, the first line cut wins; from `2 * target` on, any cut. A text with no cut at all stays
 * one chunk. Returns the chunk lengths; every chunk but the last has at least 2 code units, so a cut
 * always has the characters that decide it on its own side of any neighbouring cut.
 */
export function chunkLengths(encoding: EncodingName, text: string, target: number): number[] {
	const lengths: number[] = [];
	let start = 0;
	const n = text.length;
	while (n - start > target) {
		let cut = -1;
		let anyCut = -1;
		for (let s = start + Math.max(2, target); s < n; s++) {
			const c = text.charCodeAt(s - 1);
			if (c !== 10 && c > 122) {
				continue;
			}
			if (isAdditiveCut(encoding, text, s)) {
				if (c === 10) {
					cut = s;
					break;
				}
				if (anyCut < 0) {
					anyCut = s;
				}
				if (s - start >= 2 * target) {
					cut = anyCut;
					break;
				}
			}
		}
		if (cut < 0) {
			cut = anyCut;
		}
		if (cut < 0) {
			break;
		}
		lengths.push(cut - start);
		start = cut;
	}
	if (start < n || lengths.length === 0) {
		lengths.push(n - start);
	}
	return lengths;
}
