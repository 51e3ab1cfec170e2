import * as vscode from 'vscode';
import { OPENAI_ORIGIN, secretKeyFor } from '../../core/blank/endpoint';

/**
 * API keys in SecretStorage, one per base-URL origin: a key set for api.openai.com is only ever looked up
 * for that origin, so pointing the base URL elsewhere cannot carry it along. `OPENAI_API_KEY` from the
 * environment is used for api.openai.com only, for the same reason.
 */
export class ApiKeyStore {
	constructor(private readonly _secrets: vscode.SecretStorage, private readonly _env: NodeJS.ProcessEnv = process.env) {}

	async get(origin: string): Promise<string | undefined> {
		const stored = await this._secrets.get(secretKeyFor(origin));
		if (stored) {
			return stored;
		}
		if (origin === OPENAI_ORIGIN) {
			return this._env.OPENAI_API_KEY?.trim() || undefined;
		}
		return undefined;
	}

	async set(origin: string, key: string): Promise<void> {
		await this._secrets.store(secretKeyFor(origin), key);
	}

	async clear(origin: string): Promise<boolean> {
		const had = (await this._secrets.get(secretKeyFor(origin))) !== undefined;
		await this._secrets.delete(secretKeyFor(origin));
		return had;
	}
}
