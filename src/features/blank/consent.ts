import * as vscode from 'vscode';
import { isLocalOrigin } from '../../core/blank/endpoint';

const CONSENT_PREFIX = 'aiNotes.blank.consent:';

/**
 * Asks once before a workspace's text goes to a server that is not on this machine. "Always for this
 * workspace" is remembered in workspaceState (per workspace, per origin); "Send" answers for this time only.
 */
export async function confirmSend(context: vscode.ExtensionContext, origin: string): Promise<boolean> {
	if (isLocalOrigin(origin) || context.workspaceState.get<boolean>(CONSENT_PREFIX + origin) === true) {
		return true;
	}
	const once = vscode.l10n.t('Send');
	const always = vscode.l10n.t('Always for this workspace');
	const choice = await vscode.window.showWarningMessage(
		vscode.l10n.t('Send the text around the blank to {0}?', origin),
		{ modal: true, detail: vscode.l10n.t('Explain This Blank sends up to the context budget of this file\'s text before and after the blank to the model server. The server is not on this machine.') },
		once,
		always,
	);
	if (choice === always) {
		await context.workspaceState.update(CONSENT_PREFIX + origin, true);
		return true;
	}
	return choice === once;
}
