import * as assert from 'assert';
import { charFlags, LOWER, MARK, NUMBER, OTHER_LETTER, SPACE, UPPER } from '../../../src/core/tokens/charClasses';
import { pieces } from '../../../src/core/tokens/preTokenizer';
import { fuzzText, seeded } from './corpus';

/**
 * o200k's pattern as a JavaScript regex, from js-tiktoken's rank file. For ASCII, and for the few characters
 * beyond it used here, JavaScript's classes (`\p{L}`, `\p{N}`, `\s`) are those of tiktoken's Rust regex; they
 * part only on some whitespace beyond ASCII (U+0085, U+FEFF), which the exactness tests check against tiktoken.
 */
async function o200kRegex(): Promise<RegExp> {
	const { default: ranks } = await import('js-tiktoken/ranks/o200k_base');
	return new RegExp(ranks.pat_str, 'gu');
}

describe('Tokens pre-tokenizer', () => {
	it('o200k: pieces of ASCII text are the regex\'s, piece by piece (fixed seed)', async function () {
		this.timeout(60_000);
		const regex = await o200kRegex();
		const random = seeded(20261203);
		// Every ASCII code unit, and runs that take each row of the table-driven ASCII path: letters in both cases,
		// digit runs past three, punctuation runs with and without line breaks and slashes, prefixes (a space, a tab,
		// a mark) before letters, digits and punctuation, contractions and near misses, whitespace runs; then a few
		// characters beyond ASCII that can extend an ASCII piece (a letter, a mark, a digit) or end it.
		const ascii = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));
		const alphabet = [...ascii, ...ascii.slice(32, 127), 'aB', 'Qx', 'ABc', 'xyz', '12345', '0x1F', '+/', '==', '+\n', ';\r\n', '//',
			' +', '\t\t', '  ', ' \n', "'s", "'LL", "'re", "'x", "n't", '\u00e9', '\u4e2d', '\u0301', '\u0663', '\u00a0'];
		for (let i = 0; i < 30_000; i++) {
			const text = fuzzText(random, alphabet, i % 50 === 0 ? 200 : 20);
			assert.deepStrictEqual([...pieces('o200k_base', text)], text.match(regex) ?? [], JSON.stringify(text));
		}
	});

	it('o200k: pieces of hand-made ASCII (base64, code, contractions, control characters) are the regex\'s', async () => {
		const regex = await o200kRegex();
		const text = 'aGVsbG8gd29ybGQ+/Zm9v==\n    def f(x):\r\n        return x[1:3] + "don\'t" // 12345 ' +
			'HTTPServer iPhone WE\'LL\t\tgo! \f\v\u007f\u0001 \t+x +\n/ x/\n\n  \n';
		assert.deepStrictEqual([...pieces('o200k_base', text)], text.match(regex));
	});

	it('o200k: every code point of planes 0, 1 and 14 (and some of 2 and 3), in the contexts of each row of the table, splits as the regex does', async function () {
		this.timeout(120_000);
		const regex = await o200kRegex();
		// The table path (`pieceTable.ts`) takes a code point by its class: check each one after and before every kind of
		// piece so far (a prefix, capitals, small letters, letters of both classes, marks, digits, punctuation, spaces) and
		// before a contraction. JavaScript's classes are Unicode 15.1's here, tiktoken's tables Unicode 16's: code points
		// whose classes differ between them are left out (the exactness tests count those against tiktoken itself).
		const flags = charFlags();
		const js = (c: string): number => (/\p{Lu}|\p{Lt}/u.test(c) ? UPPER : 0) | (/\p{Ll}/u.test(c) ? LOWER : 0) |
			(/\p{Lm}|\p{Lo}/u.test(c) ? OTHER_LETTER : 0) | (/\p{M}/u.test(c) ? MARK : 0) | (/\p{N}/u.test(c) ? NUMBER : 0) | (/\s/u.test(c) ? SPACE : 0);
		const contexts = ['#', 'a#b', ' #', '# ', '\t#x', 'A#a', 'A#B', 'AB#', '\u0627#A', '\u0627#a', 'x\u0301#B', '1#1', '12#3', '123#', '!#!',
			'!!#x', ' !#', '#\'s', 'a#\'RE', '##', '\u00a0#x', '#\n/', '\u0663#', '\u0301#'];
		const codePoints: number[] = [];
		for (let c = 0x80; c < 0x20000; c++) {
			codePoints.push(c);
		}
		for (let c = 0x20000; c < 0x40000; c += 7) {
			codePoints.push(c);
		}
		for (let c = 0xe0000; c < 0xe1000; c++) {
			codePoints.push(c);
		}
		let checked = 0;
		for (const c of codePoints) {
			// A lone surrogate has no class in either (JavaScript's regex and tiktoken's tables alike).
			const ch = c >= 0xd800 && c <= 0xdfff ? String.fromCharCode(c) : String.fromCodePoint(c);
			if (js(ch) !== flags[c]) {
				continue;
			}
			for (const context of contexts) {
				const text = context.replace(/#/g, ch);
				const ours = [...pieces('o200k_base', text)];
				const theirs = text.match(regex) ?? [];
				if (ours.length !== theirs.length || ours.some((piece, i) => piece !== theirs[i])) {
					assert.deepStrictEqual(ours, theirs, `U+${c.toString(16).toUpperCase()} in ${JSON.stringify(text)}`);
				}
			}
			checked++;
		}
		// Nearly all of them: only the code points whose classes changed from Unicode 15.1 to 16 are left out.
		assert.ok(checked > codePoints.length - 6_000, `only ${checked} of ${codePoints.length} code points checked`);
	});
});
