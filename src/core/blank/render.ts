import MarkdownIt from 'markdown-it';

/**
 * Markdown of an explanation (the model's, or the builtin model's) to HTML for the panel. Raw HTML is off,
 * so model output cannot inject markup or script. Images are never loaded: only their alt text is shown,
 * so a model cannot make the panel fetch a remote URL. Links carry no `href`: the webview turns a click
 * into a message and the extension decides what to open.
 */
const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

md.renderer.rules.image = (tokens, idx) => {
	const alt = tokens[idx].content;
	return `<span class="image-placeholder">${md.utils.escapeHtml(alt ? `[image: ${alt}]` : '[image]')}</span>`;
};

md.renderer.rules.link_open = (tokens, idx) => {
	const href = String(tokens[idx].attrGet('href') ?? '');
	return `<a class="link" role="link" tabindex="0" data-href="${md.utils.escapeHtml(href)}">`;
};

export function renderMarkdown(markdown: string): string {
	return md.render(markdown);
}

/** Only web links are opened from the panel; `command:`, `file:` and the like are refused. */
export function isOpenableLink(href: string): boolean {
	try {
		const url = new URL(href);
		return url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		return false;
	}
}
