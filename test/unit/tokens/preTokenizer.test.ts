import * as assert from 'assert';
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
});
