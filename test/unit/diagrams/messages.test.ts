import * as assert from 'assert';
import { isFromDiagramsWebview, isToDiagramsWebview, parseViewState, stepZoom } from '../../../src/core/diagrams/messages';

describe('diagrams panel messages and state', () => {
	it('accepts the webview messages and nothing else', () => {
		const valid = [{ type: 'ready' }, { type: 'shown' }, { type: 'shown', id: 'attention' }, { type: 'openNote', id: 'ai-stack' }];
		const invalid = [null, 'ready', {}, { type: 'openNote' }, { type: 'openNote', id: '../x' }, { type: 'shown', id: 3 }, { type: 'run', id: 'x' }];
		assert.deepStrictEqual(valid.map(isFromDiagramsWebview), valid.map(() => true));
		assert.deepStrictEqual(invalid.map(isFromDiagramsWebview), invalid.map(() => false));
		assert.deepStrictEqual(
			[{ type: 'showGallery' }, { type: 'showDiagram', id: 'attention' }, { type: 'showDiagram' }, { type: 'x' }].map(isToDiagramsWebview),
			[true, true, false, false],
		);
	});

	it('reads saved states, dropping unknown diagrams and bad values', () => {
		const ids = ['attention', 'ai-stack'];
		assert.deepStrictEqual(parseViewState({ view: 'diagram', id: 'attention', zoom: 9, scrollTop: 5, scrollLeft: -1 }, ids),
			{ view: 'diagram', id: 'attention', zoom: 4, scrollLeft: undefined, scrollTop: 5 });
		assert.deepStrictEqual(parseViewState({ view: 'diagram', id: 'ai-stack', zoom: 'weird' }, ids),
			{ view: 'diagram', id: 'ai-stack', zoom: 'fit', scrollLeft: undefined, scrollTop: undefined });
		assert.deepStrictEqual(parseViewState({ view: 'gallery', scrollTop: 120 }, ids), { view: 'gallery', scrollTop: 120 });
		assert.strictEqual(parseViewState({ view: 'diagram', id: 'removed-one', zoom: 1 }, ids), undefined);
		assert.strictEqual(parseViewState({ view: 'diagram', id: 'attention', zoom: Number.NaN }, ids)?.view, 'diagram');
		assert.strictEqual(parseViewState(undefined, ids), undefined);
		assert.strictEqual(parseViewState('gallery', ids), undefined);
	});

	it('zoom steps pass through 100% and stay in range', () => {
		assert.strictEqual(stepZoom(1, 1), 1.25);
		assert.strictEqual(stepZoom(1, -1), 0.8);
		assert.strictEqual(stepZoom(0.93, 1), 1);
		assert.strictEqual(stepZoom(1.1, -1), 1);
		assert.strictEqual(stepZoom(4, 1), 4);
		assert.strictEqual(stepZoom(0.25, -1), 0.25);
		let zoom = 1;
		for (let i = 0; i < 4; i++) {
			zoom = stepZoom(zoom, 1);
		}
		for (let i = 0; i < 4; i++) {
			zoom = stepZoom(zoom, -1);
		}
		assert.strictEqual(zoom, 1);
	});
});
