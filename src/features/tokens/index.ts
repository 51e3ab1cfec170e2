import * as vscode from 'vscode';
import { Commands } from '../../platform/commands';
import type { Services } from '../../platform/services';
import { chooseEncoding, useEncoding } from './chooseEncoding';
import { CountClient } from './countClient';
import { TokenDetailsPanel } from './detailsPanel';
import { TokenStatusBar } from './statusBar';
import { affectsTokenSettings, readTokenSettings } from './tokenSettings';

/**
 * Registers the live token count: a status bar item, the details panel and the encoding picker. All
 * counting happens in a worker thread (dist/countWorker.js), which loads rank data only when first needed.
 */
export function registerTokens(services: Services): vscode.Disposable {
	let settings = readTokenSettings();
	const workerPath = vscode.Uri.joinPath(services.extensionUri, 'dist', 'countWorker.js').fsPath;
	const client = new CountClient(workerPath, services.log);
	const statusBar = new TokenStatusBar(client, settings, services.log);
	const details = new TokenDetailsPanel(services.extensionUri, client, () => settings, useEncoding, services.log);
	return vscode.Disposable.from(
		client,
		statusBar,
		details,
		vscode.workspace.onDidChangeConfiguration((event) => {
			if (affectsTokenSettings(event)) {
				settings = readTokenSettings();
				statusBar.settings = settings;
				void details.refresh();
			}
		}),
		vscode.commands.registerCommand(Commands.tokensChooseEncoding, () => chooseEncoding(settings)),
		vscode.commands.registerCommand(Commands.tokensShowDetails, () => details.show()),
	);
}
