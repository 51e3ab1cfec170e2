import type { BlankCandidateView, BlankLabel, BlankVerdictView, BlankViewState, ExtensionToWebview, WebviewToExtension } from '../../core/blank/messages';
import { el } from '../shared/dom';
import { vscodeApi } from '../shared/vscodeApi';

/**
 * The blank panel's script. It builds the page from the state the extension sends, with text nodes for
 * everything except the explanation, which the extension rendered with markdown-it (raw HTML off).
 */
const api = vscodeApi<WebviewToExtension, BlankViewState>();
const root = document.getElementById('root') as HTMLElement;

/** How much context the panel shows on each side; the model may have seen more. */
const SHOWN_CONTEXT = 700;

function section(title: string, className: string): HTMLElement {
	const node = el('section', className);
	node.append(el('h2', undefined, title));
	return node;
}

function tail(text: string): string {
	if (text.length <= SHOWN_CONTEXT) {
		return text;
	}
	const cut = text.slice(-SHOWN_CONTEXT);
	const line = cut.indexOf('\n');
	return '…' + (line >= 0 && line < cut.length - 1 ? cut.slice(line) : cut);
}

function head(text: string): string {
	if (text.length <= SHOWN_CONTEXT) {
		return text;
	}
	const cut = text.slice(0, SHOWN_CONTEXT);
	const line = cut.lastIndexOf('\n');
	return (line > 0 ? cut.slice(0, line + 1) : cut) + '…';
}

function candidate(view: BlankCandidateView, className: string): HTMLElement {
	const node = el('span', className);
	node.append(el('code', 'fill-text', view.text));
	if (view.probability !== undefined) {
		node.append(el('span', 'probability', ` ${Math.round(view.probability * 100)}%`));
	}
	return node;
}

function verdictBadge(verdict: BlankVerdictView, labels: Readonly<Record<BlankLabel, string>>): HTMLElement {
	const node = el('p', 'verdict');
	node.append(el('span', `badge badge-${verdict.verdict}`, labels[verdict.verdict]));
	if (verdict.why) {
		node.append(el('span', 'why', ' ' + verdict.why));
	}
	return node;
}

function render(state: BlankViewState): void {
	const labels = state.labels;
	const page = document.createDocumentFragment();

	const header = el('header');
	header.append(el('h1', undefined, labels.title));
	header.append(el('p', 'model', state.modelLabel));
	const statusText = state.status === 'thinking' ? labels.thinking
		: state.status === 'streaming' ? labels.streaming
			: state.status === 'revealing' ? labels.revealing
				: state.status === 'cancelled' ? labels.cancelled : '';
	if (statusText) {
		// Only the status line is live: announcing every streamed re-render would flood a screen reader.
		const status = el('p', `status status-${state.status}`, statusText);
		status.setAttribute('role', 'status');
		header.append(status);
	}
	page.append(header);

	if (state.error) {
		const error = el('p', 'error', state.error.message);
		error.setAttribute('role', 'alert');
		page.append(error);
	}

	const passage = section(labels.passage, 'passage');
	const pre = el('pre', 'passage-text');
	// "…" marks context the panel or the budget left out, so the passage never looks like the whole file.
	const before = tail(state.before);
	pre.append(document.createTextNode(state.trimmedBefore && !before.startsWith('…') ? '…' + before : before));
	const blank = el('mark', state.original !== undefined ? 'blank revealed' : 'blank', state.original !== undefined ? state.original : `[ ${labels.blank} ]`);
	const after = head(state.after);
	pre.append(blank, document.createTextNode(state.trimmedAfter && !after.endsWith('…') ? after + '…' : after));
	passage.append(pre);
	page.append(passage);

	if (state.fill) {
		const fill = section(labels.fill, 'fill');
		fill.append(candidate(state.fill, 'best'));
		if (state.alternatives.length > 0) {
			const alternatives = el('p', 'alternatives');
			alternatives.append(el('span', 'label', labels.alternatives + ': '));
			state.alternatives.forEach((alternative, i) => {
				if (i > 0) {
					alternatives.append(document.createTextNode(', '));
				}
				alternatives.append(candidate(alternative, 'alternative'));
			});
			fill.append(alternatives);
		}
		page.append(fill);
	}

	if (state.explanationHtml) {
		const explanation = section(labels.explanation, 'explanation');
		if (!state.formatted) {
			explanation.append(el('p', 'note', labels.unformatted));
		}
		const body = el('div', 'markdown');
		// Produced by markdown-it with html:false in the extension, images replaced by their alt text.
		body.innerHTML = state.explanationHtml;
		explanation.append(body);
		page.append(explanation);
	}

	if (state.original !== undefined) {
		const reveal = section(labels.original, 'reveal');
		const original = el('p', 'original');
		original.append(el('code', 'fill-text', state.original));
		reveal.append(original);
		if (state.verdict) {
			reveal.append(verdictBadge(state.verdict, labels));
		}
		if (state.guess) {
			const guess = el('div', 'guess');
			guess.append(el('h3', undefined, labels.yourGuess));
			const guessText = el('p', 'guess-text');
			guessText.append(el('code', 'fill-text', state.guess.text));
			guess.append(guessText);
			if (state.guess.verdict) {
				guess.append(verdictBadge(state.guess.verdict, labels));
			}
			reveal.append(guess);
		}
		page.append(reveal);
	}

	root.replaceChildren(page);
}

function renderEmpty(labels: Readonly<Record<BlankLabel, string>>): void {
	root.replaceChildren(el('h1', undefined, labels.title), el('p', 'note', labels.empty));
}

window.addEventListener('message', (event: MessageEvent<ExtensionToWebview>) => {
	const message = event.data;
	switch (message?.type) {
		case 'state':
			api.setState(message.state);
			render(message.state);
			break;
		case 'empty':
			renderEmpty(message.labels);
			break;
		default:
			break;
	}
});

// Links in the explanation have no href; a click (or Enter) asks the extension to open them.
function openLink(event: Event): void {
	const target = event.target instanceof Element ? event.target.closest('a[data-href]') : null;
	if (target) {
		event.preventDefault();
		api.postMessage({ type: 'openLink', href: target.getAttribute('data-href') ?? '' });
	}
}
root.addEventListener('click', openLink);
root.addEventListener('keydown', (event) => {
	if (event.key === 'Enter') {
		openLink(event);
	}
});

const saved = api.getState();
if (saved) {
	render(saved);
}
api.postMessage({ type: 'ready' });
