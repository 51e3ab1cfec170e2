import * as vscode from 'vscode';

/**
 * What `activate()` builds once and hands to every feature. Features talk to each other only through
 * the core modules and the services here, never by importing another feature's internals.
 */
export interface Services {
	readonly context: vscode.ExtensionContext;
	/** The one output channel of the extension, "AI Notes". */
	readonly log: vscode.LogOutputChannel;
	/** The extension's own folder: `notes/`, `media/`, `dist/` are below it. */
	readonly extensionUri: vscode.Uri;
}
