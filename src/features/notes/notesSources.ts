import * as vscode from 'vscode';
import type { NotesListing, NotesSource } from '../../core/notes/notesIndex';
import { DEFAULT_NOTES_FOLDER } from './notesSettings';

/** More matches than this are cut, with a message: a glob such as `**` in a big repo can match 10,000 files. */
export const MAX_USER_NOTES = 2000;

function isNotFound(error: unknown): boolean {
	return error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
}

/** The notes shipped inside the extension, `<extension>/notes/*.md`. */
export class BundledNotesSource implements NotesSource {
	constructor(readonly folder: vscode.Uri) {}

	async list(): Promise<NotesListing> {
		const entries = await vscode.workspace.fs.readDirectory(this.folder);
		const keys = entries
			.filter(([name, type]) => type === vscode.FileType.File && /\.md$/i.test(name))
			.map(([name]) => vscode.Uri.joinPath(this.folder, name).toString());
		return { keys };
	}

	async read(key: string): Promise<Uint8Array> {
		return vscode.workspace.fs.readFile(vscode.Uri.parse(key));
	}

	isNotFound = isNotFound;
}

/** One entry of `aiNotes.notesFolders` turned into something `findFiles` and a watcher understand. */
export interface NotesPattern {
	/** The setting's text, for messages. */
	readonly setting: string;
	readonly pattern: vscode.RelativePattern;
	/** For a plain folder entry: the folder, so a missing one can be reported. */
	readonly folder?: vscode.Uri;
}

const GLOB_CHARACTERS = /[*?{}[\]]/;

/**
 * `notes` means every markdown file below the `notes` folder; `docs/**\/*.md` is used as written; an
 * absolute path is a folder outside the workspace. Each relative entry applies to every workspace folder.
 */
export function notesPatterns(settings: readonly string[]): NotesPattern[] {
	const result: NotesPattern[] = [];
	const roots = vscode.workspace.workspaceFolders ?? [];
	for (const setting of settings) {
		const entry = setting.replace(/\\/g, '/');
		if (/^(\/|[a-zA-Z]:\/)/.test(entry)) {
			const folder = vscode.Uri.file(setting);
			result.push({ setting, pattern: new vscode.RelativePattern(folder, '**/*.md'), folder });
			continue;
		}
		for (const root of roots) {
			if (GLOB_CHARACTERS.test(entry) || /\.md$/i.test(entry)) {
				result.push({ setting, pattern: new vscode.RelativePattern(root, entry) });
			} else {
				const folder = vscode.Uri.joinPath(root.uri, entry.replace(/\/+$/, ''));
				result.push({ setting, pattern: new vscode.RelativePattern(folder, '**/*.md'), folder });
			}
		}
	}
	return result;
}

/** The user's notes: the files that `aiNotes.notesFolders` matches in the workspace. */
export class WorkspaceNotesSource implements NotesSource {
	constructor(private readonly _patterns: () => readonly NotesPattern[]) {}

	async list(): Promise<NotesListing> {
		const keys = new Set<string>();
		const messages: string[] = [];
		let capped = false;
		for (const entry of this._patterns()) {
			if (entry.folder && !(await this._isFolder(entry.folder))) {
				// The default `notes` folder is simply absent in most workspaces: that is the welcome case, not an error.
				if (entry.setting !== DEFAULT_NOTES_FOLDER) {
					messages.push(vscode.l10n.t('The notes folder "{0}" does not exist or cannot be read.', entry.setting));
				}
				continue;
			}
			const files = await vscode.workspace.findFiles(entry.pattern, undefined, MAX_USER_NOTES + 1);
			for (const file of files) {
				if (keys.size >= MAX_USER_NOTES) {
					capped = true;
					break;
				}
				keys.add(file.toString());
			}
			capped = capped || files.length > MAX_USER_NOTES;
		}
		if (capped) {
			messages.push(vscode.l10n.t('Showing the first {0} notes only: "aiNotes.notesFolders" matches more. Narrow it to the folders you study from.', MAX_USER_NOTES));
		}
		return { keys: [...keys], messages };
	}

	async read(key: string): Promise<Uint8Array> {
		return vscode.workspace.fs.readFile(vscode.Uri.parse(key));
	}

	isNotFound = isNotFound;

	private async _isFolder(uri: vscode.Uri): Promise<boolean> {
		try {
			return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
		} catch {
			return false;
		}
	}
}
