import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { escapeMarkdown } from '../../../src/core/glossary/escapeMarkdown';

describe('Glossary hover escaping', () => {
	// A real markdown renderer, with HTML on (the worst case), shows what a hover would make of the text.
	const md = new MarkdownIt({ html: true, linkify: true });
	const render = (text: string): string => md.renderInline(escapeMarkdown(text));

	it('renders links, commands, HTML, emphasis and icons as plain text', () => {
		assert.strictEqual(
			render('Click [here](command:workbench.action.quit) or <img src=x onerror=alert(1)> **now** $(zap) & `code`'),
			'Click [here](command:workbench.action.quit) or &lt;img src=x onerror=alert(1)&gt; **now** $(zap) &amp; `code`',
		);
	});

	it('keeps ordinary text, regex characters and non-Latin text readable', () => {
		assert.strictEqual(render('C++ and top-p, k/v: 注意力 🤖 (fine-tuning)'), 'C++ and top-p, k/v: 注意力 🤖 (fine-tuning)');
		assert.strictEqual(render('line one\n\n# line two'), 'line one # line two');
	});

	it('does not let an autolink through', () => {
		assert.ok(!render('see https://example.com/x and www.example.com').includes('<a'));
	});
});
