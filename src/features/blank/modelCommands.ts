import * as vscode from 'vscode';
import { detectServers } from '../../core/blank/detect';
import { OPENAI_ORIGIN, originOf, SERVER_PRESETS } from '../../core/blank/endpoint';
import { BlankSettings } from '../../platform/settings';
import type { ApiKeyStore } from '../../core/blank/apiKeys';
import type { BlankSettingsWatcher } from './blankSettings';

/** The origin a key command is about: the current provider's, or the learner's pick when that is unclear. */
async function pickOrigin(settings: BlankSettingsWatcher, purpose: string): Promise<string | undefined> {
	const current = settings.current;
	if (current.provider === 'openai') {
		return OPENAI_ORIGIN;
	}
	const preset = SERVER_PRESETS.find((p) => p.id === current.preset) ?? SERVER_PRESETS[0];
	const compatible = originOf(current.baseUrl || preset.baseUrl);
	if (current.provider === 'openai-compatible' && compatible) {
		return compatible;
	}
	const origins = [...new Set([OPENAI_ORIGIN, ...(compatible ? [compatible] : [])])];
	return vscode.window.showQuickPick(origins, { title: purpose, placeHolder: vscode.l10n.t('The server the key belongs to') });
}

export async function setApiKey(keys: ApiKeyStore, settings: BlankSettingsWatcher): Promise<void> {
	const origin = await pickOrigin(settings, vscode.l10n.t('Set API Key'));
	if (!origin) {
		return;
	}
	const key = await vscode.window.showInputBox({
		title: vscode.l10n.t('API key for {0}', origin),
		prompt: vscode.l10n.t('Kept in VS Code\'s secret storage and sent only to {0}.', origin),
		password: true,
		ignoreFocusOut: true,
		validateInput: (value) => /\s/.test(value.trim()) ? vscode.l10n.t('An API key has no spaces.') : undefined,
	});
	if (key === undefined || key.trim() === '') {
		return;
	}
	await keys.set(origin, key.trim());
	void vscode.window.showInformationMessage(vscode.l10n.t('The API key for {0} is saved.', origin));
}

export async function clearApiKey(keys: ApiKeyStore, settings: BlankSettingsWatcher): Promise<void> {
	const origin = await pickOrigin(settings, vscode.l10n.t('Clear API Key'));
	if (!origin) {
		return;
	}
	const had = await keys.clear(origin);
	void vscode.window.showInformationMessage(had
		? vscode.l10n.t('The API key for {0} is removed.', origin)
		: vscode.l10n.t('No API key was saved for {0}.', origin));
}

interface ServerItem extends vscode.QuickPickItem {
	readonly baseUrl?: string;
	readonly presetId?: string;
	readonly model?: string;
}

/** Probes the local presets, lists running servers with their models, and configures the pick (user settings). */
export async function detectModelServers(log: vscode.LogOutputChannel): Promise<void> {
	const found = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking for local model servers…') }, () => detectServers());
	for (const server of found.filter((s) => !s.running)) {
		log.debug(`Blank: ${server.preset.label} at ${server.baseUrl}: ${server.error ?? 'down'}`);
	}
	const running = found.filter((s) => s.running);
	if (running.length === 0) {
		void vscode.window.showInformationMessage(vscode.l10n.t('No local model server answered at {0}. Start one (for example "ollama serve") and try again.', SERVER_PRESETS.map((p) => new URL(p.baseUrl).host).join(', ')));
		return;
	}
	const items: ServerItem[] = [];
	for (const server of running) {
		items.push({ label: server.preset.label, kind: vscode.QuickPickItemKind.Separator });
		if (server.models.length === 0) {
			items.push({ label: vscode.l10n.t('(no models loaded)'), description: server.baseUrl, baseUrl: server.baseUrl, presetId: server.preset.id });
		}
		for (const model of server.models) {
			items.push({ label: model, description: server.baseUrl, baseUrl: server.baseUrl, presetId: server.preset.id, model });
		}
	}
	const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Local model servers'), placeHolder: vscode.l10n.t('Pick the model Explain This Blank should use') });
	if (!picked?.baseUrl) {
		return;
	}
	const config = vscode.workspace.getConfiguration();
	await config.update(BlankSettings.provider, 'openai-compatible', vscode.ConfigurationTarget.Global);
	await config.update(BlankSettings.preset, picked.presetId, vscode.ConfigurationTarget.Global);
	await config.update(BlankSettings.baseUrl, picked.baseUrl, vscode.ConfigurationTarget.Global);
	await config.update(BlankSettings.model, picked.model ?? '', vscode.ConfigurationTarget.Global);
	void vscode.window.showInformationMessage(vscode.l10n.t('Explain This Blank now uses {0} at {1}.', picked.model ?? picked.label, picked.baseUrl));
}
