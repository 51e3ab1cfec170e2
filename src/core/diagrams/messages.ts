/**
 * Messages between the diagrams panel and its webview, and the state the webview persists. Both sides import this
 * file, and both `switch` on `type`. Values that come from the other side are checked with the guards below before
 * use: a webview is a separate program, and a saved state may come from an older version of the extension.
 */

/** Extension -> webview. */
export type ToDiagramsWebview =
	| { readonly type: 'showGallery' }
	| { readonly type: 'showDiagram'; readonly id: string };

/** Webview -> extension. */
export type FromDiagramsWebview =
	/** Sent once the script has loaded (again after each reload of a hidden panel). */
	| { readonly type: 'ready' }
	/** The webview now shows the gallery (`id` undefined) or one diagram. */
	| { readonly type: 'shown'; readonly id?: string }
	/** The user followed "Explained in: ..." for a diagram. */
	| { readonly type: 'openNote'; readonly id: string };

/** `fit` scales the drawing to the panel; a number is a scale factor where 1 is the drawing's own size. */
export type Zoom = 'fit' | number;

export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 4;

/** Kept with `setState`, so a hidden or reloaded panel comes back as the user left it. */
export type DiagramsViewState =
	| { readonly view: 'gallery'; readonly scrollTop?: number }
	| { readonly view: 'diagram'; readonly id: string; readonly zoom: Zoom; readonly scrollLeft?: number; readonly scrollTop?: number };

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

function isId(value: unknown): value is string {
	return typeof value === 'string' && /^[a-z0-9-]{1,64}$/.test(value);
}

export function isFromDiagramsWebview(value: unknown): value is FromDiagramsWebview {
	if (!isRecord(value)) {
		return false;
	}
	switch (value.type) {
		case 'ready':
			return true;
		case 'shown':
			return value.id === undefined || isId(value.id);
		case 'openNote':
			return isId(value.id);
		default:
			return false;
	}
}

export function isToDiagramsWebview(value: unknown): value is ToDiagramsWebview {
	if (!isRecord(value)) {
		return false;
	}
	return value.type === 'showGallery' || (value.type === 'showDiagram' && isId(value.id));
}

function finiteOrUndefined(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Reads a saved state, dropping what is not understood; `knownIds` guards against a diagram that was removed. */
export function parseViewState(value: unknown, knownIds: readonly string[]): DiagramsViewState | undefined {
	if (!isRecord(value)) {
		return undefined;
	}
	if (value.view === 'gallery') {
		return { view: 'gallery', scrollTop: finiteOrUndefined(value.scrollTop) };
	}
	if (value.view === 'diagram' && isId(value.id) && knownIds.includes(value.id)) {
		const zoom: Zoom = typeof value.zoom === 'number' && Number.isFinite(value.zoom)
			? clampZoom(value.zoom)
			: 'fit';
		return { view: 'diagram', id: value.id, zoom, scrollLeft: finiteOrUndefined(value.scrollLeft), scrollTop: finiteOrUndefined(value.scrollTop) };
	}
	return undefined;
}

export function clampZoom(zoom: number): number {
	return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** The next zoom step in or out from the current scale, on a 1.25 ratio that passes through 1. */
export function stepZoom(current: number, direction: 1 | -1): number {
	const ratio = 1.25;
	const exponent = Math.log(current) / Math.log(ratio);
	// Snap first, so that zooming in from 0.93 lands on 1 and not on 1.16.
	const next = direction > 0 ? Math.floor(exponent + 1e-3) + 1 : Math.ceil(exponent - 1e-3) - 1;
	return clampZoom(Number(Math.pow(ratio, next).toFixed(4)));
}
