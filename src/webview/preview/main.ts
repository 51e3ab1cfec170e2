import type { FromPreviewMessage, PreviewState, ToPreviewMessage } from '../../core/notes/messages';
import { vscodeApi } from '../shared/vscodeApi';

/*
 * The notes preview page. It only displays what the extension renders and turns clicks into messages:
 * links carry no href, so nothing opens unless the extension agrees.
 */
const api = vscodeApi<FromPreviewMessage, PreviewState>();
const content = document.getElementById('content');
let state: PreviewState | undefined = api.getState();
let rendered = false;

function blocks(): HTMLElement[] {
	return content ? Array.from(content.querySelectorAll<HTMLElement>('[data-line]')) : [];
}

/** The source line of the first block still visible at the top: what "scroll position" means across edits and reloads. */
function topLine(): number {
	for (const block of blocks()) {
		if (block.getBoundingClientRect().bottom > 0) {
			return Number(block.dataset.line ?? 0);
		}
	}
	return 0;
}

function scrollToLine(line: number): void {
	let target: HTMLElement | undefined;
	for (const block of blocks()) {
		if (Number(block.dataset.line ?? 0) > line) {
			break;
		}
		target = block;
	}
	if (target) {
		target.scrollIntoView({ block: 'start' });
	} else {
		window.scrollTo(0, 0);
	}
}

function saveState(uri: string): void {
	state = { uri, line: topLine() };
	api.setState(state);
}

function render(message: Extract<ToPreviewMessage, { type: 'render' }>): void {
	if (!content) {
		return;
	}
	const scrollY = window.scrollY;
	// After a window reload the first render restores the line saved before it.
	const line = message.line ?? (!rendered && state?.uri === message.uri ? state.line : undefined);
	content.innerHTML = message.html;
	document.title = message.title;
	watchImages(message.imageErrorText);
	if (line !== undefined) {
		scrollToLine(line);
	} else {
		window.scrollTo(0, scrollY);
	}
	rendered = true;
	saveState(message.uri);
}

/** A missing or unreadable local image becomes a line that says so, rather than a broken-image icon. */
function watchImages(errorText: string): void {
	if (!content) {
		return;
	}
	for (const image of Array.from(content.querySelectorAll('img'))) {
		const replace = (): void => {
			const placeholder = document.createElement('span');
			placeholder.className = 'blocked-image';
			placeholder.textContent = errorText.replace('{0}', image.alt || image.getAttribute('src') || '');
			image.replaceWith(placeholder);
		};
		if (image.complete && image.naturalWidth === 0) {
			replace();
		} else {
			image.addEventListener('error', replace, { once: true });
		}
	}
}

function showError(text: string): void {
	if (!content) {
		return;
	}
	const paragraph = document.createElement('p');
	paragraph.className = 'error';
	paragraph.textContent = text;
	content.replaceChildren(paragraph);
}

window.addEventListener('message', (event: MessageEvent<ToPreviewMessage>) => {
	const message = event.data;
	switch (message.type) {
		case 'render':
			render(message);
			break;
		case 'showError':
			showError(message.message);
			break;
	}
});

function activate(target: EventTarget | null, event: Event): void {
	if (!(target instanceof Element)) {
		return;
	}
	const diagram = target.closest<HTMLElement>('[data-diagram]');
	if (diagram?.dataset.diagram) {
		event.preventDefault();
		// The diagram panel hides this webview at once, before the debounced scroll handler has saved where we are.
		if (state) {
			saveState(state.uri);
		}
		api.postMessage({ type: 'openDiagram', id: diagram.dataset.diagram });
		return;
	}
	const link = target.closest<HTMLElement>('[data-href]');
	const href = link?.dataset.href;
	if (href === undefined) {
		return;
	}
	event.preventDefault();
	if (href.startsWith('#')) {
		let id = href.slice(1);
		try {
			id = decodeURIComponent(id);
		} catch {
			// Keep the fragment as written.
		}
		document.getElementById(id)?.scrollIntoView({ block: 'start' });
		return;
	}
	api.postMessage({ type: 'openLink', href });
}

document.addEventListener('click', (event) => activate(event.target, event));
document.addEventListener('keydown', (event) => {
	if (event.key === 'Enter' || event.key === ' ') {
		activate(event.target, event);
	}
});

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
	clearTimeout(scrollTimer);
	scrollTimer = setTimeout(() => {
		if (state) {
			saveState(state.uri);
		}
	}, 100);
}, { passive: true });

api.postMessage({ type: 'ready' });
