import * as assert from 'assert';
import { parseGlossary, parseLink } from '../../../src/core/glossary/parseGlossary';
import { formatWarning } from '../../../src/core/glossary/types';

describe('Glossary parser', () => {
	it('reads entries with definition, aliases, link and line numbers', () => {
		const text = [
			'# Glossary',
			'',
			'Intro text is ignored.',
			'',
			'## Prefill',
			'',
			'The first phase of inference: all prompt tokens',
			'are processed in parallel.',
			'',
			'Aliases: prefilling, prefill phase',
			'See: [Prefill and decode](11-the-transformer.md#inference-prefill-then-decode)',
			'',
			'## `top-p`',
			'See: 10-sampling.md#Top-p sampling',
			'Aliases: nucleus sampling; top p',
			'Samples from the smallest set of tokens whose probabilities add up to p.',
			'',
			'A second paragraph is a note to editors.',
		].join('\n');
		assert.deepStrictEqual(parseGlossary(text, 'glossary.md'), {
			entries: [
				{
					term: 'Prefill',
					aliases: ['prefilling', 'prefill phase'],
					definition: 'The first phase of inference: all prompt tokens are processed in parallel.',
					note: '11-the-transformer.md',
					heading: 'inference-prefill-then-decode',
					linkText: 'Prefill and decode',
					source: 'glossary.md',
					line: 4,
				},
				{
					term: 'top-p',
					aliases: ['nucleus sampling', 'top p'],
					definition: 'Samples from the smallest set of tokens whose probabilities add up to p.',
					note: '10-sampling.md',
					heading: 'Top-p sampling',
					source: 'glossary.md',
					line: 12,
				},
			],
			warnings: [],
		});
	});

	it('skips malformed entries with a warning naming file and line, and keeps the rest', () => {
		const text = [
			'## ',
			'Definition of nothing.',
			'## No definition',
			'Aliases: nd',
			'## Token',
			'The basic unit a model reads.',
			'See: https://example.com/x',
			'## token',
			'A duplicate.',
			'## Vocabulary',
			'All tokens a model knows.',
			'See: 02.md#vocabulary',
			'See: 03.md#other',
			`## ${'x'.repeat(101)}`,
			'Too long.',
		].join('\n');
		const { entries, warnings } = parseGlossary(text, 'g.md');
		assert.deepStrictEqual(entries.map((e) => [e.term, e.line, e.note]), [
			['Token', 4, undefined],
			['Vocabulary', 9, '02.md'],
		]);
		assert.deepStrictEqual(warnings.map(formatWarning), [
			'g.md:1: Entry heading has no term after "##"; entry skipped.',
			'g.md:3: "No definition" has no definition paragraph; entry skipped.',
			'g.md:7: "See:" for "Token" needs a note path such as "11-the-transformer.md#attention"; link ignored.',
			'g.md:8: "token" is defined twice (first on line 5); the first definition is used.',
			'g.md:13: Second "See:" line for "Vocabulary" ignored (the first is on line 12).',
			'g.md:14: Term is longer than 100 characters; entry skipped.',
		]);
	});

	it('ignores headings inside fenced code and handles CRLF', () => {
		const text = '## Real\r\nDefined.\r\n```\r\n## Not a term\r\n```\r\n## Also real\r\nYes.';
		assert.deepStrictEqual(parseGlossary(text, 's').entries.map((e) => [e.term, e.line, e.definition]), [
			['Real', 0, 'Defined.'],
			['Also real', 5, 'Yes.'],
		]);
	});

	it('returns nothing for an empty or title-only glossary', () => {
		assert.deepStrictEqual(parseGlossary('', 's'), { entries: [], warnings: [] });
		assert.deepStrictEqual(parseGlossary('# Glossary\n\nNothing yet.\n', 's'), { entries: [], warnings: [] });
	});

	it('keeps regex characters, emoji and CJK in terms as written', () => {
		const text = '## C++\nA language.\nAliases: cpp, k/v, (.*)\n## 注意力 🤖\n注意力机制。';
		assert.deepStrictEqual(parseGlossary(text, 's').entries.map((e) => [e.term, e.aliases]), [
			['C++', ['cpp', 'k/v', '(.*)']],
			['注意力 🤖', []],
		]);
	});

	it('reads a 5 MB glossary', () => {
		const parts: string[] = [];
		for (let i = 0, size = 0; size < 5_000_000; i++) {
			parts.push(`## Term ${i}\nDefinition number ${i} ${'with padding '.repeat(3)}.\nAliases: t${i}\n\n`);
			size += parts[i].length;
		}
		const text = parts.join('');
		assert.ok(text.length > 5_000_000);
		const { entries, warnings } = parseGlossary(text, 'big.md');
		assert.strictEqual(entries.length, parts.length);
		assert.deepStrictEqual(warnings, []);
	});

	it('parses link forms', () => {
		assert.deepStrictEqual(parseLink('[x](a/b.md#some-heading)'), { path: 'a/b.md', fragment: 'some-heading', text: 'x' });
		assert.deepStrictEqual(parseLink('<a b.md#Some%20Heading>'), { path: 'a b.md', fragment: 'Some Heading' });
		assert.deepStrictEqual(parseLink('notes/11-the-transformer.md'), { path: 'notes/11-the-transformer.md', fragment: undefined });
		assert.strictEqual(parseLink('command:workbench.action.quit'), undefined);
		assert.strictEqual(parseLink('#only-a-fragment'), undefined);
	});
});
