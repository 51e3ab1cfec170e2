/**
 * Characters that may stand between the words of a term in running text: "self-supervision",
 * "self supervision" and "self_supervision" are one term. Hyphen look-alikes count too, since notes
 * pasted from books carry U+2010/U+2011.
 */
const SEPARATOR = /[\s\-_\u2010\u2011\u00a0]/;

const SEPARATORS = /[\s\-_\u2010\u2011\u00a0]+/;

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
	const trimmed = term.trim();
	let folded = trimmed.toLowerCase();
	if (folded.length !== trimmed.length) {
		// Rare (`İ`): fold unit by unit so the folded term lines up with folded text, as `foldChar` does.
		folded = '';
		for (let i = 0; i < trimmed.length; i++) {
			folded += foldChar(trimmed[i]);
		}
	}
	return folded.split(SEPARATORS).filter((word) => word.length > 0);
}

/** The identity of a term for merging and look-up: case and separators don't count. */
export function termKey(term: string): string {
	return termWords(term).join('');
}
