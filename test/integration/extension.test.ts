import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor, workbench } from './workbench';
import { EXTENSION_ID } from './fixtures';

interface Manifest {
	contributes: { commands: { command: string }[]; views: Record<string, { id: string }[]> };
}

/** Commands VS Code itself registers for every contributed view; they are not ours to contribute. */
function viewCommands(manifest: Manifest): Set<string> {
	const ids = Object.values(manifest.contributes.views).flat().map((v) => v.id);
	const suffixes = ['focus', 'resetViewLocation', 'removeView', 'toggleVisibility', 'open'];
	return new Set(ids.flatMap((id) => suffixes.map((s) => `${id}.${s}`)));
}

suite('Extension', () => {
	test('activates in the real host', async () => {
		const extension = vscode.extensions.getExtension(EXTENSION_ID);
		assert.ok(extension, `${EXTENSION_ID} is not installed in the test host`);
		await extension.activate();
		assert.strictEqual(extension.isActive, true);
	});

	test('every contributed command is registered and every registered command is contributed', async () => {
		const extension = vscode.extensions.getExtension(EXTENSION_ID);
		assert.ok(extension);
		await extension.activate();
		const manifest = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, 'package.json'), 'utf8')) as Manifest;
		const contributed = manifest.contributes.commands.map((c) => c.command).sort();
		const generated = viewCommands(manifest);
		const registered = (await vscode.commands.getCommands(true))
			.filter((c) => c.startsWith('aiNotes.') && (!generated.has(c) || contributed.includes(c)))
			.sort();
		assert.deepStrictEqual(registered, contributed);
	});

	test('the AI Notes view container shows in the activity bar', async () => {
		await vscode.commands.executeCommand('workbench.view.extension.aiNotes');
		const titles = await waitFor(async () => {
			const found = await workbench.text('.part.sidebar .composite.title');
			return found.some((t) => /AI NOTES/i.test(t)) ? found : undefined;
		}, 10_000);
		assert.ok(titles, 'the side bar does not show the AI Notes container');
		const activity = await workbench.text('.part.activitybar .action-item .action-label');
		await workbench.screenshot('extension-sidebar');
		assert.ok(activity.length > 0);
	});

	test('a bundled note opened from the sidebar shows with its token count and a glossary hover', async () => {
		const extension = vscode.extensions.getExtension(EXTENSION_ID);
		assert.ok(extension);
		const note = vscode.Uri.joinPath(extension.extensionUri, 'notes', '11-the-transformer.md');
		const document = await vscode.workspace.openTextDocument(note);
		const line = document.getText().split('\n').findIndex((l) => l.startsWith('During prefill,'));
		assert.ok(line > 0, 'the transformer note has no "During prefill," line');
		await vscode.commands.executeCommand('workbench.view.extension.aiNotes');
		await vscode.commands.executeCommand('aiNotes.notes.open', note, line);
		const editor = vscode.window.activeTextEditor;
		assert.strictEqual(editor?.document.uri.toString(), note.toString());
		assert.strictEqual(editor.selection.active.line, line);
		// The word "prefill" on that line, under the cursor, with its hover open: what a learner sees.
		const column = document.lineAt(line).text.indexOf('prefill');
		editor.selection = new vscode.Selection(line, column + 2, line, column + 2);
		const status = await waitFor(async () => (await workbench.statusBar()).find((t) => /\d[\d,]* tokens/.test(t)), 15_000);
		assert.ok(status, 'no token count in the status bar');
		await vscode.commands.executeCommand('editor.action.showHover');
		const hover = await waitFor(async () => (await workbench.text('.monaco-hover')).find((t) => /prefill/i.test(t)), 10_000);
		assert.ok(hover, 'no hover over "prefill"');
		await workbench.screenshot('readme-hero');
		await vscode.commands.executeCommand('editor.action.hideHover');
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});
});
