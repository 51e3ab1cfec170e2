import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { get_encoding, type Tiktoken } from 'tiktoken';
import * as vscode from 'vscode';
import { sleep, waitFor, workbench } from './workbench';
import { EXTENSION_ID } from './fixtures';

type Encoding = 'o200k_base' | 'cl100k_base' | 'p50k_base' | 'r50k_base';

/** The reference for expected counts: OpenAI's tiktoken (WASM), ordinary text, never our own counter. */
const references = new Map<Encoding, Tiktoken>();
function refCount(encoding: Encoding, text: string): number {
	let ref = references.get(encoding);
	if (!ref) {
		ref = get_encoding(encoding);
		references.set(encoding, ref);
	}
	return ref.encode_ordinary(text).length;
}

const format = (n: number): string => new Intl.NumberFormat('en-US').format(n);

/** The token count item's text as rendered in the workbench (the codicon renders as an icon, not text). */
const TOKEN_ITEM = '[id="ai-notes-companion.ai-notes-companion.aiNotes.tokens"]';
async function tokenItem(): Promise<string | undefined> {
	const items = await workbench.text(`.part.statusbar ${TOKEN_ITEM}`);
	return items.map((t) => t.trim()).find((t) => t.length > 0);
}

async function expectStatus(expected: string, timeoutMs = 15_000): Promise<void> {
	const seen = await waitFor(async () => (await tokenItem()) === expected, timeoutMs, 100);
	if (!seen) {
		assert.fail(`status bar shows ${JSON.stringify(await tokenItem())}, expected ${JSON.stringify(expected)}; all items: ${JSON.stringify(await workbench.statusBar())}`);
	}
}

function workspaceFile(...parts: string[]): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	assert.ok(folder, 'the tests need a workspace folder');
	return vscode.Uri.joinPath(folder.uri, ...parts);
}

async function setEncoding(encoding: Encoding | undefined): Promise<void> {
	await vscode.workspace.getConfiguration('aiNotes.tokens').update('encoding', encoding, vscode.ConfigurationTarget.Global);
}

