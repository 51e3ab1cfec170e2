import * as assert from 'assert';
import { linkTargets, overlapsAny } from '../../../src/core/glossary/markdownLinks';

describe('Glossary markdown link targets', () => {
	it('finds link destinations, autolinks, bare URLs and reference definitions', () => {
		const line = 'See [masked models](03-masked-and-autoregressive-models.md#masked-language-models), <https://x.org/a> or https://y.org/token.';
		const targets = linkTargets(line).map((r) => line.slice(r.start, r.end));
		assert.deepStrictEqual(targets, ['](03-masked-and-autoregressive-models.md#masked-language-models)', '<https://x.org/a>', 'https://y.org/token.']);
		assert.deepStrictEqual(linkTargets('[ref]: notes/attention.md').map((r) => r.start), [0]);
		assert.deepStrictEqual(linkTargets('plain prose about attention'), []);
	});

	it('tells whether a match overlaps a target', () => {
		const ranges = [{ start: 10, end: 20 }];
		assert.deepStrictEqual([overlapsAny(ranges, 0, 10), overlapsAny(ranges, 5, 11), overlapsAny(ranges, 19, 25), overlapsAny(ranges, 20, 22)], [false, true, true, false]);
	});
});
