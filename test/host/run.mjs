// Runs the integration suite (out/test/integration) inside a real VS Code and exits with its result.
//
// Default host: code-server (VS Code 1.139 from npm) driven by headless Debian Chromium, as
// ../shared/vscode-test-host.md describes; provisioned into .vscode-test/ on first use.
// VSCODE_TEST_HOST=electron: the same suite through @vscode/test-electron (needs a machine that can download VS Code).
//
// Environment: AI_NOTES_TEST_GREP (mocha grep), AI_NOTES_TEST_TIMEOUT_S (whole run, default 1200),
// AI_NOTES_HEADED=1 (show the browser), CHROMIUM_PATH (default /usr/bin/chromium).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveChannel } from './channel.mjs';
import { provision } from './provision.mjs';
import { freePort, startCodeServer, vscodeVersion } from './server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const testsEntry = join(root, 'out', 'test', 'integration', 'index.js');
const resultsDir = join(root, 'test-results');
const totalTimeoutMs = Number(process.env.AI_NOTES_TEST_TIMEOUT_S || 1200) * 1000;
// If the suite has not said a word by then, it never started (a bad payload, a crash at activation).
const startTimeoutMs = 180_000;
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function log(message) {
	console.log(`[host] ${message}`);
}

/** Prints new lines of the suite's log file as they arrive; resolves `started` at the first one. */
function tailLog(file, onFirstLine) {
	let offset = 0;
	let seen = false;
	const timer = setInterval(() => {
		if (!existsSync(file)) {
			return;
		}
		const size = statSync(file).size;
		if (size <= offset) {
			return;
		}
		const text = readFileSync(file).subarray(offset, size).toString('utf8');
		offset = size;
		process.stdout.write(text);
		if (!seen) {
			seen = true;
			onFirstLine();
		}
	}, 100);
	return () => {
		clearInterval(timer);
		if (existsSync(file) && statSync(file).size > offset) {
			process.stdout.write(readFileSync(file).subarray(offset).toString('utf8'));
		}
	};
}

function prepareRun() {
	if (!existsSync(testsEntry)) {
		throw new Error(`${testsEntry} is missing: run "npm run compile-tests" first.`);
	}
	if (!existsSync(join(root, 'dist', 'extension.js'))) {
		throw new Error('dist/extension.js is missing: run "node esbuild.js" first.');
	}
	const runDir = mkdtempSync(join(tmpdir(), 'ai-notes-host-'));
	const workspace = join(runDir, 'workspace');
	cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
	const channelDir = join(runDir, 'channel');
	mkdirSync(channelDir, { recursive: true });
	mkdirSync(resultsDir, { recursive: true });
	const env = {
		AI_NOTES_HOST_CHANNEL: channelDir,
		AI_NOTES_RESULTS_DIR: resultsDir,
		AI_NOTES_TEST_GREP: process.env.AI_NOTES_TEST_GREP || '',
		AI_NOTES_TEST_LOG: join(channelDir, 'mocha.log'),
	};
	return { runDir, workspace, channelDir, env };
}

/** Waits for the exit code, enforcing the start and total timeouts. */
function watchRun(logFile, exitCode) {
	return new Promise((resolvePromise) => {
		let started = false;
		const stopTail = tailLog(logFile, () => {
			started = true;
		});
		const finish = (code, why) => {
			clearTimeout(startTimer);
			clearTimeout(totalTimer);
			stopTail();
			if (why) {
				console.error(`[host] ${why}`);
			}
			resolvePromise(code);
		};
		const startTimer = setTimeout(() => {
			if (!started) {
				finish(2, `the suite never started within ${startTimeoutMs / 1000} s`);
			}
		}, startTimeoutMs);
		const totalTimer = setTimeout(() => finish(2, `timed out after ${totalTimeoutMs / 1000} s`), totalTimeoutMs);
		exitCode.then((code) => finish(code), (e) => finish(2, `runner error: ${e.message}`));
	});
}

async function runInCodeServer() {
	provision();
	const { runDir, workspace, channelDir, env } = prepareRun();
	const port = await freePort();
	log(`VS Code ${vscodeVersion()} (code-server) on http://127.0.0.1:${port}, workspace ${workspace}`);
	let server;
	let browser;
	let stopChannel = () => undefined;
	try {
		server = await startCodeServer({ runDir, port, logFile: join(runDir, 'code-server.log') });
		browser = await chromium.launch({
			executablePath: chromiumPath,
			headless: process.env.AI_NOTES_HEADED !== '1',
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
				'--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
			// playwright gives the browser a fresh throwaway profile of its own.
		});
		const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
		let reportExit;
		const exitCode = new Promise((r) => {
			reportExit = r;
		});
		// The workbench calls this with 0 when the suite's run() resolves and 1 when it rejects.
		await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));
		page.on('pageerror', (e) => log(`page error: ${e.message}`));
		stopChannel = serveChannel(page, channelDir, resultsDir);
		const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
		const payload = [
			['extensionDevelopmentPath', remote(root)],
			['extensionTestsPath', remote(testsEntry)],
			['enableProposedApi', ''],
			['extensionEnvironment', JSON.stringify(env)],
		];
		const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
		await page.goto(url);
		return await watchRun(env.AI_NOTES_TEST_LOG, exitCode);
	} finally {
		stopChannel();
		await browser?.close().catch(() => undefined);
		server?.stop();
		if (process.env.AI_NOTES_KEEP_RUN !== '1') {
			rmSync(runDir, { recursive: true, force: true });
		}
	}
}

async function runInElectron() {
	const { runTests } = await import('@vscode/test-electron');
	const { runDir, workspace, channelDir, env } = prepareRun();
	const debugPort = await freePort();
	let browser;
	let stopChannel = () => undefined;
	// Attach playwright over the DevTools protocol so the same workbench requests (screenshots, status bar
	// text) work in the desktop build too.
	const attach = (async () => {
		for (let i = 0; i < 120 && !browser; i++) {
			await new Promise((r) => setTimeout(r, 1000));
			try {
				browser = await chromium.connectOverCDP(`http://127.0.0.1:${debugPort}`);
			} catch {
				// Not up yet.
			}
		}
		const page = browser?.contexts()[0]?.pages()[0];
		if (page) {
			stopChannel = serveChannel(page, channelDir, resultsDir);
		}
	})();
	try {
		const exitCode = runTests({
			extensionDevelopmentPath: root,
			extensionTestsPath: testsEntry,
			extensionTestsEnv: env,
			launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', `--remote-debugging-port=${debugPort}`,
				`--user-data-dir=${join(runDir, 'user-data')}`],
		}).then(() => 0, () => 1);
		return await watchRun(env.AI_NOTES_TEST_LOG, exitCode);
	} finally {
		await attach.catch(() => undefined);
		stopChannel();
		await browser?.close().catch(() => undefined);
		rmSync(runDir, { recursive: true, force: true });
	}
}

const host = process.env.VSCODE_TEST_HOST === 'electron' ? runInElectron : runInCodeServer;
host().then(
	(code) => {
		log(`integration suite exited with ${code}`);
		process.exit(code);
	},
	(e) => {
		console.error(`[host] ${e.stack || e}`);
		process.exit(2);
	},
);
