/**
 * Characters that may stand between the words of a term in running text: "self-supervision",
 * "self supervision" and "self_supervision" are one term. Hyphen look-alikes count too, since notes
 * pasted from books carry U+2010/U+2011.
 */
const SEPARATOR = /[\s\-_\u2010\u2011\u00a0]/;

export function isSeparator(ch: string): boolean {
	return SEPARATOR.test(ch);
}

/**
 * Case folding one UTF-16 unit at a time, so offsets in the text and in the folded text stay equal.
 * A character whose lower case is longer (`İ`) is left as it is rather than shifting every offset after it.
 */
export function foldChar(ch: string): string {
	const lower = ch.toLowerCase();
	return lower.length === 1 ? lower : ch;
}

/** The words of a term, folded: `Self-Supervision` -> `['self', 'supervision']`. */
export function termWords(term: string): string[] {
	const words: string[] = [];
	let current = '';
	for (const ch of term.trim()) {
		if (isSeparator(ch)) {
			if (current) {
				words.push(current);
				current = '';
			}
		} else {
			for (const unit of ch.split('')) {
				current += foldChar(unit);
			}
		}
	}
	if (current) {
		words.push(current);
	}
	return words;
}

/** The identity of a term for merging and look-up: case and separators don't count. */
export function termKey(term: string): string {
	return termWords(term).join('');
}
