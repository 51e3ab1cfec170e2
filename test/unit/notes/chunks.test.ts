import * as assert from 'assert';
import { splitIntoChunks } from '../../../src/core/notes/chunks';
import { extractHeadings, extractHeadingsSliced } from '../../../src/core/notes/headings';

/** Constructs that may hold blank lines, where a careless cut would turn their content into headings. */
const TRICKY = [
	'# Start',
	'````md\n```\n\n# not a heading (inside a four-backtick fence)\n\n```\n````',
	'~~~\n\n# not a heading (tilde fence)\n\n~~~',
	'<pre>\n\n# not a heading (pre block)\n\n</pre>',
	'<script>\n\n# not a heading (script block)\n\n</script>',
	'<!-- one-line comment --> text',
	'- a list item\n\n      # indented code inside the item\n\n  continued paragraph of the item',
	'> a quote\n>\n> # a heading inside the quote',
	'Setext in the middle\n====',
	'# End',
];

describe('notes: slicing big texts', () => {
	it('never cuts inside a fence, an HTML block or an indented continuation', async () => {
		const text = `${TRICKY.join('\n\n')}\n`;
		const whole = extractHeadings(text);
		for (const sliceLength of [1, 10, 40, 100]) {
			const sliced = await extractHeadingsSliced(text, { sliceLength, yieldFn: async () => undefined });
			assert.deepStrictEqual(sliced, whole, `slice length ${sliceLength}`);
		}
		assert.deepStrictEqual(whole.map((h) => h.text), ['Start', 'a heading inside the quote', 'Setext in the middle', 'End']);
	});

	it('keeps line numbers and joins back to the original text, with CRLF line ends too', () => {
		const text = 'a\r\n\r\nb\r\n\r\n```\r\n\r\nc\r\n```\r\n\r\nd\r\n';
		const chunks = splitIntoChunks(text, 1);
		assert.strictEqual(chunks.map((c) => c.text).join(''), text);
		assert.deepStrictEqual(chunks.map((c) => c.startLine), [0, 2, 4, 9]);
	});
});
