import * as vscode from 'vscode';
import { DIAGRAMS } from '../../core/diagrams/catalog';
import { DiagramsViewState, FromDiagramsWebview, isFromDiagramsWebview, parseViewState, ToDiagramsWebview } from '../../core/diagrams/messages';
import { PanelStrings, renderPanelHtml } from '../../core/diagrams/panelHtml';
import { Disposable } from '../../platform/disposable';
import { openNoteAt } from '../../platform/openNote';
import type { Services } from '../../platform/services';
import { DiagramSource } from './diagramSource';

export const DIAGRAMS_VIEW_TYPE = 'aiNotes.diagrams';

export type DiagramsTarget = { readonly view: 'gallery' } | { readonly view: 'diagram'; readonly id: string };

/**
 * The one diagrams panel. Its state lives in the webview (`setState`), which VS Code keeps while the panel is hidden
 * and hands back after a window reload, so `retainContextWhenHidden` is not needed: the page is small and rebuilds
 * in a moment from the same HTML.
 */
export class DiagramsPanel extends Disposable {
	private readonly _onDidDispose = this._register(new vscode.EventEmitter<void>());
	readonly onDidDispose = this._onDidDispose.event;

	/** A request the webview has not confirmed yet; re-sent when a (re)loaded webview says it is ready. */
	private _pending: DiagramsTarget | undefined;
	private _ready = false;

