import * as assert from 'assert';
import * as vscode from 'vscode';

interface DefaultBinding { key: string; command: string; when?: string }

/** Reads VS Code's own "Default Keybindings" document (for this platform) as the host shows it. */
async function defaultKeybindings(): Promise<DefaultBinding[]> {
	await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
	const editor = vscode.window.activeTextEditor;
	assert.ok(editor, 'the Default Keybindings document did not open');
	// The document is JSON with comments; the bindings are its one top-level array.
	const text = editor.document.getText().replace(/^\s*\/\/.*$/gm, '');
	await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
	return JSON.parse(text) as DefaultBinding[];
}

suite('Manifest', () => {
	test('the contributed keybindings do not take a key VS Code itself binds', async () => {
		const extension = vscode.extensions.all.find((e) => e.id === 'ai-notes-companion.ai-notes-companion');
		assert.ok(extension);
		const ours = (extension.packageJSON as { contributes: { keybindings: { key: string; command: string }[] } }).contributes.keybindings;
		const defaults = await defaultKeybindings();
		// Sanity: the document really lists VS Code's bindings (and ours, since contributed bindings are defaults too).
		assert.ok(defaults.some((b) => b.command === 'workbench.action.showCommands'), 'no Command Palette binding found');
		assert.ok(defaults.some((b) => b.command === ours[0]?.command), 'our own binding is not listed');
		const normalise = (key: string): string => key.toLowerCase().split(/\s+/).map((chord) => chord.split('+').sort().join('+')).join(' ');
		const clashes = ours.flatMap((binding) => defaults
			.filter((d) => !d.command.startsWith('aiNotes.') && !d.command.startsWith('-') && normalise(d.key) === normalise(binding.key))
			.map((d) => `${binding.key}: ${binding.command} vs ${d.command}`));
		assert.deepStrictEqual(clashes, []);
	});
});
