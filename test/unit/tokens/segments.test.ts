import * as assert from 'assert';
import { ENCODINGS, loadBpeCounter } from '../../../src/core/tokens';
import { tokenSegments } from '../../../src/core/tokens/segments';
import { readCorpus } from './corpus';

describe('Tokens segments', () => {
	for (const encoding of ENCODINGS) {
		it(`${encoding}: segments join back to the text byte for byte and carry every token`, async () => {
			const counter = await loadBpeCounter(encoding);
			for (const text of ['Hello, world!', '😀👨‍👩‍👧‍👦 emoji', 'x\ud800y\udc00', 'नमस्ते', readCorpus('edge.txt').slice(0, 20_000), readCorpus('emoji.txt').slice(0, 20_000)]) {
				const segments = tokenSegments(counter, text);
				const joined = segments.map((s) => s.text).join('');
				assert.ok(Buffer.from(joined, 'utf16le').equals(Buffer.from(text, 'utf16le')));
				assert.deepStrictEqual(segments.flatMap((s) => s.tokens), counter.encode(text));
				assert.ok(segments.every((s) => s.text.length > 0 && s.tokens.length > 0));
			}
		});
	}

	it('shows the token boundaries of a simple sentence', async () => {
		const counter = await loadBpeCounter('o200k_base');
		assert.deepStrictEqual(tokenSegments(counter, 'Hello world').map((s) => s.text), ['Hello', ' world']);
		assert.strictEqual(tokenSegments(counter, 'a b c d e', 2).length, 2);
	});
});
