import * as vscode from 'vscode';
import type { Services } from '../../platform/services';

/** Registers the tokens feature. (Placeholder until the feature lands.) */
export function registerTokens(_services: Services): vscode.Disposable {
	return new vscode.Disposable(() => undefined);
}
