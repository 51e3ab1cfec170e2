/**
 * Turning notes and code into the token streams the builtin model counts. Prose is lower-cased words in
 * sentences, with markdown markup removed; code is identifiers, numbers and operators in file order.
 */

/** Sentence boundary markers, outside the word alphabet so they never collide with a real word. */
export const BOS = '<s>';
export const EOS = '</s>';

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function proseWords(text: string): string[] {
	return (text.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/’/g, '\''));
}

/** Markdown reduced to the text a reader reads: no code blocks, link targets, images or markup. */
export function markdownToText(markdown: string): string {
	return markdown
		.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '\n')
		.replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>\n]+>/g, ' ')
		.replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
		.replace(/[*_`~|]+/g, ' ');
}

export interface Sentence {
	/** The sentence as written (markup removed), for showing as evidence. */
	readonly text: string;
	readonly words: readonly string[];
}

/**
 * Sentences of a plain text: split at `.`, `!`, `?` followed by a space and at blank lines and list
 * lines (a markdown list item is its own sentence even without a full stop).
 */
export function sentences(text: string): Sentence[] {
	const result: Sentence[] = [];
	for (const block of text.split(/\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)/)) {
		for (const piece of block.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-Z0-9"“(])/)) {
			const trimmed = piece.trim();
			const words = proseWords(trimmed);
			if (words.length > 0) {
				result.push({ text: trimmed, words });
			}
		}
	}
	return result;
}

const CODE_TOKEN = /[A-Za-z_$][\w$]*|\d[\w.]*|===|!==|\*\*=|<<=|>>=|=>|==|!=|<=|>=|&&|\|\||\?\?|\+\+|--|\+=|-=|\*=|\/=|::|->|\.\.\.|[^\s\w]/g;

export function codeTokens(code: string): string[] {
	return code.match(CODE_TOKEN) ?? [];
}

export function isIdentifier(token: string): boolean {
	return /^[A-Za-z_$][\w$]*$/.test(token);
}
