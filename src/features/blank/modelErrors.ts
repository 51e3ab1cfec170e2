import * as vscode from 'vscode';
import type { ModelError } from '../../core/blank/errors';
import { presetFor } from '../../core/blank/endpoint';
import type { VerdictReason } from '../../core/blank/verdict';
import { BlankSettings } from '../../platform/settings';
import { Commands } from '../../platform/commands';

/** What the learner can do next, shown as buttons on the error message. */
export type NextStep = 'setKey' | 'pickModel' | 'detect' | 'settings';

export interface UserMessage {
	readonly text: string;
	readonly steps: readonly NextStep[];
}

/**
 * Turns a model error into a message that says what happened and what to do. The key is never part of it:
 * error texts from the core are already redacted, and nothing here reads the key.
 */
export function describeModelError(error: ModelError, baseUrl: string, model: string): UserMessage {
	const origin = safeOrigin(baseUrl);
	const preset = presetFor(baseUrl);
	switch (error.kind) {
		case 'connection-refused':
			return {
				text: preset
					? vscode.l10n.t('Nothing is listening at {0}. Start {1} (for example "{2}") and try again, or run "AI Notes: Detect Local Model Servers".', origin, preset.label, preset.startHint)
					: vscode.l10n.t('Nothing is listening at {0}. Start the model server, or check the port in the "{1}" setting.', origin, BlankSettings.baseUrl),
				steps: ['detect', 'settings'],
			};
		case 'host-not-found':
			return { text: vscode.l10n.t('The host of {0} cannot be found. Check the "{1}" setting.', baseUrl, BlankSettings.baseUrl), steps: ['settings'] };
		case 'connection-failed':
			return { text: vscode.l10n.t('Cannot connect to {0}: {1}', origin, error.message), steps: ['detect', 'settings'] };
		case 'unauthorized':
			return { text: vscode.l10n.t('{0} refused the API key. Set the right key with "AI Notes: Set API Key".', origin), steps: ['setKey'] };
		case 'unknown-model': {
			const models = error.details.models ?? [];
			return {
				text: models.length > 0
					? vscode.l10n.t('The server at {0} has no model "{1}". It has: {2}. Pick one.', origin, model, models.slice(0, 8).join(', '))
					: vscode.l10n.t('The server at {0} has no model "{1}". Pick a model it has.', origin, model),
				steps: ['pickModel'],
			};
		}
		case 'not-found':
			return { text: vscode.l10n.t('Nothing answers at {0}/chat/completions (404). Check that the base URL ends with /v1.', baseUrl), steps: ['settings'] };
		case 'rate-limited':
			return { text: vscode.l10n.t('{0} is limiting the rate of requests (429), even after retrying. Wait a minute and try again, or check your plan\'s limits.', origin), steps: [] };
		case 'server-error':
			return { text: vscode.l10n.t('The model server failed (HTTP {0}), even after retrying. Try again; if it keeps failing, look at the server\'s log.', String(error.details.status ?? '5xx')), steps: [] };
		case 'bad-request':
			return { text: vscode.l10n.t('The server rejected the request: {0}. If the context is too long for the model, lower "{1}".', error.message, BlankSettings.contextTokens), steps: ['settings'] };
		case 'timeout':
			return { text: vscode.l10n.t('The model server at {0} did not answer in time. A large model may still be loading: try again, or pick a smaller model.', origin), steps: ['pickModel'] };
		case 'broken-stream':
			return { text: vscode.l10n.t('The answer from {0} broke off in the middle. What arrived is kept in the panel; try again.', origin), steps: [] };
		case 'empty-answer':
			return { text: vscode.l10n.t('The model "{0}" sent an empty answer. Try again, or pick another model.', model), steps: ['pickModel'] };
		case 'bad-url':
			return { text: vscode.l10n.t('"{0}" is not an http(s) URL. Fix the "{1}" setting.', baseUrl, BlankSettings.baseUrl), steps: ['settings'] };
		case 'cancelled':
			return { text: vscode.l10n.t('Cancelled.'), steps: [] };
		case 'other':
		default:
			return { text: vscode.l10n.t('The model request failed: {0}', error.message), steps: [] };
	}
}

export function stepLabel(step: NextStep): string {
	switch (step) {
		case 'setKey': return vscode.l10n.t('Set API Key');
		case 'pickModel': return vscode.l10n.t('Pick a Model');
		case 'detect': return vscode.l10n.t('Detect Local Model Servers');
		case 'settings': return vscode.l10n.t('Open Settings');
	}
}

export async function runStep(step: NextStep, models: readonly string[] | undefined): Promise<void> {
	switch (step) {
		case 'setKey':
			await vscode.commands.executeCommand(Commands.setApiKey);
			break;
		case 'detect':
			await vscode.commands.executeCommand(Commands.detectModelServers);
			break;
		case 'settings':
			await vscode.commands.executeCommand('workbench.action.openSettings', 'aiNotes.model');
			break;
		case 'pickModel': {
			if (!models || models.length === 0) {
				await vscode.commands.executeCommand('workbench.action.openSettings', BlankSettings.model);
				break;
			}
			const picked = await vscode.window.showQuickPick(models, { title: vscode.l10n.t('Pick a model for Explain This Blank') });
			if (picked) {
				await vscode.workspace.getConfiguration().update(BlankSettings.model, picked, vscode.ConfigurationTarget.Global);
			}
			break;
		}
	}
}

export function verdictWhy(reason: VerdictReason): string {
	switch (reason) {
		case 'identical': return vscode.l10n.t('The fill is exactly the original text.');
		case 'case-or-spacing': return vscode.l10n.t('The fill is the original text, up to case, spacing or punctuation.');
		case 'same-stem': return vscode.l10n.t('The fill has the same word stems as the original (a plural, a verb form or an article differs).');
		case 'alias': return vscode.l10n.t('The glossary lists the fill and the original as names of the same term.');
		case 'empty': return vscode.l10n.t('There is no fill to compare.');
		case 'different': return vscode.l10n.t('The words differ. Read both in the passage: does the meaning change?');
	}
}

function safeOrigin(baseUrl: string): string {
	try {
		return new URL(baseUrl).origin;
	} catch {
		return baseUrl;
	}
}
