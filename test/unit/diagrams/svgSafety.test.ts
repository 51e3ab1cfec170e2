import * as assert from 'assert';
import { checkDiagramSvg, toInlineSvg } from '../../../src/core/diagrams/svgSafety';

const NS = 'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"';

function svg(body: string, attributes = ''): string {
	return `<svg ${NS}${attributes}><title>T</title><desc>D</desc>${body}</svg>`;
}

function problemsOf(source: string): readonly string[] {
	return checkDiagramSvg(source).problems;
}

describe('diagrams svg safety check', () => {
	it('a plain drawing passes', () => {
		assert.deepStrictEqual(problemsOf(svg('<style>.a { fill: var(--x, #fff); }</style><g class="a"><rect x="1" y="2" width="3" height="4"/><text x="1" y="2">Hi <tspan class="b">there</tspan></text></g>')), []);
	});

	it('flags each kind of danger', () => {
		const cases: [string, RegExp][] = [
			[svg('<script>alert(1)</script>'), /scripts are not allowed/],
			[svg('<SCRIPT>alert(1)</SCRIPT>'), /scripts are not allowed/],
			[svg('<foreignObject><div/></foreignObject>'), /foreignObject/],
			[svg('<rect onclick="x()"/>'), /event attribute 'onclick'/],
			[svg('', ' onload="x()"'), /event attribute 'onload'/],
			[svg('<a href="https://example.com"><text>x</text></a>'), /'href' is not allowed/],
			[svg('<use xlink:href="#a"/>'), /'xlink:href' is not allowed/],
			[svg('<image href="data:image/png;base64,AAAA"/>'), /'href' is not allowed/],
			[svg('<rect fill="url(https://example.com/p.svg#g)"/>'), /refers to something outside/],
			[svg('<rect fill="url(\'http://x/y\')"/>'), /refers to something outside/],
			[svg('<style>@import "https://example.com/x.css";</style>'), /@import/],
			[svg('<style>.a { background: url(http://x/y.png); }</style>'), /url\(\)/],
			[svg('<style>.a { background: u\\72l(http://x); }</style>'), /escapes/],
			[svg('<rect style="fill: red"/>'), /style attribute/],
			[svg('<animate attributeName="x"/>'), /not in the allowlist/],
			[svg('<rect filter="x"/>'), /'filter' is not in the allowlist/],
			['<svg viewBox="0 0 1 1"><title>T</title><desc>D</desc></svg>', /xmlns/],
			[`<svg ${NS}><desc>D</desc></svg>`, /<title>/],
			[`<svg ${NS}><title>T</title><desc> </desc></svg>`, /<desc>/],
			['<svg xmlns="http://www.w3.org/2000/svg"><title>T</title><desc>D</desc></svg>', /viewBox/],
			['<html/>', /root element is <html>/],
			['<svg><rect></svg>', /not well-formed/],
		];
		for (const [source, expected] of cases) {
			const problems = problemsOf(source);
			assert.ok(problems.some((p) => expected.test(p)), `${source}\n  expected ${expected}, got ${JSON.stringify(problems)}`);
		}
	});

	it('a local url(#id) reference is allowed', () => {
		assert.deepStrictEqual(problemsOf(svg('<rect fill="url(#grad)"/>')), []);
	});

	it('inlining drops the style, ids and title, keeps the drawing, and escapes text', () => {
		const { root } = checkDiagramSvg(svg('<style>.a{}</style><rect id="r" class="a" x="1"/><text>&lt;b&gt; &amp; "q"</text>', ' id="s" width="100" height="50" aria-labelledby="s"'));
		assert.ok(root);
		assert.strictEqual(
			toInlineSvg(root),
			'<svg viewBox="0 0 100 50" role="img" aria-label="T"><desc>D</desc><rect class="a" x="1"></rect><text>&lt;b&gt; &amp; "q"</text></svg>',
		);
		assert.strictEqual(
			toInlineSvg(root, { decorative: true }),
			'<svg viewBox="0 0 100 50" aria-hidden="true"><desc>D</desc><rect class="a" x="1"></rect><text>&lt;b&gt; &amp; "q"</text></svg>',
		);
	});

	it('inlining never writes what the check forbids, even if called without checking', () => {
		const { root } = checkDiagramSvg(svg('<script>x()</script><rect onclick="x()" fill="url(http://e/x)" class="c"/><foreignObject/>'));
		assert.ok(root);
		const markup = toInlineSvg(root);
		assert.ok(!/script|onclick|http|foreignObject/i.test(markup), markup);
	});
});
