import * as vscode from 'vscode';
import type { Services } from '../../platform/services';

/** Registers the notes feature. (Placeholder until the feature lands.) */
export function registerNotes(_services: Services): vscode.Disposable {
	return new vscode.Disposable(() => undefined);
}
