import * as assert from 'assert';
import * as vscode from 'vscode';
import { sleep, waitFor, workbench } from './workbench';
import { EXTENSION_ID, extensionUri, workspaceUri } from './fixtures';

const OPEN_ENTRY = 'aiNotes.openGlossaryEntry';

function bundledNote(name: string): vscode.Uri {
	return vscode.Uri.joinPath(extensionUri(), 'notes', name);
}

/** The markdown of every hover at a position, from all providers (the language server's too). */
async function hoverTexts(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
	const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
	return hovers.flatMap((hover) => hover.contents.map((c) => (typeof c === 'string' ? c : c.value)));
}

/** The glossary's hover at a position (the one with the open-entry link), waiting for the glossary to load. */
async function glossaryHover(uri: vscode.Uri, position: vscode.Position): Promise<string> {
	let last: string[] = [];
	const found = await waitFor(async () => {
		last = await hoverTexts(uri, position);
		return last.find((text) => text.includes(`command:${OPEN_ENTRY}`));
	}, 15_000, 200);
	assert.ok(found, `no glossary hover at ${uri.path}:${position.line + 1}:${position.character + 1}; hovers: ${JSON.stringify(last)}`);
	// The hover escapes every punctuation mark of glossary text; compare with the text as written.
	return found.replace(/\\(.)/g, '$1');
}

/** Position of the first `word` on a line that matches `lineFilter`, found by a plain text search. */
async function positionOf(uri: vscode.Uri, word: string, lineFilter: (line: string) => boolean = () => true): Promise<vscode.Position> {
	const document = await vscode.workspace.openTextDocument(uri);
	for (let line = 0; line < document.lineCount; line++) {
		const text = document.lineAt(line).text;
		const column = text.indexOf(word);
		if (column >= 0 && lineFilter(text)) {
			return new vscode.Position(line, column + 1);
		}
	}
	assert.fail(`"${word}" is not in ${uri.path}`);
}

/** 0-based line of the heading `## text` / `### text` in a file, by a plain scan. */
async function headingLine(uri: vscode.Uri, text: string): Promise<number> {
	const lines = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).split('\n');
	const line = lines.findIndex((l) => /^#{1,6} /.test(l) && l.replace(/^#+ /, '').trim() === text);
	assert.ok(line >= 0, `no heading "${text}" in ${uri.path}`);
	return line;
}

/** Runs the command link of a hover the way a click would: same command, same arguments. */
async function followLink(hover: string): Promise<vscode.TextEditor> {
	const link = new RegExp(`command:${OPEN_ENTRY.replace(/\./g, '\\.')}\\?([^\\s)]+)`).exec(hover);
	assert.ok(link, `no command link in ${hover}`);
	const args = JSON.parse(decodeURIComponent(link[1])) as unknown[];
	await vscode.commands.executeCommand(OPEN_ENTRY, ...args);
	const editor = vscode.window.activeTextEditor;
	assert.ok(editor, 'the link opened no editor');
	return editor;
}

const PREFILL_DEFINITION = 'The first phase of inference for a transformer language model';
const SELF_SUPERVISION_DEFINITION = 'Training where the labels come out of the input itself';

