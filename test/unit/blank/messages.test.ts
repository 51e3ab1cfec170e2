import * as assert from 'assert';
import { isWebviewToExtension } from '../../../src/core/blank/messages';

describe('blank: messages from the panel', () => {
	it('accepts the two messages the panel sends and nothing else', () => {
		assert.deepStrictEqual(
			[{ type: 'ready' }, { type: 'openLink', href: 'https://example.com' }, { type: 'openLink', href: 42 }, { type: 'openLink' }, { type: 'run', command: 'x' }, null, 'ready', 7]
				.map((m) => isWebviewToExtension(m)),
			[true, true, false, false, false, false, false, false],
		);
	});
});
