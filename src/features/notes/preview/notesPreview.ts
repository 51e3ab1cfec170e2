import * as vscode from 'vscode';
import { DIAGRAMS } from '../../../core/diagrams/catalog';
import { decodeNote } from '../../../core/notes/decode';
import { extractHeadings } from '../../../core/notes/headings';
import { isFromPreviewMessage, type FromPreviewMessage, type PreviewState, type ToPreviewMessage } from '../../../core/notes/messages';
import { renderNote } from '../../../core/notes/render';
import { Disposable } from '../../../platform/disposable';
import { DiagramSource } from '../../diagrams/diagramSource';
import type { Services } from '../../../platform/services';
import { followPreviewLink } from './previewLinks';
import { blockedImageText, previewRoots, resolveImage } from './previewResources';

export const PREVIEW_VIEW_TYPE = 'aiNotes.notesPreview';

/** Edits are re-rendered after this pause in typing. */
const RENDER_DEBOUNCE_MS = 250;

function escapeAttribute(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The notes preview: one webview panel, reused for whichever note is previewed, that follows edits to its
 * note and comes back after a window reload (its state names the note and the scroll line).
 */
export class NotesPreview extends Disposable {
	private _panel: vscode.WebviewPanel | undefined;
	private _panelDisposables: vscode.Disposable[] = [];
	private _note: vscode.Uri | undefined;
	private _timer: ReturnType<typeof setTimeout> | undefined;
	private _watcher: vscode.FileSystemWatcher | undefined;
	/** The bundled diagrams, checked and serialised once for inlining (the same source the diagrams panel uses). */
	private readonly _diagrams: DiagramSource;

	constructor(private readonly _services: Services) {
		super();
		this._diagrams = new DiagramSource(_services.extensionUri, _services.log);
		this._register(vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
			deserializeWebviewPanel: async (panel, state: unknown) => {
				const restored = state as Partial<PreviewState> | undefined;
				if (typeof restored?.uri !== 'string') {
					panel.dispose();
					return;
				}
				this._adopt(panel);
				await this.show(vscode.Uri.parse(restored.uri), typeof restored.line === 'number' ? restored.line : undefined);
			},
		}));
		this._register(vscode.workspace.onDidChangeTextDocument((event) => {
			if (this._note && event.document.uri.toString() === this._note.toString()) {
				this._renderSoon();
			}
		}));
		this._register({ dispose: () => this._disposePanel() });
	}

	get note(): vscode.Uri | undefined {
		return this._note;
	}

	/** Shows `note` in the preview panel, creating it the first time. */
	async show(note: vscode.Uri, line?: number): Promise<void> {
		if (!this._panel) {
			this._adopt(vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, vscode.l10n.t('Preview'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
				enableScripts: true,
				enableForms: false,
				retainContextWhenHidden: false,
				localResourceRoots: previewRoots(this._services.extensionUri, note),
			}));
		}
		const panel = this._panel;
		if (!panel) {
			return;
		}
		const changedNote = this._note?.toString() !== note.toString();
		this._note = note;
		if (changedNote) {
			panel.webview.options = { enableScripts: true, enableForms: false, localResourceRoots: previewRoots(this._services.extensionUri, note) };
			panel.webview.html = this._html(panel.webview);
			this._watchFile(note);
		}
		panel.reveal(undefined, true);
		await this._render(line ?? (changedNote ? 0 : undefined));
	}

	private _adopt(panel: vscode.WebviewPanel): void {
		this._disposePanel();
		this._panel = panel;
		this._note = undefined;
		panel.iconPath = vscode.Uri.joinPath(this._services.extensionUri, 'media', 'activitybar.svg');
		this._panelDisposables.push(
			panel.onDidDispose(() => {
				if (this._panel === panel) {
					this._panel = undefined;
					this._note = undefined;
					this._disposePanelListeners();
				}
			}),
			panel.webview.onDidReceiveMessage((message: unknown) => {
				if (!isFromPreviewMessage(message)) {
					this._services.log.warn('Notes preview: ignored a malformed message from the webview');
					return;
				}
				this._onMessage(message).catch((error: unknown) => this._services.log.error('Notes preview: handling a message failed', error));
			}),
		);
	}

	private async _onMessage(message: FromPreviewMessage): Promise<void> {
		switch (message.type) {
			case 'ready':
				await this._render();
				return;
			case 'openLink':
				if (this._note) {
					await followPreviewLink(message.href, this._note);
				}
				return;
			case 'openDiagram':
				// Only ids of the catalog: the webview must not be able to run a command with arbitrary input.
				if (DIAGRAMS.some((diagram) => diagram.id === message.id)) {
					await vscode.commands.executeCommand('aiNotes.openDiagram', message.id);
				}
				return;
		}
	}

	private _watchFile(note: vscode.Uri): void {
		this._watcher?.dispose();
		this._watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(note, '..'), note.path.slice(note.path.lastIndexOf('/') + 1)));
		this._watcher.onDidChange(() => this._renderSoon());
		this._watcher.onDidCreate(() => this._renderSoon());
		// Rendering a deleted file says that it cannot be read, which is what the reader needs to know.
		this._watcher.onDidDelete(() => this._renderSoon());
	}

	private _renderSoon(): void {
		clearTimeout(this._timer);
		this._timer = setTimeout(() => {
			this._render().catch((error: unknown) => this._services.log.error('Notes preview: render failed', error));
		}, RENDER_DEBOUNCE_MS);
	}

	private async _text(note: vscode.Uri): Promise<{ text: string } | { error: string }> {
		const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === note.toString());
		if (open) {
			return { text: open.getText() };
		}
		let bytes: Uint8Array;
		try {
			bytes = await vscode.workspace.fs.readFile(note);
		} catch (error) {
			return { error: vscode.l10n.t('The note cannot be read: {0}', error instanceof Error ? error.message : String(error)) };
		}
		const decoded = decodeNote(bytes);
		switch (decoded.kind) {
			case 'text':
				return { text: decoded.text };
			case 'binary':
				return { error: vscode.l10n.t('This file is binary, not a markdown note.') };
			case 'notUtf8':
				return { error: vscode.l10n.t('This note is not saved as UTF-8. Reopen it with the right encoding and save it as UTF-8 to preview it.') };
			case 'tooLarge':
				return { error: vscode.l10n.t('This note is too large to preview ({0} MB).', (decoded.size / 1048576).toFixed(1)) };
		}
	}

	private async _render(line?: number): Promise<void> {
		const panel = this._panel;
		const note = this._note;
		if (!panel || !note) {
			return;
		}
		const [source, diagrams] = await Promise.all([this._text(note), this._diagrams.load()]);
		// Another render may have switched the note while the file was being read.
		if (this._panel !== panel || this._note?.toString() !== note.toString()) {
			return;
		}
		if ('error' in source) {
			await this._post(panel, { type: 'showError', message: source.error });
			return;
		}
		const roots = previewRoots(this._services.extensionUri, note);
		const rendered = renderNote(source.text, {
			image: (src) => resolveImage(src, note, roots, this._services.extensionUri, panel.webview, (id) => diagrams.find((d) => d.info.id === id)?.svg),
			blockedImageText,
		});
		const fileName = note.path.slice(note.path.lastIndexOf('/') + 1);
		const title = extractHeadings(rendered.truncated ? source.text.slice(0, 65536) : source.text).find((heading) => heading.level === 1)?.text || fileName;
		panel.title = vscode.l10n.t('Preview {0}', title);
		const notice = rendered.truncated ? `<p class="notice">${escapeAttribute(vscode.l10n.t('This note is very large: the preview shows its beginning only.'))}</p>` : '';
		await this._post(panel, { type: 'render', uri: note.toString(), title, html: rendered.html + notice, line, imageErrorText: vscode.l10n.t('[Image could not be loaded: {0}]') });
	}

	private async _post(panel: vscode.WebviewPanel, message: ToPreviewMessage): Promise<void> {
		await panel.webview.postMessage(message);
	}

	private _html(webview: vscode.Webview): string {
		const nonce = crypto.randomUUID().replace(/-/g, '');
		const script = webview.asWebviewUri(vscode.Uri.joinPath(this._services.extensionUri, 'dist', 'webview', 'preview.js'));
		// The diagram theme first: preview.css only places the drawings, the theme colours them as in the diagrams panel.
		const styles = [['diagrams', 'theme.css'], ['preview', 'preview.css']]
			.map((path) => webview.asWebviewUri(vscode.Uri.joinPath(this._services.extensionUri, 'media', ...path)));
		const csp = [
			`default-src 'none'`,
			`img-src ${webview.cspSource}`,
			`style-src ${webview.cspSource}`,
			`font-src ${webview.cspSource}`,
			`script-src 'nonce-${nonce}'`,
		].join('; ');
		return `<!DOCTYPE html>
<html lang="${escapeAttribute(vscode.env.language)}">
<head>
	<meta charset="UTF-8">
	<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
	<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles.map((style) => `	<link rel="stylesheet" href="${escapeAttribute(style.toString())}">\n`).join('')}	<title>${escapeAttribute(vscode.l10n.t('Notes preview'))}</title>
</head>
<body>
	<main id="content" class="note" aria-live="polite"></main>
	<script nonce="${nonce}" src="${escapeAttribute(script.toString())}"></script>
</body>
</html>`;
	}

	private _disposePanelListeners(): void {
		for (const disposable of this._panelDisposables) {
			disposable.dispose();
		}
		this._panelDisposables = [];
		this._watcher?.dispose();
		this._watcher = undefined;
		clearTimeout(this._timer);
	}

	private _disposePanel(): void {
		const panel = this._panel;
		this._panel = undefined;
		this._disposePanelListeners();
		panel?.dispose();
	}
}