suite('Glossary hovers', () => {
	suiteSetup(async function () {
		this.timeout(30_000);
		await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
	});

	teardown(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	test('hovers "prefill" in a bundled note with its definition and a link that opens its heading', async () => {
		const note = bundledNote('11-the-transformer.md');
		const hover = await glossaryHover(note, await positionOf(note, 'prefill', (l) => !l.startsWith('#')));
		assert.ok(hover.includes('**Prefill**'), hover);
		assert.ok(hover.includes(PREFILL_DEFINITION), hover);
		assert.ok(hover.includes('bundled glossary'), hover);
		const editor = await followLink(hover);
		assert.strictEqual(editor.document.uri.toString(), note.toString());
		assert.strictEqual(editor.selection.active.line, await headingLine(note, 'Prefill'));
	});

	test('hovers "self-supervision" and its "self-supervised" variant', async () => {
		const note = bundledNote('04-generative-ai-and-self-supervision.md');
		for (const word of ['self-supervision', 'self-supervised']) {
			const hover = await glossaryHover(note, await positionOf(note, word, (l) => !l.startsWith('#')));
			assert.ok(hover.includes('**Self-supervision**'), hover);
			assert.ok(hover.includes(SELF_SUPERVISION_DEFINITION), hover);
		}
		const hover = await glossaryHover(note, await positionOf(note, 'self-supervision', (l) => !l.startsWith('#')));
		const editor = await followLink(hover);
		assert.strictEqual(editor.document.uri.toString(), note.toString());
		assert.strictEqual(editor.selection.active.line, await headingLine(note, 'Self-supervision: labels from the data itself'));
	});

	test('hovers a term in a TypeScript comment, not in code, and not in a string by default', async () => {
		const sample = workspaceUri('glossary', 'sample.ts');
		const inComment = await positionOf(sample, 'prefill', (l) => l.startsWith('//'));
		const hover = await glossaryHover(sample, inComment);
		assert.ok(hover.includes(PREFILL_DEFINITION), hover);
		assert.ok(hover.includes('Read more'), hover);

		// The same word as a function name: the language server may hover it, the glossary must not.
		const inCode = await positionOf(sample, 'prefill', (l) => l.startsWith('export'));
		const codeHovers = await hoverTexts(sample, inCode);
		assert.deepStrictEqual(codeHovers.filter((text) => text.includes(OPEN_ENTRY) || text.includes(PREFILL_DEFINITION)), []);

		const inString = await positionOf(sample, 'self-supervision');
		const stringHovers = await hoverTexts(sample, inString);
		assert.deepStrictEqual(stringHovers.filter((text) => text.includes(OPEN_ENTRY)), []);
	});

	test('hovers terms in Python comments and docstrings, not in its code', async () => {
		const sample = workspaceUri('glossary', 'sample.py');
		const comment = await glossaryHover(sample, await positionOf(sample, 'sampling', (l) => l.includes('#')));
		assert.ok(comment.includes('**Sampling**'), comment);
		const docstring = await glossaryHover(sample, await positionOf(sample, 'KV cache'));
		assert.ok(docstring.includes('**KV cache**'), docstring);
		const code = await hoverTexts(sample, await positionOf(sample, 'decode', (l) => l.startsWith('def')));
		assert.deepStrictEqual(code.filter((text) => text.includes(OPEN_ENTRY)), []);
	});

	test('hovers in strings when aiNotes.glossary.hoverInStrings is on, and nowhere in code when hoverInCode is off', async () => {
		const sample = workspaceUri('glossary', 'sample.ts');
		const config = vscode.workspace.getConfiguration('aiNotes.glossary');
		try {
			await config.update('hoverInStrings', true, vscode.ConfigurationTarget.Workspace);
			const hover = await glossaryHover(sample, await positionOf(sample, 'self-supervision'));
			assert.ok(hover.includes(SELF_SUPERVISION_DEFINITION), hover);
			await config.update('hoverInCode', false, vscode.ConfigurationTarget.Workspace);
			const inComment = await positionOf(sample, 'prefill', (l) => l.startsWith('//'));
			const gone = await waitFor(async () => !(await hoverTexts(sample, inComment)).some((t) => t.includes(OPEN_ENTRY)), 5_000, 200);
			assert.ok(gone, 'a comment hover is still shown with hoverInCode off');
		} finally {
			await config.update('hoverInStrings', undefined, vscode.ConfigurationTarget.Workspace);
			await config.update('hoverInCode', undefined, vscode.ConfigurationTarget.Workspace);
		}
	});
});

suite('Glossary from the workspace', () => {
	teardown(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	test('a workspace glossary.md adds terms, wins over the bundled entry and says where it comes from', async () => {
		const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'We tried beam search on ImageNet captions.' });
		const beam = await glossaryHover(doc.uri, new vscode.Position(0, 10));
		assert.ok(beam.includes('Keeps the few most likely partial outputs'), beam);
		assert.ok(beam.includes('glossary/glossary.md:3'), beam);
		const imageNet = await glossaryHover(doc.uri, new vscode.Position(0, 26));
		assert.ok(imageNet.includes('Our own definition of ImageNet'), imageNet);

		// The `See:` link is relative to the workspace glossary file.
		const editor = await followLink(beam);
		const target = workspaceUri('glossary', 'my-notes', 'definitions.md');
		assert.strictEqual(editor.document.uri.toString(), target.toString());
		assert.strictEqual(editor.selection.active.line, await headingLine(target, 'Decoding strategies'));
	});

	test('a definition from a workspace file cannot inject links, commands or HTML', async () => {
		const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'an injection attempt' });
		const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 5))) ?? [];
		const ours = hovers.flatMap((h) => h.contents).find((c): c is vscode.MarkdownString => typeof c !== 'string' && c.value.includes(OPEN_ENTRY));
		assert.ok(ours, 'no glossary hover for the injection entry');
		assert.ok(!ours.value.includes('](command:workbench'), ours.value);
		assert.ok(!ours.value.includes('<img'), ours.value);
		assert.ok(ours.value.includes('&lt;img'), ours.value);
		assert.deepStrictEqual(ours.isTrusted, { enabledCommands: [OPEN_ENTRY] });
		assert.strictEqual(ours.supportHtml, false);
	});

	test('reads **Term**: definition lines from the notes folders, and reloads when they change', async () => {
		const config = vscode.workspace.getConfiguration('aiNotes');
		const before = config.inspect<string[]>('notesFolders')?.workspaceValue;
		const note = workspaceUri('glossary', 'my-notes', 'definitions.md');
		const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Speculative decoding and flash decoding.' });
		try {
			await config.update('notesFolders', ['notes', 'glossary/my-notes'], vscode.ConfigurationTarget.Workspace);
			const hover = await glossaryHover(doc.uri, new vscode.Position(0, 3));
			assert.ok(hover.includes('a small draft model proposes tokens'), hover);
			assert.ok(hover.includes('from your note glossary/my-notes/definitions.md:5'), hover);

			// A new definition saved to the note shows up without a reload command (file watcher, debounced).
			const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(note));
			await vscode.workspace.fs.writeFile(note, new TextEncoder().encode(`${text}\n**Flash decoding**: splits the KV cache across blocks to decode long contexts faster.\n`));
			const added = await glossaryHover(doc.uri, new vscode.Position(0, 28));
			assert.ok(added.includes('splits the KV cache across blocks'), added);
			await vscode.workspace.fs.writeFile(note, new TextEncoder().encode(text));
		} finally {
			await config.update('notesFolders', before, vscode.ConfigurationTarget.Workspace);
		}
	});
});

