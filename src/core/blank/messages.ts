/**
 * Messages between the extension and the blank panel's webview. Plain data only (no DOM or Node types):
 * both sides import this file.
 */
import type { Verdict } from './parse';

export interface BlankCandidateView {
	readonly text: string;
	/** The builtin model's probability; network models give none. */
	readonly probability?: number;
}

export interface BlankVerdictView {
	readonly verdict: Verdict;
	readonly why: string;
}

export type BlankStatus = 'thinking' | 'streaming' | 'revealing' | 'done' | 'error' | 'cancelled';

/** Everything the panel shows, sent whole on each update (it is small) so the webview can re-render. */
export interface BlankViewState {
	readonly id: number;
	readonly status: BlankStatus;
	/** Which model answered, for the header (e.g. "Builtin statistical model", "llama3.2 at localhost:11434"). */
	readonly modelLabel: string;
	/** The context shown around the blank. */
	readonly before: string;
	readonly after: string;
	readonly trimmedBefore: boolean;
	readonly trimmedAfter: boolean;
	readonly fill?: BlankCandidateView;
	readonly alternatives: readonly BlankCandidateView[];
	/** Rendered by markdown-it with raw HTML off, in the extension; safe to set as innerHTML. */
	readonly explanationHtml: string;
	/** False when the model ignored the answer format and the explanation is its raw text. */
	readonly formatted: boolean;
	/** Set once the original is revealed. */
	readonly original?: string;
	readonly verdict?: BlankVerdictView;
	readonly guess?: { readonly text: string; readonly verdict?: BlankVerdictView };
	readonly error?: { readonly message: string };
	/** Localised labels, so the webview has no strings of its own. */
	readonly labels: Readonly<Record<BlankLabel, string>>;
}

export type BlankLabel =
	| 'title' | 'passage' | 'blank' | 'fill' | 'alternatives' | 'explanation' | 'original' | 'verdict' | 'yourGuess'
	| 'thinking' | 'streaming' | 'revealing' | 'cancelled' | 'unformatted' | 'same' | 'equivalent' | 'different' | 'empty';

export type ExtensionToWebview =
	| { readonly type: 'state'; readonly state: BlankViewState }
	| { readonly type: 'empty'; readonly labels: Readonly<Record<BlankLabel, string>> };

export type WebviewToExtension =
	| { readonly type: 'ready' }
	| { readonly type: 'openLink'; readonly href: string };

/** What arrives from the webview is checked before use: the page shows model output, so it is not trusted. */
export function isWebviewToExtension(value: unknown): value is WebviewToExtension {
	if (typeof value !== 'object' || value === null) {
		return false;
	}
	const message = value as Record<string, unknown>;
	switch (message.type) {
		case 'ready':
			return true;
		case 'openLink':
			return typeof message.href === 'string';
		default:
			return false;
	}
}
