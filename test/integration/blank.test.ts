import * as assert from 'assert';
import * as os from 'os';
import * as vscode from 'vscode';
import { loadCounter } from '../../src/core/tokens';
import { FakeOpenAIServer } from '../support/fakeOpenAIServer';
import { sleep, waitFor, workbench } from './workbench';
import { EXTENSION_ID } from './fixtures';

/** The port the fixture's .vscode/settings.json points aiNotes.model.baseUrl at. */
const DECOY_PORT = 47913;

function workspaceFile(relative: string): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	assert.ok(folder, 'the test workspace is open');
	return vscode.Uri.joinPath(folder.uri, relative);
}

/** Opens a fixture file and selects the first occurrence of `word` on the line containing `lineHint`. */
async function selectWord(relative: string, lineHint: string, word: string): Promise<vscode.TextEditor> {
	const document = await vscode.workspace.openTextDocument(workspaceFile(relative));
	const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
	const text = document.getText();
	const line = text.indexOf(lineHint);
	assert.ok(line >= 0, `${lineHint} is in ${relative}`);
	const start = text.indexOf(word, line);
	editor.selection = new vscode.Selection(document.positionAt(start), document.positionAt(start + word.length));
	return editor;
}

async function panelText(): Promise<string> {
	return (await workbench.webviewText()).join('\n');
}

/**
 * The decoy listens where the fixture workspace's settings point. Another engineer's test run on this
 * machine may hold the port for a few seconds, so wait for it rather than fail.
 */
async function startOnPort(port: number): Promise<FakeOpenAIServer> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await FakeOpenAIServer.start({}, port);
		} catch (error) {
			if (attempt >= 60 || (error as { code?: string }).code !== 'EADDRINUSE') {
				throw error;
			}
			await sleep(500);
		}
	}
}

async function setUserSetting(key: string, value: unknown): Promise<void> {
	await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Global);
}

