import { OPENAI_ORIGIN, secretKeyFor } from './endpoint';

/** The seam to VS Code's SecretStorage (which satisfies it as it is); tests pass a Map-backed one. */
export interface SecretStore {
	get(key: string): PromiseLike<string | undefined>;
	store(key: string, value: string): PromiseLike<void>;
	delete(key: string): PromiseLike<void>;
}

/**
 * API keys in secret storage, one per base-URL origin: a key set for api.openai.com is only ever looked up
 * for that origin, so pointing the base URL elsewhere cannot carry it along. `OPENAI_API_KEY` from the
 * environment is used for api.openai.com only, for the same reason.
 */
export class ApiKeyStore {
	constructor(private readonly _secrets: SecretStore, private readonly _env: Readonly<Record<string, string | undefined>> = typeof process === 'undefined' ? {} : process.env) {}

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
