import * as vscode from 'vscode';
import type { NotesIndex } from '../../core/notes/notesIndex';
import { Disposable } from '../../platform/disposable';

/** File events settle this long before the one file is re-read; editor typing waits a little longer. */
const FILE_DEBOUNCE_MS = 150;
const TYPING_DEBOUNCE_MS = 300;

/**
 * Keeps one notes index current: file system events re-read only the file they name, and edits in an open
 * editor re-parse that editor's text (unsaved edits included) without touching the disk.
 */
export class NotesLiveUpdates extends Disposable {
	private readonly _timers = new Map<string, ReturnType<typeof setTimeout>>();
	/** Files being added right now, counted against the cap before their reads finish. */
	private readonly _adding = new Set<string>();
	private _watchers: vscode.Disposable[] = [];

	constructor(
		private readonly _index: NotesIndex,
		private readonly _log: vscode.LogOutputChannel,
		/** Whether a new file belongs to this index (it matches the index's globs). */
		private readonly _accepts: (uri: vscode.Uri) => boolean,
		/** The most notes the index may hold; the full listing applies the same cap. */
		private readonly _maxNotes = Number.POSITIVE_INFINITY,
	) {
		super();
		this._register(vscode.workspace.onDidChangeTextDocument((event) => {
			const key = event.document.uri.toString();
			if (event.contentChanges.length > 0 && this._index.has(key)) {
				this._schedule(key, TYPING_DEBOUNCE_MS, () => this._index.updateText(key, event.document.getText()));
			}
		}));
		// Closing an editor with unsaved edits throws them away: the file on disk is the truth again.
		this._register(vscode.workspace.onDidCloseTextDocument((document) => {
			const key = document.uri.toString();
			if (this._index.has(key)) {
				this._schedule(key, FILE_DEBOUNCE_MS, () => this._index.update(key));
			}
		}));
		// A folder renamed or deleted from the explorer may not produce an event per file inside it.
		this._register(vscode.workspace.onDidDeleteFiles((event) => this._forgetUnder(event.files)));
		this._register(vscode.workspace.onDidRenameFiles((event) => {
			this._forgetUnder(event.files.map((file) => file.oldUri));
			for (const file of event.files) {
				if (this._accepts(file.newUri)) {
					this.changed(file.newUri);
				}
			}
		}));
		this._register({ dispose: () => this._disposeWatchers() });
		this._register({ dispose: () => this._timers.forEach((timer) => clearTimeout(timer)) });
	}

	/** Replaces the file watchers (the globs changed). */
	watch(patterns: readonly vscode.GlobPattern[]): void {
		this._disposeWatchers();
		for (const pattern of patterns) {
			const watcher = vscode.workspace.createFileSystemWatcher(pattern);
			watcher.onDidCreate((uri) => this.changed(uri));
			watcher.onDidChange((uri) => this.changed(uri));
			watcher.onDidDelete((uri) => this._deleted(uri));
			this._watchers.push(watcher);
		}
	}

	/** Re-reads one file, unless an open editor has newer text for it. */
	changed(uri: vscode.Uri): void {
		const key = uri.toString();
		this._schedule(key, FILE_DEBOUNCE_MS, async () => {
			// A capped listing stays capped: thousands of files created at once must not slip in one event at a time.
			const isNew = !this._index.has(key);
			if (isNew) {
				if (this._index.notes.length + this._adding.size >= this._maxNotes) {
					return;
				}
				this._adding.add(key);
			}
			try {
				const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
				await (open?.isDirty ? this._index.updateText(key, open.getText()) : this._index.update(key));
			} finally {
				this._adding.delete(key);
			}
		});
	}

	private _deleted(uri: vscode.Uri): void {
		const key = uri.toString();
		this._schedule(key, FILE_DEBOUNCE_MS, async () => this._index.remove(key));
	}

	private _forgetUnder(uris: readonly vscode.Uri[]): void {
		for (const uri of uris) {
			const prefix = uri.toString();
			for (const note of this._index.notes) {
				if (note.key === prefix || note.key.startsWith(`${prefix}/`)) {
					this._deleted(vscode.Uri.parse(note.key));
				}
			}
		}
	}

	private _schedule(key: string, delay: number, work: () => Promise<void>): void {
		clearTimeout(this._timers.get(key));
		this._timers.set(key, setTimeout(() => {
			this._timers.delete(key);
			work().catch((error: unknown) => this._log.error(`Notes: updating ${key} failed`, error));
		}, delay));
	}

	private _disposeWatchers(): void {
		for (const watcher of this._watchers) {
			watcher.dispose();
		}
		this._watchers = [];
	}
}
