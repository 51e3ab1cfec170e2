import * as assert from 'assert';
import * as vscode from 'vscode';
import { DIAGRAMS } from '../../src/core/diagrams/catalog';
import { sleep, waitFor, workbench } from './workbench';
import { EXTENSION_ID } from './fixtures';

/** The text of the diagrams panel's page, or undefined while it does not show `mustInclude`. */
async function panelText(...mustInclude: string[]): Promise<string | undefined> {
	const pages = await workbench.webviewText();
	return pages.find((text) => mustInclude.every((part) => text.includes(part)));
}

async function waitForPanel(mustInclude: string[], timeoutMs = 15_000): Promise<string> {
	const text = await waitFor(() => panelText(...mustInclude), timeoutMs, 200);
	if (!text) {
		const pages = await workbench.webviewText();
		assert.fail(`the diagrams panel does not show ${JSON.stringify(mustInclude)}; webviews show: ${JSON.stringify(pages.map((p) => p.slice(0, 300)))}`);
	}
	return text;
}

function diagramTabs(): vscode.Tab[] {
	return vscode.window.tabGroups.all.flatMap((group) => group.tabs)
		.filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('aiNotes.diagrams'));
}

async function setTheme(theme: string, kind: vscode.ColorThemeKind): Promise<void> {
	await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
	const applied = await waitFor(() => vscode.window.activeColorTheme.kind === kind, 10_000);
	assert.ok(applied, `the theme did not switch to ${theme}`);
	// The webview picks up the new CSS variables on its own; give it a moment to repaint before a screenshot.
	await sleep(800);
}

