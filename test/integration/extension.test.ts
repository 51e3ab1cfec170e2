import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor, workbench } from './workbench';

const EXTENSION_ID = 'ai-notes-companion.ai-notes-companion';

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
});
