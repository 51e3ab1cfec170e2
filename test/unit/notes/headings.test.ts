import * as assert from 'assert';
import { extractHeadings, extractHeadingsSliced } from '../../../src/core/notes/headings';

/** [level, text, line] of each heading, so one deepStrictEqual states the whole expectation. */
function shape(markdown: string): Array<[number, string, number]> {
	return extractHeadings(markdown).map((heading) => [heading.level, heading.text, heading.line]);
}

/**
 * The ATX and setext heading examples of the CommonMark spec (0.31, examples 62-106), written out here
 * with the headings each one must yield. Examples that yield no heading are as important as the others.
 */
const ATX: Array<[string, string, Array<[number, string, number]>]> = [
	['62 six levels', '# foo\n## foo\n### foo\n#### foo\n##### foo\n###### foo', [[1, 'foo', 0], [2, 'foo', 1], [3, 'foo', 2], [4, 'foo', 3], [5, 'foo', 4], [6, 'foo', 5]]],
	['63 seven hashes is not a heading', '####### foo', []],
	['64 a space is required', '#5 bolt\n\n#hashtag', []],
	['65 escaped hash', '\\## foo', []],
	['66 inline content', '# foo *bar* \\*baz\\*', [[1, 'foo bar *baz*', 0]]],
	['67 surrounding spaces', '#                  foo                     ', [[1, 'foo', 0]]],
	['68 up to three spaces of indentation', ' ### foo\n  ## foo\n   # foo', [[3, 'foo', 0], [2, 'foo', 1], [1, 'foo', 2]]],
	['69 four spaces is code', '    # foo', []],
	['70 not a heading inside a paragraph continuation', 'foo\n    # bar', []],
	['71 closing sequences', '## foo ##\n  ###   bar    ###', [[2, 'foo', 0], [3, 'bar', 1]]],
	['72 closing sequence of any length', '# foo ##################################\n##### foo ##', [[1, 'foo', 0], [5, 'foo', 1]]],
	['73 spaces after the closing sequence', '### foo ###     ', [[3, 'foo', 0]]],
	['74 closing sequence followed by text', '### foo ### b', [[3, 'foo ### b', 0]]],
	['75 hash without space is content', '# foo#', [[1, 'foo#', 0]]],
	['76 escaped closing hashes', '### foo \\###\n## foo #\\##\n# foo \\#', [[3, 'foo ###', 0], [2, 'foo ###', 1], [1, 'foo #', 2]]],
	['77 between thematic breaks', '****\n## foo\n****', [[2, 'foo', 1]]],
	['78 interrupts a paragraph', 'Foo bar\n# baz\nBar foo', [[1, 'baz', 1]]],
	['79 empty headings', '## \n#\n### ###', [[2, '', 0], [1, '', 1], [3, '', 2]]],
];

const SETEXT: Array<[string, string, Array<[number, string, number]>]> = [
	['80 both underlines', 'Foo *bar*\n=========\n\nFoo *bar*\n---------', [[1, 'Foo bar', 0], [2, 'Foo bar', 3]]],
	['81 multi-line content', 'Foo *bar\nbaz*\n====', [[1, 'Foo bar baz', 0]]],
	['82 indented multi-line content', '  Foo *bar\nbaz*\t\n====', [[1, 'Foo bar baz', 0]]],
	['83 underline of any length', 'Foo\n-------------------------\n\nFoo\n=', [[2, 'Foo', 0], [1, 'Foo', 3]]],
	['84 indented content and underline', '   Foo\n---\n\n  Foo\n-----\n\n  Foo\n  ===', [[2, 'Foo', 0], [2, 'Foo', 3], [1, 'Foo', 6]]],
	['85 four spaces is code', '    Foo\n    ---\n\n    Foo\n---', []],
	['86 underline with trailing spaces', 'Foo\n   ----      ', [[2, 'Foo', 0]]],
	['87 underline indented four spaces', 'Foo\n    ---', []],
	['88 underline with inner spaces', 'Foo\n= =\n\nFoo\n--- -', []],
	['89 trailing spaces of the content', 'Foo  \n-----', [[2, 'Foo', 0]]],
	['90 trailing backslash', 'Foo\\\n----', [[2, 'Foo\\', 0]]],
	['91 underline beats inline structure', '`Foo\n----\n`\n\n<a title="a lot\n---\nof dashes"/>', [[2, '`Foo', 0], [2, '<a title="a lot', 4]]],
	['92 not after a block quote', '> Foo\n---', []],
	['93 lazy continuation is not an underline', '> foo\nbar\n===', []],
	['94 not after a list item', '- Foo\n---', []],
	['95 paragraph of two lines', 'Foo\nBar\n---', [[2, 'Foo Bar', 0]]],
	['96 between thematic breaks', '---\nFoo\n---\nBar\n---\nBaz', [[2, 'Foo', 1], [2, 'Bar', 3]]],
	['97 no empty setext heading', '\n====', []],
	['98 two thematic breaks', '---\n---', []],
	['99 list then break', '- foo\n-----', []],
	['100 code then break', '    foo\n---', []],
	['101 block quote then break', '> foo\n-----', []],
	['102 escaped block quote marker', '\\> foo\n------', [[2, '> foo', 0]]],
	['103 after a blank line', 'Foo\n\nbar\n---\nbaz', [[2, 'bar', 2]]],
	['104 blank lines make a thematic break', 'Foo\nbar\n\n---\n\nbaz', []],
	['105 star break', 'Foo\nbar\n* * *\nbaz', []],
	['106 escaped underline', 'Foo\nbar\n\\---\nbaz', []],
];

