/** What a link in a note points to, decided from its text alone (the extension resolves it further). */
export type LinkKind =
	| { readonly kind: 'anchor'; readonly fragment: string }
	| { readonly kind: 'external'; readonly href: string }
	| { readonly kind: 'note'; readonly path: string; readonly fragment?: string }
	| { readonly kind: 'unsupported' };

/**
 * Only http(s) leaves the editor, and only on a click the extension re-checks. Other schemes (`mailto:`,
 * `command:`, `file:`, `javascript:`) are never followed from a note.
 */
export function classifyLink(href: string): LinkKind {
	const trimmed = href.trim();
	if (trimmed.startsWith('#')) {
		return { kind: 'anchor', fragment: safeDecode(trimmed.slice(1)) };
	}
	if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) {
		try {
			const url = new URL(trimmed);
			if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '') {
				return { kind: 'external', href: url.toString() };
			}
		} catch {
			// Not a URL at all: fall through.
		}
		return { kind: 'unsupported' };
	}
	if (trimmed === '' || trimmed.startsWith('//')) {
		return { kind: 'unsupported' };
	}
	const hash = trimmed.indexOf('#');
	const path = safeDecode((hash === -1 ? trimmed : trimmed.slice(0, hash)).split('?')[0]);
	const fragment = hash === -1 ? undefined : safeDecode(trimmed.slice(hash + 1));
	return path === '' ? { kind: 'anchor', fragment: fragment ?? '' } : { kind: 'note', path, fragment };
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}
