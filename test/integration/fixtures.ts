import * as assert from 'assert';
import * as vscode from 'vscode';

/** The extension under test, as the manifest names it (`publisher.name`). */
export const EXTENSION_ID = 'ai-notes-companion.ai-notes-companion';

/** The folder the extension runs from: `notes/`, `media/` and `dist/` are below it. */
export function extensionUri(): vscode.Uri {
	const extension = vscode.extensions.getExtension(EXTENSION_ID);
	assert.ok(extension, 'the extension is not installed in the test host');
	return extension.extensionUri;
}

/** A path in the test workspace (a fresh copy of test/fixtures/workspace for every run). */
export function workspaceUri(...path: string[]): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	assert.ok(folder, 'the test host opened no workspace folder');
	return vscode.Uri.joinPath(folder.uri, ...path);
}
