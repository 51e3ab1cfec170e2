import * as vscode from 'vscode';
import { budgetContext, type BudgetedContext } from '../../core/blank/budget';
import { listModels, streamChat, streamChatExplained, type ModelEndpoint } from '../../core/blank/client';
import { DEFAULT_OPENAI_MODEL, OPENAI_BASE_URL, originOf, SERVER_PRESETS } from '../../core/blank/endpoint';
import { ModelError } from '../../core/blank/errors';
import { extractBlank, type Blank } from '../../core/blank/extract';
import type { BlankViewState } from '../../core/blank/messages';
import { parseFillAnswer, parseVerdictAnswer } from '../../core/blank/parse';
import { buildFillMessages, buildVerdictMessages } from '../../core/blank/prompt';
import { renderMarkdown } from '../../core/blank/render';
import { compareFill, type AreAliases } from '../../core/blank/verdict';
import { loadCounter } from '../../core/tokens';
import { Disposable } from '../../platform/disposable';
import type { Services } from '../../platform/services';
import type { ApiKeyStore } from '../../core/blank/apiKeys';
import type { BlankCorpus } from './blankCorpus';
import { blankLabels, type BlankPanel } from './blankPanel';
import type { BlankSettingsSnapshot, BlankSettingsWatcher } from './blankSettings';
import { confirmSend } from './consent';
import { describeModelError, runStep, stepLabel, verdictWhy } from './modelErrors';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface Network {
	readonly baseUrl: string;
	readonly origin: string;
	readonly apiKey?: string;
}

/**
 * The "Explain This Blank" command: finds the blank, asks for the learner's guess when "guess first" is on,
 * asks the model (builtin or network) with a cancellable progress, streams the answer into the panel, then
 * reveals the original with a verdict. Only one question runs at a time; a new one cancels the old.
 */
export class BlankExplainer extends Disposable {
	private _running: AbortController | undefined;
	private _runId = 0;
	private _warnedUntrusted = false;

	constructor(
		private readonly _services: Services,
		private readonly _settings: BlankSettingsWatcher,
		private readonly _keys: ApiKeyStore,
		private readonly _corpus: BlankCorpus,
		private readonly _panel: BlankPanel,
	) {
		super();
	}

	async explain(): Promise<void> {
		const editor = vscode.window.activeTextEditor;
		if (!editor) {
			void vscode.window.showInformationMessage(vscode.l10n.t('Open a file, select the text to hide, and run "AI Notes: Explain This Blank" again.'));
			return;
		}
		const document = editor.document;
		const text = document.getText();
		const found = extractBlank(text, document.offsetAt(editor.selection.start), document.offsetAt(editor.selection.end));
		if (!found.ok) {
			void vscode.window.showInformationMessage(found.reason === 'whitespace-only'
				? vscode.l10n.t('The selection is only whitespace. Select the words or code to hide.')
				: vscode.l10n.t('Select the text to hide, or put the cursor on a blank marker (____, [MASK] or <mask>), then run the command again.'));
			return;
		}
		const blank = found.blank;
		const settings = this._settings.current;
		const counter = await loadCounter('o200k_base');
		const count = (t: string): number => counter.count(t);
		const blankTokens = count(blank.original);
		if (blankTokens > settings.contextTokens) {
			void vscode.window.showWarningMessage(vscode.l10n.t('The selection is {0} tokens, more than the context budget of {1} tokens. Select a shorter span, or raise the "aiNotes.blank.contextTokens" setting.', blankTokens, settings.contextTokens));
			return;
		}
		const context = budgetContext(blank.before, blank.after, settings.contextTokens, count);

		let guess: string | undefined;
		if (settings.guessFirst) {
			guess = await vscode.window.showInputBox({
				title: vscode.l10n.t('Explain This Blank: your guess first'),
				prompt: vscode.l10n.t('What belongs in the blank? The original stays hidden until the model has answered.'),
				ignoreFocusOut: true,
			});
			if (guess === undefined) {
				return;
			}
			guess = guess.trim();
		}

		this._running?.abort();
		const controller = new AbortController();
		this._running = controller;
		const runId = ++this._runId;
		const provider = this._effectiveProvider(settings);
		const state: Mutable<BlankViewState> = {
			id: runId,
			status: 'thinking',
			modelLabel: provider === 'builtin' ? vscode.l10n.t('Builtin statistical model (offline)') : '',
			before: context.before,
			after: context.after,
			trimmedBefore: context.trimmedBefore,
			trimmedAfter: context.trimmedAfter,
			alternatives: [],
			explanationHtml: '',
			formatted: true,
			labels: blankLabels(),
			...(guess ? { guess: { text: guess } } : {}),
		};
		try {
			if (provider === 'builtin') {
				this._panel.show({ ...state });
				await this._runBuiltin(document, blank, context, state, guess);
			} else {
				const network = await this._resolveNetwork(provider, settings);
				if (!network || !(await confirmSend(this._services.context, network.origin))) {
					return;
				}
				await this._runNetwork(document, blank, context, state, guess, settings, network, controller);
			}
		} finally {
			if (this._running === controller) {
				this._running = undefined;
			}
		}
	}

