import * as vscode from 'vscode';
import type { Services } from '../../platform/services';

/** Registers the glossary feature. (Placeholder until the feature lands.) */
export function registerGlossary(_services: Services): vscode.Disposable {
	return new vscode.Disposable(() => undefined);
}
