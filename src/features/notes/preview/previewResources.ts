import * as vscode from 'vscode';
import { DIAGRAMS } from '../../../core/diagrams/catalog';
import type { ImageTarget } from '../../../core/notes/render';

/** `…/diagrams/<id>.svg` for an id of the catalog: shown from the extension's own copy, and clickable. */
const DIAGRAM_PATH = /(?:^|\/)diagrams\/([a-z0-9-]+)\.svg$/i;

export function diagramIdOf(path: string): string | undefined {
	const id = DIAGRAM_PATH.exec(path)?.[1]?.toLowerCase();
	return id && DIAGRAMS.some((diagram) => diagram.id === id) ? id : undefined;
}

/**
 * The folders a preview of `note` may load from: its stylesheets, the diagrams (their theme, and the `<img>`
 * fallback), its script, and the note's own workspace folder for the user's images.
 */
export function previewRoots(extensionUri: vscode.Uri, note: vscode.Uri): vscode.Uri[] {
	const folder = vscode.workspace.getWorkspaceFolder(note)?.uri ?? vscode.Uri.joinPath(note, '..');
	return [
		vscode.Uri.joinPath(extensionUri, 'media', 'preview'),
		vscode.Uri.joinPath(extensionUri, 'media', 'diagrams'),
		vscode.Uri.joinPath(extensionUri, 'dist', 'webview'),
		folder,
	];
}

function isUnder(uri: vscode.Uri, root: vscode.Uri): boolean {
	if (uri.scheme !== root.scheme || uri.authority !== root.authority) {
		return false;
	}
	const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
	return uri.path.startsWith(base);
}

function decodePath(text: string): string {
	try {
		return decodeURI(text);
	} catch {
		return text;
	}
}

/**
 * Decides how the preview shows one image of `note`. Remote images are never loaded (they would tell a
 * server that the note was opened); local ones only from the allowed roots, so a note cannot pull in
 * `../../.ssh/…`. A bundled diagram is inlined from `diagramSvg` (checked markup, see `DiagramSource`) so it
 * follows the theme; only when that failed is it shown as an `<img>` of the extension's own file.
 */
export function resolveImage(
	src: string,
	note: vscode.Uri,
	roots: readonly vscode.Uri[],
	extensionUri: vscode.Uri,
	webview: vscode.Webview,
	diagramSvg: (id: string) => string | undefined = () => undefined,
): ImageTarget {
	const trimmed = src.trim();
	if (/^(https?:)?\/\//i.test(trimmed)) {
		return { kind: 'blocked', reason: 'remote' };
	}
	if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed === '') {
		return { kind: 'blocked', reason: 'unsupported' };
	}
	const path = decodePath(trimmed.split(/[?#]/)[0]);
	const diagramId = diagramIdOf(path);
	if (diagramId) {
		const svg = diagramSvg(diagramId);
		if (svg !== undefined) {
			return { kind: 'diagram', id: diagramId, svg };
		}
		return { kind: 'local', src: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'diagrams', `${diagramId}.svg`)).toString(), diagramId };
	}
	const base = path.startsWith('/') ? (vscode.workspace.getWorkspaceFolder(note)?.uri ?? vscode.Uri.joinPath(note, '..')) : vscode.Uri.joinPath(note, '..');
	const target = vscode.Uri.joinPath(base, path.replace(/^\/+/, ''));
	if (!roots.some((root) => isUnder(target, root))) {
		return { kind: 'blocked', reason: 'outside' };
	}
	return { kind: 'local', src: webview.asWebviewUri(target).toString() };
}

export function blockedImageText(reason: 'remote' | 'outside' | 'unsupported', alt: string, src: string): string {
	const name = alt.trim() || src;
	switch (reason) {
		case 'remote':
			return vscode.l10n.t('[Remote image not loaded: {0}]', name);
		case 'outside':
			return vscode.l10n.t('[Image outside the workspace not shown: {0}]', name);
		case 'unsupported':
			return vscode.l10n.t('[Image not shown: {0}]', name);
	}
}