describe('notes: heading extractor', () => {
	describe('CommonMark ATX headings', () => {
		for (const [name, markdown, expected] of ATX) {
			it(name, () => assert.deepStrictEqual(shape(markdown), expected));
		}
	});

	describe('CommonMark setext headings', () => {
		for (const [name, markdown, expected] of SETEXT) {
			it(name, () => assert.deepStrictEqual(shape(markdown), expected));
		}
	});

	it('ignores headings inside code fences (backticks and tildes)', () => {
		const markdown = '# Real\n\n```md\n# Not a heading\nNot\n---\n```\n\n~~~~\n## also not\n~~~~\n\n## After';
		assert.deepStrictEqual(shape(markdown), [[1, 'Real', 0], [2, 'After', 12]]);
	});

	it('ignores headings inside HTML blocks, including comments that span blank lines', () => {
		const markdown = '<div>\n# inside a div\n</div>\n\n<!--\n# commented out\n\n## still a comment\n-->\n\n# Outside';
		assert.deepStrictEqual(shape(markdown), [[1, 'Outside', 10]]);
	});

	it('shows inline markup as plain text: bold, code, links, images, entities, raw inline HTML', () => {
		const markdown = '# **Bold** and `code` and [a link](https://example.com) ![alt text](x.png) &amp; <b>tag</b>';
		assert.deepStrictEqual(shape(markdown), [[1, 'Bold and code and a link alt text & tag', 0]]);
	});

	it('finds headings inside list items and block quotes', () => {
		assert.deepStrictEqual(shape('- # In a list\n\n> ## In a quote'), [[1, 'In a list', 0], [2, 'In a quote', 2]]);
	});

	it('gives GitHub-style slugs with suffixes for duplicates', () => {
		const slugs = extractHeadings('# Why Tokens?\n## Step 1: Prefill & Decode\n## Intro\n## Intro\n## Intro 1\n## Intro').map((h) => h.slug);
		assert.deepStrictEqual(slugs, ['why-tokens', 'step-1-prefill--decode', 'intro', 'intro-1', 'intro-1-1', 'intro-2']);
	});

	it('returns nothing for an empty text', () => {
		assert.deepStrictEqual(extractHeadings(''), []);
		assert.deepStrictEqual(extractHeadings('\n\n   \n'), []);
	});

	it('gives the same headings when a big text is parsed in slices', async () => {
		let text = '';
		for (let i = 0; i < 400; i++) {
			text += `# Part ${i}\n\nSome text *here*.\n\n\`\`\`\n# fenced ${i}\n\n# still fenced\n\`\`\`\n\n<!--\n\n# hidden ${i}\n\n-->\n\nSetext ${i}\n---\n\n- item\n\n    # indented code\n\n`;
		}
		let pauses = 0;
		const sliced = await extractHeadingsSliced(text, { sliceLength: 1024, yieldFn: async () => { pauses++; } });
		assert.ok(pauses > 10, `expected many slices, got ${pauses}`);
		assert.deepStrictEqual(sliced, extractHeadings(text));
	});

	it('stops a sliced parse when it is cancelled', async () => {
		const text = '# a\n\npara\n\n'.repeat(2000);
		let calls = 0;
		const result = await extractHeadingsSliced(text, { sliceLength: 100, yieldFn: async () => undefined, isCancelled: () => ++calls > 3 });
		assert.strictEqual(result, undefined);
	});
});
