// Answers the requests an integration test makes of the workbench it runs in (screenshots, the text of
// rendered elements, webview content), through files in a shared folder. The test side is
// test/integration/workbench.ts; the page is the live workbench driven by playwright-core.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The frames that render webview content (VS Code nests the document inside an outer host frame). */
function webviewFrames(page) {
	return page.frames().filter((f) => f !== page.mainFrame() && /webview/i.test(f.url()) && /fake\.html|index\.html/.test(f.url()));
}

async function handle(page, resultsDir, request) {
	const { kind, arg } = request;
	switch (kind) {
		case 'screenshot': {
			const name = String(arg).replace(/[^A-Za-z0-9._-]/g, '_');
			const file = join(resultsDir, `${name}.png`);
			await page.screenshot({ path: file });
			return file;
		}
		case 'text':
			return page.$$eval(arg, (els) => els.map((e) => e.innerText));
		case 'webviewText': {
			const texts = [];
			for (const frame of webviewFrames(page)) {
				try {
					const text = await frame.evaluate(() => document.body ? document.body.innerText : '');
					if (text.trim()) {
						texts.push(text);
					}
				} catch {
					// A frame that navigated away meanwhile has nothing to say.
				}
			}
			return texts;
		}
		case 'webviewClick': {
			for (const frame of webviewFrames(page)) {
				const handle = await frame.$(arg).catch(() => null);
				if (handle) {
					await handle.click();
					return true;
				}
			}
			return false;
		}
		case 'press':
			await page.keyboard.press(arg);
			return true;
		case 'type':
			await page.keyboard.type(arg);
			return true;
		case 'click':
			await page.click(arg, { timeout: 5000 });
			return true;
		case 'hover':
			await page.hover(arg, { timeout: 5000 });
			return true;
		case 'record':
			// Polling through this channel takes tens of milliseconds a round; a state that lasts less than
			// that (a "counting…" of 200 ms) can fall between two polls. The page records every change instead.
			await page.evaluate(startRecording, arg);
			return true;
		case 'recorded':
			return page.evaluate(stopRecording, arg);
		default:
			throw new Error(`unknown workbench request: ${kind}`);
	}
}

/**
 * Runs in the page: from now on, every time the DOM under `within` changes, the text of each selector in
 * `fields` is read, and a snapshot is kept whenever one of them differs from the last snapshot.
 */
function startRecording({ name, within, fields }) {
	const recorders = (window.__aiNotesRecorders ??= {});
	recorders[name]?.observer.disconnect();
	const root = document.querySelector(within);
	if (!root) {
		throw new Error(`nothing matches ${within}`);
	}
	const snapshots = [];
	const take = () => {
		const snapshot = {};
		for (const [key, selector] of Object.entries(fields)) {
			// textContent, not innerText: innerText forces a layout of the workbench at every change.
			snapshot[key] = Array.from(root.querySelectorAll(selector), (e) => e.textContent.trim()).filter(Boolean).join(' | ');
		}
		const last = snapshots[snapshots.length - 1];
		if (!last || Object.keys(snapshot).some((key) => snapshot[key] !== last[key])) {
			snapshots.push(snapshot);
		}
	};
	const observer = new MutationObserver(take);
	observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
	take();
	recorders[name] = { observer, snapshots };
}

/** Runs in the page: stops a recording and returns its snapshots, oldest first. */
function stopRecording(name) {
	const recorder = window.__aiNotesRecorders?.[name];
	if (!recorder) {
		throw new Error(`no recording named ${name}`);
	}
	recorder.observer.disconnect();
	delete window.__aiNotesRecorders[name];
	return recorder.snapshots;
}

/** Polls `dir` for `req-*.json` and writes `res-*.json`. Returns a function that stops the loop. */
export function serveChannel(page, dir, resultsDir) {
	mkdirSync(dir, { recursive: true });
	mkdirSync(resultsDir, { recursive: true });
	let stopped = false;
	const busy = new Set();
	const tick = async () => {
		if (stopped) {
			return;
		}
		try {
			for (const name of readdirSync(dir)) {
				const match = /^req-(.+)\.json$/.exec(name);
				if (stopped || !match || busy.has(name)) {
					continue;
				}
				busy.add(name);
				let response;
				try {
					const request = JSON.parse(readFileSync(join(dir, name), 'utf8'));
					response = { ok: true, value: await handle(page, resultsDir, request) };
				} catch (e) {
					response = { ok: false, error: String(e && e.message || e) };
				}
				// Write then rename, so the test never reads half a file.
				const tmp = join(dir, `tmp-${match[1]}.json`);
				writeFileSync(tmp, JSON.stringify(response));
				renameSync(tmp, join(dir, `res-${match[1]}.json`));
				if (existsSync(join(dir, name))) {
					renameSync(join(dir, name), join(dir, `done-${match[1]}.json`));
				}
				busy.delete(name);
			}
		} catch (e) {
			// The run folder goes away when the run ends, possibly while a request is answered.
			if (!stopped) {
				console.error(`[host] workbench channel: ${e.message}`);
			}
		}
		if (!stopped) {
			setTimeout(tick, 50);
		}
	};
	tick();
	return () => {
		stopped = true;
	};
}
