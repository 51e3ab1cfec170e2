import * as vscode from 'vscode';
import { BuiltinModel } from '../../core/blank/builtin/model';
import type { CorpusDocument } from '../../core/blank/builtin/corpus';
import { glossaryHelpers } from '../../core/blank/glossaryLookup';
import type { AreAliases } from '../../core/blank/verdict';
import { parseGlossary } from '../../core/glossary';
import { NotesSettings } from '../../platform/settings';

const MAX_USER_NOTES = 500;
const MAX_CODE_FILES = 40;
const MAX_FILE_BYTES = 256 * 1024;

/**
 * Feeds the builtin model: the bundled notes, the user's notes (`aiNotes.notesFolders`) and, for code,
 * workspace files of the same language. The model (with its counted corpus) is built once and rebuilt only
 * after a markdown file changes, so the second question costs only the counting of the open document.
 */
export class BlankCorpus implements vscode.Disposable {
	private _model: Promise<{ model: BuiltinModel; areAliases: AreAliases }> | undefined;
	private readonly _watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
	private readonly _subscriptions: vscode.Disposable[] = [];

	constructor(private readonly _extensionUri: vscode.Uri, private readonly _log: vscode.LogOutputChannel) {
		const invalidate = (): void => {
			this._model = undefined;
		};
		this._subscriptions.push(
			this._watcher,
			this._watcher.onDidChange(invalidate),
			this._watcher.onDidCreate(invalidate),
			this._watcher.onDidDelete(invalidate),
			vscode.workspace.onDidChangeConfiguration((e) => {
				if (e.affectsConfiguration(NotesSettings.folders)) {
					invalidate();
				}
			}),
		);
	}

	model(): Promise<{ model: BuiltinModel; areAliases: AreAliases }> {
		this._model ??= this._load().catch((error: unknown) => {
			this._model = undefined;
			throw error;
		});
		return this._model;
	}

	private async _load(): Promise<{ model: BuiltinModel; areAliases: AreAliases }> {
		const started = Date.now();
		const bundledFolder = vscode.Uri.joinPath(this._extensionUri, 'notes');
		const bundled = await this._readMarkdown(await this._listBundled(bundledFolder));
		const user = await this._readMarkdown(await this._listUserNotes());
		const seen = new Set(bundled.map((d) => d.id));
		const notes = [...bundled, ...user.filter((d) => !seen.has(d.id))];
		const glossaryDoc = bundled.find((d) => /\/glossary\.md$/i.test(d.id));
		const helpers = glossaryHelpers(glossaryDoc ? parseGlossary(glossaryDoc.text, glossaryDoc.id).entries : []);
		const model = new BuiltinModel(notes, helpers.lookup);
		this._log.info(`Blank: builtin model corpus of ${notes.length} notes read in ${Date.now() - started} ms`);
		return { model, areAliases: helpers.areAliases };
	}

	private async _listBundled(folder: vscode.Uri): Promise<vscode.Uri[]> {
		try {
			const entries = await vscode.workspace.fs.readDirectory(folder);
			return entries.filter(([name, type]) => type === vscode.FileType.File && /\.md$/i.test(name)).map(([name]) => vscode.Uri.joinPath(folder, name)).sort((a, b) => a.path.localeCompare(b.path));
		} catch (error) {
			this._log.warn(`Blank: cannot list the bundled notes: ${String(error)}`);
			return [];
		}
	}

	private async _listUserNotes(): Promise<vscode.Uri[]> {
		const folders = vscode.workspace.getConfiguration().get<string[]>(NotesSettings.folders, ['notes']);
		const result: vscode.Uri[] = [];
		for (const root of vscode.workspace.workspaceFolders ?? []) {
			for (const entry of Array.isArray(folders) ? folders : []) {
				if (typeof entry !== 'string' || entry.trim() === '' || /^(\/|[a-zA-Z]:[\\/])/.test(entry)) {
					continue;
				}
				const glob = /[*?{}[\]]/.test(entry) || /\.md$/i.test(entry) ? entry : `${entry.replace(/\/+$/, '')}/**/*.md`;
				result.push(...await vscode.workspace.findFiles(new vscode.RelativePattern(root, glob), '**/node_modules/**', MAX_USER_NOTES));
			}
		}
		return result.slice(0, MAX_USER_NOTES);
	}

	private async _readMarkdown(uris: readonly vscode.Uri[]): Promise<CorpusDocument[]> {
		const docs = await Promise.all(uris.map(async (uri) => {
			const text = await this._readText(uri);
			return text === undefined ? undefined : { id: uri.toString(), title: noteTitle(text, uri), text, format: 'markdown' as const };
		}));
		return docs.filter((d): d is NonNullable<typeof d> => d !== undefined);
	}

	/** Workspace files with the same extension as `document`, for the code model. */
	async sameLanguageFiles(document: vscode.TextDocument): Promise<CorpusDocument[]> {
		const ext = /\.[A-Za-z0-9]+$/.exec(document.uri.path)?.[0];
		if (!ext || !vscode.workspace.workspaceFolders?.length) {
			return [];
		}
		const uris = await vscode.workspace.findFiles(`**/*${ext}`, '{**/node_modules/**,**/dist/**,**/out/**,**/.git/**}', MAX_CODE_FILES);
		const docs = await Promise.all(uris.filter((u) => u.toString() !== document.uri.toString()).map(async (uri) => {
			const text = await this._readText(uri);
			return text === undefined ? undefined : { id: uri.toString(), title: vscode.workspace.asRelativePath(uri), text, format: 'code' as const };
		}));
		return docs.filter((d): d is NonNullable<typeof d> => d !== undefined);
	}

	private async _readText(uri: vscode.Uri): Promise<string | undefined> {
		try {
			const bytes = await vscode.workspace.fs.readFile(uri);
			if (bytes.byteLength > MAX_FILE_BYTES || bytes.includes(0)) {
				return undefined;
			}
			return new TextDecoder('utf-8').decode(bytes);
		} catch (error) {
			this._log.warn(`Blank: cannot read ${uri.toString()}: ${String(error)}`);
			return undefined;
		}
	}

	dispose(): void {
		for (const d of this._subscriptions.splice(0)) {
			d.dispose();
		}
	}
}

function noteTitle(text: string, uri: vscode.Uri): string {
	const h1 = /^#\s+(.+?)\s*#*\s*$/m.exec(text);
	return h1 ? h1[1] : uri.path.split('/').pop() ?? uri.toString();
}
