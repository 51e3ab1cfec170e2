import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import * as vscode from 'vscode';

/**
 * Entry point the extension host calls. Console output of the host reaches the runner unformatted, so the
 * suite formats its own lines and appends them to the file the runner prints (AI_NOTES_TEST_LOG).
 */
export function run(): Promise<void> {
	const logFile = process.env.AI_NOTES_TEST_LOG;
	const write = (line: string): void => {
		if (logFile) {
			fs.appendFileSync(logFile, line + '\n');
		}
		console.log(line);
	};
	write(`Running the integration suite in ${vscode.env.appName} ${vscode.version} (${vscode.env.remoteName ?? 'local'} extension host, Node ${process.versions.node})`);

	// The base reporter prints nothing; the lines written below are what the runner shows.
	const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: Mocha.reporters.Base });
	const grep = process.env.AI_NOTES_TEST_GREP;
	if (grep) {
		mocha.grep(grep);
	}
	const root = __dirname;
	for (const file of fs.readdirSync(root, { recursive: true }) as string[]) {
		if (file.endsWith('.test.js')) {
			mocha.addFile(path.join(root, file));
		}
	}
	return new Promise((resolve, reject) => {
		let passed = 0;
		let failed = 0;
		const runner = mocha.run((failures) => {
			write('');
			write(`${passed} passed, ${failed} failed`);
			if (failures > 0) {
				reject(new Error(`${failures} integration tests failed`));
			} else if (passed === 0) {
				// A suite that ran nothing has proved nothing.
				reject(new Error('no integration test ran'));
			} else {
				resolve();
			}
		});
		let depth = 0;
		runner.on('suite', (suite) => {
			if (suite.title) {
				write(`${'  '.repeat(depth)}${suite.title}`);
				depth++;
			}
		});
		runner.on('suite end', (suite) => {
			if (suite.title) {
				depth--;
			}
		});
		runner.on('pass', (test) => {
			passed++;
			write(`${'  '.repeat(depth)}✔ ${test.title} (${test.duration ?? 0} ms)`);
		});
		runner.on('fail', (test, err: Error) => {
			failed++;
			write(`${'  '.repeat(depth)}✘ ${test.title}`);
			write(`${'  '.repeat(depth + 2)}${(err.stack ?? String(err)).split('\n').join(`\n${'  '.repeat(depth + 2)}`)}`);
		});
	});
}
