import * as vscode from 'vscode';
import { DIAGRAMS } from '../../core/diagrams/catalog';
import { filterNote } from '../../core/notes/filter';
import type { Note } from '../../core/notes/note';
import type { NotesIndex } from '../../core/notes/notesIndex';
import { headingAtLine } from '../../core/notes/outline';
import { Commands } from '../../platform/commands';
import { Disposable } from '../../platform/disposable';
import type { OutlineNode } from '../../core/notes/outline';
import { isVisible, treeItemOf, type GroupId, type HeadingFilter, type NotesNode } from './notesNodes';

export interface NotesTreeState {
	readonly showBundled: boolean;
	readonly filter: string;
	readonly hasWorkspace: boolean;
}

/**
 * The notes tree: "Bundled notes", "My notes" and "Diagrams", notes by title, headings nested. Nodes are
 * built lazily and cached by id until the next change, so `getParent` and `reveal` see the same objects
 * that `getChildren` returned.
 */
export class NotesTreeProvider extends Disposable implements vscode.TreeDataProvider<NotesNode> {
	private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<NotesNode | undefined>());
	readonly onDidChangeTreeData = this._onDidChangeTreeData.event;

	private _nodes = new Map<string, NotesNode>();
	private readonly _parents = new Map<string, NotesNode | undefined>();
	private _refreshTimer: ReturnType<typeof setTimeout> | undefined;

	constructor(
		private readonly _indexes: Readonly<Record<'bundled' | 'user', NotesIndex>>,
		private _state: NotesTreeState,
	) {
		super();
		for (const index of Object.values(_indexes)) {
			const listener = index.onDidChange(() => this.refreshSoon());
			this._register({ dispose: () => listener.dispose() });
		}
		this._register({ dispose: () => clearTimeout(this._refreshTimer) });
	}

	get state(): NotesTreeState {
		return this._state;
	}

	setState(state: NotesTreeState): void {
		this._state = state;
		this.refresh();
	}

	/** Bursts of file events (a `git checkout`) become one redraw. */
	refreshSoon(): void {
		clearTimeout(this._refreshTimer);
		this._refreshTimer = setTimeout(() => this.refresh(), 50);
	}

	refresh(): void {
		clearTimeout(this._refreshTimer);
		this._nodes = new Map();
		this._parents.clear();
		this._onDidChangeTreeData.fire(undefined);
	}

	/** True when the tree has nothing at all to show, so VS Code shows the welcome view. */
	isEmpty(): boolean {
		return this.getChildren().length === 0;
	}

	getTreeItem(node: NotesNode): vscode.TreeItem {
		return treeItemOf(node, this._state.filter !== '');
	}

	getParent(node: NotesNode): NotesNode | undefined {
		if (!this._parents.has(node.id)) {
			// `reveal` may ask for the parent of a node it has not been given yet: build the chain from the top.
			this._buildPathTo(node);
		}
		return this._parents.get(node.id);
	}

	getChildren(parent?: NotesNode): NotesNode[] {
		const children = this._children(parent);
		for (const child of children) {
			this._parents.set(child.id, parent);
		}
		return children;
	}

	/** The node of a note, or of the heading around `line`, for following the editor. */
	nodeForLine(key: string, line: number): NotesNode | undefined {
		for (const group of ['bundled', 'user'] as const) {
			const note = this._indexes[group].get(key);
			if (!note || (group === 'bundled' && !this._state.showBundled)) {
				continue;
			}
			const noteNode = this.getChildren(this._groupNode(group)).find((node) => node.kind === 'note' && node.note.key === key);
			if (!noteNode) {
				return undefined;
			}
			// Walk down the visible tree to the deepest heading at or above the line.
			let index = headingAtLine(note.headings, line);
			while (index >= 0 && index !== note.titleIndex) {
				const target = index;
				const path: number[] = [];
				for (let at = target; at >= 0; at = note.parents[at] ?? -1) {
					path.unshift(at);
				}
				let current: NotesNode = noteNode;
				let found = true;
				for (const step of path) {
					const next: NotesNode | undefined = this.getChildren(current).find((node) => node.kind === 'heading' && node.index === step);
					if (!next) {
						found = false;
						break;
					}
					current = next;
				}
				if (found) {
					return current;
				}
				// Filtered out: try the heading before it.
				index = index - 1;
			}
			return noteNode;
		}
		return undefined;
	}

	private _children(parent?: NotesNode): NotesNode[] {
		if (!parent) {
			return this._roots();
		}
		switch (parent.kind) {
			case 'group':
				return this._groupChildren(parent.group);
			case 'note':
				return this._noteChildren(parent.group, parent.note, parent.visible);
			case 'heading':
				return parent.outline.children
					.filter((child) => isVisible(parent.visible, child.index))
					.map((child) => this._headingNode(parent.group, parent.note, child, parent.visible));
			default:
				return [];
		}
	}

	private _roots(): NotesNode[] {
		const roots: NotesNode[] = [];
		const total = (this._state.showBundled ? this._indexes.bundled.notes.length : 0) + this._indexes.user.notes.length;
		const userHasSomething = this._indexes.user.notes.length > 0 || this._indexes.user.messages.length > 0;
		if (total === 0 && !userHasSomething) {
			// Nothing at all: an empty root lets VS Code show the welcome view with its "Choose Notes Folder" button.
			return roots;
		}
		if (this._state.showBundled) {
			roots.push(this._groupNode('bundled'));
		}
		if (userHasSomething || this._state.hasWorkspace) {
			roots.push(this._groupNode('user'));
		}
		if (this._state.filter !== '') {
			const visible = roots.filter((group) => group.kind === 'group' && group.count > 0);
			return visible.length > 0 ? visible : [this._message('root', 'no-match', vscode.l10n.t('No notes match "{0}". Click to clear the filter.', this._state.filter), 'search-stop', { command: Commands.notesClearFilter, title: vscode.l10n.t('Clear Filter') })];
		}
		if (this._state.showBundled && DIAGRAMS.length > 0) {
			roots.push(this._groupNode('diagrams'));
		}
		return roots;
	}

	private _groupNode(group: GroupId): NotesNode {
		const id = `group:${group}`;
		return this._cached(id, () => ({ kind: 'group', id, group, count: group === 'diagrams' ? DIAGRAMS.length : this._visibleNotes(group).length }));
	}

	private _visibleNotes(group: 'bundled' | 'user'): Array<{ note: Note; visible: HeadingFilter }> {
		const result: Array<{ note: Note; visible: HeadingFilter }> = [];
		for (const note of this._indexes[group].notes) {
			const match = filterNote(note, this._state.filter);
			if (match) {
				result.push({ note, visible: match.kind === 'all' ? 'all' : match.headings });
			}
		}
		return result;
	}

	private _groupChildren(group: GroupId): NotesNode[] {
		if (group === 'diagrams') {
			return DIAGRAMS.map((diagram) => {
				const id = `diagram:${diagram.id}`;
				return this._cached(id, () => ({ kind: 'diagram', id, diagram }));
			});
		}
		const index = this._indexes[group];
		const nodes: NotesNode[] = [];
		// Problems with the listing come first: after 2,000 notes nobody would scroll down to them.
		if (this._state.filter === '') {
			index.messages.forEach((text, i) => nodes.push(this._message(group, `listing-${i}`, text, 'warning')));
		}
		for (const { note, visible } of this._visibleNotes(group)) {
			const id = `${this._idPrefix()}${group}:${note.key}`;
			nodes.push(this._cached(id, () => ({ kind: 'note', id, group, note, visible })));
		}
		if (this._state.filter === '') {
			if (group === 'user' && index.loaded && index.notes.length === 0) {
				nodes.push(this._message(group, 'choose', vscode.l10n.t('No notes found in this workspace. Choose a notes folder…'), 'folder-opened', { command: Commands.notesChooseFolder, title: vscode.l10n.t('Choose Notes Folder') }));
			}
		}
		return nodes;
	}

	private _noteChildren(group: GroupId, note: Note, visible: HeadingFilter): NotesNode[] {
		const nodes: NotesNode[] = note.outline
			.filter((node) => isVisible(visible, node.index))
			.map((node) => this._headingNode(group, note, node, visible));
		if (note.problem?.kind === 'tooManyHeadings' && visible === 'all') {
			nodes.push(this._message(`${group}:${note.key}`, 'more', vscode.l10n.t('{0} more headings are not shown', note.problem.total - note.problem.shown), 'ellipsis'));
		}
		return nodes;
	}

	private _headingNode(group: GroupId, note: Note, outline: OutlineNode, visible: HeadingFilter): NotesNode {
		const id = `${this._idPrefix()}${group}:${note.key}#${outline.heading.slug}`;
		return this._cached(id, () => ({ kind: 'heading', id, group, note, outline, index: outline.index, visible }));
	}

	/**
	 * While a filter is active, notes and headings get other ids: VS Code remembers the collapsed state of an
	 * id, and filtered results must open expanded so every match is visible.
	 */
	private _idPrefix(): string {
		return this._state.filter === '' ? '' : `filter:${this._state.filter}:`;
	}

	private _message(scope: string, name: string, text: string, icon: string, command?: vscode.Command): NotesNode {
		const id = `message:${scope}:${name}`;
		return this._cached(id, () => ({ kind: 'message', id, text, icon, command }));
	}

	private _cached(id: string, create: () => NotesNode): NotesNode {
		let node = this._nodes.get(id);
		if (!node) {
			node = create();
			this._nodes.set(id, node);
		}
		return node;
	}

	private _buildPathTo(node: NotesNode): void {
		const visit = (parent: NotesNode | undefined): boolean => {
			for (const child of this.getChildren(parent)) {
				if (child.id === node.id) {
					return true;
				}
				if (visit(child)) {
					return true;
				}
			}
			return false;
		};
		visit(undefined);
	}
}
