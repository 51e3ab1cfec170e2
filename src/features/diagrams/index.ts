import * as vscode from 'vscode';
import type { Services } from '../../platform/services';

/** Registers the diagrams feature. (Placeholder until the feature lands.) */
export function registerDiagrams(_services: Services): vscode.Disposable {
	return new vscode.Disposable(() => undefined);
}
