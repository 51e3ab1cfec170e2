import * as vscode from 'vscode';
import { DEFAULT_ENCODING, encodingForModel, isEncodingName, type EncodingName } from '../../core/tokens/encodings';
import { section, TokensSettings } from '../../platform/settings';

/** An immutable snapshot of the token settings. */
export interface TokenSettings {
	/** The encoding in use: the model's when a known model is named, else the encoding setting. */
	readonly encoding: EncodingName;
	/** The model name setting, when it decided the encoding. */
	readonly model: string | undefined;
	/** A model name that was set but is not known (the encoding setting is used instead). */
	readonly unknownModel: string | undefined;
	readonly pricePerMillion: number;
	readonly showInStatusBar: boolean;
}

function get<T>(fullKey: string, fallback: T): T {
	const { section: s, key } = section(fullKey);
	return vscode.workspace.getConfiguration(s).get<T>(key, fallback);
}

export function readTokenSettings(): TokenSettings {
	const configured = get<string>(TokensSettings.encoding, DEFAULT_ENCODING);
	const model = get<string>(TokensSettings.model, '').trim();
	const fromModel = model ? encodingForModel(model) : undefined;
	const price = get<number>(TokensSettings.pricePerMillion, 2.5);
	return {
		encoding: fromModel ?? (isEncodingName(configured) ? configured : DEFAULT_ENCODING),
		model: fromModel ? model : undefined,
		unknownModel: model && !fromModel ? model : undefined,
		pricePerMillion: Number.isFinite(price) && price >= 0 ? price : 0,
		showInStatusBar: get<boolean>(TokensSettings.showInStatusBar, true),
	};
}

export function affectsTokenSettings(event: vscode.ConfigurationChangeEvent): boolean {
	return Object.values(TokensSettings).some((key) => event.affectsConfiguration(key));
}

/** Which models use each encoding, for labels. */
export const ENCODING_MODELS: Readonly<Record<EncodingName, string>> = {
	o200k_base: 'GPT-4o, GPT-4.1, GPT-5, o1/o3/o4-mini',
	cl100k_base: 'GPT-4, GPT-3.5 Turbo, text-embedding-3',
	p50k_base: 'text-davinci-003, Codex',
	r50k_base: 'GPT-3 (davinci), GPT-2',
};
