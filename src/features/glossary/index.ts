import * as vscode from 'vscode';
import { Commands } from '../../platform/commands';
import type { Services } from '../../platform/services';
import { affectsGlossary, affectsGlossaryFiles, readGlossaryConfig } from './glossarySettings';
import { GlossaryStore } from './glossaryStore';
import { GlossaryHoverProvider } from './hoverProvider';
import { lookUpTerm } from './lookUpTerm';
import { entryFromArgs, openEntry } from './openEntry';
import { GLOSSARY_LANGUAGES, TermLocator } from './termAtPosition';
import { TermDecorations } from './termDecorations';

/**
 * The hover glossary: hovers in notes and code comments, "Look Up Term", the command behind the hover's
 * link, and optional underlines. The glossary itself is loaded and watched by `GlossaryStore`.
 */
export function registerGlossary(services: Services): vscode.Disposable {
	const disposables: vscode.Disposable[] = [];
	let config = readGlossaryConfig();
	const bundled = vscode.Uri.joinPath(services.extensionUri, 'notes', 'glossary.md');
	const store = new GlossaryStore(bundled, services.log, config);
	const locator = new TermLocator();
	const decorations = new TermDecorations(store);
	disposables.push(store, decorations);

	disposables.push(
		vscode.languages.registerHoverProvider(
			GLOSSARY_LANGUAGES.map((language) => ({ language })),
			new GlossaryHoverProvider(store, locator, () => config),
		),
		vscode.commands.registerCommand(Commands.openGlossaryEntry, async (args: unknown) => {
			const snapshot = await store.ready();
			const entry = entryFromArgs(snapshot, args);
			if (!entry) {
				void vscode.window.showWarningMessage(vscode.l10n.t('That glossary term is no longer defined. Run "AI Notes: Look Up Term" to search the glossary.'));
				return undefined;
			}
			return openEntry(entry, services.log);
		}),
		vscode.commands.registerCommand(Commands.lookUpTerm, async () => {
			const entry = await lookUpTerm(store);
			return entry ? openEntry(entry, services.log) : undefined;
		}),
		vscode.workspace.onDidChangeConfiguration((e) => {
			if (!affectsGlossary(e)) {
				return;
			}
			config = readGlossaryConfig();
			store.setConfig(config);
			decorations.setEnabled(config.underlineTerms);
			if (affectsGlossaryFiles(e)) {
				void store.start();
			}
		}),
		vscode.workspace.onDidChangeWorkspaceFolders(() => void store.start()),
	);
	decorations.setEnabled(config.underlineTerms);
	void store.start();
	return vscode.Disposable.from(...disposables.reverse());
}
