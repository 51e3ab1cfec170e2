import * as vscode from 'vscode';
import type { GlossaryEntry, GlossaryMatcher } from '../../core/glossary';
import type { GlossaryStore } from './glossaryStore';

interface EntryItem extends vscode.QuickPickItem {
	readonly entry: GlossaryEntry;
}

/**
 * "AI Notes: Look Up Term": a quick pick over every term with its definition, prefilled with the term
 * (or word) under the cursor. Resolves with the chosen entry, or undefined when the user cancels.
 */
export async function lookUpTerm(store: GlossaryStore): Promise<GlossaryEntry | undefined> {
	const snapshot = await store.ready();
	if (snapshot.entries.length === 0) {
		void vscode.window.showInformationMessage(vscode.l10n.t('The glossary is empty. Add entries to a glossary.md file (see "aiNotes.glossaryFiles").'));
		return undefined;
	}
	const items: EntryItem[] = [...snapshot.entries]
		.sort((a, b) => a.term.localeCompare(b.term, undefined, { sensitivity: 'base' }))
		.map((entry) => ({
			label: entry.term,
			description: entry.aliases.join(', '),
			detail: entry.definition,
			entry,
		}));
	const pick = vscode.window.createQuickPick<EntryItem>();
	pick.title = vscode.l10n.t('Look Up Term');
	pick.placeholder = vscode.l10n.t('Type a term or alias; Enter opens the note that explains it');
	pick.matchOnDescription = true;
	pick.matchOnDetail = true;
	pick.items = items;
	pick.value = initialValue(snapshot.matcher);
	return new Promise<GlossaryEntry | undefined>((resolve) => {
		let chosen: GlossaryEntry | undefined;
		pick.onDidAccept(() => {
			chosen = pick.selectedItems[0]?.entry ?? pick.activeItems[0]?.entry;
			pick.hide();
		});
		pick.onDidHide(() => {
			pick.dispose();
			resolve(chosen);
		});
		pick.show();
	});
}

function initialValue(matcher: GlossaryMatcher): string {
	const editor = vscode.window.activeTextEditor;
	if (!editor) {
		return '';
	}
	const { document, selection } = editor;
	if (!selection.isEmpty && selection.isSingleLine) {
		return document.getText(selection).trim().slice(0, 100);
	}
	// The user asks explicitly here, so a term used as a code identifier counts too (unlike in hovers).
	const found = matcher.matchAt(document.lineAt(selection.active.line).text, selection.active.character);
	if (found) {
		return found.entry.term;
	}
	const word = document.getWordRangeAtPosition(selection.active);
	return word ? document.getText(word) : '';
}
