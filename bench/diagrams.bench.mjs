// Diagrams: what it costs to open the panel with all eight drawings checked and inlined.
// Baselines, measured in the same run on the same eight files:
//  - "regex scan": the obvious shortcut, three regexes over the raw text (script, foreignObject, on*=). It is not a
//    safety check (it misses external references, entities, namespaced names), only a floor for "look at the bytes";
//  - "sax parse only": the streaming XML parser that @vscode/vsce already pulls in (a dev dependency, not shipped),
//    parsing without any check or output.
// Ours: `checkDiagramSvg` (strict parse + allowlist) then `toInlineSvg` (re-serialise from the tree), then the whole
// panel page with `renderPanelHtml`. It runs once per panel (the result is cached), not per keystroke.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

function median(samples) {
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

function time(fn, rounds) {
	for (let i = 0; i < 20; i++) {
		fn();
	}
	const samples = [];
	for (let i = 0; i < rounds; i++) {
		const start = performance.now();
		fn();
		samples.push(performance.now() - start);
	}
	return median(samples);
}

export default async function bench(ctx) {
	const require = createRequire(join(ctx.root, 'package.json'));
	const { checkDiagramSvg, toInlineSvg } = require(join(ctx.out, 'src/core/diagrams/svgSafety.js'));
	const { renderPanelHtml } = require(join(ctx.out, 'src/core/diagrams/panelHtml.js'));
	const { DIAGRAMS } = require(join(ctx.out, 'src/core/diagrams/catalog.js'));
	const sax = require('sax');

	const dir = join(ctx.root, 'media', 'diagrams');
	const files = readdirSync(dir).filter((f) => f.endsWith('.svg')).sort();
	const texts = files.map((f) => readFileSync(join(dir, f), 'utf8'));
	const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
	const rounds = 300;

	const regexScan = () => texts.map((t) => /<\s*script/i.test(t) || /foreignObject/i.test(t) || /\son[a-z]+\s*=/i.test(t));
	const saxParse = () => texts.map((t) => {
		const parser = sax.parser(true);
		let elements = 0;
		parser.onopentag = () => {
			elements++;
		};
		parser.write(t).close();
		return elements;
	});
	const ours = () => texts.map((t) => toInlineSvg(checkDiagramSvg(t).root, { decorative: true }));
	const inlined = ours();
	const page = () => renderPanelHtml({
		cspSource: 'https://webview.test', nonce: 'n', scriptUri: 's', styleUris: ['t', 'c'], language: 'en',
		strings: { pageTitle: 'Diagrams', heading: 'Diagrams', intro: '', back: 'Back', fit: 'Fit', actualSize: '100%', zoomIn: '+', zoomOut: '-', zoomToolbar: 'Zoom', unavailable: '' },
		diagrams: DIAGRAMS.map((info, i) => ({ info, svg: inlined[i], noteLabel: info.heading })),
	});

	const base = time(regexScan, rounds);
	const saxMs = time(saxParse, rounds);
	const oursMs = time(ours, rounds);
	const pageMs = time(() => page(), rounds);
	const html = page();
	const inlineBytes = inlined.reduce((n, t) => n + Buffer.byteLength(t), 0);
	return [
		{
			title: `Diagrams: check and inline all ${files.length} SVGs (${(bytes / 1024).toFixed(0)} KiB), median of ${rounds} rounds`,
			columns: ['what', 'ms for all eight', 'vs regex scan'],
			rows: [
				['regex scan (baseline, not a real check)', base, '1×'],
				['sax parse only (peer parser, no check)', saxMs, `${(saxMs / base).toFixed(0)}×`],
				['ours: strict parse + allowlist + re-serialise', oursMs, `${(oursMs / base).toFixed(0)}×`],
				['ours: whole panel page (8 inlined drawings)', pageMs, `${(pageMs / base).toFixed(1)}×`],
			],
			note: `Ours costs ${(oursMs / saxMs).toFixed(2)}× a bare sax parse while also checking and writing the drawings; it runs once per session (cached). Sizes: files ${(bytes / 1024).toFixed(1)} KiB, inlined markup ${(inlineBytes / 1024).toFixed(1)} KiB (the <style> blocks are dropped), panel page ${(Buffer.byteLength(html) / 1024).toFixed(1)} KiB.`,
		},
	];
}
