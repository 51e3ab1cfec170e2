import MarkdownIt from 'markdown-it';
import { plainText } from './headings';
import { classifyLink } from './links';
import { Slugger } from './slug';

type Token = MarkdownIt.Token;
type Markdown = InstanceType<typeof MarkdownIt>;

/** How the host wants one image shown. */
export type ImageTarget =
	| { readonly kind: 'local'; readonly src: string; readonly diagramId?: string }
	/**
	 * A bundled diagram shown inline, so that it takes the theme's colours (an `<img>` is a separate document that
	 * neither `currentColor` nor the theme's CSS variables reach). `svg` must come from `toInlineSvg` in
	 * `core/diagrams/svgSafety.ts`: checked against the allowlist and re-serialised, it is the one piece of markup
	 * the renderer does not write itself.
	 */
	| { readonly kind: 'diagram'; readonly id: string; readonly svg: string }
	| { readonly kind: 'blocked'; readonly reason: 'remote' | 'outside' | 'unsupported' };

export interface RenderHost {
	/** Maps an image's `src` as written in the note to something the webview may load. */
	image(src: string): ImageTarget;
	/** Localised placeholder text for an image that is not shown. */
	blockedImageText(reason: 'remote' | 'outside' | 'unsupported', alt: string, src: string): string;
}

/** Notes bigger than this are previewed up to here, with a notice: rendering 10 MB takes seconds. */
export const MAX_PREVIEW_LENGTH = 2 * 1024 * 1024;

interface RenderEnv {
	host: RenderHost;
	slugger: Slugger;
}

/**
 * The state of the render in progress. markdown-it's own `env` is loosely typed; rendering is synchronous,
 * so one module-level slot set around each render is both simpler and type-safe.
 */
let current: RenderEnv | undefined;

function env(): RenderEnv {
	if (!current) {
		throw new Error('renderNote: rule called outside a render');
	}
	return current;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/**
 * The renderer of the preview. Raw HTML is off, so a note cannot inject markup or script; linkify is off so
 * bare text never becomes a link the user did not write. Links get no `href` at all: the webview turns a
 * click into a message and the extension decides what to open, so nothing leaves the editor by itself.
 */
function createRenderer(): Markdown {
	const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

	// Source lines on block elements let the webview keep and restore its scroll position.
	md.core.ruler.push('source_lines', (state) => {
		for (const token of state.tokens) {
			if (token.map && token.level === 0 && (token.nesting === 1 || token.nesting === 0) && token.type !== 'inline') {
				token.attrSet('data-line', String(token.map[0]));
			}
		}
	});

	md.renderer.rules.heading_open = (tokens, idx, options, _env, self) => {
		const inline = tokens[idx + 1];
		tokens[idx].attrSet('id', env().slugger.slug(plainText(inline?.children ?? []).replace(/\s+/g, ' ').trim()));
		return self.renderToken(tokens, idx, options);
	};

	md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
		const token = tokens[idx];
		const href = String(token.attrGet('href') ?? '');
		token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'href');
		const kind = classifyLink(href).kind;
		token.attrSet('data-href', href);
		token.attrSet('class', `link link-${kind}`);
		token.attrSet('tabindex', '0');
		token.attrSet('role', 'link');
		token.attrSet('title', href);
		return self.renderToken(tokens, idx, options);
	};

	md.renderer.rules.image = (tokens, idx, options, _env, self) => {
		const token: Token = tokens[idx];
		const src = String(token.attrGet('src') ?? '');
		const alt = self.renderInlineAsText(token.children ?? [], options, {});
		const title = token.attrGet('title');
		const titleText = title === null || title === undefined ? '' : String(title);
		const target = env().host.image(src);
		if (target.kind === 'blocked') {
			return `<span class="blocked-image" title="${escapeHtml(src)}">${escapeHtml(env().host.blockedImageText(target.reason, alt, src))}</span>`;
		}
		const titleAttribute = titleText ? ` title="${escapeHtml(titleText)}"` : '';
		if (target.kind === 'diagram') {
			// A button labelled by the alt text; the drawing inside is decorative (`toInlineSvg` hides it from screen readers).
			return `<span class="diagram" data-diagram="${escapeHtml(target.id)}" tabindex="0" role="button" aria-label="${escapeHtml(alt || target.id)}"${titleAttribute}>${target.svg}</span>`;
		}
		const diagram = target.diagramId ? ` data-diagram="${escapeHtml(target.diagramId)}" class="diagram" tabindex="0" role="button"` : '';
		return `<img src="${escapeHtml(target.src)}" alt="${escapeHtml(alt)}"${titleAttribute}${diagram}>`;
	};
	return md;
}

const renderer = createRenderer();

/** Renders a note to HTML for the preview webview. The result contains no markup written in the note. */
export function renderNote(text: string, host: RenderHost, maxLength = MAX_PREVIEW_LENGTH): { html: string; truncated: boolean } {
	const truncated = text.length > maxLength;
	// Cut at a line end, so the last line shown is whole.
	const source = truncated ? text.slice(0, text.lastIndexOf('\n', maxLength) + 1 || maxLength) : text;
	current = { host, slugger: new Slugger() };
	try {
		return { html: renderer.render(source, {}), truncated };
	} finally {
		current = undefined;
	}
}