suite('Blank: explain this blank', function () {
	this.timeout(60_000);
	let server: FakeOpenAIServer;
	let decoy: FakeOpenAIServer;

	suiteSetup(async () => {
		await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
		server = await FakeOpenAIServer.start({ chunkSize: 6 });
		decoy = await startOnPort(DECOY_PORT);
	});

	teardown(async () => {
		for (const key of ['aiNotes.model.provider', 'aiNotes.model.baseUrl', 'aiNotes.model.name']) {
			await setUserSetting(key, undefined);
		}
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	suiteTeardown(async () => {
		await server?.close();
		await decoy?.close();
	});

	test('Blank: builtin model predicts the selection and shows it in the panel', async () => {
		await selectWord('blank/masked-models.md', 'My favorite color', 'color');
		await vscode.commands.executeCommand('aiNotes.explainBlank');
		const text = await waitFor(async () => {
			const t = await panelText();
			return /verdict|same/i.test(t) && t.includes('Builtin statistical model') ? t : '';
		}, 15_000);
		assert.match(text, /Best fill\s*color\s+\d+%/i, text);
		assert.match(text, /statistical model/);
		assert.match(text, /Original\s*color/i);
		assert.match(text, /\bsame\b/i);
		await workbench.screenshot('blank-builtin');
		// Theme colours come from VS Code's variables: look at the panel in a dark and a high-contrast theme too.
		try {
			for (const theme of ['Default Dark Modern', 'Default High Contrast']) {
				await setUserSetting('workbench.colorTheme', theme);
				await sleep(800);
				await workbench.screenshot(`blank-builtin-${theme.split(' ').slice(1).join('-').toLowerCase()}`);
			}
		} finally {
			await setUserSetting('workbench.colorTheme', undefined);
		}
	});

	test('Blank: builtin model on code predicts a member name', async () => {
		// The cursor on a `____` marker, no selection: the marker is the blank.
		const document = await vscode.workspace.openTextDocument(workspaceFile('blank/average.js'));
		const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
		const at = document.getText().indexOf('____') + 2;
		editor.selection = new vscode.Selection(document.positionAt(at), document.positionAt(at));
		await vscode.commands.executeCommand('aiNotes.explainBlank');
		const text = await waitFor(async () => {
			const t = await panelText();
			return /Best fill/i.test(t) && t.includes('items') ? t : '';
		}, 15_000);
		assert.match(text, /Best fill\s*length\s+\d+%/i, text);
	});

	test('Blank: a local OpenAI-compatible server streams into the panel; the workspace base URL is ignored', async () => {
		await setUserSetting('aiNotes.model.provider', 'openai-compatible');
		await setUserSetting('aiNotes.model.baseUrl', server.baseUrl);
		await setUserSetting('aiNotes.model.name', 'scenario:slow');
		server.configure({ slowDelayMs: 60 });
		const before = server.chatRequests.length;
		await selectWord('blank/masked-models.md', 'My favorite color', 'color');
		const running = vscode.commands.executeCommand('aiNotes.explainBlank');
		// While the answer is still arriving, part of it is already in the panel.
		const partial = await waitFor(async () => {
			const request = server.chatRequests[before];
			const t = await panelText();
			return request && !request.done && /Receiving the answer/.test(t) && /Best fill/i.test(t) ? t : '';
		}, 15_000);
		assert.ok(partial, 'the panel showed a partial answer while the stream was open');
		await running;
		const text = await waitFor(async () => {
			const t = await panelText();
			return /Verdict|same/i.test(t) && /Original/i.test(t) ? t : '';
		}, 15_000);
		assert.match(text, /Best fill\s*color/i);
		assert.match(text, /Alternatives:\s*food, song/);
		assert.match(text, /is blue/);
		assert.match(text, /\bsame\b/i);
		assert.match(text, /The fill is exactly the original word/);
		await workbench.screenshot('blank-streamed');

		const [fill, verdict] = server.chatRequests.slice(before);
		const fillBody = fill.body as { model: string; stream: boolean; messages: { role: string; content: string }[] };
		assert.strictEqual(fillBody.model, 'scenario:slow');
		assert.strictEqual(fillBody.stream, true);
		assert.ok(fillBody.messages[1].content.includes('My favorite [BLANK] is blue'), 'the blank is masked in the prompt');
		assert.ok(!fillBody.messages[1].content.includes('favorite color is blue'), 'the original is not sent before the answer');
		assert.strictEqual(fill.headers.authorization, undefined, 'no key is sent to a keyless local server');
		assert.ok(verdict, 'a verdict turn followed');
		assert.strictEqual(decoy.requests.length, 0, 'the workspace settings\' base URL received nothing');
	});

	test('Blank: cancelling stops the request at once and keeps the partial answer', async () => {
		await setUserSetting('aiNotes.model.provider', 'openai-compatible');
		await setUserSetting('aiNotes.model.baseUrl', server.baseUrl);
		await setUserSetting('aiNotes.model.name', 'scenario:slow');
		server.configure({ slowDelayMs: 400 });
		const before = server.chatRequests.length;
		await selectWord('blank/masked-models.md', 'prefill step', 'prefill');
		const running = vscode.commands.executeCommand('aiNotes.explainBlank');
		await server.waitFor(() => server.chatRequests.length > before, 15_000);
		await waitFor(async () => /Best fill/i.test(await panelText()), 15_000);
		// The progress notification may sit in the notification centre rather than in a toast.
		await vscode.commands.executeCommand('notifications.showList');
		await sleep(500);
		await workbench.screenshot('blank-progress-cancel');
		const clicked = await waitFor(() => workbench.click('.notifications-center .notification-list-item-buttons-container .monaco-button'), 10_000);
		assert.ok(clicked, 'clicked Cancel on the progress notification');
		const request = server.chatRequests[before];
		await server.waitFor(() => request.done, 5_000);
		assert.strictEqual(request.closedEarly, true, 'the server saw the connection close before the answer ended');
		await running;
		const text = await waitFor(async () => {
			const t = await panelText();
			return /Cancelled/.test(t) ? t : '';
		}, 10_000);
		assert.match(text, /Best fill\s*color/i, 'the partial answer is kept');
		assert.strictEqual(server.chatRequests.length, before + 1, 'no verdict request after cancelling');
		await sleep(300);
		await workbench.screenshot('blank-cancelled');
	});
});

/** An address of this machine that is not loopback, so a server there counts as "not local". */
function nonLoopbackAddress(): string {
	for (const addresses of Object.values(os.networkInterfaces())) {
		for (const a of addresses ?? []) {
			if (a.family === 'IPv4' && !a.internal) {
				return a.address;
			}
		}
	}
	throw new Error('this machine has no non-loopback IPv4 address for the consent test');
}

suite('Blank: keys, consent, guesses and errors', function () {
	this.timeout(60_000);
	let server: FakeOpenAIServer;
	let other: FakeOpenAIServer;

	suiteSetup(async () => {
		await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
		server = await FakeOpenAIServer.start({ chunkSize: 12 });
		other = await FakeOpenAIServer.start({ chunkSize: 12 });
	});

	teardown(async () => {
		for (const key of ['aiNotes.model.provider', 'aiNotes.model.baseUrl', 'aiNotes.model.name', 'aiNotes.model.preset', 'aiNotes.blank.guessFirst', 'aiNotes.blank.contextTokens']) {
			await setUserSetting(key, undefined);
		}
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	suiteTeardown(async () => {
		await server?.close();
		await other?.close();
	});

	test('Blank: a key set for one server is sent to that server only', async () => {
		await setUserSetting('aiNotes.model.provider', 'openai-compatible');
		await setUserSetting('aiNotes.model.baseUrl', server.baseUrl);
		await setUserSetting('aiNotes.model.name', 'fake-model');
		const setting = vscode.commands.executeCommand('aiNotes.setApiKey');
		assert.ok(await waitFor(() => workbench.text('.quick-input-widget .quick-input-title').then((t) => t.some((x) => x.includes(new URL(server.baseUrl).origin)))), 'the key prompt names the origin');
		await workbench.type('sk-blank-test-key');
		await workbench.press('Enter');
		await setting;

		await selectWord('blank/masked-models.md', 'My favorite color', 'color');
		await vscode.commands.executeCommand('aiNotes.explainBlank');
		assert.strictEqual(server.chatRequests.at(-1)?.headers.authorization, 'Bearer sk-blank-test-key');

		await setUserSetting('aiNotes.model.baseUrl', other.baseUrl);
		await selectWord('blank/masked-models.md', 'My favorite color', 'color');
		await vscode.commands.executeCommand('aiNotes.explainBlank');
		assert.ok(other.chatRequests.length > 0, 'the other server was asked');
		assert.ok(other.requests.every((r) => r.headers.authorization === undefined), 'the key never went to the other server');
		assert.ok(!(await panelText()).includes('sk-blank-test-key'), 'the key is not in the panel');

		await setUserSetting('aiNotes.model.baseUrl', server.baseUrl);
		await vscode.commands.executeCommand('aiNotes.clearApiKey');
		await selectWord('blank/masked-models.md', 'My favorite color', 'color');
		await vscode.commands.executeCommand('aiNotes.explainBlank');
		assert.strictEqual(server.chatRequests.at(-1)?.headers.authorization, undefined, 'cleared');
	});

	test('Blank: nothing goes to a server off this machine without consent', async () => {
		// VS Code skips modal dialogs while extension tests run (they resolve as dismissed), so this checks
		// the refusal path: the consent question was not answered "Send", so not a byte may leave.
		const remote = await FakeOpenAIServer.start({}, 0, nonLoopbackAddress());
		try {
			await setUserSetting('aiNotes.model.provider', 'openai-compatible');
			await setUserSetting('aiNotes.model.baseUrl', remote.baseUrl);
			await setUserSetting('aiNotes.model.name', 'fake-model');
			await selectWord('blank/masked-models.md', 'My favorite color', 'color');
			await vscode.commands.executeCommand('aiNotes.explainBlank');
			await sleep(500);
			assert.deepStrictEqual(remote.requests.map((r) => r.path), []);
		} finally {
			await remote.close();
		}
	});

	test('Blank: guess first asks for the learner\'s fill and compares it', async () => {
		await setUserSetting('aiNotes.blank.guessFirst', true);
		await selectWord('blank/masked-models.md', 'prefill step', 'prefill');
		const running = vscode.commands.executeCommand('aiNotes.explainBlank');
		assert.ok(await waitFor(() => workbench.text('.quick-input-widget .quick-input-title').then((t) => t.some((x) => /your guess first/i.test(x)))), 'the guess prompt is shown');
		await workbench.type('decode');
		await workbench.press('Enter');
		await running;
		const text = await waitFor(async () => {
			const t = await panelText();
			return /Your guess/i.test(t) ? t : '';
		}, 15_000);
		assert.match(text, /Best fill\s*prefill/i, text);
		assert.match(text, /Original\s*prefill/i);
		assert.match(text, /Your guess\s*decode\s*different/i);
		await workbench.screenshot('blank-guess-first');
	});

	test('Blank: an unknown model lists the server\'s models; a broken stream keeps the partial answer; nothing listening names the server to start', async () => {
		await setUserSetting('aiNotes.model.provider', 'openai-compatible');
		await setUserSetting('aiNotes.model.baseUrl', server.baseUrl);
		await setUserSetting('aiNotes.model.name', 'llama9:70b');
		await selectWord('blank/masked-models.md', 'My favorite color', 'color');
		await vscode.commands.executeCommand('aiNotes.explainBlank');
		let text = await waitFor(async () => {
			const t = await panelText();
			return /has no model/.test(t) ? t : '';
		}, 15_000);
		assert.match(text, /has no model "llama9:70b"\. It has: fake-model, fake-small\. Pick one\./);

		// A stream that breaks mid-answer: the message says so and what arrived stays in the panel.
		await setUserSetting('aiNotes.model.name', 'scenario:break');
		await selectWord('blank/masked-models.md', 'My favorite color', 'color');
		await vscode.commands.executeCommand('aiNotes.explainBlank');
		text = await waitFor(async () => {
			const t = await panelText();
			return /broke off/.test(t) ? t : '';
		}, 15_000);
		assert.match(text, /Best fill\s*color/i, 'the partial answer is kept');

		// Nothing listens on Ollama's port here: the message names Ollama and how to start it.
		await setUserSetting('aiNotes.model.baseUrl', 'http://127.0.0.1:11434/v1');
		await selectWord('blank/masked-models.md', 'My favorite color', 'color');
		await vscode.commands.executeCommand('aiNotes.explainBlank');
		text = await waitFor(async () => {
			const t = await panelText();
			return /Nothing is listening/.test(t) ? t : '';
		}, 20_000);
		assert.match(text, /Start Ollama \(for example "ollama serve"\)/);
		await workbench.screenshot('blank-error');
	});

	test('Blank: detecting local servers lists a running one with its models and configures the pick', async () => {
		// LM Studio's preset port; the other presets have nothing listening here.
		const lmStudio = await startOnPort(1234);
		try {
			const running = vscode.commands.executeCommand('aiNotes.detectModelServers');
			const rows = await waitFor(async () => {
				const t = (await workbench.text('.quick-input-widget .monaco-list-row')).join('\n');
				return t.includes('fake-small') ? t : '';
			}, 15_000);
			assert.match(rows, /fake-model/);
			assert.match(rows, /localhost:1234\/v1/);
			await workbench.screenshot('blank-detect');
			await workbench.type('fake-small');
			await workbench.press('Enter');
			await running;
			const config = vscode.workspace.getConfiguration('aiNotes.model');
			assert.deepStrictEqual(['provider', 'preset', 'baseUrl', 'name'].map((k) => config.inspect(k)?.globalValue), ['openai-compatible', 'lmstudio', 'http://localhost:1234/v1', 'fake-small']);
			assert.deepStrictEqual(lmStudio.requests.map((r) => `${r.method} ${r.path}`), ['GET /v1/models']);
		} finally {
			await lmStudio.close();
		}
	});

	test('Blank: the context sent is trimmed to the token budget at line boundaries', async () => {
		await setUserSetting('aiNotes.model.provider', 'openai-compatible');
		await setUserSetting('aiNotes.model.baseUrl', server.baseUrl);
		await setUserSetting('aiNotes.model.name', 'fake-model');
		await setUserSetting('aiNotes.blank.contextTokens', 100);
		await selectWord('blank/long-page.md', 'Line 60:', 'prefill');
		await vscode.commands.executeCommand('aiNotes.explainBlank');
		const body = server.chatRequests.at(-1)?.body as { messages: { role: string; content: string }[] };
		const passage = /\n`{3,}\n([\s\S]*)\n`{3,}\n/.exec(body.messages[1].content)?.[1] ?? '';
		const [before, after] = passage.split('[BLANK]');
		const counter = await loadCounter('o200k_base');
		assert.ok(counter.count(before) <= 100 && counter.count(after) <= 100, `${counter.count(before)} and ${counter.count(after)} tokens`);
		assert.ok(counter.count(before) > 70 && counter.count(after) > 70, 'most of the budget is used');
		assert.match(before, /^Line \d+: /, 'starts at a line start');
		assert.match(before, /Line 60: during inference, the $/);
		assert.match(after, /^ step processes the input tokens in parallel\.\nLine 61: /);
		assert.match(after, /number \d+\.$/, 'ends at a line end');
		assert.ok(!passage.includes('Line 1:') && !passage.includes('Line 120:'), 'far lines are left out');
	});
});