suite('Tokens status bar', () => {
	let editor: vscode.TextEditor;
	let text: string;

	suiteSetup(async function () {
		this.timeout(60_000);
		await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
		await setEncoding(undefined);
		const document = await vscode.workspace.openTextDocument(workspaceFile('tokens', 'sample.md'));
		editor = await vscode.window.showTextDocument(document);
		text = document.getText();
	});

	suiteTeardown(async () => {
		await setEncoding(undefined);
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	test('shows the whole document\'s count when nothing is selected', async () => {
		editor.selection = new vscode.Selection(0, 0, 0, 0);
		await expectStatus(`${format(refCount('o200k_base', text))} tokens`);
	});

	test('counts the selection', async () => {
		const document = editor.document;
		const line = document.lineAt(2).range;
		editor.selection = new vscode.Selection(line.start, line.end);
		await expectStatus(`${format(refCount('o200k_base', document.getText(line)))} tokens`);
	});

	test('sums multiple selections (each counted as its own text)', async () => {
		const document = editor.document;
		const ranges = [document.lineAt(5).range, document.lineAt(6).range, document.lineAt(11).range];
		editor.selections = ranges.map((r) => new vscode.Selection(r.start, r.end));
		const expected = ranges.reduce((sum, r) => sum + refCount('o200k_base', document.getText(r)), 0);
		await expectStatus(`${format(expected)} tokens`);
	});

	test('follows a switch of encoding', async () => {
		editor.selection = new vscode.Selection(0, 0, 0, 0);
		await setEncoding('cl100k_base');
		await expectStatus(`${format(refCount('cl100k_base', text))} tokens`);
		await setEncoding('r50k_base');
		await expectStatus(`${format(refCount('r50k_base', text))} tokens`);
		await setEncoding(undefined);
		await expectStatus(`${format(refCount('o200k_base', text))} tokens`);
	});

	test('Choose Token Encoding (quick pick) switches the count', async () => {
		editor.selection = new vscode.Selection(0, 0, 0, 0);
		await expectStatus(`${format(refCount('o200k_base', text))} tokens`);
		const done = vscode.commands.executeCommand('aiNotes.tokens.chooseEncoding');
		const shown = await waitFor(async () => (await workbench.text('.quick-input-widget')).some((t) => t.includes('cl100k_base') && t.includes('p50k_base')), 10_000, 100);
		assert.ok(shown, 'the encoding quick pick did not show');
		await workbench.type('cl100k');
		await workbench.press('Enter');
		await done;
		assert.strictEqual(vscode.workspace.getConfiguration('aiNotes.tokens').get('encoding'), 'cl100k_base');
		await expectStatus(`${format(refCount('cl100k_base', text))} tokens`);
		await setEncoding(undefined);
		await expectStatus(`${format(refCount('o200k_base', text))} tokens`);
	});

	test('a model name picks its encoding', async () => {
		editor.selection = new vscode.Selection(0, 0, 0, 0);
		const config = vscode.workspace.getConfiguration('aiNotes.tokens');
		await config.update('model', 'gpt-4', vscode.ConfigurationTarget.Global);
		try {
			await expectStatus(`${format(refCount('cl100k_base', text))} tokens`);
		} finally {
			await config.update('model', undefined, vscode.ConfigurationTarget.Global);
		}
		await expectStatus(`${format(refCount('o200k_base', text))} tokens`);
	});

	test('updates after edits', async () => {
		editor.selection = new vscode.Selection(0, 0, 0, 0);
		const insert = 'Tokenization quirks: <|endoftext|> 12345 नमस्ते 😀\n';
		assert.ok(await editor.edit((b) => b.insert(new vscode.Position(1, 0), insert)));
		await expectStatus(`${format(refCount('o200k_base', editor.document.getText()))} tokens`);
		// Several edits in one go (multi-cursor typing), then an undo.
		assert.ok(await editor.edit((b) => {
			b.insert(new vscode.Position(3, 0), 'x ');
			b.replace(new vscode.Range(5, 0, 5, 4), 'THE ');
			b.delete(new vscode.Range(8, 0, 8, 3));
		}));
		await expectStatus(`${format(refCount('o200k_base', editor.document.getText()))} tokens`);
		await vscode.commands.executeCommand('undo');
		await vscode.commands.executeCommand('undo');
		await expectStatus(`${format(refCount('o200k_base', text))} tokens`);
		assert.strictEqual(editor.document.getText(), text);
	});

	test('is hidden for the output panel', async () => {
		await expectStatus(`${format(refCount('o200k_base', text))} tokens`);
		await vscode.commands.executeCommand('aiNotes.showLog');
		const inOutput = await waitFor(() => vscode.window.activeTextEditor?.document.uri.scheme === 'output', 10_000);
		assert.ok(inOutput, `the output panel did not become the active editor (${vscode.window.activeTextEditor?.document.uri.toString()})`);
		const hidden = await waitFor(async () => (await tokenItem()) === undefined, 10_000);
		assert.ok(hidden, `the item shows ${JSON.stringify(await tokenItem())} for an output panel`);
		await vscode.commands.executeCommand('workbench.action.closePanel');
		await vscode.window.showTextDocument(editor.document);
		await expectStatus(`${format(refCount('o200k_base', text))} tokens`);
	});
});

suite('Tokens details panel', () => {
	suiteSetup(async function () {
		this.timeout(60_000);
		await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
	});

	suiteTeardown(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	test('opens with the counts under every encoding and the coloured tokens', async function () {
		this.timeout(40_000);
		const document = await vscode.workspace.openTextDocument(workspaceFile('tokens', 'sample.md'));
		const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
		editor.selection = new vscode.Selection(0, 0, 0, 0);
		const text = document.getText();
		await expectStatus(`${format(refCount('o200k_base', text))} tokens`);
		await vscode.commands.executeCommand('aiNotes.tokens.showDetails');
		const expected = (['o200k_base', 'cl100k_base', 'p50k_base', 'r50k_base'] as const).map((e) => [e, format(refCount(e, text))]);
		const page = await waitFor(async () => (await workbench.webviewText()).find((t) => t.includes('r50k_base') && t.includes('Tokens: ')), 20_000, 200);
		assert.ok(page, `no details panel; webviews: ${JSON.stringify(await workbench.webviewText())}`);
		for (const [encoding, count] of expected) {
			// Each row: the encoding, its models, then the count in its own cell.
			const start = page.indexOf(encoding);
			const row = page.slice(start, start + 120);
			assert.ok(start >= 0 && row.split(/\s+/).includes(count), `row for ${encoding} is ${JSON.stringify(row)}, expected ${count}`);
		}
		// The coloured token view spells the document (special-token lookalikes as plain text).
		assert.ok(page.includes('<|endoftext|>') && page.includes('Tokens in practice'));
		await sleep(500);
		await workbench.screenshot('tokens-details');
	});

	test('the status bar tooltip names the encoding and gives characters, words and characters per token', async function () {
		this.timeout(30_000);
		const document = await vscode.workspace.openTextDocument(workspaceFile('tokens', 'sample.md'));
		const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
		const line = document.lineAt(2).range;
		editor.selection = new vscode.Selection(line.start, line.end);
		const selected = document.getText(line);
		const tokens = refCount('o200k_base', selected);
		await expectStatus(`${format(tokens)} tokens`);
		assert.ok(await workbench.hover(`.part.statusbar ${TOKEN_ITEM}`));
		const words = selected.split(/\s+/).filter(Boolean).length;
		const expected = [`${format(tokens)} tokens in the selection`, 'Encoding: o200k_base', `Characters: ${format(selected.length)}`, `Words: ${words}`, `Characters per token: ${(selected.length / tokens).toFixed(2)}`];
		const tooltip = await waitFor(async () => (await workbench.text('.monaco-hover, .workbench-hover')).find((t) => expected.every((e) => t.replace(/\s+/g, ' ').includes(e))), 10_000, 200);
		assert.ok(tooltip, `tooltip: ${JSON.stringify(await workbench.text('.monaco-hover, .workbench-hover'))}`);
		await workbench.screenshot('tokens-tooltip');
	});
});

suite('Tokens large document', () => {
	// Fresh text, not one line repeated: a counter with a piece cache counts repeated lines so fast that the
	// "counting…" state would hardly last. Every line starts with a letter, so the cut after each line feed is
	// additive and the document's count is the sum of its lines' counts.
	let file: vscode.Uri;
	let lines: string[];
	let expected: number;

	suiteSetup(async function () {
		this.timeout(90_000);
		await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
		await setEncoding(undefined);
		file = workspaceFile('tokens', 'big-20mb.txt');
		lines = freshLines(20 * 1024 * 1024);
		fs.mkdirSync(path.dirname(file.fsPath), { recursive: true });
		fs.writeFileSync(file.fsPath, lines.join(''));
		// The reference count blocks this thread for seconds: done here, not while the extension counts.
		expected = lines.reduce((sum, line) => sum + refCount('o200k_base', line), 0);
	});

	suiteTeardown(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		fs.rmSync(file.fsPath, { force: true });
	});

	test('a 20 MB document is counted off the main thread: commands answer meanwhile, then the exact count shows, then an edit', async function () {
		this.timeout(150_000);
		// First a small document, so the status bar holds a figure that is wrong for the big one.
		const small = await vscode.workspace.openTextDocument(workspaceFile('tokens', 'sample.md'));
		const smallEditor = await vscode.window.showTextDocument(small, { preview: false });
		smallEditor.selection = new vscode.Selection(0, 0, 0, 0);
		const smallFigure = `${format(refCount('o200k_base', small.getText()))} tokens`;
		await expectStatus(smallFigure);

		// The page records every state of the status bar from here on; polling could miss a short one.
		assert.ok(await workbench.record('big', '.part.statusbar', { tokens: TOKEN_ITEM, bar: '.statusbar-item' }));
		// A heartbeat from this thread, the extension host's, shown in the status bar every 50 ms: if counting
		// blocked the extension host, no beat could be rendered between "counting…" and the result.
		let beating = true;
		let beat = 0;
		let message: vscode.Disposable | undefined;
		const heart = (async () => {
			while (beating) {
				message?.dispose();
				message = vscode.window.setStatusBarMessage(`heartbeat ${++beat}`);
				await sleep(50);
			}
			message?.dispose();
		})();
		let snapshots: Record<string, string>[];

		const final = `${format(expected)} tokens`;
		try {
			const document = await vscode.workspace.openTextDocument(file);
			await vscode.window.showTextDocument(document, { preview: false });
			// A command round trip through the extension host completes while the document is being counted.
			const commands = await vscode.commands.getCommands(true);
			await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
			assert.ok(commands.includes('aiNotes.tokens.showDetails'));
			await expectStatus(final, 90_000);
		} finally {
			beating = false;
			await heart;
			snapshots = await workbench.recorded('big');
		}
		const states = snapshots.map((s) => s.tokens);
		const beatAt = (i: number): number => Number(/heartbeat (\d+)/.exec(snapshots[i].bar)?.[1] ?? 0);
		// For a failure message: each state the item went through, with the heartbeats seen during it.
		const trace = JSON.stringify(states.reduce<string[]>((out, t, i) => {
			if (i === 0 || t !== states[i - 1]) {
				out.push(`${t} (from beat ${beatAt(i)})`);
			}
			return out;
		}, []));
		const started = states.findIndex((t) => t.includes('counting'));
		const done = states.indexOf(final);
		assert.ok(started >= 0, `never showed "counting…": ${trace}`);
		assert.ok(done > started, `the count did not follow "counting…": ${trace}`);
		// Before "counting…" only the small document's figure (until the switch); then only "counting…" until
		// the exact count: never a number that belongs to another document.
		assert.ok(states.slice(0, started).every((t) => t === smallFigure || t === ''), `a stray figure before "counting…": ${trace}`);
		assert.ok(states.slice(started, done).every((t) => t.includes('counting')), `a figure other than the result while counting: ${trace}`);
		assert.ok(snapshots.slice(started + 1, done).some((_, k) => beatAt(started + 1 + k) > beatAt(started)), `no heartbeat of the extension host was rendered while counting: ${trace}`);

		// A one-character edit is recounted incrementally.
		const active = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === file.toString());
		assert.ok(active);
		await vscode.window.showTextDocument(active.document);
		const insert = 'Zebra 42 ';
		const delta = refCount('o200k_base', insert + lines[1000]) - refCount('o200k_base', lines[1000]);
		assert.ok(delta > 0);
		assert.ok(await active.edit((b) => b.insert(new vscode.Position(1000, 0), insert)));
		await expectStatus(`${format(expected + delta)} tokens`, 20_000);
		await workbench.screenshot('tokens-large-document');
	});
});

/**
 * About `bytes` bytes of UTF-8 in lines of made-up words, numbers and Chinese characters from a seeded
 * generator, so nearly every piece is new to the counter; each line starts with a letter and ends with "\n".
 */
function freshLines(bytes: number): string[] {
	let seed = 20261202;
	const random = (n: number): number => {
		seed = (seed + 0x6d2b79f5) >>> 0;
		let t = seed;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
	};
	const letters = 'abcdefghijklmnopqrstuvwxyz';
	const lines: string[] = [];
	let size = 0;
	while (size < bytes) {
		let line = 'L';
		while (line.length < 120) {
			const kind = random(10);
			if (kind < 7) {
				line += ' ';
				for (let k = 1 + random(8); k > 0; k--) {
					line += letters[random(26)];
				}
			} else if (kind < 8) {
				line += ' ' + random(100000);
			} else {
				line += ' ';
				for (let k = 1 + random(6); k > 0; k--) {
					line += String.fromCharCode(0x4e00 + random(0x1000));
				}
			}
		}
		line += '\n';
		lines.push(line);
		size += Buffer.byteLength(line, 'utf8');
	}
	return lines;
}
