import * as vscode from 'vscode';
import { Disposable } from '../../platform/disposable';
import type { NotesNode } from './notesNodes';
import type { NotesTreeProvider } from './notesTree';

const FOLLOW_DEBOUNCE_MS = 200;

/**
 * Reveals and selects, in the notes tree, the heading whose section holds the editor's cursor. Only while
 * the view is visible: revealing would otherwise open the side bar on every cursor move.
 */
export class FollowCursor extends Disposable {
	private _timer: ReturnType<typeof setTimeout> | undefined;
	private _lastRevealed: string | undefined;
	enabled = true;

	constructor(
		private readonly _view: vscode.TreeView<NotesNode>,
		private readonly _tree: NotesTreeProvider,
		private readonly _log: vscode.LogOutputChannel,
	) {
		super();
		this._register(vscode.window.onDidChangeTextEditorSelection((event) => this._schedule(event.textEditor)));
		this._register(vscode.window.onDidChangeActiveTextEditor((editor) => this._schedule(editor)));
		this._register(_view.onDidChangeVisibility((event) => {
			if (event.visible) {
				this._lastRevealed = undefined;
				this._schedule(vscode.window.activeTextEditor);
			}
		}));
		// After a refresh the tree re-creates its nodes; the same heading must be selectable again.
		this._register(_tree.onDidChangeTreeData(() => {
			this._lastRevealed = undefined;
			this._schedule(vscode.window.activeTextEditor);
		}));
		this._register({ dispose: () => clearTimeout(this._timer) });
	}

	private _schedule(editor: vscode.TextEditor | undefined): void {
		if (!this.enabled || !editor || editor !== vscode.window.activeTextEditor) {
			return;
		}
		clearTimeout(this._timer);
		this._timer = setTimeout(() => this._follow(editor), FOLLOW_DEBOUNCE_MS);
	}

	private _follow(editor: vscode.TextEditor): void {
		if (!this._view.visible || editor !== vscode.window.activeTextEditor) {
			return;
		}
		const node = this._tree.nodeForLine(editor.document.uri.toString(), editor.selection.active.line);
		if (!node || node.id === this._lastRevealed) {
			return;
		}
		this._lastRevealed = node.id;
		Promise.resolve(this._view.reveal(node, { select: true, focus: false, expand: false })).catch((error: unknown) => {
			// A refresh between finding the node and revealing it makes the node stale; the next move retries.
			this._lastRevealed = undefined;
			this._log.debug(`Notes: reveal failed: ${String(error)}`);
		});
	}
}