	static create(services: Services, source: DiagramSource, target: DiagramsTarget): DiagramsPanel {
		const panel = vscode.window.createWebviewPanel(
			DIAGRAMS_VIEW_TYPE,
			titleFor(target.view === 'diagram' ? target.id : undefined),
			{ viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
			webviewOptions(services.extensionUri),
		);
		return new DiagramsPanel(panel, services, source, target);
	}

	/** Takes over a panel VS Code restored after a reload; its webview brings back its own saved state. */
	static revive(panel: vscode.WebviewPanel, services: Services, source: DiagramSource, state: unknown): DiagramsPanel {
		// Options are not persisted with the panel: set them again before any HTML is loaded.
		panel.webview.options = webviewOptions(services.extensionUri);
		const saved = parseViewState(state, DIAGRAMS.map((d) => d.id));
		panel.title = titleFor(saved?.view === 'diagram' ? saved.id : undefined);
		return new DiagramsPanel(panel, services, source, undefined);
	}

	private constructor(
		readonly panel: vscode.WebviewPanel,
		private readonly _services: Services,
		private readonly _source: DiagramSource,
		initial: DiagramsTarget | undefined,
	) {
		super();
		panel.iconPath = vscode.Uri.joinPath(_services.extensionUri, 'media', 'activitybar.svg');
		this._register(panel.onDidDispose(() => {
			this._onDidDispose.fire();
			this.dispose();
		}));
		this._register(panel.webview.onDidReceiveMessage((message: unknown) => this._onMessage(message)));
		this._register(panel.onDidChangeViewState(() => {
			if (!panel.visible) {
				// A hidden webview is torn down; it says `ready` again when it comes back.
				this._ready = false;
			}
		}));
		this._render(initial).catch((e: unknown) => {
			// A bug, not something the user did: say so in the log with the context to find it.
			this._services.log.error(`Diagrams panel: could not build the page: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
		});
	}

	override dispose(): void {
		if (!this.isDisposed) {
			super.dispose();
			this.panel.dispose();
		}
	}

	/** Shows the gallery or one diagram, revealing the panel. */
	show(target: DiagramsTarget): void {
		this._pending = target;
		this.panel.reveal(undefined, false);
		if (this._ready) {
			this._post(target);
		}
	}

	private async _render(initial: DiagramsTarget | undefined): Promise<void> {
		const diagrams = await this._source.load();
		if (this.isDisposed) {
			return;
		}
		const webview = this.panel.webview;
		const initialState: DiagramsViewState | undefined = initial?.view === 'diagram'
			? { view: 'diagram', id: initial.id, zoom: 'fit' }
			: initial;
		webview.html = renderPanelHtml({
			cspSource: webview.cspSource,
			nonce: crypto.randomUUID().replace(/-/g, ''),
			scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this._services.extensionUri, 'dist', 'webview', 'diagrams.js')).toString(),
			styleUris: ['theme.css', 'panel.css'].map((name) => webview.asWebviewUri(vscode.Uri.joinPath(this._services.extensionUri, 'media', 'diagrams', name)).toString()),
			language: vscode.env.language,
			initial: initialState,
			strings: panelStrings(),
			diagrams: diagrams.map((d) => ({
				info: d.info,
				svg: d.svg,
				noteLabel: vscode.l10n.t('Explained in: {0}', d.info.heading),
			})),
		});
	}

	private _onMessage(raw: unknown): void {
		if (!isFromDiagramsWebview(raw)) {
			this._services.log.warn(`Diagrams panel: ignored an unexpected message ${JSON.stringify(raw)}`);
			return;
		}
		const message: FromDiagramsWebview = raw;
		switch (message.type) {
			case 'ready':
				this._ready = true;
				if (this._pending) {
					this._post(this._pending);
				}
				break;
			case 'shown':
				this.panel.title = titleFor(message.id);
				if (this._pending && (this._pending.view === 'gallery' ? message.id === undefined : this._pending.id === message.id)) {
					this._pending = undefined;
				}
				break;
			case 'openNote':
				void this._openNote(message.id);
				break;
		}
	}

	private _post(target: DiagramsTarget): void {
		const message: ToDiagramsWebview = target.view === 'diagram' ? { type: 'showDiagram', id: target.id } : { type: 'showGallery' };
		void this.panel.webview.postMessage(message);
	}

	private async _openNote(id: string): Promise<void> {
		const info = DIAGRAMS.find((d) => d.id === id);
		if (!info) {
			return;
		}
		const uri = vscode.Uri.joinPath(this._services.extensionUri, ...info.note.split('/'));
		try {
			// Beside the panel, so the drawing stays in view while the note is read. `openNoteAt` shows the note in
			// the active group, which after this first call is the one beside the panel.
			await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: false });
			await openNoteAt(uri, { heading: info.heading });
		} catch (e) {
			this._services.log.error(`Could not open ${uri.toString()} for diagram '${id}': ${String(e)}`);
			void vscode.window.showErrorMessage(vscode.l10n.t(
				'Could not open the note "{0}" that explains this diagram. Reinstalling AI Notes Companion restores the bundled notes.',
				info.note,
			));
		}
	}
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
	return {
		enableScripts: true,
		enableForms: false,
		enableFindWidget: true,
		// The drawings are inlined; the page loads only its stylesheets (media/diagrams/) and its script.
		localResourceRoots: [
			vscode.Uri.joinPath(extensionUri, 'media', 'diagrams'),
			vscode.Uri.joinPath(extensionUri, 'dist', 'webview'),
		],
	};
}

function titleFor(id: string | undefined): string {
	const info = id ? DIAGRAMS.find((d) => d.id === id) : undefined;
	return info ? vscode.l10n.t('Diagram: {0}', info.title) : vscode.l10n.t('AI Notes Diagrams');
}

function panelStrings(): PanelStrings {
	return {
		pageTitle: vscode.l10n.t('AI Notes Diagrams'),
		heading: vscode.l10n.t('Diagrams'),
		intro: vscode.l10n.t('The concept diagrams of the notes. Choose one to see it large; each links to the note that explains it.'),
		back: vscode.l10n.t('← All diagrams'),
		fit: vscode.l10n.t('Fit'),
		actualSize: vscode.l10n.t('100%'),
		zoomIn: vscode.l10n.t('Zoom in'),
		zoomOut: vscode.l10n.t('Zoom out'),
		zoomToolbar: vscode.l10n.t('Zoom'),
		unavailable: vscode.l10n.t('This diagram could not be loaded. Run "AI Notes: Show Log" for details.'),
	};
}
