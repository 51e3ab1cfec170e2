import * as assert from 'assert';
import { get_encoding } from 'tiktoken';
import { ENCODINGS, loadBpeCounter } from '../../../src/core/tokens';
import { PointCuts } from '../../../src/core/tokens/cuts';
import type { RankTable } from '../../../src/core/tokens/rankTable';
import { fuzzText, seeded } from './corpus';

/** Letters, marks and symbols of many scripts, astral ones, lone surrogates and ASCII. */
const SCRIPTS = [
	...'aZ0 _.!éßΣιоПжաեקשاللهَُِّٰ٣नमस्तेঅআਕગଓகతಕമසกาເབမင်္ဂ中文字符京件牌取名한국어日本語カナひらがなሀ',
	'\u0301', '\u0308', '\u200d', '\ufe0f', '\ufffd', '\ud800', '\udc00', '\ud83d', '😀', '👍', '👨\u200d👩', '🇩🇪', '\u{323B0}',
	'\u{1D41A}', '\u3000', '\u00a0',
];

/**
 * Characters next to a partial character in some token of the vocabulary (a token that starts or ends inside
 * a character's UTF-8), found from the tokens' bytes without `PointCuts`: where its rarer look-ups are taken.
 */
function partialNeighbours(table: RankTable, random: (n: number) => number, count: number): string[] {
	const found = new Set<string>();
	for (let r = 0; r < table.size; r++) {
		const bytes = table.tokenBytes(r);
		if (bytes.length < 2) {
			continue;
		}
		const text = Buffer.from(bytes).toString('utf8');
		if (text.includes('\ufffd')) {
			for (const c of text) {
				if (c !== '\ufffd' && (c.codePointAt(0) ?? 0) >= 0x80) {
					found.add(c);
				}
			}
		}
	}
	const all = [...found];
	return Array.from({ length: Math.min(count, all.length) }, () => all[random(all.length)]);
}

/** Byte strings of every token, and the longest, to check cuts against the vocabulary itself. */
function vocabulary(table: RankTable): { tokens: Set<string>; longest: number } {
	const tokens = new Set<string>();
	for (let r = 0; r < table.size; r++) {
		const bytes = table.tokenBytes(r);
		if (bytes.length > 0) {
			tokens.add(Buffer.from(bytes).toString('latin1'));
		}
	}
	return { tokens, longest: table.maxTokenBytes };
}

describe('Tokens cuts (points no token crosses)', () => {
	for (const encoding of ENCODINGS) {
		it(`${encoding}: no token of the vocabulary matches the text across any point it cuts at`, async function () {
			this.timeout(120_000);
			const counter = await loadBpeCounter(encoding);
			const cuts = new PointCuts(counter.table);
			const { tokens, longest } = vocabulary(counter.table);
			const random = seeded(20261203);
			const alphabet = [...SCRIPTS, ...partialNeighbours(counter.table, random, 300)];
			let checked = 0;
			for (let i = 0; i < 3_000; i++) {
				const text = fuzzText(random, alphabet, 24);
				const bytes = Buffer.from(text, 'utf8').toString('latin1');
				const found: number[] = [];
				for (let cut = cuts.next(text, 0, text.length); cut < text.length; cut = cuts.next(text, cut, text.length)) {
					found.push(cut);
				}
				// The cuts of a piece of up to 32 code units found all at once are the same.
				if (text.length <= 32) {
					const inMask: number[] = [];
					for (let m = cuts.cutMask(text, 0, text.length); m !== 0; m &= m - 1) {
						inMask.push(31 - Math.clz32(m & -m));
					}
					assert.deepStrictEqual(inMask, found, `${JSON.stringify(text)}: cuts one at a time and all at once`);
				}
				for (const cut of found) {
					const at = Buffer.byteLength(text.slice(0, cut), 'utf8');
					for (let from = Math.max(0, at - longest + 1); from < at; from++) {
						for (let to = at + 1; to <= Math.min(bytes.length, from + longest); to++) {
							if (tokens.has(bytes.slice(from, to))) {
								assert.fail(`${JSON.stringify(text)}: cut at ${cut}, but token ${JSON.stringify(bytes.slice(from, to))} crosses it`);
							}
						}
					}
					checked++;
				}
			}
			// The check must have something to check: most of these characters are single tokens or pairs.
			assert.ok(checked > 10_000, `only ${checked} cuts`);
		});

		it(`${encoding}: counts of text that splits into many parts equal tiktoken's`, async function () {
			this.timeout(120_000);
			const counter = await loadBpeCounter(encoding);
			const reference = get_encoding(encoding);
			try {
				const random = seeded(20261204);
				const alphabet = [...SCRIPTS, ...partialNeighbours(counter.table, random, 300)];
				for (let i = 0; i < 10_000; i++) {
					const text = fuzzText(random, alphabet, i % 50 === 0 ? 300 : 20);
					// Counted twice: the first count fills the caches of parts, the second reads them.
					const expected = reference.encode_ordinary(text).length;
					assert.strictEqual(counter.count(text), expected, `${encoding} ${JSON.stringify(text)}`);
					assert.strictEqual(counter.count(text), expected, `${encoding} again ${JSON.stringify(text)}`);
				}
			} finally {
				reference.free();
			}
		});
	}

	it('cuts between script characters and never inside a surrogate pair', async () => {
		const counter = await loadBpeCounter('o200k_base');
		const cuts = new PointCuts(counter.table);
		const all = (text: string): number[] => {
			const at: number[] = [];
			for (let cut = cuts.next(text, 0, text.length); cut < text.length; cut = cuts.next(text, cut, text.length)) {
				at.push(cut);
			}
			return at;
		};
		// A run of emoji: each one is its own part, and no cut falls between the halves of one.
		assert.deepStrictEqual(all('😀😀😀'), [2, 4]);
		// Latin letters of a word are crossed by tokens; `next` reports none.
		assert.deepStrictEqual(all('internationalization'), []);
		// A range is honoured: nothing before `from` or after `end` counts.
		assert.strictEqual(cuts.next('😀😀😀', 2, 4), 4);
	});
});
