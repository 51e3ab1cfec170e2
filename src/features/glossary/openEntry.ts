import * as vscode from 'vscode';
import { findHeading, type GlossaryEntry } from '../../core/glossary';
import { openNoteAt } from '../../platform/openNote';
import type { GlossarySnapshot } from './glossaryStore';

/** Where "open the note" goes for an entry: its `See:` note and heading, else the line that defines it. */
export interface EntryTarget {
	readonly uri: vscode.Uri;
	readonly heading?: string;
	readonly line?: number;
}

export function entryTarget(entry: GlossaryEntry): EntryTarget {
	const source = vscode.Uri.parse(entry.source);
	if (entry.note) {
		// `See:` paths are relative to the glossary file, as a markdown link in it would be.
		const folder = vscode.Uri.joinPath(source, '..');
		const uri = vscode.Uri.joinPath(folder, entry.note);
		// A glossary may only point inside its own workspace folder (the bundled one: inside its own folder), so
		// a hover link in a cloned repository cannot open arbitrary files such as `../../.ssh/config`.
		const root = vscode.workspace.getWorkspaceFolder(source)?.uri ?? folder;
		if (isInside(uri, root)) {
			return { uri, heading: entry.heading };
		}
	}
	return { uri: source, line: entry.line };
}

function isInside(uri: vscode.Uri, root: vscode.Uri): boolean {
	const prefix = root.path.endsWith('/') ? root.path : `${root.path}/`;
	return uri.scheme === root.scheme && uri.authority === root.authority && uri.path.startsWith(prefix);
}

/** The link text of a hover and the detail of a quick pick item. */
export function entryLinkLabel(entry: GlossaryEntry): string {
	if (!entry.note) {
		return vscode.l10n.t('Open definition');
	}
	const file = entry.note.replace(/^.*\//, '');
	const heading = entry.linkText ?? entry.heading;
	return heading ? vscode.l10n.t('Read more: {0} ({1})', heading, file) : vscode.l10n.t('Read more: {0}', file);
}

/** Opens the note of an entry at its heading; a heading that no longer exists opens the note at the top. */
export async function openEntry(entry: GlossaryEntry, log: vscode.LogOutputChannel): Promise<vscode.TextEditor | undefined> {
	const target = entryTarget(entry);
	let line = target.line;
	if (target.heading !== undefined) {
		try {
			const document = await vscode.workspace.openTextDocument(target.uri);
			line = findHeading(document.getText(), target.heading)?.line;
			if (line === undefined) {
				log.warn(`Glossary: "${entry.term}" links to #${target.heading}, which ${target.uri.toString()} does not have; opening the note at the top.`);
			}
		} catch (error) {
			void vscode.window.showErrorMessage(vscode.l10n.t('Cannot open the note for "{0}": {1}. Check the "See:" line of the entry.', entry.term, target.uri.fsPath || target.uri.toString()));
			log.error(`Glossary: cannot open ${target.uri.toString()} for "${entry.term}": ${error instanceof Error ? error.message : String(error)}`);
			return undefined;
		}
	}
	return openNoteAt(target.uri, { line: line ?? 0 });
}

/** The entry a command argument names, in the current glossary. */
export function entryFromArgs(snapshot: GlossarySnapshot, args: unknown): GlossaryEntry | undefined {
	const term = typeof args === 'string' ? args : typeof args === 'object' && args !== null && 'term' in args && typeof args.term === 'string' ? args.term : undefined;
	return term === undefined ? undefined : snapshot.matcher.lookup(term);
}
