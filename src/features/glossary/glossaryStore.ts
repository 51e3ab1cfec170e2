import * as vscode from 'vscode';
import {
	GlossaryMatcher,
	formatWarning,
	mergeGlossaries,
	parseGlossary,
	parseNoteDefinitions,
	type GlossaryEntry,
	type GlossaryWarning,
} from '../../core/glossary';
import { Disposable } from '../../platform/disposable';
import type { GlossaryConfig } from './glossarySettings';

export type GlossarySourceKind = 'bundled' | 'glossary' | 'note';

/** A loaded glossary: built once per change of any glossary file, then shared by every hover. */
export interface GlossarySnapshot {
	readonly matcher: GlossaryMatcher;
	readonly entries: readonly GlossaryEntry[];
	/** `entry.source` (a URI string) -> what kind of file it is. */
	readonly sources: ReadonlyMap<string, GlossarySourceKind>;
	readonly warnings: readonly GlossaryWarning[];
}

const EMPTY: GlossarySnapshot = { matcher: new GlossaryMatcher([]), entries: [], sources: new Map(), warnings: [] };
const EXCLUDE = '**/{node_modules,.git,out,dist,.vscode-test}/**';
const MAX_GLOSSARY_FILES = 100;
const MAX_NOTE_FILES = 2000;
/** Bigger files are skipped with a warning: a 5 MB glossary still loads, a stray 200 MB log does not. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const RELOAD_DELAY_MS = 300;

/**
 * Loads the bundled glossary, the workspace's glossary files and the `**Term**: definition` lines of the
 * user's notes, merges them (notes > workspace glossaries > bundled), and reloads when any of them changes.
 */
export class GlossaryStore extends Disposable {
	private _snapshot = EMPTY;
	private _loading: Promise<void> = Promise.resolve();
	private _generation = 0;
	private _timer: ReturnType<typeof setTimeout> | undefined;
	private _watchers: vscode.Disposable[] = [];
	private _lastShownWarnings = '';
	private readonly _onDidChange = this._register(new vscode.EventEmitter<GlossarySnapshot>());
	readonly onDidChange = this._onDidChange.event;

	constructor(
		private readonly _bundledUri: vscode.Uri,
		private readonly _log: vscode.LogOutputChannel,
		private _config: GlossaryConfig,
	) {
		super();
		this._register({ dispose: () => this._disposeWatchers() });
		this._register({ dispose: () => clearTimeout(this._timer) });
	}

	get current(): GlossarySnapshot {
		return this._snapshot;
	}

	/** The snapshot after the load in progress (if any) has finished. */
	async ready(): Promise<GlossarySnapshot> {
		await this._loading;
		return this._snapshot;
	}

	setConfig(config: GlossaryConfig): void {
		this._config = config;
	}

	/** Loads now and (re)creates the file watchers for the current settings. */
	start(): Promise<void> {
		this._watch();
		return this.reload();
	}

