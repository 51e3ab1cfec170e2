import * as vscode from 'vscode';
import { DEFAULT_CONTEXT_TOKENS } from '../../core/blank/budget';
import { SERVER_PRESETS, type ServerPreset } from '../../core/blank/endpoint';
import { BlankSettings, section } from '../../platform/settings';

export type ProviderId = 'builtin' | 'openai' | 'openai-compatible';

/** An immutable snapshot of the blank feature's settings. */
export interface BlankSettingsSnapshot {
	readonly provider: ProviderId;
	/** As the user wrote it; empty means "the preset's URL". */
	readonly baseUrl: string;
	readonly preset: ServerPreset['id'];
	readonly model: string;
	readonly contextTokens: number;
	readonly guessFirst: boolean;
}

const PROVIDERS: readonly ProviderId[] = ['builtin', 'openai', 'openai-compatible'];

/**
 * Where text is sent is decided only by user (or remote machine) settings. The keys are `machine`-scoped,
 * so VS Code already ignores them in workspace settings; reading `globalValue` here makes that explicit
 * and keeps it true even if a scope is changed by mistake: a cloned repository cannot redirect the learner's
 * text or key to a server of its choosing.
 */
function userValue<T>(fullKey: string): T | undefined {
	const { section: name, key } = section(fullKey);
	const inspected = vscode.workspace.getConfiguration(name).inspect<T>(key);
	return inspected?.globalValue ?? inspected?.defaultValue;
}

function windowValue<T>(fullKey: string, fallback: T): T {
	const { section: name, key } = section(fullKey);
	return vscode.workspace.getConfiguration(name).get<T>(key, fallback);
}

export function readBlankSettings(): BlankSettingsSnapshot {
	const provider = userValue<string>(BlankSettings.provider);
	const preset = userValue<string>(BlankSettings.preset);
	const contextTokens = windowValue<number>(BlankSettings.contextTokens, DEFAULT_CONTEXT_TOKENS);
	return {
		provider: PROVIDERS.includes(provider as ProviderId) ? provider as ProviderId : 'builtin',
		baseUrl: (userValue<string>(BlankSettings.baseUrl) ?? '').trim(),
		preset: SERVER_PRESETS.find((p) => p.id === preset)?.id ?? 'ollama',
		model: (userValue<string>(BlankSettings.model) ?? '').trim(),
		contextTokens: Number.isFinite(contextTokens) && contextTokens >= 50 ? Math.min(Math.floor(contextTokens), 100_000) : DEFAULT_CONTEXT_TOKENS,
		guessFirst: windowValue<boolean>(BlankSettings.guessFirst, false) === true,
	};
}

/** Keeps a current snapshot; one configuration listener, filtered to the feature's keys. */
export class BlankSettingsWatcher implements vscode.Disposable {
	private _current = readBlankSettings();
	private readonly _listener = vscode.workspace.onDidChangeConfiguration((e) => {
		if (Object.values(BlankSettings).some((key) => e.affectsConfiguration(key))) {
			this._current = readBlankSettings();
		}
	});

	get current(): BlankSettingsSnapshot {
		return this._current;
	}

	dispose(): void {
		this._listener.dispose();
	}
}
