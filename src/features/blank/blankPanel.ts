import * as vscode from 'vscode';
import { isOpenableLink } from '../../core/blank/render';
import { isWebviewToExtension, type BlankLabel, type BlankViewState, type ExtensionToWebview } from '../../core/blank/messages';
import { Disposable } from '../../platform/disposable';
import { webviewShell } from '../../platform/webviewShell';

export const BLANK_VIEW_TYPE = 'aiNotes.blank';

/** Streamed updates are coalesced to at most one message per this many milliseconds. */
const UPDATE_INTERVAL_MS = 50;

export function blankLabels(): Record<BlankLabel, string> {
	return {
		title: vscode.l10n.t('Explain This Blank'),
		passage: vscode.l10n.t('Passage'),
		blank: vscode.l10n.t('blank'),
		fill: vscode.l10n.t('Best fill'),
		alternatives: vscode.l10n.t('Alternatives'),
		explanation: vscode.l10n.t('Why'),
		original: vscode.l10n.t('Original'),
		verdict: vscode.l10n.t('Verdict'),
		yourGuess: vscode.l10n.t('Your guess'),
		thinking: vscode.l10n.t('Thinking…'),
		streaming: vscode.l10n.t('Receiving the answer…'),
		revealing: vscode.l10n.t('Comparing with the original…'),
		cancelled: vscode.l10n.t('Cancelled. What arrived before is kept below.'),
		unformatted: vscode.l10n.t('The model did not use the answer format; its text is shown as it came.'),
		same: vscode.l10n.t('same'),
		equivalent: vscode.l10n.t('equivalent'),
		different: vscode.l10n.t('different'),
		empty: vscode.l10n.t('Select text to hide (or put the cursor on ____, [MASK] or <mask>) and run "AI Notes: Explain This Blank".'),
	};
}

/**
 * The side panel. One panel is reused for every question (like the markdown preview), so asking again does
 * not pile up tabs. The webview gets the whole state on each update and renders it with DOM text nodes;
 * only `explanationHtml`, produced by markdown-it with raw HTML off, is set as HTML.
 */
export class BlankPanel extends Disposable {
	private _panel: vscode.WebviewPanel | undefined;
	private _state: BlankViewState | undefined;
	private _timer: ReturnType<typeof setTimeout> | undefined;
	private _lastPost = 0;
	private _latestId = 0;

	constructor(private readonly _extensionUri: vscode.Uri, private readonly _log: vscode.LogOutputChannel) {
		super();
	}

	get visible(): boolean {
		return this._panel?.visible ?? false;
	}

	/** Shows the panel beside the editor without taking the focus from it. */
	show(state: BlankViewState): void {
		this._latestId = Math.max(this._latestId, state.id);
		this._state = state;
		if (!this._panel) {
			this._panel = this._create();
		} else if (!this._panel.visible) {
			this._panel.reveal(vscode.ViewColumn.Beside, true);
		}
		this._postNow();
	}

	/** Updates the content; streamed updates are throttled, the last one always arrives. */
	update(state: BlankViewState, immediate = false): void {
		// A question that was replaced by a newer one may still report (its cancellation, a late chunk):
		// it must not overwrite the newer answer.
		if (state.id < this._latestId) {
			return;
		}
		this._latestId = state.id;
		this._state = state;
		if (!this._panel) {
			return;
		}
		const wait = UPDATE_INTERVAL_MS - (Date.now() - this._lastPost);
		if (immediate || wait <= 0) {
			this._postNow();
		} else {
			this._timer ??= setTimeout(() => this._postNow(), wait);
		}
	}

	private _postNow(): void {
		clearTimeout(this._timer);
		this._timer = undefined;
		this._lastPost = Date.now();
		if (this._panel && this._state) {
			const message: ExtensionToWebview = { type: 'state', state: this._state };
			void this._panel.webview.postMessage(message);
		}
	}

	private _create(): vscode.WebviewPanel {
		const media = vscode.Uri.joinPath(this._extensionUri, 'media', 'blank');
		const scripts = vscode.Uri.joinPath(this._extensionUri, 'dist', 'webview');
		const panel = vscode.window.createWebviewPanel(BLANK_VIEW_TYPE, vscode.l10n.t('Explain This Blank'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
			enableScripts: true,
			enableForms: false,
			enableCommandUris: false,
			localResourceRoots: [media, scripts],
		});
		panel.iconPath = vscode.Uri.joinPath(this._extensionUri, 'media', 'activitybar.svg');
		const webview = panel.webview;
		webview.html = webviewShell(webview, {
			title: vscode.l10n.t('Explain This Blank'),
			styles: [vscode.Uri.joinPath(media, 'panel.css')],
			script: vscode.Uri.joinPath(scripts, 'blank.js'),
			body: '<main id="root"></main>',
		});
		this._register(webview.onDidReceiveMessage((message: unknown) => this._onMessage(message)));
		this._register(panel.onDidDispose(() => {
			this._panel = undefined;
		}));
		this._register(panel);
		return panel;
	}

	private _onMessage(message: unknown): void {
		if (!isWebviewToExtension(message)) {
			this._log.warn('Blank: ignored a malformed message from the panel');
			return;
		}
		switch (message.type) {
			case 'ready':
				// The webview (re)loaded, e.g. after being hidden: send the current state again.
				this._postNow();
				break;
			case 'openLink':
				// Links in model output open only on a click, only for web URLs, and through VS Code's own
				// opener, which asks before opening an untrusted domain.
				if (isOpenableLink(message.href)) {
					void vscode.env.openExternal(vscode.Uri.parse(message.href, true));
				} else {
					this._log.warn(`Blank: refused to open a link from the panel: ${message.href.slice(0, 200)}`);
				}
				break;
			default:
				break;
		}
	}

	override dispose(): void {
		clearTimeout(this._timer);
		super.dispose();
	}
}

