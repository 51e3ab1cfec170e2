import * as assert from 'assert';
import { glossaryHelpers } from '../../../src/core/blank/glossaryLookup';
import { isOpenableLink, renderMarkdown } from '../../../src/core/blank/render';
import { parseGlossary } from '../../../src/core/glossary';

describe('Blank explanation rendering', () => {
	it('model output cannot inject HTML or script', () => {
		const html = renderMarkdown('Look <script>alert(1)</script> <img src=x onerror=alert(1)> **here**');
		assert.ok(!html.includes('<script'), html);
		assert.ok(!html.includes('<img'), html);
		assert.ok(html.includes('&lt;script&gt;'));
		assert.ok(html.includes('<strong>here</strong>'));
	});

	it('images show their alt text and load nothing', () => {
		assert.strictEqual(renderMarkdown('![a cat](https://example.com/cat.png)'), '<p><span class="image-placeholder">[image: a cat]</span></p>\n');
	});

	it('links carry no href, only a data attribute the webview turns into a message', () => {
		const html = renderMarkdown('[docs](https://example.com/a?b="c")');
		assert.strictEqual(html, '<p><a class="link" role="link" tabindex="0" data-href="https://example.com/a?b=%22c%22">docs</a></p>\n');
	});

	it('only web links may be opened', () => {
		assert.deepStrictEqual(
			['https://example.com', 'http://localhost:3000', 'command:workbench.action.quit', 'file:///etc/passwd', 'javascript:alert(1)', 'nonsense'].map(isOpenableLink),
			[true, true, false, false, false, false],
		);
	});
});

describe('Blank glossary helpers', () => {
	const glossary = parseGlossary([
		'# Glossary',
		'',
		'## Prefill',
		'',
		'The first phase of inference: the whole prompt is processed at once.',
		'',
		'## Large language model',
		'',
		'A language model with very many parameters.',
		'',
		'Aliases: LLM',
		'',
	].join('\n'), 'glossary.md');

	it('finds a candidate\'s definition by term or alias, ignoring case and separators', () => {
		const { lookup } = glossaryHelpers(glossary.entries);
		assert.strictEqual(lookup('prefill')?.term, 'Prefill');
		assert.strictEqual(lookup('PREFILL')?.term, 'Prefill');
		assert.strictEqual(lookup('decode'), undefined);
	});

	it('knows when two fills name the same term', () => {
		const { areAliases } = glossaryHelpers(glossary.entries);
		assert.strictEqual(areAliases('LLM', 'large language model'), true);
		assert.strictEqual(areAliases('llm', 'Large-Language-Model'), true);
		assert.strictEqual(areAliases('prefill', 'large language model'), false);
	});
});
