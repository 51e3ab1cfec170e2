import * as vscode from 'vscode';
import type { Counts } from '../../core/tokens/workerProtocol';
import { Commands } from '../../platform/commands';
import { Disposable } from '../../platform/disposable';
import type { CountClient } from './countClient';
import { ENCODING_MODELS, type TokenSettings } from './tokenSettings';

/** Editors whose text is not the user's: a count there means nothing. */
const HIDDEN_SCHEMES = new Set(['output', 'debug', 'vscode-terminal', 'vscode-scm', 'comment', 'search-editor-body']);
/** Wait this long after typing or selecting before counting; a burst of events makes one count. */
const DEBOUNCE_EDIT_MS = 120;
const DEBOUNCE_SELECT_MS = 40;
/** Show "counting…" only when a count takes longer than this, so quick counts never flicker. */
const SHOW_COUNTING_AFTER_MS = 150;
/**
 * Text this long takes a good part of a second to count the first time. When the figure on show belongs to
 * another document or encoding, it gives way to "counting…" at once rather than staying up meanwhile.
 */
const LARGE_TEXT_CHARS = 1_000_000;

export function isCountable(document: vscode.TextDocument): boolean {
	return !HIDDEN_SCHEMES.has(document.uri.scheme);
}

/** Characters that a count of `ranges` (or, with none, of the whole document) covers. */
function countedLength(document: vscode.TextDocument, ranges: readonly (readonly [number, number])[]): number {
	return ranges.length > 0
		? ranges.reduce((sum, [start, end]) => sum + end - start, 0)
		: document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

export function formatNumber(n: number): string {
	return new Intl.NumberFormat(vscode.env.language).format(n);
}

/** The status bar item: tokens of the selections (summed) or of the whole document, live. */
export class TokenStatusBar extends Disposable {
	private readonly _item: vscode.StatusBarItem;
	private _timer: ReturnType<typeof setTimeout> | undefined;
	private _generation = 0;
	/** The last exact figure shown, and for which document and encoding. */
	private _shown: { key: string; text: string } | undefined;

	constructor(private readonly _client: CountClient, private _settings: TokenSettings, private readonly _log: vscode.LogOutputChannel) {
		super();
		this._item = this._register(vscode.window.createStatusBarItem('aiNotes.tokens', vscode.StatusBarAlignment.Right, 100));
		this._item.name = vscode.l10n.t('AI Notes: Token Count');
		this._item.command = Commands.tokensShowDetails;
		this._register(vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)));
		this._register(vscode.window.onDidChangeTextEditorSelection((e) => {
			if (e.textEditor === vscode.window.activeTextEditor) {
				this.schedule(DEBOUNCE_SELECT_MS);
			}
		}));
		this._register(vscode.workspace.onDidChangeTextDocument((e) => {
			if (e.document === vscode.window.activeTextEditor?.document && e.contentChanges.length > 0) {
				this.schedule(DEBOUNCE_EDIT_MS);
			}
		}));
		this._register(new vscode.Disposable(() => clearTimeout(this._timer)));
		this.schedule(0);
	}

	set settings(settings: TokenSettings) {
		this._settings = settings;
		this.schedule(0);
	}

	/** Recounts after `delay` ms; a later call replaces an earlier one that has not run. */
	schedule(delay: number): void {
		clearTimeout(this._timer);
		this._timer = setTimeout(() => void this._update(), delay);
	}

	private async _update(): Promise<void> {
		const generation = ++this._generation;
		const editor = vscode.window.activeTextEditor;
		if (!editor || !isCountable(editor.document) || !this._settings.showInStatusBar) {
			this._item.hide();
			return;
		}
		const document = editor.document;
		const encoding = this._settings.encoding;
		const selections = editor.selections.filter((s) => !s.isEmpty);
		const ranges = selections.map((s) => [document.offsetAt(s.start), document.offsetAt(s.end)] as const);
		const key = `${document.uri.toString()}|${encoding}`;
		// The length is measured only when another document's (or encoding's) figure is on show, not per keystroke.
		const otherLargeFigure = this._shown !== undefined && this._shown.key !== key && countedLength(document, ranges) >= LARGE_TEXT_CHARS;
		const counting = setTimeout(() => {
			if (generation === this._generation) {
				// Keep the last figure only when it is for this same document; never a number for another one.
				const last = this._shown?.key === key ? this._shown.text : vscode.l10n.t('counting…');
				this._item.text = `$(sync~spin) ${last}`;
				this._item.tooltip = vscode.l10n.t('Counting tokens ({0})…', encoding);
				this._item.show();
			}
		}, otherLargeFigure ? 0 : SHOW_COUNTING_AFTER_MS);
		let counts: Counts | undefined;
		try {
			counts = await this._client.countDocument(document, encoding, ranges);
		} catch (error) {
			if (generation === this._generation) {
				this._log.error(`Token count failed for ${document.uri.toString()}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
				this._item.text = '$(warning) ' + vscode.l10n.t('tokens');
				this._item.tooltip = vscode.l10n.t('Could not count tokens. See the "AI Notes" output for details.');
				this._item.show();
			}
			return;
		} finally {
			clearTimeout(counting);
		}
		// Another update started meanwhile (a new selection, edit or editor): its result is the one to show.
		if (generation !== this._generation || !counts) {
			return;
		}
		const text = counts.tokens === 1 ? vscode.l10n.t('1 token') : vscode.l10n.t('{0} tokens', formatNumber(counts.tokens));
		this._item.text = `$(symbol-numeric) ${text}`;
		this._item.tooltip = this._tooltip(counts, selections.length);
		this._item.accessibilityInformation = { label: text, role: 'button' };
		this._item.show();
		this._shown = { key, text };
	}

	private _tooltip(counts: Counts, selectionCount: number): vscode.MarkdownString {
		const settings = this._settings;
		const scope = selectionCount === 0
			? vscode.l10n.t('the whole document')
			: selectionCount === 1 ? vscode.l10n.t('the selection') : vscode.l10n.t('{0} selections', selectionCount);
		const perToken = counts.tokens > 0 ? (counts.characters / counts.tokens).toFixed(2) : '–';
		const tooltip = new vscode.MarkdownString();
		tooltip.appendMarkdown(`**${vscode.l10n.t('{0} tokens in {1}', formatNumber(counts.tokens), scope)}**\n\n`);
		// Model names come from settings: appended as text, so they cannot inject links or markup.
		const lines = [
			vscode.l10n.t('Encoding: {0} ({1})', settings.encoding, ENCODING_MODELS[settings.encoding]) +
				(settings.model ? ' · ' + vscode.l10n.t('from model {0}', settings.model) : ''),
			vscode.l10n.t('Characters: {0} · Words: {1} · Characters per token: {2}', formatNumber(counts.characters), formatNumber(counts.words), perToken),
		];
		if (settings.unknownModel) {
			lines.push(vscode.l10n.t('Model "{0}" is not known; using the encoding setting.', settings.unknownModel));
		}
		for (const line of lines) {
			tooltip.appendText(line);
			tooltip.appendMarkdown('  \n');
		}
		// The status bar has no context menu for extensions: the tooltip links to the picker instead. Only that
		// one command may run from it.
		tooltip.isTrusted = { enabledCommands: [Commands.tokensChooseEncoding] };
		tooltip.appendMarkdown(`\n[${vscode.l10n.t('Change encoding')}](command:${Commands.tokensChooseEncoding}) · ${vscode.l10n.t('Click for token details')}`);
		return tooltip;
	}
}
