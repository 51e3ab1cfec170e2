import * as vscode from 'vscode';
import type { Note, NoteProblem } from '../../core/notes/note';
import type { OutlineNode } from '../../core/notes/outline';
import type { DiagramInfo } from '../../core/diagrams/catalog';
import { Commands } from '../../platform/commands';

export type GroupId = 'bundled' | 'user' | 'diagrams';

/** Which headings of a note the text filter lets through. */
export type HeadingFilter = ReadonlySet<number> | 'all';

export function isVisible(visible: HeadingFilter, index: number): boolean {
	return visible === 'all' || visible.has(index);
}

/** The elements of the notes tree. Each has a stable `id`, so expansion and selection survive refreshes. */
export type NotesNode =
	| { readonly kind: 'group'; readonly id: string; readonly group: GroupId; readonly count: number }
	| { readonly kind: 'note'; readonly id: string; readonly group: GroupId; readonly note: Note; readonly visible: HeadingFilter }
	| { readonly kind: 'heading'; readonly id: string; readonly group: GroupId; readonly note: Note; readonly outline: OutlineNode; readonly index: number; readonly visible: HeadingFilter }
	| { readonly kind: 'message'; readonly id: string; readonly group?: GroupId; readonly text: string; readonly command?: vscode.Command; readonly icon?: string }
	| { readonly kind: 'diagram'; readonly id: string; readonly diagram: DiagramInfo };

export function groupLabel(group: GroupId): string {
	switch (group) {
		case 'bundled':
			return vscode.l10n.t('Bundled notes');
		case 'user':
			return vscode.l10n.t('My notes');
		case 'diagrams':
			return vscode.l10n.t('Diagrams');
	}
}

export function problemText(problem: NoteProblem): string {
	switch (problem.kind) {
		case 'binary':
			return vscode.l10n.t('binary file, not a markdown note');
		case 'notUtf8':
			return problem.encoding
				? vscode.l10n.t('saved as {0}: reopen with UTF-8 encoding and save to see its headings', problem.encoding)
				: vscode.l10n.t('not valid UTF-8: save it as UTF-8 to see its headings');
		case 'tooLarge':
			return vscode.l10n.t('too large to index ({0} MB, limit {1} MB)', (problem.size / 1048576).toFixed(1), Math.round(problem.limit / 1048576));
		case 'unreadable':
			return vscode.l10n.t('cannot be read: {0}', problem.message);
		case 'empty':
			return vscode.l10n.t('empty note');
		case 'noHeadings':
			return vscode.l10n.t('no headings');
		case 'tooManyHeadings':
			return vscode.l10n.t('first {0} of {1} headings', problem.shown, problem.total);
	}
}

function openCommand(note: Note, line: number): vscode.Command {
	return { command: Commands.notesOpen, title: vscode.l10n.t('Open Note'), arguments: [vscode.Uri.parse(note.key), line] };
}

function relativeDescription(note: Note): string {
	const uri = vscode.Uri.parse(note.key);
	return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

export function treeItemOf(node: NotesNode, expandNotes: boolean): vscode.TreeItem {
	switch (node.kind) {
		case 'group': {
			const item = new vscode.TreeItem(groupLabel(node.group), node.group === 'diagrams' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
			item.id = node.id;
			item.description = String(node.count);
			item.contextValue = `group.${node.group}`;
			item.accessibilityInformation = { label: vscode.l10n.t('{0}, {1} items', groupLabel(node.group), node.count) };
			item.iconPath = new vscode.ThemeIcon(node.group === 'bundled' ? 'library' : node.group === 'user' ? 'folder-library' : 'type-hierarchy');
			return item;
		}
		case 'note': {
			const hasChildren = node.note.outline.some((child) => isVisible(node.visible, child.index));
			const item = new vscode.TreeItem(node.note.title, hasChildren ? (expandNotes ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed) : vscode.TreeItemCollapsibleState.None);
			item.id = node.id;
			const path = node.group === 'user' ? relativeDescription(node.note) : node.note.fileName;
			item.description = node.note.problem ? problemText(node.note.problem) : undefined;
			item.tooltip = node.note.problem ? `${path}\n${problemText(node.note.problem)}` : path;
			item.resourceUri = vscode.Uri.parse(node.note.key);
			item.iconPath = new vscode.ThemeIcon(node.note.problem && node.note.problem.kind !== 'noHeadings' && node.note.problem.kind !== 'empty' ? 'warning' : 'book');
			item.contextValue = node.group === 'bundled' ? 'note.bundled' : 'note.user';
			item.accessibilityInformation = { label: vscode.l10n.t('{0}, note', node.note.title) };
			item.command = openCommand(node.note, node.note.titleLine);
			return item;
		}
		case 'heading': {
			const heading = node.note.headings[node.index];
			const item = new vscode.TreeItem(heading.text === '' ? vscode.l10n.t('(empty heading)') : heading.text, node.outline.children.some((child) => isVisible(node.visible, child.index)) ? (expandNotes ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed) : vscode.TreeItemCollapsibleState.None);
			item.id = node.id;
			item.tooltip = `${'#'.repeat(heading.level)} ${heading.text}\n${node.note.fileName}#${heading.slug}`;
			item.accessibilityInformation = { label: vscode.l10n.t('{0}, heading level {1}', heading.text, heading.level) };
			item.iconPath = new vscode.ThemeIcon('symbol-string');
			item.contextValue = 'heading';
			item.command = openCommand(node.note, heading.line);
			return item;
		}
		case 'message': {
			const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
			item.id = node.id;
			item.tooltip = node.text;
			item.iconPath = new vscode.ThemeIcon(node.icon ?? 'info');
			item.command = node.command;
			item.contextValue = 'message';
			return item;
		}
		case 'diagram': {
			const item = new vscode.TreeItem(node.diagram.title, vscode.TreeItemCollapsibleState.None);
			item.id = node.id;
			item.tooltip = node.diagram.caption;
			item.iconPath = new vscode.ThemeIcon('graph');
			item.contextValue = 'diagram';
			item.command = { command: 'aiNotes.openDiagram', title: vscode.l10n.t('Open Diagram'), arguments: [node.diagram.id] };
			return item;
		}
	}
}
