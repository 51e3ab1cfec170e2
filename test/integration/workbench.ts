import * as fs from 'fs';
import * as path from 'path';

/**
 * What a test can ask of the live workbench it runs in, beyond the extension API: the runner
 * (test/host/channel.mjs) answers these through files in a shared folder, driving the real page.
 */
let counter = 0;

async function request<T>(kind: string, arg?: unknown, timeoutMs = 20_000): Promise<T> {
	const dir = process.env.AI_NOTES_HOST_CHANNEL;
	if (!dir) {
		throw new Error('No workbench channel: run the suite through test/host/run.mjs.');
	}
	const id = `${process.pid}-${Date.now()}-${counter++}`;
	const tmp = path.join(dir, `tmp-req-${id}.json`);
	fs.writeFileSync(tmp, JSON.stringify({ kind, arg }));
	fs.renameSync(tmp, path.join(dir, `req-${id}.json`));
	const response = path.join(dir, `res-${id}.json`);
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (fs.existsSync(response)) {
			const result = JSON.parse(fs.readFileSync(response, 'utf8')) as { ok: boolean; value?: T; error?: string };
			if (!result.ok) {
				throw new Error(`workbench ${kind} failed: ${result.error}`);
			}
			return result.value as T;
		}
		await sleep(50);
	}
	throw new Error(`workbench ${kind} got no answer in ${timeoutMs} ms`);
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns a truthy value or the time runs out; returns the last value. */
export async function waitFor<T>(probe: () => T | Promise<T>, timeoutMs = 10_000, intervalMs = 100): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let value = await probe();
	while (!value && Date.now() < deadline) {
		await sleep(intervalMs);
		value = await probe();
	}
	return value;
}

export const workbench = {
	/** Saves a PNG of the whole workbench as test-results/<name>.png and returns its path. */
	screenshot: (name: string): Promise<string> => request<string>('screenshot', name),
	/** innerText of every element matching a CSS selector, e.g. '.statusbar-item', '.monaco-hover'. */
	text: (selector: string): Promise<string[]> => request<string[]>('text', selector),
	/** Text of every webview document on the page (visible panels). */
	webviewText: (): Promise<string[]> => request<string[]>('webviewText'),
	/** Clicks the first element matching a CSS selector inside any webview; false when none matched. */
	webviewClick: (selector: string): Promise<boolean> => request<boolean>('webviewClick', selector),
	/** Presses a key chord on the page, in playwright's notation ('Escape', 'Control+Shift+P'). */
	press: (keys: string): Promise<boolean> => request<boolean>('press', keys),
	/** Types text on the page, as the keyboard would. */
	type: (text: string): Promise<boolean> => request<boolean>('type', text),
	/** Clicks the first element of the workbench that matches a CSS selector. */
	click: (selector: string): Promise<boolean> => request<boolean>('click', selector),
	/** Moves the mouse over the first element that matches a CSS selector. */
	hover: (selector: string): Promise<boolean> => request<boolean>('hover', selector),
	/**
	 * Starts recording, in the page itself, every change of the text of some elements under `within`: each
	 * snapshot maps a field name to the joined textContent of the elements its selector matches. Nothing that is
	 * rendered is missed, however briefly. Read the snapshots with `recorded`.
	 */
	record: (name: string, within: string, fields: Record<string, string>): Promise<boolean> => request<boolean>('record', { name, within, fields }),
	/** Stops a recording and returns its snapshots, oldest first (consecutive duplicates dropped). */
	recorded: (name: string): Promise<Record<string, string>[]> => request<Record<string, string>[]>('recorded', name),
	/** The status bar items' texts, left to right. */
	statusBar: (): Promise<string[]> => request<string[]>('text', '.part.statusbar .statusbar-item'),
};
