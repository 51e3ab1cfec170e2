import * as assert from 'assert';
import { DIAGRAMS } from '../../../src/core/diagrams/catalog';
import { PanelStrings, renderPanelHtml } from '../../../src/core/diagrams/panelHtml';

const strings: PanelStrings = {
	pageTitle: 'Diagrams', heading: 'Diagrams', intro: 'Intro', back: 'Back', fit: 'Fit', actualSize: '100%',
	zoomIn: 'Zoom in', zoomOut: 'Zoom out', zoomToolbar: 'Zoom', unavailable: 'Could not load <this>',
};

function render(overrides: Partial<Parameters<typeof renderPanelHtml>[0]> = {}): string {
	return renderPanelHtml({
		cspSource: 'https://webview.test',
		nonce: 'n0nce',
		scriptUri: 'https://webview.test/dist/webview/diagrams.js',
		styleUris: ['https://webview.test/media/diagrams/theme.css', 'https://webview.test/media/diagrams/panel.css'],
		language: 'en',
		strings,
		diagrams: DIAGRAMS.map((info) => ({ info, svg: '<svg viewBox="0 0 1 1" aria-hidden="true"></svg>', noteLabel: `Explained in: ${info.heading}` })),
		...overrides,
	});
}

describe('diagrams panel html', () => {
	it('has a strict CSP: nothing by default, the script by nonce, styles and images from the extension only', () => {
		const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(render())?.[1];
		assert.strictEqual(csp, 'default-src &#39;none&#39;; img-src https://webview.test; style-src https://webview.test; font-src https://webview.test; script-src &#39;nonce-n0nce&#39;');
		const html = render();
		assert.strictEqual((html.match(/<script/g) ?? []).length, 1);
		assert.ok(html.includes('<script nonce="n0nce" src="https://webview.test/dist/webview/diagrams.js"></script>'));
		assert.ok(!/\sstyle=|<style/i.test(html), 'no inline styles');
		assert.deepStrictEqual(Array.from(html.matchAll(/<link rel="stylesheet" href="([^"]*)">/g), (m) => m[1]), [
			'https://webview.test/media/diagrams/theme.css',
			'https://webview.test/media/diagrams/panel.css',
		]);
	});

	it('lists every diagram with its title and caption', () => {
		const html = render();
		for (const d of DIAGRAMS) {
			assert.ok(html.includes(`data-id="${d.id}"`), d.id);
			assert.ok(html.includes(`<span class="card-title">${d.title}</span>`), d.title);
		}
	});

	it('escapes everything it interpolates', () => {
		const evil = { id: 'x', title: '<img src=x onerror=alert(1)>', caption: '"><script>', note: 'notes/a.md', heading: '</a>' };
		const html = render({ diagrams: [{ info: evil, noteLabel: 'Explained in: </a>' }], language: '"><x' });
		assert.ok(!html.includes('<img'), 'title escaped');
		assert.ok(!html.includes('"><script>'), 'caption escaped');
		assert.ok(html.includes('Could not load &lt;this&gt;'), 'a missing drawing says so');
		assert.ok(html.includes('lang="&quot;&gt;&lt;x"'));
	});

	it('carries the initial view as escaped JSON', () => {
		const html = render({ initial: { view: 'diagram', id: 'attention', zoom: 'fit' } });
		assert.ok(html.includes('data-initial="{&quot;view&quot;:&quot;diagram&quot;,&quot;id&quot;:&quot;attention&quot;,&quot;zoom&quot;:&quot;fit&quot;}"'));
	});
});