suite('Glossary bad input', () => {
	test('a malformed entry in a workspace glossary is skipped with a message naming file and line; the rest loads', async () => {
		// In an existing folder: a watcher may take a while to start watching a brand-new one.
		const bad = workspaceUri('glossary', 'my-notes', 'glossary.md');
		const text = ['# Broken glossary', '', '## Good term here', '', 'It still loads.', '', '## ', 'No term above.', '', '## No definition', 'Aliases: nothing'].join('\n');
		const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'the good term here' });
		try {
			await vscode.workspace.fs.writeFile(bad, new TextEncoder().encode(text));
			const hover = await glossaryHover(doc.uri, new vscode.Position(0, 6));
			assert.ok(hover.includes('It still loads.'), hover);
			// The message may go straight to the notification centre (the test host may run in do-not-disturb mode).
			let toasts: string[] = [];
			const shown = await waitFor(async () => {
				await vscode.commands.executeCommand('notifications.showList');
				toasts = [...(await workbench.text('.notifications-toasts')), ...(await workbench.text('.notifications-center'))];
				return toasts.some((t) => t.includes('glossary/my-notes/glossary.md:7'));
			}, 10_000, 300);
			await workbench.screenshot('glossary-bad-input');
			assert.ok(shown, `no message names the bad line: ${JSON.stringify(toasts)}`);
			assert.ok(toasts.join(' ').includes('2 problem'), JSON.stringify(toasts));
		} finally {
			await vscode.workspace.fs.delete(bad, { recursive: false, useTrash: false });
			await vscode.commands.executeCommand('notifications.clearAll');
			await vscode.commands.executeCommand('notifications.hideList');
		}
		// Deleting the file removes its entries (watcher, debounced reload).
		const gone = await waitFor(async () => !(await hoverTexts(doc.uri, new vscode.Position(0, 6))).some((t) => t.includes(OPEN_ENTRY)), 10_000, 300);
		assert.ok(gone, 'the deleted glossary\'s term still has a hover');
	});
});

suite('Glossary links stay inside the workspace', () => {
	test('a "See:" path that climbs out of the workspace opens the glossary entry itself, not the outside file', async () => {
		const glossary = workspaceUri('glossary', 'my-notes', 'glossary.md');
		const text = ['# Escape attempt', '', '## Escape hatch term', '', 'Points outside the workspace.', '', 'See: ../../../../../../../../etc/hostname#top', ''].join('\n');
		try {
			await vscode.workspace.fs.writeFile(glossary, new TextEncoder().encode(text));
			const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'the escape hatch term' });
			const hover = await waitFor(async () => (await hoverTexts(doc.uri, new vscode.Position(0, 6))).find((t) => t.includes('Points outside')), 10_000, 300);
			assert.ok(hover, 'the workspace glossary entry never loaded');
			await vscode.commands.executeCommand(OPEN_ENTRY, { term: 'Escape hatch term' });
			const opened = vscode.window.activeTextEditor?.document.uri;
			assert.strictEqual(opened?.toString(), glossary.toString(), `opened ${opened?.toString()}`);
			assert.strictEqual(vscode.window.activeTextEditor?.selection.active.line, 2);
		} finally {
			await vscode.commands.executeCommand('workbench.action.closeAllEditors');
			await vscode.workspace.fs.delete(glossary, { recursive: false, useTrash: false });
		}
	});
});

