import * as assert from 'assert';
import { classifyLink } from '../../../src/core/notes/links';
import { renderNote, type ImageTarget, type RenderHost } from '../../../src/core/notes/render';
import { isFromPreviewMessage } from '../../../src/core/notes/messages';

/** A host like the extension's: `media/diagrams/*.svg` are diagrams, http(s) is remote, `../` escapes. */
const host: RenderHost = {
	image(src: string): ImageTarget {
		if (/^https?:/i.test(src)) {
			return { kind: 'blocked', reason: 'remote' };
		}
		if (src.startsWith('../../')) {
			return { kind: 'blocked', reason: 'outside' };
		}
		const diagram = /media\/diagrams\/([a-z0-9-]+)\.svg$/.exec(src);
		return { kind: 'local', src: `https://webview.test/${src}`, diagramId: diagram?.[1] };
	},
	blockedImageText: (reason, alt) => `[${reason} image: ${alt}]`,
};

describe('notes: preview rendering', () => {
	it('escapes raw HTML written in a note instead of rendering it', () => {
		const { html } = renderNote('# Hi\n\n<script>alert(1)</script>\n\n<img src=x onerror="alert(1)"> and <b>bold</b>', host);
		assert.ok(!/<script|<img src=x|<b>/.test(html), html);
		assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), html);
	});

	it('inlines a diagram the host gives as checked SVG, as a button labelled by the alt text', () => {
		const svg = '<svg viewBox="0 0 8 5" aria-hidden="true"><rect class="box" x="1" y="1" width="2" height="2"></rect></svg>';
		const inline: RenderHost = { ...host, image: (src) => ({ kind: 'diagram', id: /([a-z-]+)\.svg$/.exec(src)?.[1] ?? '', svg }) };
		const { html } = renderNote('![The "stack" <b>](../media/diagrams/ai-stack.svg "AI stack")', inline);
		assert.strictEqual(html.trim(), `<p data-line="0"><span class="diagram" data-diagram="ai-stack" tabindex="0" role="button" aria-label="The &quot;stack&quot; &lt;b&gt;" title="AI stack">${svg}</span></p>`);
	});

	it('shows a diagram that could not be inlined as a clickable image', () => {
		const { html } = renderNote('![The stack](../media/diagrams/ai-stack.svg "AI stack")', host);
		assert.strictEqual(html.trim(), '<p data-line="0"><img src="https://webview.test/../media/diagrams/ai-stack.svg" alt="The stack" title="AI stack" data-diagram="ai-stack" class="diagram" tabindex="0" role="button"></p>');
	});

	it('escapes what it writes into attributes and placeholders', () => {
		const { html } = renderNote('![a "quote" <b>](media/diagrams/attention.svg)\n\n![x" onerror="y](https://e.x/"q".png)', host);
		assert.ok(html.includes('alt="a &quot;quote&quot; &lt;b&gt;"'), html);
		assert.ok(html.includes('[remote image: x&quot; onerror=&quot;y]'), html);
		assert.ok(!html.includes('" onerror="'), html);
	});

	it('replaces remote images and images outside the roots with a placeholder', () => {
		const { html } = renderNote('![tracker](https://evil.example/pixel.png)\n\n![secret](../../etc/x.png)', host);
		assert.ok(!html.includes('<img'), html);
		assert.ok(html.includes('[remote image: tracker]') && html.includes('[outside image: secret]'), html);
	});

	it('renders links without href, so only the extension decides what a click opens', () => {
		const { html } = renderNote('[next](12-attention.md#how-attention-works) [web](https://example.com/a?b=1) [js](javascript:alert(1))', host);
		assert.ok(!/\shref=/.test(html), html);
		assert.ok(html.includes('data-href="12-attention.md#how-attention-works" class="link link-note"'), html);
		assert.ok(html.includes('data-href="https://example.com/a?b=1" class="link link-external"'), html);
		// markdown-it itself refuses javascript: links; they stay text.
		assert.ok(html.includes('[js](javascript:alert(1))'), html);
	});

	it('gives headings GitHub-style ids and blocks their source line', () => {
		const { html } = renderNote('# Prefill & Decode\n\ntext\n\n## Prefill & Decode', host);
		assert.ok(html.includes('<h1 data-line="0" id="prefill--decode">') && html.includes('<h2 data-line="4" id="prefill--decode-1">'), html);
	});

	it('does not turn bare URLs into links (linkify off)', () => {
		assert.ok(!renderNote('see https://example.com', host).html.includes('data-href'));
	});

	it('previews only the start of a huge note, cut at a line end, and says so', () => {
		const text = Array.from({ length: 100 }, (_, i) => `Line ${i}\n`).join('');
		const result = renderNote(text, host, 50);
		assert.deepStrictEqual([result.truncated, result.html.includes('Line 6'), result.html.includes('Line 7'), result.html.includes('Line 70')], [true, true, false, false]);
		assert.strictEqual(renderNote(text, host).truncated, false);
	});
});

describe('notes: links', () => {
	it('classifies links by what they would open', () => {
		assert.deepStrictEqual(
			['#top', 'other.md#a%20b', './sub/x.md', 'https://x.org/p', 'HTTP://X.org', 'mailto:a@b.c', 'command:workbench.action.quit', 'file:///etc/passwd', '//cdn.x/y', ''].map(classifyLink),
			[
				{ kind: 'anchor', fragment: 'top' },
				{ kind: 'note', path: 'other.md', fragment: 'a b' },
				{ kind: 'note', path: './sub/x.md', fragment: undefined },
				{ kind: 'external', href: 'https://x.org/p' },
				{ kind: 'external', href: 'http://x.org/' },
				{ kind: 'unsupported' },
				{ kind: 'unsupported' },
				{ kind: 'unsupported' },
				{ kind: 'unsupported' },
				{ kind: 'unsupported' },
			],
		);
	});

	it('accepts only well-formed messages from the webview', () => {
		assert.deepStrictEqual(
			[{ type: 'ready' }, { type: 'openLink', href: 'x.md' }, { type: 'openLink', href: 3 }, { type: 'openDiagram' }, { type: 'eval' }, null, 'ready'].map(isFromPreviewMessage),
			[true, true, false, false, false, false, false],
		);
	});
});