suite('Diagrams panel', () => {
	const gallery = DIAGRAMS.map((d) => d.title);

	suiteSetup(async function () {
		this.timeout(30_000);
		await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
	});

	teardown(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	suiteTeardown(async () => {
		await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
	});

	test('Show Diagrams opens the gallery with all eight diagrams and their captions', async () => {
		await vscode.commands.executeCommand('aiNotes.showDiagrams');
		const text = await waitForPanel(['Diagrams', ...gallery]);
		for (const d of DIAGRAMS) {
			assert.ok(text.includes(d.caption), `the gallery lacks the caption of ${d.id}`);
		}
		assert.ok(!text.includes('could not be loaded'), 'a diagram failed to load');
		assert.strictEqual(vscode.window.tabGroups.activeTabGroup.activeTab?.label, 'AI Notes Diagrams');
	});

	test('choosing a diagram in the gallery shows it large, with zoom controls and the note link', async () => {
		await vscode.commands.executeCommand('aiNotes.showDiagrams');
		await waitForPanel(gallery);
		assert.ok(await workbench.webviewClick('button.card[data-id="seq2seq-vs-transformer"]'), 'no card to click');
		const text = await waitForPanel(['Explained in: From seq2seq to the transformer', 'Fit', '100%']);
		// The drawing's own words are in the page, so the SVG itself is there, not just a title.
		assert.ok(text.includes('final hidden') && text.includes('writing now'), 'the drawing is not shown');
		assert.ok(!text.includes(DIAGRAMS[0].caption), 'the gallery should be hidden while a diagram is shown');
		assert.strictEqual(vscode.window.tabGroups.activeTabGroup.activeTab?.label, 'Diagram: Seq2seq vs the transformer');

		assert.ok(await workbench.webviewClick('#back'));
		await waitForPanel(gallery);
	});

	test('Open Diagram with an id opens it in the same, reused panel', async () => {
		await vscode.commands.executeCommand('aiNotes.showDiagrams');
		await waitForPanel(gallery);
		await vscode.commands.executeCommand('aiNotes.openDiagram', 'attention');
		await waitForPanel(['Explained in: How attention works', 'softmax']);
		await vscode.commands.executeCommand('aiNotes.openDiagram', 'ai-stack');
		await waitForPanel(['Explained in: The AI stack', 'Infrastructure']);
		await vscode.commands.executeCommand('aiNotes.showDiagrams');
		await waitForPanel(gallery);
		assert.strictEqual(diagramTabs().length, 1, 'the commands should reuse one panel');
	});

	test('a diagram in the notes tree\'s Diagrams group opens in the panel', async () => {
		const rows = '.part.sidebar .monaco-list-row';
		await vscode.commands.executeCommand('aiNotes.notes.focus');
		const hasGroup = await waitFor(async () => (await workbench.text(rows)).some((r) => r.startsWith('Diagrams')), 15_000, 200);
		assert.ok(hasGroup, 'the notes tree shows no Diagrams group');
		// "Seq2seq vs the transformer" is a diagram title only; no note or heading has that text.
		const item = `${rows}:has-text("Seq2seq vs the transformer")`;
		if (!(await workbench.text(rows)).some((r) => r.startsWith('Seq2seq vs the transformer'))) {
			assert.ok(await workbench.click(`${rows}:has-text("Diagrams")`), 'could not expand the Diagrams group');
		}
		assert.ok(await waitFor(async () => (await workbench.text(rows)).some((r) => r.startsWith('Seq2seq vs the transformer')), 5_000, 200));
		assert.ok(await workbench.click(item));
		await waitForPanel(['Explained in: From seq2seq to the transformer', 'final hidden']);
		assert.strictEqual(diagramTabs().length, 1);
	});

	test('Open Diagram without an id offers a quick pick of all diagrams', async () => {
		const running = vscode.commands.executeCommand('aiNotes.openDiagram');
		const rows = await waitFor(async () => {
			const found = await workbench.text('.quick-input-widget .monaco-list-row');
			return found.length >= DIAGRAMS.length ? found : undefined;
		}, 10_000);
		assert.ok(rows, 'no quick pick appeared');
		for (const title of gallery) {
			assert.ok(rows.some((row) => row.includes(title)), `the quick pick lacks ${title}`);
		}
		await workbench.type('prefill');
		await sleep(300);
		await workbench.press('Enter');
		await running;
		await waitForPanel(['Explained in: Inference: prefill and decode']);
	});

	test('Open Diagram with an unknown id says so and opens nothing', async () => {
		await vscode.commands.executeCommand('aiNotes.openDiagram', 'no-such-diagram');
		// The message may show as a toast or only in the notification centre; look in both.
		await vscode.commands.executeCommand('notifications.showList');
		const messages = await waitFor(async () => {
			const found = await workbench.text('.notification-list-item-message');
			return found.some((m) => m.includes('no-such-diagram')) ? found : undefined;
		}, 5_000);
		assert.ok(messages, 'no error message named the unknown diagram');
		assert.ok(messages.some((m) => m.includes('Show Diagrams')), 'the message should say what to do');
		assert.strictEqual(diagramTabs().length, 0);
		await vscode.commands.executeCommand('notifications.clearAll');
		await vscode.commands.executeCommand('notifications.hideList');
	});

	test('zooms to 100%, in and out, and keeps the zoom when the panel is hidden and shown again', async () => {
		await vscode.commands.executeCommand('aiNotes.openDiagram', 'attention');
		await waitForPanel(['Explained in: How attention works']);
		assert.ok(await workbench.webviewClick('button[data-zoom="actual"]'));
		assert.ok(await waitFor(() => workbench.webviewClick('button[data-zoom="actual"][aria-pressed="true"]'), 5_000), '100% should be pressed');
		// Steps of 1.25: 100% -> 125% -> 156%, back to 125% and up again. 156% is well away from what "fit" gives
		// at the test window's size, so the text cannot be confused with a fitted drawing.
		for (const [button, level] of [['in', '125%'], ['in', '156%'], ['out', '125%'], ['in', '156%']]) {
			assert.ok(await workbench.webviewClick(`button[data-zoom="${button}"]`));
			await waitForPanel([`\n${level}\n`]);
		}

		// Cover the panel with an editor in the same group (its webview is torn down), then come back to it.
		const doc = await vscode.workspace.openTextDocument({ content: 'covering the panel', language: 'plaintext' });
		await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Active, preview: false });
		const covered = await waitFor(async () => (await panelText('Explained in: How attention works')) === undefined, 5_000);
		assert.ok(covered, 'the text editor should have hidden the panel');
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
		const text = await waitForPanel(['Explained in: How attention works', '\n156%\n']);
		assert.ok(text.includes('softmax'));

		// Asking for the diagram already on screen keeps the user's zoom.
		await vscode.commands.executeCommand('aiNotes.openDiagram', 'attention');
		await sleep(500);
		await waitForPanel(['Explained in: How attention works', '\n156%\n'], 2_000);
		assert.ok(!await workbench.webviewClick('button[data-zoom="fit"][aria-pressed="true"]'), 'Fit should not be pressed at 156%');
		assert.ok(await workbench.webviewClick('button[data-zoom="fit"]'));
		assert.ok(await waitFor(() => workbench.webviewClick('button[data-zoom="fit"][aria-pressed="true"]'), 5_000), 'Fit should be pressed');
	});

	test('"Explained in" opens the note at the heading that explains the diagram', async () => {
		await vscode.commands.executeCommand('aiNotes.openDiagram', 'prefill-decode');
		await waitForPanel(['Explained in: Inference: prefill and decode']);
		assert.ok(await workbench.webviewClick('#explained'));
		const note = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri ?? vscode.Uri.file('/'), 'notes', '11-the-transformer.md');
		const line = new TextDecoder().decode(await vscode.workspace.fs.readFile(note)).split('\n').findIndex((l) => l === '## Inference: prefill and decode');
		assert.ok(line > 0, 'the note has no "Inference: prefill and decode" heading');
		// The note shows first and the cursor moves to the heading a moment later, so wait for both.
		const editor = await waitFor(() => {
			const active = vscode.window.activeTextEditor;
			return active?.document.uri.path.endsWith('/notes/11-the-transformer.md') && active.selection.active.line === line ? active : undefined;
		}, 10_000);
		const active = vscode.window.activeTextEditor;
		assert.ok(editor, `the note did not open at line ${line + 1}; active: ${active?.document.uri.path}:${(active?.selection.active.line ?? -1) + 1}`);
		const inView = await waitFor(() => editor.visibleRanges.some((r) => r.contains(new vscode.Position(line, 0))), 3_000);
		assert.ok(inView, `the heading is not in view: ${JSON.stringify(editor.visibleRanges.map((r) => [r.start.line, r.end.line]))}`);
		// The note opens beside the panel, which stays visible.
		const [panelTab] = diagramTabs();
		assert.ok(panelTab?.isActive, 'the diagrams panel should still be shown in its group');
		assert.notStrictEqual(panelTab.group.viewColumn, editor.viewColumn);
		await workbench.screenshot('diagrams-explained-in');
	});

	test('follows theme changes while open; screenshots in a dark, a light and a high-contrast theme', async function () {
		this.timeout(60_000);
		await vscode.commands.executeCommand('aiNotes.openDiagram', 'attention');
		await waitForPanel(['Explained in: How attention works']);
		for (const [theme, kind, bodyClass, name] of [
			['Default Dark Modern', vscode.ColorThemeKind.Dark, 'vscode-dark', 'dark'],
			['Default Light Modern', vscode.ColorThemeKind.Light, 'vscode-light', 'light'],
			['Default High Contrast', vscode.ColorThemeKind.HighContrast, 'vscode-high-contrast', 'high-contrast'],
		] as const) {
			// The panel stays open across the switch: VS Code re-themes the page in place and the drawing's colours,
			// which are CSS variables, follow without a reload.
			await setTheme(theme, kind);
			const rethemed = await waitFor(() => workbench.webviewClick(`body.${bodyClass} #viewer-title`), 5_000);
			assert.ok(rethemed, `the open panel did not switch to the ${name} theme`);
			await workbench.screenshot(`diagrams-attention-${name}`);
			await vscode.commands.executeCommand('aiNotes.openDiagram', 'masked-vs-autoregressive');
			await waitForPanel(['Explained in: Masked and autoregressive models']);
			await sleep(500);
			await workbench.screenshot(`diagrams-masked-vs-autoregressive-${name}`);
			await vscode.commands.executeCommand('aiNotes.showDiagrams');
			await waitForPanel(gallery);
			await sleep(500);
			await workbench.screenshot(`diagrams-gallery-${name}`);
			await vscode.commands.executeCommand('aiNotes.openDiagram', 'attention');
			await waitForPanel(['Explained in: How attention works']);
		}
	});
});