suite('Glossary look-up and screenshot', () => {
	teardown(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	test('"Look Up Term" is prefilled with the term under the cursor and opens its note', async () => {
		const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'The KV cache grows with every token.' });
		const editor = await vscode.window.showTextDocument(doc);
		editor.selection = new vscode.Selection(0, 5, 0, 5);
		const done = vscode.commands.executeCommand('aiNotes.lookUpTerm');
		const shown = await waitFor(async () => (await workbench.text('.quick-input-widget .quick-input-list .monaco-list-row')).find((row) => row.includes('KV cache')), 10_000, 200);
		assert.ok(shown, 'the quick pick does not list "KV cache"');
		const input = await workbench.text('.quick-input-widget .quick-input-title');
		await workbench.press('Enter');
		await done;
		const opened = vscode.window.activeTextEditor;
		const attention = bundledNote('12-attention.md');
		assert.strictEqual(opened?.document.uri.toString(), attention.toString(), `title ${JSON.stringify(input)}`);
		assert.strictEqual(opened?.selection.active.line, await headingLine(attention, 'The KV cache: reusing keys and values'));
	});

	test('a real hover over "prefill" shows the definition in the workbench (screenshot)', async () => {
		const note = bundledNote('11-the-transformer.md');
		const position = await positionOf(note, 'prefill', (l) => !l.startsWith('#') && l.includes('prefill'));
		await glossaryHover(note, position);
		const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(note));
		editor.selection = new vscode.Selection(position, position);
		editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
		await sleep(500);
		let text: string[] = [];
		const visible = await waitFor(async () => {
			await vscode.commands.executeCommand('editor.action.showHover');
			await sleep(300);
			text = await workbench.text('.monaco-hover');
			return text.some((t) => t.includes(PREFILL_DEFINITION));
		}, 15_000, 500);
		assert.ok(visible, `the hover widget does not show the definition: ${JSON.stringify(text)}`);
		const all = text.join('\n');
		assert.ok(all.includes('Prefill') && all.includes('Read more') && all.includes('bundled glossary'), all);
		const png = await workbench.screenshot('glossary-hover');
		assert.ok(png.endsWith('.png'), png);
	});

	test('a real hover in a TypeScript comment (screenshot)', async () => {
		const sample = workspaceUri('glossary', 'sample.ts');
		const position = await positionOf(sample, 'prefill', (l) => l.startsWith('//'));
		await glossaryHover(sample, position);
		const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sample));
		editor.selection = new vscode.Selection(position, position);
		await sleep(300);
		let text: string[] = [];
		const visible = await waitFor(async () => {
			await vscode.commands.executeCommand('editor.action.showHover');
			await sleep(300);
			text = await workbench.text('.monaco-hover');
			return text.some((t) => t.includes(PREFILL_DEFINITION));
		}, 15_000, 500);
		assert.ok(visible, `the hover widget does not show the definition: ${JSON.stringify(text)}`);
		await workbench.screenshot('glossary-hover-code');
	});
});

suite('Glossary underlines', () => {
	test('with aiNotes.glossary.underlineTerms on, the first occurrence of each term in a note is decorated', async () => {
		const config = vscode.workspace.getConfiguration('aiNotes.glossary');
		const note = bundledNote('11-the-transformer.md');
		try {
			await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(note));
			await config.update('underlineTerms', true, vscode.ConfigurationTarget.Workspace);
			// Decorations render as spans with a generated `ced-…` class inside the editor's view lines.
			let spans: string[] = [];
			const shown = await waitFor(async () => {
				spans = await workbench.text('.monaco-editor .view-lines span[class*="ced-"]');
				return spans.some((s) => /prefill/i.test(s)) && spans.some((s) => /encoder/i.test(s));
			}, 10_000, 300);
			assert.ok(shown, `no underlined terms: ${JSON.stringify(spans)}`);
			// First occurrence only: "encoder" appears many times in the note, it is decorated once.
			assert.strictEqual(spans.filter((s) => s.trim().toLowerCase() === 'encoder').length, 1, JSON.stringify(spans));
			await workbench.screenshot('glossary-underlines');
			await config.update('underlineTerms', undefined, vscode.ConfigurationTarget.Workspace);
			const cleared = await waitFor(async () => (await workbench.text('.monaco-editor .view-lines span[class*="ced-"]')).length === 0, 10_000, 300);
			assert.ok(cleared, 'the underlines stay after the setting is turned off');
		} finally {
			await config.update('underlineTerms', undefined, vscode.ConfigurationTarget.Workspace);
			await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		}
	});
});
