import * as vscode from 'vscode';
import { encodingForModel, ENCODINGS, type EncodingName } from '../../core/tokens/encodings';
import { section, TokensSettings } from '../../platform/settings';
import { ENCODING_MODELS, type TokenSettings } from './tokenSettings';

/** Writes a setting where the user will see it take effect: the workspace when it already sets it there. */
async function update(fullKey: string, value: unknown): Promise<void> {
	const { section: s, key } = section(fullKey);
	const configuration = vscode.workspace.getConfiguration(s);
	const inspected = configuration.inspect(key);
	const target = inspected?.workspaceFolderValue !== undefined || inspected?.workspaceValue !== undefined
		? vscode.ConfigurationTarget.Workspace
		: vscode.ConfigurationTarget.Global;
	await configuration.update(key, value, target);
}

/** Uses `encoding` from now on; a model name that would override it is cleared. */
export async function useEncoding(encoding: EncodingName): Promise<void> {
	await update(TokensSettings.model, undefined);
	await update(TokensSettings.encoding, encoding);
}

type Item = vscode.QuickPickItem & { encoding?: EncodingName; byModel?: true };

/** "AI Notes: Choose Token Encoding": an encoding, or a model name that maps to one. */
export async function chooseEncoding(current: TokenSettings): Promise<void> {
	const items: Item[] = ENCODINGS.map((encoding) => ({
		label: encoding,
		description: ENCODING_MODELS[encoding],
		detail: encoding === current.encoding ? vscode.l10n.t('In use') : undefined,
		picked: encoding === current.encoding,
		encoding,
	}));
	items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: vscode.l10n.t('$(symbol-method) Name a model…'), description: vscode.l10n.t('e.g. gpt-4o, gpt-4.1, o3-mini, gpt-4, gpt-3.5-turbo'), byModel: true });
	const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Token Encoding'), placeHolder: vscode.l10n.t('Encoding for the token count (now {0})', current.encoding) });
	if (!picked) {
		return;
	}
	if (picked.encoding) {
		await useEncoding(picked.encoding);
		return;
	}
	const model = await vscode.window.showInputBox({
		title: vscode.l10n.t('Model Name'),
		prompt: vscode.l10n.t('The OpenAI model whose tokenizer to count with'),
		value: current.model ?? '',
		validateInput: (value) => value.trim() === '' || encodingForModel(value)
			? undefined
			: vscode.l10n.t('Unknown model. Try gpt-4o, gpt-4.1, o3-mini, gpt-4, gpt-3.5-turbo, text-davinci-003 or davinci.'),
	});
	if (model === undefined || model.trim() === '') {
		return;
	}
	await update(TokensSettings.model, model.trim());
}