	reload(): Promise<void> {
		clearTimeout(this._timer);
		this._timer = undefined;
		const generation = ++this._generation;
		this._loading = this._load(generation).catch((error: unknown) => {
			this._log.error(`Glossary: loading failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
		});
		return this._loading;
	}

	/** Debounced: saving several files at once (a git checkout) reloads once. */
	scheduleReload(): void {
		clearTimeout(this._timer);
		this._timer = setTimeout(() => void this.reload(), RELOAD_DELAY_MS);
	}

	private async _load(generation: number): Promise<void> {
		const started = Date.now();
		const sources = new Map<string, GlossarySourceKind>();
		const warnings: GlossaryWarning[] = [];

		const bundled: GlossaryEntry[] = [];
		const bundledText = await this._read(this._bundledUri, warnings);
		if (bundledText !== undefined) {
			const parsed = parseGlossary(bundledText, this._bundledUri.toString());
			bundled.push(...parsed.entries);
			warnings.push(...parsed.warnings);
			sources.set(this._bundledUri.toString(), 'bundled');
		}

		const glossaryUris = await this._find(this._config.files.map((glob) => ({ glob })), MAX_GLOSSARY_FILES);
		const workspace: GlossaryEntry[] = [];
		for (const uri of glossaryUris) {
			const key = uri.toString();
			if (sources.has(key)) {
				continue;
			}
			const text = await this._read(uri, warnings);
			if (text === undefined) {
				continue;
			}
			const parsed = parseGlossary(text, key);
			workspace.push(...parsed.entries);
			warnings.push(...parsed.warnings);
			sources.set(key, 'glossary');
		}

		const noteUris = await this._find(notesPatterns(this._config.notesFolders), MAX_NOTE_FILES);
		const notes: GlossaryEntry[] = [];
		for (const uri of noteUris) {
			const key = uri.toString();
			if (sources.has(key)) {
				continue;
			}
			const text = await this._read(uri, warnings);
			const found = text === undefined ? [] : parseNoteDefinitions(text, key);
			if (found.length > 0) {
				notes.push(...found);
				sources.set(key, 'note');
			}
		}
		if (generation !== this._generation) {
			// Another reload started while this one was reading files; its result is newer.
			return;
		}
		const merged = mergeGlossaries([notes, workspace, bundled]);
		const matcher = await GlossaryMatcher.create(merged.entries, () => new Promise((resolve) => setTimeout(resolve, 0)));
		if (generation !== this._generation) {
			return;
		}
		const snapshot: GlossarySnapshot = { matcher, entries: merged.entries, sources, warnings };
		this._snapshot = snapshot;
		for (const warning of warnings) {
			this._log.warn(`Glossary: ${formatWarning({ ...warning, source: this.label(warning.source) })}`);
		}
		for (const { hidden, by } of merged.overridden) {
			this._log.debug(`Glossary: "${hidden.term}" from ${this.label(hidden.source)} is replaced by ${this.label(by.source)}:${by.line + 1}`);
		}
		this._log.info(`Glossary: ${merged.entries.length} terms (${bundled.length} bundled, ${workspace.length} from ${glossaryUris.length} glossary files, ${notes.length} from notes) loaded in ${Date.now() - started} ms`);
		this._onDidChange.fire(snapshot);
		this._showWarnings(warnings);
	}

	/** A path the user recognises: `bundled glossary`, or the path relative to the workspace. */
	label(source: string): string {
		if (source === this._bundledUri.toString()) {
			return vscode.l10n.t('bundled glossary');
		}
		return vscode.workspace.asRelativePath(vscode.Uri.parse(source));
	}

	private _showWarnings(warnings: readonly GlossaryWarning[]): void {
		const own = warnings.filter((w) => w.source !== this._bundledUri.toString());
		const summary = own.map(formatWarning).join('\n');
		if (!summary || summary === this._lastShownWarnings) {
			this._lastShownWarnings = summary;
			return;
		}
		this._lastShownWarnings = summary;
		const first = own[0];
		const showLog = vscode.l10n.t('Show Log');
		void vscode.window
			.showWarningMessage(
				vscode.l10n.t('Glossary: {0} problem(s) in your glossary files, first at {1}:{2}. Those entries were skipped and the rest loaded; fix them and save to reload.', own.length, this.label(first.source), first.line + 1),
				showLog,
			)
			.then((choice) => {
				if (choice === showLog) {
					this._log.show(true);
				}
			});
	}

	private async _read(uri: vscode.Uri, warnings: GlossaryWarning[]): Promise<string | undefined> {
		try {
			const stat = await vscode.workspace.fs.stat(uri);
			if (stat.size > MAX_FILE_BYTES) {
				warnings.push({ source: uri.toString(), line: 0, message: vscode.l10n.t('File is larger than {0} MB; skipped.', MAX_FILE_BYTES / 1024 / 1024) });
				return undefined;
			}
			return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
		} catch (error) {
			// A file deleted between findFiles and the read is not worth a warning.
			if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) {
				this._log.warn(`Glossary: cannot read ${uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
			}
			return undefined;
		}
	}

	private async _find(patterns: readonly GlobPattern[], max: number): Promise<vscode.Uri[]> {
		const found = new Map<string, vscode.Uri>();
		for (const pattern of patterns.flatMap(toRelativePatterns)) {
			for (const uri of await vscode.workspace.findFiles(pattern, EXCLUDE, max)) {
				found.set(uri.toString(), uri);
			}
		}
		// Sorted, so "first definition wins" between two glossary files does not depend on the search order.
		return [...found.values()].sort((a, b) => a.toString().localeCompare(b.toString())).slice(0, max);
	}

	private _watch(): void {
		this._disposeWatchers();
		const patterns = [...this._config.files.map((glob) => ({ glob })), ...notesPatterns(this._config.notesFolders)].flatMap(toRelativePatterns);
		for (const pattern of patterns) {
			const watcher = vscode.workspace.createFileSystemWatcher(pattern);
			watcher.onDidCreate(() => this.scheduleReload());
			watcher.onDidChange(() => this.scheduleReload());
			watcher.onDidDelete(() => this.scheduleReload());
			this._watchers.push(watcher);
		}
		// A save in the editor also reloads: the disk watcher can lag on a busy machine, or be turned off for a
		// folder by `files.watcherExclude`, and the user expects the hover to follow what they just saved.
		this._watchers.push(
			vscode.workspace.onDidSaveTextDocument((document) => {
				if (patterns.some((pattern) => vscode.languages.match({ pattern }, document) > 0)) {
					this.scheduleReload();
				}
			}),
		);
	}

	private _disposeWatchers(): void {
		for (const watcher of this._watchers) {
			watcher.dispose();
		}
		this._watchers = [];
	}
}

/** A glob relative to every workspace folder, or a glob below one absolute folder. */
interface GlobPattern {
	readonly glob: string;
	readonly base?: vscode.Uri;
}

function toRelativePatterns(pattern: GlobPattern): vscode.RelativePattern[] {
	if (pattern.base) {
		return [new vscode.RelativePattern(pattern.base, pattern.glob)];
	}
	return (vscode.workspace.workspaceFolders ?? []).map((folder) => new vscode.RelativePattern(folder, pattern.glob));
}

/**
 * `aiNotes.notesFolders` (owned by the notes feature) as globs: a folder name means every markdown file
 * below it, a glob is used as written, an absolute path is a folder outside the workspace.
 */
function notesPatterns(folders: readonly string[]): GlobPattern[] {
	return folders.map((setting) => {
		const entry = setting.replace(/\\/g, '/');
		if (/^(\/|[a-zA-Z]:\/)/.test(entry)) {
			return { glob: '**/*.md', base: vscode.Uri.file(setting) };
		}
		if (/[*?{}[\]]/.test(entry) || /\.md$/i.test(entry)) {
			return { glob: entry };
		}
		return { glob: `${entry.replace(/\/+$/, '')}/**/*.md` };
	});
}
