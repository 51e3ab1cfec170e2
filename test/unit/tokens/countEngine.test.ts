import * as assert from 'assert';
import { loadBpeCounter } from '../../../src/core/tokens';
import { ChunkedDocument } from '../../../src/core/tokens/chunkedDocument';
import { CountEngine } from '../../../src/core/tokens/countEngine';
import { countWords } from '../../../src/core/tokens/textStats';
import { readCorpus, seeded } from './corpus';

describe('Tokens count engine', () => {
	it('ranges of a chunked document count as texts of their own', async () => {
		const counter = await loadBpeCounter('o200k_base');
		const text = readCorpus('code.txt').slice(0, 60_000) + readCorpus('prose.txt').slice(0, 40_000);
		const doc = new ChunkedDocument(counter, text, 256);
		const random = seeded(11);
		for (let i = 0; i < 200; i++) {
			const start = random(text.length);
			const end = Math.min(text.length, start + random(i % 2 === 0 ? 300 : 20_000));
			const expected = { tokens: counter.count(text.slice(start, end)), words: countWords(text, start, end) };
			assert.deepStrictEqual(doc.countRange(start, end), expected, `range ${start}-${end}`);
		}
		assert.deepStrictEqual(doc.countRange(0, text.length), { tokens: counter.count(text), words: countWords(text, 0, text.length) });
	});

	it('keeps documents in step through edits and answers stale requests as stale', async () => {
		const engine = new CountEngine(loadBpeCounter);
		const counter = await loadBpeCounter('cl100k_base');
		let text = 'Hello world.\nSecond line, with <|endoftext|> in it.\n';
		await engine.handle({ type: 'open', doc: 'a', version: 1, encoding: 'cl100k_base', text });
		await engine.handle({ type: 'edit', doc: 'a', version: 2, edits: [{ offset: 13, deleteCount: 6, text: 'Next' }, { offset: 0, deleteCount: 5, text: 'Howdy' }] });
		text = 'Howdy world.\nNext line, with <|endoftext|> in it.\n';
		const whole = await engine.handle({ type: 'countDocument', id: 1, doc: 'a', version: 2, encoding: 'cl100k_base', ranges: [] });
		assert.deepStrictEqual(whole && whole.type === 'counted' ? whole.counts : whole, { tokens: counter.count(text), words: 8, characters: text.length });
		const ranges = await engine.handle({ type: 'countDocument', id: 2, doc: 'a', version: 2, encoding: 'cl100k_base', ranges: [[0, 5], [13, 17]] });
		assert.deepStrictEqual(ranges && ranges.type === 'counted' ? ranges.counts : ranges, { tokens: counter.count('Howdy') + counter.count('Next'), words: 2, characters: 9 });
		const stale = await engine.handle({ type: 'countDocument', id: 3, doc: 'a', version: 1, encoding: 'cl100k_base', ranges: [] });
		assert.deepStrictEqual(stale && stale.type, 'failed');
		// Another encoding re-chunks the same text.
		const o200k = await loadBpeCounter('o200k_base');
		const other = await engine.handle({ type: 'countDocument', id: 4, doc: 'a', version: 2, encoding: 'o200k_base', ranges: [] });
		assert.strictEqual(other && other.type === 'counted' ? other.counts.tokens : -1, o200k.count(text));
		await engine.handle({ type: 'close', doc: 'a' });
		const closed = await engine.handle({ type: 'countDocument', id: 5, doc: 'a', version: 2, encoding: 'o200k_base', ranges: [] });
		assert.strictEqual(closed && closed.type, 'failed');
	});

	it('details: counts under every encoding and segments that spell the text', async () => {
		const engine = new CountEngine(loadBpeCounter);
		const text = 'Tokens 😀 नमस्ते <|fim_prefix|>';
		const response = await engine.handle({ type: 'details', id: 1, encoding: 'o200k_base', encodings: ['o200k_base', 'cl100k_base'], text, segmentLimit: 100 });
		assert.ok(response && response.type === 'details');
		assert.deepStrictEqual(response.counts, [
			{ encoding: 'o200k_base', tokens: (await loadBpeCounter('o200k_base')).count(text) },
			{ encoding: 'cl100k_base', tokens: (await loadBpeCounter('cl100k_base')).count(text) },
		]);
		assert.strictEqual(response.segments.map((s) => s[0]).join(''), text);
		assert.strictEqual(response.truncated, false);
	});
});
