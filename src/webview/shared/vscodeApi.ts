/** The typed handle a webview script gets from VS Code; `acquireVsCodeApi` may be called only once per page. */
export interface VsCodeApi<TMessage, TState> {
	postMessage(message: TMessage): void;
	getState(): TState | undefined;
	setState(state: TState): void;
}

declare function acquireVsCodeApi<TMessage, TState>(): VsCodeApi<TMessage, TState>;

let api: unknown;

export function vscodeApi<TMessage, TState>(): VsCodeApi<TMessage, TState> {
	api ??= acquireVsCodeApi<TMessage, TState>();
	return api as VsCodeApi<TMessage, TState>;
}
