import * as vscode from 'vscode';
import type { NotesIndex } from '../../core/notes/notesIndex';
import { NotesSettings, section } from '../../platform/settings';
import { openNoteAt } from '../../platform/openNote';
import type { NotesNode } from './notesNodes';
import { DEFAULT_NOTES_FOLDER, readNotesSettings } from './notesSettings';

/** The note a command is about: a tree node, a URI (editor title, explorer), else the active markdown editor. */
export function noteUriOf(target: unknown, selection: readonly NotesNode[]): vscode.Uri | undefined {
	if (target instanceof vscode.Uri) {
		return target;
	}
	const node = target as NotesNode | undefined;
	if (node && (node.kind === 'note' || node.kind === 'heading')) {
		return vscode.Uri.parse(node.note.key);
	}
	// Without an argument (command palette, view title): the markdown editor in front, else the tree's selection.
	const editor = vscode.window.activeTextEditor;
	if (editor?.document.languageId === 'markdown') {
		return editor.document.uri;
	}
	const selected = selection[0];
	return selected && (selected.kind === 'note' || selected.kind === 'heading') ? vscode.Uri.parse(selected.note.key) : undefined;
}

/** Asks which note to use when a command has none: every indexed note, by title. */
export async function pickNote(indexes: readonly NotesIndex[]): Promise<vscode.Uri | undefined> {
	const items = indexes.flatMap((index) => index.notes).map((note) => ({ label: note.title, description: note.fileName, uri: vscode.Uri.parse(note.key) }));
	if (items.length === 0) {
		void vscode.window.showInformationMessage(vscode.l10n.t('There are no notes to preview. Open a markdown file or choose a notes folder.'));
		return undefined;
	}
	const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Select a note to preview') });
	return picked?.uri;
}

/** Opens a note at a line: the command behind every note and heading in the tree. */
export async function openNote(target: unknown, line: unknown, selection: readonly NotesNode[]): Promise<void> {
	const node = (target instanceof vscode.Uri ? undefined : (target ?? selection[0])) as NotesNode | undefined;
	const uri = noteUriOf(target, selection);
	if (!uri) {
		return;
	}
	let at = typeof line === 'number' ? line : undefined;
	if (at === undefined && node?.kind === 'heading') {
		at = node.note.headings[node.index].line;
	} else if (at === undefined && node?.kind === 'note') {
		at = node.note.titleLine;
	}
	await openNoteAt(uri, { line: at });
}

/** Shows a note in the explorer, or in the OS file manager for bundled notes that live outside the workspace. */
export async function revealNote(target: unknown, selection: readonly NotesNode[]): Promise<void> {
	const uri = noteUriOf(target, selection);
	if (!uri) {
		return;
	}
	if (vscode.workspace.getWorkspaceFolder(uri)) {
		await vscode.commands.executeCommand('revealInExplorer', uri);
	} else {
		await vscode.commands.executeCommand('revealFileInOS', uri);
	}
}

/**
 * Lets the user pick the folder their notes live in and stores it in `aiNotes.notesFolders`: relative to
 * the workspace folder when inside one (so the setting travels with the repository), absolute otherwise.
 */
export async function chooseNotesFolder(): Promise<boolean> {
	const folders = vscode.workspace.workspaceFolders ?? [];
	const picked = await vscode.window.showOpenDialog({
		canSelectFiles: false,
		canSelectFolders: true,
		canSelectMany: false,
		defaultUri: folders[0]?.uri,
		openLabel: vscode.l10n.t('Use as Notes Folder'),
		title: vscode.l10n.t('Choose the folder that holds your markdown notes'),
	});
	const folder = picked?.[0];
	if (!folder) {
		return false;
	}
	const root = vscode.workspace.getWorkspaceFolder(folder);
	const entry = root ? folder.path.slice(root.uri.path.length).replace(/^\/+/, '') || '.' : folder.fsPath;
	const current = readNotesSettings().folders;
	const next = current.length === 1 && current[0] === DEFAULT_NOTES_FOLDER ? [entry] : [...new Set([...current, entry])];
	const { section: name, key } = section(NotesSettings.folders);
	await vscode.workspace.getConfiguration(name).update(key, next, folders.length > 0 ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
	return true;
}
