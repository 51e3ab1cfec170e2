import * as assert from 'assert';
import { ENCODINGS, loadBpeCounter } from '../../../src/core/tokens';
import { LONG_ASCII_MAX, SHORT_ASCII_MAX, ShortAsciiCounts } from '../../../src/core/tokens/shortAscii';
import { ReferenceMerge } from './referenceMerge';
import { seeded } from './corpus';

/** Characters of base64, hex, code and prose, where pieces of three and four ASCII bytes are most common. */
const COMMON = 'aenstxzAEQZ01789+/ ._\'\n\t';

describe('Tokens short ASCII pieces', () => {
	for (const encoding of ENCODINGS) {
		it(`${encoding}: counts of three and four ASCII bytes equal a plain merge loop's`, async function () {
			this.timeout(120_000);
			const counter = await loadBpeCounter(encoding);
			const short = new ShortAsciiCounts(counter.table);
			const merge = new ReferenceMerge(counter.table);
			const bytes3 = new Uint8Array(3);
			const bytes4 = new Uint8Array(4);
			const expect3 = (a: number, b: number, c: number): void => {
				bytes3[0] = a;
				bytes3[1] = b;
				bytes3[2] = c;
				const n = short.count3(a, b, c);
				if (n !== merge.encode(bytes3).length) {
					assert.fail(`${encoding}: ${JSON.stringify(String.fromCharCode(a, b, c))} counted ${n}, the merge loop makes ${merge.encode(bytes3).length}`);
				}
			};
			const expect4 = (a: number, b: number, c: number, d: number): void => {
				bytes4[0] = a;
				bytes4[1] = b;
				bytes4[2] = c;
				bytes4[3] = d;
				const n = short.count4(a, b, c, d);
				if (n !== merge.encode(bytes4).length) {
					assert.fail(`${encoding}: ${JSON.stringify(String.fromCharCode(a, b, c, d))} counted ${n}, the merge loop makes ${merge.encode(bytes4).length}`);
				}
			};
			// Every three printable ASCII bytes (857,375 of them), and every four of the common characters (331,776).
			for (let a = 32; a < 127; a++) {
				for (let b = 32; b < 127; b++) {
					for (let c = 32; c < 127; c++) {
						expect3(a, b, c);
					}
				}
			}
			const common = Array.from(COMMON, (ch) => ch.charCodeAt(0));
			for (const a of common) {
				for (const b of common) {
					for (const c of common) {
						for (const d of common) {
							expect4(a, b, c, d);
						}
					}
				}
			}
			// Every four-byte ASCII token, each with one byte changed, and random ASCII (control bytes included).
			const { pool, start } = counter.table;
			const random = seeded(4);
			for (let r = 0; r < counter.table.size; r++) {
				const at = start[r];
				if (start[r + 1] - at === 4 && pool[at] < 128 && pool[at + 1] < 128 && pool[at + 2] < 128 && pool[at + 3] < 128) {
					const v = [pool[at], pool[at + 1], pool[at + 2], pool[at + 3]];
					expect4(v[0], v[1], v[2], v[3]);
					v[random(4)] = random(128);
					expect4(v[0], v[1], v[2], v[3]);
				}
			}
			for (let i = 0; i < 50_000; i++) {
				expect3(random(128), random(128), random(128));
				expect4(random(128), random(128), random(128), random(128));
			}
		});

		it(`${encoding}: counts of five to eight ASCII bytes equal a plain merge loop's`, async function () {
			this.timeout(120_000);
			const counter = await loadBpeCounter(encoding);
			const short = new ShortAsciiCounts(counter.table);
			const merge = new ReferenceMerge(counter.table);
			const checked: string[] = [];
			const expect = (text: string): void => {
				const n = short.count58(`<${text}>`, 1, text.length);
				const reference = merge.encode(Buffer.from(text, 'latin1')).length;
				if (n !== reference) {
					assert.fail(`${encoding}: ${JSON.stringify(text)} counted ${n}, the merge loop makes ${reference}`);
				}
				checked.push(text);
			};
			const random = seeded(5);
			const common = (): string => COMMON[random(COMMON.length)];
			// Every ASCII token of five to eight bytes; each with a byte changed, with its first byte dropped and
			// one added at the end, and with a byte added in front.
			const { pool, start } = counter.table;
			for (let r = 0; r < counter.table.size; r++) {
				const at = start[r];
				const length = start[r + 1] - at;
				if (length < 4 || length > SHORT_ASCII_MAX || pool.subarray(at, at + length).some((b) => b >= 128)) {
					continue;
				}
				const text = Buffer.from(pool.subarray(at, at + length)).toString('latin1');
				if (length >= 5) {
					expect(text);
					const k = random(length);
					expect(text.slice(0, k) + String.fromCharCode(random(128)) + text.slice(k + 1));
					expect(text.slice(1) + common());
				}
				if (length < SHORT_ASCII_MAX) {
					expect(common() + text);
				}
			}
			// Random text of the common characters and of any ASCII.
			for (let i = 0; i < 100_000; i++) {
				const length = 5 + random(SHORT_ASCII_MAX - 4);
				let text = '';
				for (let k = 0; k < length; k++) {
					text += i % 4 === 0 ? String.fromCharCode(random(128)) : common();
				}
				expect(text);
			}
			// All of them again, in another order: now many are in the cache of merge counts, whose slots each
			// held many pieces in turn (a count must come back only for the same piece).
			const again = checked.splice(0).reverse();
			for (const text of again) {
				expect(text);
			}
		});

		it(`${encoding}: counts of nine to twelve ASCII bytes equal a plain merge loop's`, async function () {
			this.timeout(120_000);
			const counter = await loadBpeCounter(encoding);
			const short = new ShortAsciiCounts(counter.table);
			const merge = new ReferenceMerge(counter.table);
			let ones = 0;
			const expect = (text: string): void => {
				const n = short.countLong(`<${text}>`, 1, text.length);
				const reference = merge.encode(Buffer.from(text, 'latin1')).length;
				if (n !== reference) {
					assert.fail(`${encoding}: ${JSON.stringify(text)} counted ${n}, the merge loop makes ${reference}`);
				}
				ones += n === 1 ? 1 : 0;
			};
			const random = seeded(6);
			const common = (): string => COMMON[random(COMMON.length)];
			// Every ASCII token of nine to twelve bytes, each with a byte changed, and with its first byte dropped and one
			// added at the end; every one of five to eleven bytes with bytes added in front up to nine or more (so that
			// the merge loop joins parts into tokens of more than eight bytes).
			const { pool, start } = counter.table;
			for (let r = 0; r < counter.table.size; r++) {
				const at = start[r];
				const length = start[r + 1] - at;
				if (length < 5 || length > LONG_ASCII_MAX || pool.subarray(at, at + length).some((b) => b >= 128)) {
					continue;
				}
				const text = Buffer.from(pool.subarray(at, at + length)).toString('latin1');
				if (length > SHORT_ASCII_MAX) {
					expect(text);
					const k = random(length);
					expect(text.slice(0, k) + String.fromCharCode(random(128)) + text.slice(k + 1));
					expect(text.slice(1) + common());
				}
				if (length < LONG_ASCII_MAX) {
					let longer = text;
					while (longer.length <= SHORT_ASCII_MAX || (longer.length < LONG_ASCII_MAX && random(2) === 0)) {
						longer = common() + longer;
					}
					expect(longer);
				}
			}
			// Random text of the common characters and of any ASCII.
			for (let i = 0; i < 100_000; i++) {
				const length = SHORT_ASCII_MAX + 1 + random(LONG_ASCII_MAX - SHORT_ASCII_MAX);
				let text = '';
				for (let k = 0; k < length; k++) {
					text += i % 4 === 0 ? String.fromCharCode(random(128)) : common();
				}
				expect(text);
			}
			// The tokens of nine to twelve bytes were found as such, not only as pieces that merge into several.
			assert.ok(ones > 1000, `only ${ones} pieces counted as one token`);
		});
	}
});
