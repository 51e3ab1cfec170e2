import * as vscode from 'vscode';
import { normalizeQuery } from '../../core/notes/filter';
import { NotesIndex } from '../../core/notes/notesIndex';
import { Commands } from '../../platform/commands';
import type { Services } from '../../platform/services';
import { FollowCursor } from './followCursor';
import { NotesLiveUpdates } from './liveUpdates';
import { chooseNotesFolder, noteUriOf, openNote, pickNote, revealNote } from './noteCommands';
import type { NotesNode } from './notesNodes';
import { affectsNotesSettings, readNotesSettings, type NotesSettingsSnapshot } from './notesSettings';
import { BundledNotesSource, MAX_USER_NOTES, notesPatterns, WorkspaceNotesSource, type NotesPattern } from './notesSources';
import { NotesTreeProvider } from './notesTree';
import { NotesPreview } from './preview/notesPreview';

const VIEW_ID = 'aiNotes.notes';
const FILTERED_CONTEXT = 'aiNotes.notes.filtered';
const LOADED_CONTEXT = 'aiNotes.notes.loaded';

/** Registers the notes tree, its commands, live updates and the notes preview. */
export function registerNotes(services: Services): vscode.Disposable {
	const disposables: vscode.Disposable[] = [];
	const log = services.log;
	let settings: NotesSettingsSnapshot = readNotesSettings();
	let patterns: NotesPattern[] = notesPatterns(settings.folders);
	let filter = '';

	const bundledSource = new BundledNotesSource(vscode.Uri.joinPath(services.extensionUri, 'notes'));
	const indexes = {
		bundled: new NotesIndex(bundledSource, log),
		user: new NotesIndex(new WorkspaceNotesSource(() => patterns), log),
	};
	const tree = new NotesTreeProvider(indexes, { showBundled: settings.showBundled, filter, hasWorkspace: (vscode.workspace.workspaceFolders?.length ?? 0) > 0 });
	const view = vscode.window.createTreeView<NotesNode>(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
	disposables.push(tree, view);

	const bundledLive = new NotesLiveUpdates(indexes.bundled, log, (uri) => uri.toString().startsWith(bundledSource.folder.toString()) && /\.md$/i.test(uri.path));
	bundledLive.watch([new vscode.RelativePattern(bundledSource.folder, '*.md')]);
	// For files renamed in the explorer: a markdown file below one of the globs' base folders is a candidate.
	const userLive = new NotesLiveUpdates(indexes.user, log, (uri) => /\.md$/i.test(uri.path) && patterns.some((entry) => uri.toString().startsWith(`${entry.pattern.baseUri.toString()}/`)), MAX_USER_NOTES);
	disposables.push(bundledLive, userLive);

	const follow = new FollowCursor(view, tree, log);
	follow.enabled = settings.followCursor;
	disposables.push(follow);

	const preview = new NotesPreview(services);
	disposables.push(preview);

	const applyFilter = (value: string): void => {
		filter = normalizeQuery(value);
		tree.setState({ ...tree.state, filter });
		view.description = filter === '' ? undefined : vscode.l10n.t('Filter: "{0}"', filter);
		// The description is hidden when the view is alone in its container; the message always shows.
		view.message = filter === '' ? undefined : vscode.l10n.t('Showing notes and headings that contain "{0}". Clear the filter with the button in the title bar.', filter);
		void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, filter !== '');
	};

	const reloadUser = async (): Promise<void> => {
		patterns = notesPatterns(settings.folders);
		userLive.watch(patterns.map((entry) => entry.pattern));
		await indexes.user.reload();
	};
	// The view shows a progress bar while a full load runs, and its welcome view ("no notes") only after the
	// first load: otherwise it would flash on every start while the notes are still being read.
	const reloadAll = (): Thenable<void> => vscode.window.withProgress({ location: { viewId: VIEW_ID } }, async () => {
		await Promise.all([settings.showBundled ? indexes.bundled.reload() : Promise.resolve(), reloadUser()]);
		tree.refresh();
		await vscode.commands.executeCommand('setContext', LOADED_CONTEXT, true);
	});

	disposables.push(
		vscode.workspace.onDidChangeConfiguration((event) => {
			if (!affectsNotesSettings(event)) {
				return;
			}
			const previous = settings;
			settings = readNotesSettings();
			follow.enabled = settings.followCursor;
			tree.setState({ ...tree.state, showBundled: settings.showBundled });
			if (settings.showBundled && !indexes.bundled.loaded) {
				void indexes.bundled.reload();
			}
			if (previous.folders.join('\n') !== settings.folders.join('\n')) {
				void reloadUser();
			}
		}),
		vscode.workspace.onDidChangeWorkspaceFolders(() => {
			tree.setState({ ...tree.state, hasWorkspace: (vscode.workspace.workspaceFolders?.length ?? 0) > 0 });
			void reloadUser();
		}),
		vscode.commands.registerCommand(Commands.notesRefresh, () => reloadAll()),
		vscode.commands.registerCommand(Commands.notesFilter, async () => {
			const value = await vscode.window.showInputBox({
				title: vscode.l10n.t('Filter Notes'),
				prompt: vscode.l10n.t('Show notes whose title or headings contain this text. Leave empty to show all.'),
				value: filter,
				placeHolder: vscode.l10n.t('e.g. attention'),
			});
			if (value !== undefined) {
				applyFilter(value);
			}
		}),
		vscode.commands.registerCommand(Commands.notesClearFilter, () => applyFilter('')),
		vscode.commands.registerCommand(Commands.notesOpen, (target?: unknown, line?: unknown) => openNote(target, line, view.selection)),
		vscode.commands.registerCommand(Commands.notesRevealInExplorer, (target?: unknown) => revealNote(target, view.selection)),
		vscode.commands.registerCommand(Commands.notesOpenPreview, async (target?: unknown) => {
			const uri = noteUriOf(target, view.selection) ?? (await pickNote([indexes.bundled, indexes.user]));
			if (uri) {
				// From a heading's context menu the preview opens scrolled to that heading.
				const node = target as NotesNode | undefined;
				await preview.show(uri, node?.kind === 'heading' ? node.note.headings[node.index].line : undefined);
			}
		}),
		vscode.commands.registerCommand(Commands.notesChooseFolder, async () => {
			if (await chooseNotesFolder()) {
				// The configuration listener reloads the user's notes with the new folder.
				await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
			}
		}),
	);
	void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, false);

	const started = Date.now();
	reloadAll().then(
		() => log.info(`Notes: ${indexes.bundled.notes.length} bundled and ${indexes.user.notes.length} workspace notes indexed in ${Date.now() - started} ms`),
		(error: unknown) => log.error('Notes: first load failed', error),
	);

	return vscode.Disposable.from(...disposables);
}
