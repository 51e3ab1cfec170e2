/**
 * Makes text from a glossary file inert inside a hover's markdown: every ASCII punctuation character markdown
 * could act on gets a backslash (so `[x](command:...)` is not a link and `$(icon)` is not an icon), and `<` and
 * `&` become entities so nothing reads as HTML even where HTML were enabled. Runs of whitespace become one space.
 */
export function escapeMarkdown(text: string): string {
	return text
		.replace(/[\\`*_{}[\]()#+\-.!|~$:>"']/g, '\\$&')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/\s+/g, ' ');
}
