import { listModels } from './client';
import { SERVER_PRESETS, type ServerPreset } from './endpoint';

/** One probed server: up with its models, or down. */
export interface DetectedServer {
	readonly preset: ServerPreset;
	readonly baseUrl: string;
	readonly running: boolean;
	readonly models: readonly string[];
	/** Why a server counts as down, for the log. */
	readonly error?: string;
}

export const PROBE_TIMEOUT_MS = 1500;

/**
 * Probes the local presets in parallel with `GET /v1/models`, no retries and a short timeout, so a
 * learner waits about a second and a half at most. `presets` is a parameter so tests can point it at
 * the fake server.
 */
export async function detectServers(presets: readonly ServerPreset[] = SERVER_PRESETS, timeoutMs = PROBE_TIMEOUT_MS, signal?: AbortSignal): Promise<DetectedServer[]> {
	return Promise.all(presets.map(async (preset): Promise<DetectedServer> => {
		try {
			const models = await listModels({ baseUrl: preset.baseUrl, timeoutMs, maxRetries: 0 }, signal);
			return { preset, baseUrl: preset.baseUrl, running: true, models };
		} catch (error) {
			return { preset, baseUrl: preset.baseUrl, running: false, models: [], error: error instanceof Error ? error.message : String(error) };
		}
	}));
}
