import * as vscode from 'vscode';
import type { Services } from '../../platform/services';

/** Registers the blank feature. (Placeholder until the feature lands.) */
export function registerBlank(_services: Services): vscode.Disposable {
	return new vscode.Disposable(() => undefined);
}
