import * as assert from 'assert';
import { findHeading, listHeadings, slugify } from '../../../src/core/glossary/headings';

describe('Glossary headings', () => {
	it('slugs headings like GitHub', () => {
		assert.deepStrictEqual(
			['Inference: prefill, then decode', 'Why tokens, not words?', '**Top-p** sampling', 'Query, key & value vectors', '注意力 机制'].map(slugify),
			['inference-prefill-then-decode', 'why-tokens-not-words', 'top-p-sampling', 'query-key--value-vectors', '注意力-机制'],
		);
	});

	it('lists headings outside code with numbered duplicates and finds them by slug or text', () => {
		const text = '# Title\n## Intro\n```\n## Fake\n```\n## Intro\n### Query, key & value vectors\n';
		assert.deepStrictEqual(listHeadings(text).map((h) => [h.level, h.slug, h.line]), [
			[1, 'title', 0],
			[2, 'intro', 1],
			[2, 'intro-1', 5],
			[3, 'query-key--value-vectors', 6],
		]);
		assert.strictEqual(findHeading(text, 'intro-1')?.line, 5);
		assert.strictEqual(findHeading(text, 'Query, key & value vectors')?.line, 6);
		assert.strictEqual(findHeading(text, 'missing'), undefined);
	});
});
