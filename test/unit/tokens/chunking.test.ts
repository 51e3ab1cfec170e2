import * as assert from 'assert';
import { ENCODINGS, loadBpeCounter } from '../../../src/core/tokens';
import { ChunkedDocument } from '../../../src/core/tokens/chunkedDocument';
import { chunkLengths, isAdditiveCut } from '../../../src/core/tokens/chunking';
import { seeded } from './corpus';

/** Fragments chosen to sit around the cut rules: line breaks, indentation, `/`, letters, spaces, CRLF. */
const FRAGMENTS = ['\n', '\n', '\n\n', '\r\n', ' ', ' ', '  ', '\t', '/', '//', '+', '*/', 'word', 'Word', 'x', 'I', "'s", "n't",
	'123', '4', '😀', '中文', 'é', '\u0301', '\u0085', '\ufeff', '\u00a0', '.', ',', '(', ')', '{', '}', '"', ';', 'the', ' the', 'ing'];

function randomDocument(random: (n: number) => number, length: number): string {
	let text = '';
	while (text.length < length) {
		text += FRAGMENTS[random(FRAGMENTS.length)];
	}
	return text;
}

describe('Tokens chunking', () => {
	for (const encoding of ENCODINGS) {
		it(`${encoding}: every cut that isAdditiveCut accepts splits the count exactly`, async () => {
			const counter = await loadBpeCounter(encoding);
			const random = seeded(1000 + encoding.length);
			let accepted = 0;
			for (let i = 0; i < 8_000; i++) {
				const text = randomDocument(random, 2 + random(60));
				const whole = counter.count(text);
				for (let s = 1; s < text.length; s++) {
					if (isAdditiveCut(encoding, text, s)) {
						accepted++;
						assert.strictEqual(counter.count(text.slice(0, s)) + counter.count(text.slice(s)), whole, `${JSON.stringify(text)} at ${s}`);
					}
				}
			}
			assert.ok(accepted > 4_000, `only ${accepted} cuts were tested`);
		});

		it(`${encoding}: random chunkings of random documents add up to the whole count`, async () => {
			const counter = await loadBpeCounter(encoding);
			const random = seeded(2000 + encoding.length);
			for (let i = 0; i < 300; i++) {
				const text = randomDocument(random, 50 + random(3_000));
				const lengths = chunkLengths(encoding, text, 1 + random(200));
				assert.strictEqual(lengths.reduce((a, b) => a + b, 0), text.length);
				let start = 0;
				let sum = 0;
				for (const length of lengths) {
					sum += counter.count(text.slice(start, start + length));
					start += length;
				}
				assert.strictEqual(sum, counter.count(text), JSON.stringify(text));
			}
		});

		it(`${encoding}: a chunked document stays exact through random edits`, async () => {
			const counter = await loadBpeCounter(encoding);
			const random = seeded(3000 + encoding.length);
			for (let round = 0; round < 20; round++) {
				let text = randomDocument(random, random(4_000));
				const doc = new ChunkedDocument(counter, text, 8 + random(300));
				for (let edit = 0; edit < 60; edit++) {
					const offset = random(text.length + 1);
					const deleteCount = random(Math.min(text.length - offset, 40) + 1);
					const insert = random(4) === 0 ? '' : randomDocument(random, random(30));
					text = text.slice(0, offset) + insert + text.slice(offset + deleteCount);
					doc.applyEdit(offset, deleteCount, insert);
					assert.strictEqual(doc.text(), text);
					assert.strictEqual(doc.total, counter.count(text), `round ${round} edit ${edit}`);
				}
			}
		});
	}

	it('the cut rules are needed: cutting anywhere is not additive', async () => {
		// Guards the tests above against passing vacuously (e.g. if count() ignored its input).
		const counter = await loadBpeCounter('o200k_base');
		const text = 'hello world\n\n    indented line\n/x';
		let differs = 0;
		for (let s = 1; s < text.length; s++) {
			if (counter.count(text.slice(0, s)) + counter.count(text.slice(s)) !== counter.count(text)) {
				differs++;
				assert.ok(!isAdditiveCut('o200k_base', text, s), `cut ${s} accepted but not additive`);
			}
		}
		assert.ok(differs > 10);
		assert.strictEqual(isAdditiveCut('o200k_base', 'a\n/b', 2), false);
		assert.strictEqual(isAdditiveCut('cl100k_base', 'a\n/b', 2), true);
		assert.strictEqual(isAdditiveCut('r50k_base', 'a \nb', 3), false);
	});

	it('a 1 MB document is cut into chunks near the target size', async () => {
		const random = seeded(7);
		const text = randomDocument(random, 1 << 20);
		const lengths = chunkLengths('o200k_base', text, 2048);
		assert.ok(lengths.length > 200, `${lengths.length} chunks`);
		assert.ok(Math.max(...lengths) < 8192);
	});
});
