import * as vscode from 'vscode';
import { Commands } from '../../platform/commands';
import type { Services } from '../../platform/services';
import { ApiKeyStore } from '../../core/blank/apiKeys';
import { BlankCorpus } from './blankCorpus';
import { BlankPanel } from './blankPanel';
import { BlankSettingsWatcher } from './blankSettings';
import { BlankExplainer } from './explainBlank';
import { clearApiKey, detectModelServers, setApiKey } from './modelCommands';

/** Registers "Explain This Blank", the API key commands and local server detection. */
export function registerBlank(services: Services): vscode.Disposable {
	const settings = new BlankSettingsWatcher();
	const keys = new ApiKeyStore(services.context.secrets);
	const corpus = new BlankCorpus(services.extensionUri, services.log);
	const panel = new BlankPanel(services.extensionUri, services.log);
	const explainer = new BlankExplainer(services, settings, keys, corpus, panel);
	const report = (what: string) => (error: unknown): void => {
		// A bug, not a user error: those are shown as messages inside the commands.
		services.log.error(`Blank: ${what} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
		void vscode.window.showErrorMessage(vscode.l10n.t('Explain This Blank failed unexpectedly. See "AI Notes: Show Log" for details.'));
	};
	return vscode.Disposable.from(
		settings,
		corpus,
		panel,
		explainer,
		vscode.commands.registerCommand(Commands.explainBlank, () => explainer.explain().catch(report('explain'))),
		vscode.commands.registerCommand(Commands.setApiKey, () => setApiKey(keys, settings).catch(report('set API key'))),
		vscode.commands.registerCommand(Commands.clearApiKey, () => clearApiKey(keys, settings).catch(report('clear API key'))),
		vscode.commands.registerCommand(Commands.detectModelServers, () => detectModelServers(services.log).catch(report('detect servers'))),
	);
}
