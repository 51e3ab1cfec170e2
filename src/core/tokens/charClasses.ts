import { UNICODE_TABLES } from './unicodeTables';

/**
 * Character classes of the pre-tokenizer, one byte of flags per code point, pinned to tiktoken's
 * Unicode 16 tables instead of the host's RegExp (which differs on U+0085, U+FEFF and Unicode 17 letters).
 */
export const UPPER = 1; // Lu, Lt
export const LOWER = 2; // Ll
export const OTHER_LETTER = 4; // Lm, Lo
export const MARK = 8; // M
export const NUMBER = 16; // N
export const SPACE = 32; // White_Space, what Rust's `\s` means
export const LETTER = UPPER | LOWER | OTHER_LETTER;

let flags: Uint8Array | undefined;

function fill(table: Uint8Array, encoded: string, flag: number): void {
	let previous = 0;
	for (const range of encoded.split(',')) {
		const dot = range.indexOf('.');
		const start = previous + parseInt(range.slice(0, dot), 36);
		const end = start + parseInt(range.slice(dot + 1), 36);
		for (let c = start; c <= end; c++) {
			table[c] |= flag;
		}
		previous = end;
	}
}

/**
 * The flags table, built on first use (1.1 MB, a few milliseconds). Surrogate code points have no
 * flags, like U+FFFD that a lone surrogate becomes in UTF-8.
 */
export function charFlags(): Uint8Array {
	if (!flags) {
		const table = new Uint8Array(0x110000);
		fill(table, UNICODE_TABLES.upperTitle, UPPER);
		fill(table, UNICODE_TABLES.lower, LOWER);
		fill(table, UNICODE_TABLES.modifierOther, OTHER_LETTER);
		fill(table, UNICODE_TABLES.mark, MARK);
		fill(table, UNICODE_TABLES.number, NUMBER);
		fill(table, UNICODE_TABLES.whiteSpace, SPACE);
		flags = table;
	}
	return flags;
}