	/** Network providers are off in an untrusted workspace: its files could be crafted to leak. */
	private _effectiveProvider(settings: BlankSettingsSnapshot): BlankSettingsSnapshot['provider'] {
		if (settings.provider === 'builtin' || vscode.workspace.isTrusted) {
			return settings.provider;
		}
		if (!this._warnedUntrusted) {
			this._warnedUntrusted = true;
			const manage = vscode.l10n.t('Manage Workspace Trust');
			void vscode.window.showInformationMessage(vscode.l10n.t('This workspace is not trusted, so the builtin offline model answered: no text leaves this machine. Trust the workspace to use the model server.'), manage)
				.then((choice) => choice === manage ? vscode.commands.executeCommand('workbench.trust.manage') : undefined);
		}
		return 'builtin';
	}

	private async _runBuiltin(document: vscode.TextDocument, blank: Blank, context: BudgetedContext, state: Mutable<BlankViewState>, guess: string | undefined): Promise<void> {
		const { model, areAliases } = await this._corpus.model();
		const sameLanguageFiles = document.languageId === 'markdown' || document.languageId === 'plaintext' ? [] : await this._corpus.sameLanguageFiles(document);
		const started = Date.now();
		const prediction = model.predict({
			before: context.before,
			after: context.after,
			languageId: document.languageId,
			documentId: document.uri.toString(),
			documentTitle: vscode.workspace.asRelativePath(document.uri),
			sameLanguageFiles,
		});
		this._services.log.info(`Blank: builtin model answered in ${Date.now() - started} ms with ${prediction.candidates.length} candidates`);
		const [best, ...alternatives] = prediction.candidates;
		state.fill = best ? { text: best.text, probability: best.probability } : undefined;
		state.alternatives = alternatives.map((c) => ({ text: c.text, probability: c.probability }));
		state.explanationHtml = renderMarkdown(prediction.explanation);
		this._reveal(blank, state, guess, best?.text, undefined, areAliases);
		state.status = 'done';
		this._panel.update({ ...state }, true);
	}

