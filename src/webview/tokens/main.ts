// The token details webview: renders what the extension sends, with DOM calls only (no HTML strings), so
// nothing from the document can become markup.
import type { DetailsView, FromDetailsWebview, ToDetailsWebview } from '../../core/tokens/messages';
import { el } from '../shared/dom';
import { vscodeApi } from '../shared/vscodeApi';

const api = vscodeApi<FromDetailsWebview, undefined>();
const root = document.getElementById('root') as HTMLElement;

function render(view: DetailsView): void {
	const number = new Intl.NumberFormat(view.language);
	const decimals = new Intl.NumberFormat(view.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	const money = new Intl.NumberFormat(view.language, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 6 });
	const body = el('div');
	const header = el('header');
	header.append(el('h1', undefined, `${view.labels.heading}: ${view.title}`), el('p', 'scope', view.scope));
	const stats = el('p', 'stats', `${view.labels.characters}: ${number.format(view.characters)} · ${view.labels.words}: ${number.format(view.words)}`);
	header.append(stats);
	body.append(header);

	const table = el('table', 'encodings');
	const head = el('tr');
	for (const label of [view.labels.encoding, view.labels.tokens, view.labels.charsPerToken, view.labels.wordsPerToken, view.labels.cost, '']) {
		head.append(el('th', undefined, label));
	}
	table.append(el('thead'), el('tbody'));
	table.tHead?.append(head);
	for (const row of view.rows) {
		const tr = el('tr', row.current ? 'current' : undefined);
		const name = el('td');
		name.append(el('span', 'encoding-name', row.encoding), el('span', 'models', row.models));
		tr.append(
			name,
			el('td', 'num', number.format(row.tokens)),
			el('td', 'num', row.tokens > 0 ? decimals.format(view.characters / row.tokens) : '–'),
			el('td', 'num', row.tokens > 0 ? decimals.format(view.words / row.tokens) : '–'),
			el('td', 'num', money.format((row.tokens * view.pricePerMillion) / 1_000_000)),
		);
		const action = el('td');
		if (row.current) {
			action.append(el('span', 'badge', view.labels.current));
		} else {
			const button = el('button', 'use', view.labels.useEncoding);
			button.type = 'button';
			button.dataset.encoding = row.encoding;
			button.addEventListener('click', () => api.postMessage({ type: 'useEncoding', encoding: row.encoding }));
			action.append(button);
		}
		tr.append(action);
		table.tBodies[0].append(tr);
	}
	body.append(table, el('p', 'note', view.labels.price));

	const tokens = el('div', 'tokens');
	tokens.setAttribute('aria-label', view.encoding);
	view.segments.forEach(([text, ids], i) => {
		const span = el('span', `t t${i % 5}`, text);
		span.title = `${view.labels.tokenIds}: ${ids.join(', ')}`;
		tokens.append(span);
	});
	body.append(el('h2', undefined, view.encoding), tokens);
	if (view.truncated) {
		body.append(el('p', 'note', view.labels.truncated));
	}
	root.replaceChildren(body);
}

window.addEventListener('message', (event: MessageEvent<ToDetailsWebview>) => {
	const message = event.data;
	switch (message.type) {
		case 'render':
			render(message.view);
			break;
		case 'counting':
			root.replaceChildren(el('p', 'status', message.message));
			break;
		case 'error':
			root.replaceChildren(el('p', 'status error', message.message));
			break;
	}
});

api.postMessage({ type: 'ready' });
