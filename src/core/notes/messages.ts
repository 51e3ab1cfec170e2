/**
 * Messages between the notes preview webview and the extension. Both sides switch on `type`; the
 * extension never trusts a message's content (a link is re-validated before anything opens).
 */

/** What the webview keeps with `setState`, and what the serializer gets back after a window reload. */
export interface PreviewState {
	/** The previewed note's URI, as a string. */
	readonly uri: string;
	/** 0-based source line at the top of the view, to restore the scroll position. */
	readonly line: number;
}

export type ToPreviewMessage =
	| {
		readonly type: 'render';
		readonly uri: string;
		readonly title: string;
		/** Rendered with raw HTML off; safe to assign as markup. */
		readonly html: string;
		/** When set, scroll to this source line instead of keeping the current scroll position. */
		readonly line?: number;
		/** Localised text shown in place of an image that fails to load; `{0}` is the image's alt text. */
		readonly imageErrorText: string;
	}
	| { readonly type: 'showError'; readonly message: string };

export type FromPreviewMessage =
	| { readonly type: 'ready' }
	| { readonly type: 'openLink'; readonly href: string }
	| { readonly type: 'openDiagram'; readonly id: string };

export function isFromPreviewMessage(value: unknown): value is FromPreviewMessage {
	if (typeof value !== 'object' || value === null) {
		return false;
	}
	const message = value as Record<string, unknown>;
	switch (message.type) {
		case 'ready':
			return true;
		case 'openLink':
			return typeof message.href === 'string';
		case 'openDiagram':
			return typeof message.id === 'string';
		default:
			return false;
	}
}
