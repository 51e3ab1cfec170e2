import type { DiagramInfo } from './catalog';
import type { DiagramsViewState } from './messages';
import { escapeAttribute, escapeText } from './svgSafety';

/** The texts of the panel, already localised by the caller (the core does not know `vscode.l10n`). */
export interface PanelStrings {
	readonly pageTitle: string;
	readonly heading: string;
	readonly intro: string;
	readonly back: string;
	readonly fit: string;
	readonly actualSize: string;
	readonly zoomIn: string;
	readonly zoomOut: string;
	readonly zoomToolbar: string;
	readonly unavailable: string;
}

export interface PanelDiagram {
	readonly info: DiagramInfo;
	/** Checked, serialised SVG markup (see `toInlineSvg`); undefined when the file could not be shown. */
	readonly svg?: string;
	/** "Explained in: <heading>", localised. */
	readonly noteLabel: string;
}

export interface PanelHtmlInput {
	readonly cspSource: string;
	readonly nonce: string;
	readonly scriptUri: string;
	/** The shared drawing theme (`media/diagrams/theme.css`) and the panel's own stylesheet, in that order. */
	readonly styleUris: readonly string[];
	readonly language: string;
	readonly diagrams: readonly PanelDiagram[];
	/** What a new panel shows first; a restored panel uses the state its webview saved instead. */
	readonly initial?: DiagramsViewState;
	readonly strings: PanelStrings;
}

/**
 * The whole page of the diagrams panel. Every interpolated value is escaped; the only markup that is not written
 * here is the SVG, and that has been through the allowlist in `svgSafety.ts`. The CSP allows the one script by
 * nonce and styles and images only from the extension's own resources, so even a drawing that slipped through
 * could neither run code nor load anything.
 */
export function renderPanelHtml(input: PanelHtmlInput): string {
	const { cspSource, nonce, strings } = input;
	const csp = [
		'default-src \'none\'',
		`img-src ${cspSource}`,
		`style-src ${cspSource}`,
		`font-src ${cspSource}`,
		`script-src 'nonce-${nonce}'`,
	].join('; ');
	const cards = input.diagrams.map((d) => renderCard(d, strings)).join('\n');
	const scriptStrings = { fit: strings.fit, unavailable: strings.unavailable };
	return `<!DOCTYPE html>
<html lang="${escapeAttribute(input.language)}">
<head>
	<meta charset="UTF-8">
	<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
	<meta name="viewport" content="width=device-width, initial-scale=1.0">
${input.styleUris.map((uri) => `	<link rel="stylesheet" href="${escapeAttribute(uri)}">\n`).join('')}	<title>${escapeText(strings.pageTitle)}</title>
</head>
<body data-initial="${escapeAttribute(JSON.stringify(input.initial ?? null))}" data-strings="${escapeAttribute(JSON.stringify(scriptStrings))}">
	<section id="gallery" aria-labelledby="gallery-heading">
		<h1 id="gallery-heading">${escapeText(strings.heading)}</h1>
		<p class="intro">${escapeText(strings.intro)}</p>
		<ul class="cards">
${cards}
		</ul>
	</section>
	<section id="viewer" aria-labelledby="viewer-title" hidden>
		<div class="toolbar">
			<button type="button" id="back" class="back">${escapeText(strings.back)}</button>
			<h1 id="viewer-title"></h1>
			<span class="spacer"></span>
			<div class="zoom" role="toolbar" aria-label="${escapeAttribute(strings.zoomToolbar)}">
				<button type="button" data-zoom="fit">${escapeText(strings.fit)}</button>
				<button type="button" data-zoom="actual">${escapeText(strings.actualSize)}</button>
				<button type="button" data-zoom="out" aria-label="${escapeAttribute(strings.zoomOut)}" title="${escapeAttribute(strings.zoomOut)} (-)">−</button>
				<output id="zoom-level" aria-live="polite">${escapeText(strings.fit)}</output>
				<button type="button" data-zoom="in" aria-label="${escapeAttribute(strings.zoomIn)}" title="${escapeAttribute(strings.zoomIn)} (+)">+</button>
			</div>
		</div>
		<div id="stage" class="stage diagram fit" tabindex="0"></div>
		<div class="footer">
			<p id="viewer-caption" class="caption"></p>
			<a href="#" id="explained" class="explained"></a>
		</div>
	</section>
	<script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(input.scriptUri)}"></script>
</body>
</html>`;
}

function renderCard(diagram: PanelDiagram, strings: PanelStrings): string {
	const { info } = diagram;
	const thumb = diagram.svg ?? `<span class="unavailable">${escapeText(strings.unavailable)}</span>`;
	return `			<li>
				<button type="button" class="card" data-id="${escapeAttribute(info.id)}" data-title="${escapeAttribute(info.title)}" data-caption="${escapeAttribute(info.caption)}" data-note="${escapeAttribute(diagram.noteLabel)}">
					<span class="thumb diagram">${thumb}</span>
					<span class="card-title">${escapeText(info.title)}</span>
					<span class="card-caption">${escapeText(info.caption)}</span>
				</button>
			</li>`;
}
