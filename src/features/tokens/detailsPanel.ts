import * as vscode from 'vscode';
import { ENCODINGS, type EncodingName } from '../../core/tokens/encodings';
import type { DetailsView, FromDetailsWebview, ToDetailsWebview } from '../../core/tokens/messages';
import { Disposable } from '../../platform/disposable';
import { webviewShell } from '../../platform/webviewShell';
import type { CountClient } from './countClient';
import { isCountable } from './statusBar';
import { ENCODING_MODELS, type TokenSettings } from './tokenSettings';

/** Coloured segments shown at most; counts always cover the whole text. */
const SEGMENT_LIMIT = 4000;

/**
 * The token details panel: the counted text with coloured token boundaries (ids on hover), the count under
 * every encoding side by side, characters and words per token, and an estimated cost. One panel, reused.
 */
export class TokenDetailsPanel extends Disposable {
	static readonly viewType = 'aiNotes.tokenDetails';
	private _panel: vscode.WebviewPanel | undefined;
	private _ready = false;
	private _last: ToDetailsWebview | undefined;
	private _generation = 0;

	constructor(
		private readonly _extensionUri: vscode.Uri,
		private readonly _client: CountClient,
		private readonly _settings: () => TokenSettings,
		private readonly _useEncoding: (encoding: EncodingName) => Thenable<void>,
		private readonly _log: vscode.LogOutputChannel,
	) {
		super();
		this._register(new vscode.Disposable(() => this._panel?.dispose()));
	}

	/** Shows the details of the active editor's selections, or of its document when nothing is selected. */
	async show(): Promise<void> {
		const editor = vscode.window.activeTextEditor;
		if (!editor || !isCountable(editor.document)) {
			void vscode.window.showInformationMessage(vscode.l10n.t('Open a text editor to see its token details.'));
			return;
		}
		const document = editor.document;
		const selections = editor.selections.filter((s) => !s.isEmpty);
		const text = selections.length > 0 ? selections.map((s) => document.getText(s)).join('') : document.getText();
		const scope = selections.length === 0
			? vscode.l10n.t('whole document')
			: selections.length === 1 ? vscode.l10n.t('selection') : vscode.l10n.t('{0} selections', selections.length);
		const title = vscode.workspace.asRelativePath(document.uri, false);
		this._reveal();
		await this._render(text, title, scope);
	}

	/** Renders again with the current settings (after an encoding or price change), if the panel is open. */
	async refresh(): Promise<void> {
		if (this._panel && this._source) {
			await this._render(this._source.text, this._source.title, this._source.scope);
		}
	}

	private _source: { text: string; title: string; scope: string } | undefined;

	private async _render(text: string, title: string, scope: string): Promise<void> {
		this._source = { text, title, scope };
		const generation = ++this._generation;
		const settings = this._settings();
		this._post({ type: 'counting', message: vscode.l10n.t('Counting tokens…') });
		try {
			const details = await this._client.details(text, settings.encoding, ENCODINGS, SEGMENT_LIMIT);
			if (generation !== this._generation) {
				return;
			}
			const view: DetailsView = {
				title,
				scope,
				encoding: settings.encoding,
				characters: details.characters,
				words: details.words,
				rows: details.counts.map((c) => ({ encoding: c.encoding, models: ENCODING_MODELS[c.encoding], tokens: c.tokens, current: c.encoding === settings.encoding })),
				pricePerMillion: settings.pricePerMillion,
				segments: details.segments,
				truncated: details.truncated,
				language: vscode.env.language,
				labels: {
					heading: vscode.l10n.t('Tokens'),
					encoding: vscode.l10n.t('Encoding'),
					tokens: vscode.l10n.t('Tokens'),
					charsPerToken: vscode.l10n.t('Chars/token'),
					wordsPerToken: vscode.l10n.t('Words/token'),
					cost: vscode.l10n.t('Est. cost'),
					price: vscode.l10n.t('Estimated cost at ${0} per million input tokens (setting aiNotes.tokens.pricePerMillion); check your provider\'s current price.', settings.pricePerMillion.toFixed(2)),
					characters: vscode.l10n.t('Characters'),
					words: vscode.l10n.t('Words'),
					truncated: vscode.l10n.t('Showing the first {0} tokens; the counts cover all of the text.', SEGMENT_LIMIT.toString()),
					tokenIds: vscode.l10n.t('Token ids'),
					current: vscode.l10n.t('in use'),
					useEncoding: vscode.l10n.t('Use'),
				},
			};
			this._post({ type: 'render', view });
		} catch (error) {
			this._log.error(`Token details failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
			this._post({ type: 'error', message: vscode.l10n.t('Could not count the tokens. See the "AI Notes" output for details.') });
		}
	}

	private _post(message: ToDetailsWebview): void {
		this._last = message;
		if (this._panel && this._ready) {
			void this._panel.webview.postMessage(message);
		}
	}

	private _reveal(): void {
		if (this._panel) {
			this._panel.reveal(vscode.ViewColumn.Beside, true);
			return;
		}
		const media = vscode.Uri.joinPath(this._extensionUri, 'media', 'tokens');
		const scripts = vscode.Uri.joinPath(this._extensionUri, 'dist', 'webview');
		const panel = vscode.window.createWebviewPanel(TokenDetailsPanel.viewType, vscode.l10n.t('Token Details'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
			enableScripts: true,
			enableForms: false,
			localResourceRoots: [media, scripts],
		});
		this._panel = panel;
		this._ready = false;
		const webview = panel.webview;
		webview.html = webviewShell(webview, {
			title: vscode.l10n.t('Token Details'),
			styles: [vscode.Uri.joinPath(media, 'details.css')],
			script: vscode.Uri.joinPath(scripts, 'tokens.js'),
			body: '<main id="root" aria-live="polite"></main>',
		});
		// The webview is a separate program: check what it sends before acting on it.
		const subscriptions: vscode.Disposable[] = [];
		webview.onDidReceiveMessage((raw: unknown) => {
			const message = parseFromWebview(raw);
			if (!message) {
				this._log.warn(`Token details: ignored a malformed message from the webview: ${JSON.stringify(raw)?.slice(0, 200)}`);
				return;
			}
			switch (message.type) {
				case 'ready':
					this._ready = true;
					if (this._last) {
						void webview.postMessage(this._last);
					}
					break;
				case 'useEncoding':
					if ((ENCODINGS as readonly string[]).includes(message.encoding)) {
						void this._useEncoding(message.encoding);
					}
					break;
			}
		}, undefined, subscriptions);
		panel.onDidDispose(() => {
			this._panel = undefined;
			this._ready = false;
			this._source = undefined;
			vscode.Disposable.from(...subscriptions).dispose();
		}, undefined, subscriptions);
	}
}

function parseFromWebview(raw: unknown): FromDetailsWebview | undefined {
	if (typeof raw !== 'object' || raw === null) {
		return undefined;
	}
	const message = raw as { type?: unknown; encoding?: unknown };
	if (message.type === 'ready') {
		return { type: 'ready' };
	}
	if (message.type === 'useEncoding' && typeof message.encoding === 'string' && (ENCODINGS as readonly string[]).includes(message.encoding)) {
		return { type: 'useEncoding', encoding: message.encoding as EncodingName };
	}
	return undefined;
}

