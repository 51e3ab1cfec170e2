import * as vscode from 'vscode';
import { registerBlank } from './features/blank';
import { registerDiagrams } from './features/diagrams';
import { registerGlossary } from './features/glossary';
import { registerNotes } from './features/notes';
import { registerTokens } from './features/tokens';
import { Commands } from './platform/commands';
import type { Services } from './platform/services';

/** What the extension exports to other extensions and to its own integration tests. */
export interface AiNotesApi {
	/** How long `activate()` took, in milliseconds (measured with `performance.now()`). */
	readonly activationTimeMs: number;
}

/** Builds the shared services and wires the features together. Nothing else happens here. */
export function activate(context: vscode.ExtensionContext): AiNotesApi {
	const started = performance.now();
	const log = vscode.window.createOutputChannel('AI Notes', { log: true });
	context.subscriptions.push(log);
	const services: Services = { context, log, extensionUri: context.extensionUri };

	context.subscriptions.push(
		vscode.commands.registerCommand(Commands.showLog, () => log.show()),
		registerNotes(services),
		registerGlossary(services),
		registerTokens(services),
		registerBlank(services),
		registerDiagrams(services),
	);
	const activationTimeMs = performance.now() - started;
	log.info(`AI Notes Companion activated in ${activationTimeMs.toFixed(1)} ms`);
	return { activationTimeMs };
}

export function deactivate(): void {
	// Everything is disposed through context.subscriptions.
}