	private async _resolveNetwork(provider: 'openai' | 'openai-compatible', settings: BlankSettingsSnapshot): Promise<Network | undefined> {
		const preset = SERVER_PRESETS.find((p) => p.id === settings.preset) ?? SERVER_PRESETS[0];
		const baseUrl = provider === 'openai' ? OPENAI_BASE_URL : settings.baseUrl || preset.baseUrl;
		const origin = originOf(baseUrl);
		if (!origin) {
			const message = describeModelError(new ModelError('bad-url', 'bad url'), baseUrl, settings.model);
			await this._showError(message.text, message.steps, undefined);
			return undefined;
		}
		const apiKey = await this._keys.get(origin);
		if (provider === 'openai' && !apiKey) {
			const set = vscode.l10n.t('Set API Key');
			const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Set your OpenAI API key first (it is kept in VS Code\'s secret storage), or set the OPENAI_API_KEY environment variable.'), set);
			if (choice === set) {
				await vscode.commands.executeCommand('aiNotes.setApiKey');
			}
			return undefined;
		}
		return { baseUrl, origin, apiKey };
	}

	private async _runNetwork(document: vscode.TextDocument, blank: Blank, context: BudgetedContext, state: Mutable<BlankViewState>, guess: string | undefined, settings: BlankSettingsSnapshot, network: Network, controller: AbortController): Promise<void> {
		const fillInput = { before: context.before, after: context.after, languageId: document.languageId };
		let model = settings.model || (settings.provider === 'openai' ? DEFAULT_OPENAI_MODEL : '');
		const endpointFor = (name: string): ModelEndpoint => ({ baseUrl: network.baseUrl, model: name, apiKey: network.apiKey });
		state.modelLabel = `${model || '…'} · ${network.origin}`;
		this._panel.show({ ...state });
		let answer = '';
		await vscode.window.withProgress({
			location: vscode.ProgressLocation.Notification,
			title: vscode.l10n.t('Explaining the blank with {0}', network.origin),
			cancellable: true,
		}, async (_progress, token) => {
			const cancel = token.onCancellationRequested(() => controller.abort());
			try {
				if (!model) {
					// No model configured for a local server: use the first one it offers.
					const models = await listModels({ baseUrl: network.baseUrl, apiKey: network.apiKey, maxRetries: 1 }, controller.signal);
					if (models.length === 0) {
						throw new ModelError('unknown-model', 'The server offers no models.', { models: [] });
					}
					model = models[0];
					state.modelLabel = `${model} · ${network.origin}`;
				}
				const result = await streamChatExplained(endpointFor(model), buildFillMessages(fillInput), {
					signal: controller.signal,
					onDelta: (_delta, soFar) => {
						answer = soFar;
						this._applyAnswer(state, soFar, 'streaming');
					},
				});
				answer = result.text;
				this._applyAnswer(state, answer, 'revealing');
				const parsed = parseFillAnswer(answer);
				let modelVerdict;
				if (blank.original) {
					try {
						const verdictResult = await streamChat(endpointFor(model), buildVerdictMessages({ ...fillInput, original: blank.original, answer, guess: guess || undefined }), { signal: controller.signal, maxTokens: 300 });
						modelVerdict = parseVerdictAnswer(verdictResult.text);
					} catch (error) {
						if (controller.signal.aborted) {
							throw error;
						}
						// The verdict is a bonus: the local comparison stands in for it.
						this._services.log.warn(`Blank: verdict request failed: ${error instanceof Error ? error.message : String(error)}`);
					}
				}
				const { areAliases } = await this._corpus.model().catch(() => ({ areAliases: undefined }));
				this._reveal(blank, state, guess, parsed.fill, modelVerdict, areAliases);
				state.status = 'done';
				this._panel.update({ ...state }, true);
			} catch (error) {
				await this._fail(error, state, answer, network.baseUrl, model);
			} finally {
				cancel.dispose();
			}
		});
	}

	private _applyAnswer(state: Mutable<BlankViewState>, text: string, status: BlankViewState['status']): void {
		const parsed = parseFillAnswer(text);
		state.status = status;
		state.fill = parsed.fill ? { text: parsed.fill } : undefined;
		state.alternatives = parsed.alternatives.map((a) => ({ text: a }));
		state.explanationHtml = renderMarkdown(parsed.explanation);
		state.formatted = parsed.formatted || text.trim() === '';
		this._panel.update({ ...state });
	}

	/** Shows the original with the model's verdict (or the local one) and compares the learner's guess. */
	private _reveal(blank: Blank, state: Mutable<BlankViewState>, guess: string | undefined, fill: string | undefined, modelVerdict: ReturnType<typeof parseVerdictAnswer> | undefined, areAliases: AreAliases | undefined): void {
		if (!blank.original) {
			// A typed marker hides nothing: compare the guess with the model's fill instead.
			if (guess && fill) {
				const local = compareFill(fill, guess, areAliases);
				state.guess = { text: guess, verdict: { verdict: local.verdict, why: verdictWhy(local.reason) } };
			}
			return;
		}
		state.original = blank.original;
		if (fill) {
			const local = compareFill(blank.original, fill, areAliases);
			state.verdict = modelVerdict?.verdict
				? { verdict: modelVerdict.verdict, why: modelVerdict.why }
				: { verdict: local.verdict, why: verdictWhy(local.reason) };
		}
		if (guess) {
			const local = compareFill(blank.original, guess, areAliases);
			state.guess = {
				text: guess,
				verdict: modelVerdict?.guessVerdict
					? { verdict: modelVerdict.guessVerdict, why: modelVerdict.guessWhy }
					: { verdict: local.verdict, why: verdictWhy(local.reason) },
			};
		}
	}

	private async _fail(error: unknown, state: Mutable<BlankViewState>, partial: string, baseUrl: string, model: string): Promise<void> {
		const modelError = error instanceof ModelError ? error : new ModelError('other', error instanceof Error ? error.message : String(error));
		// Keep whatever arrived: a broken stream still taught something.
		const kept = modelError.details.partial || partial;
		if (kept) {
			this._applyAnswer(state, kept, state.status);
		}
		if (modelError.kind === 'cancelled') {
			state.status = 'cancelled';
			this._panel.update({ ...state }, true);
			this._services.log.info('Blank: the request was cancelled');
			return;
		}
		const message = describeModelError(modelError, baseUrl, model);
		state.status = 'error';
		state.error = { message: message.text };
		this._panel.update({ ...state }, true);
		this._services.log.warn(`Blank: ${modelError.kind}: ${modelError.message}`);
		await this._showError(message.text, message.steps, modelError.details.models);
	}

	private async _showError(text: string, steps: readonly Parameters<typeof runStep>[0][], models: readonly string[] | undefined): Promise<void> {
		const labels = steps.map(stepLabel);
		// Not awaited by the command: the learner may leave the message open.
		void vscode.window.showErrorMessage(text, ...labels).then((choice) => {
			const index = choice ? labels.indexOf(choice) : -1;
			if (index >= 0) {
				void runStep(steps[index], models);
			}
		});
	}

	override dispose(): void {
		this._running?.abort();
		super.dispose();
	}
}
