import {
	clampZoom, DiagramsViewState, FromDiagramsWebview, isToDiagramsWebview, parseViewState, stepZoom, ToDiagramsWebview, Zoom,
} from '../../core/diagrams/messages';
import { vscodeApi } from '../shared/vscodeApi';

/**
 * The diagrams panel's page: a gallery of cards and a viewer for one drawing with zoom. All markup comes from the
 * extension (see panelHtml.ts); this script only switches between the two views, zooms, and keeps the state with
 * `setState` so that a hidden or reloaded panel comes back where the user left it.
 */
const vscode = vscodeApi<FromDiagramsWebview, DiagramsViewState>();

function byId<T extends HTMLElement>(id: string): T {
	const element = document.getElementById(id);
	if (!element) {
		throw new Error(`diagrams panel: #${id} is missing`);
	}
	return element as T;
}

const gallery = byId<HTMLElement>('gallery');
const viewer = byId<HTMLElement>('viewer');
const stage = byId<HTMLDivElement>('stage');
const viewerTitle = byId<HTMLHeadingElement>('viewer-title');
const viewerCaption = byId<HTMLParagraphElement>('viewer-caption');
const explained = byId<HTMLAnchorElement>('explained');
const zoomLevel = byId<HTMLOutputElement>('zoom-level');
const strings = readJson<{ fit: string; unavailable: string }>(document.body.dataset.strings) ?? { fit: 'Fit', unavailable: '' };
const cards = Array.from(document.querySelectorAll<HTMLButtonElement>('button.card'));

let state: DiagramsViewState = { view: 'gallery' };

function readJson<T>(text: string | undefined): T | undefined {
	try {
		return text ? JSON.parse(text) as T : undefined;
	} catch {
		return undefined;
	}
}

function cardFor(id: string): HTMLButtonElement | undefined {
	return cards.find((c) => c.dataset.id === id);
}

function save(next: DiagramsViewState): void {
	state = next;
	vscode.setState(state);
}

/** `fromUi`: the user went back from a diagram inside the panel, so focus returns to that diagram's card. */
function showGallery(restoreScroll?: number, fromUi = false): void {
	const previous = fromUi && state.view === 'diagram' ? state.id : undefined;
	viewer.hidden = true;
	gallery.hidden = false;
	stage.replaceChildren();
	save({ view: 'gallery', scrollTop: restoreScroll });
	if (restoreScroll !== undefined) {
		document.scrollingElement?.scrollTo(0, restoreScroll);
	}
	// Put focus back on the card the user came from, so keyboard users keep their place.
	if (previous) {
		cardFor(previous)?.focus();
	}
	vscode.postMessage({ type: 'shown' });
}

/** `fromUi`: opened from a card, so focus moves to the drawing (arrow keys then scroll it). */
function showDiagram(id: string, zoom: Zoom = 'fit', scroll?: { left?: number; top?: number }, fromUi = false): void {
	const card = cardFor(id);
	if (!card) {
		showGallery();
		return;
	}
	const svg = card.querySelector('svg');
	if (svg) {
		const copy = svg.cloneNode(true) as SVGSVGElement;
		// The thumbnail is decorative (its card has a title); the large drawing is the content.
		copy.removeAttribute('aria-hidden');
		copy.setAttribute('role', 'img');
		copy.setAttribute('aria-label', card.dataset.title ?? '');
		stage.replaceChildren(copy);
	} else {
		const message = document.createElement('p');
		message.className = 'unavailable';
		message.textContent = strings.unavailable;
		stage.replaceChildren(message);
	}
	viewerTitle.textContent = card.dataset.title ?? '';
	viewerCaption.textContent = card.dataset.caption ?? '';
	explained.textContent = card.dataset.note ?? '';
	explained.dataset.id = id;
	gallery.hidden = true;
	viewer.hidden = false;
	save({ view: 'diagram', id, zoom });
	applyZoom(zoom);
	if (scroll) {
		stage.scrollTo(scroll.left ?? 0, scroll.top ?? 0);
	}
	if (fromUi) {
		stage.focus();
	}
	vscode.postMessage({ type: 'shown', id });
}

function viewBoxSize(svg: SVGSVGElement): { width: number; height: number } {
	const box = svg.viewBox.baseVal;
	return box && box.width > 0 ? { width: box.width, height: box.height } : { width: 800, height: 500 };
}

function applyZoom(zoom: Zoom): void {
	const svg = stage.querySelector('svg');
	stage.classList.toggle('fit', zoom === 'fit');
	if (svg) {
		if (zoom === 'fit') {
			svg.removeAttribute('width');
			svg.removeAttribute('height');
		} else {
			// Attributes rather than inline styles: the page's CSP allows no inline style.
			const { width, height } = viewBoxSize(svg);
			svg.setAttribute('width', String(Math.round(width * zoom)));
			svg.setAttribute('height', String(Math.round(height * zoom)));
		}
	}
	showZoomLevel();
	for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-zoom]')) {
		const kind = button.dataset.zoom;
		button.setAttribute('aria-pressed', String((kind === 'fit' && zoom === 'fit') || (kind === 'actual' && zoom === 1)));
	}
}

/** The percentage shown next to the zoom buttons; in fit mode it is the scale the panel's size gives. */
function showZoomLevel(): void {
	if (state.view !== 'diagram') {
		return;
	}
	if (state.zoom !== 'fit') {
		zoomLevel.textContent = `${Math.round(state.zoom * 100)}%`;
		return;
	}
	// Wait for layout: the fitted size is only known once the drawing is in the page.
	requestAnimationFrame(() => {
		if (state.view === 'diagram' && state.zoom === 'fit') {
			zoomLevel.textContent = `${Math.round(currentScale() * 100)}%`;
		}
	});
}
window.addEventListener('resize', showZoomLevel);

/** The scale the drawing is shown at now, also in fit mode, so that zooming in from "fit" starts from what is seen. */
function currentScale(): number {
	if (state.view !== 'diagram') {
		return 1;
	}
	if (state.zoom !== 'fit') {
		return state.zoom;
	}
	const svg = stage.querySelector('svg');
	if (!svg) {
		return 1;
	}
	const { width, height } = viewBoxSize(svg);
	const rect = svg.getBoundingClientRect();
	return rect.width > 0 ? clampZoom(Math.min(rect.width / width, rect.height / height)) : 1;
}

function setZoom(kind: string | undefined): void {
	if (state.view !== 'diagram') {
		return;
	}
	let zoom: Zoom;
	switch (kind) {
		case 'fit': zoom = 'fit'; break;
		case 'actual': zoom = 1; break;
		case 'in': zoom = stepZoom(currentScale(), 1); break;
		case 'out': zoom = stepZoom(currentScale(), -1); break;
		default: return;
	}
	save({ view: 'diagram', id: state.id, zoom });
	applyZoom(zoom);
}

for (const card of cards) {
	card.addEventListener('click', () => {
		const id = card.dataset.id;
		if (id) {
			showDiagram(id, 'fit', undefined, true);
		}
	});
}

byId<HTMLButtonElement>('back').addEventListener('click', () => showGallery(undefined, true));

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-zoom]')) {
	button.addEventListener('click', () => setZoom(button.dataset.zoom));
}

explained.addEventListener('click', (event) => {
	event.preventDefault();
	const id = explained.dataset.id;
	if (id) {
		vscode.postMessage({ type: 'openNote', id });
	}
});

document.addEventListener('keydown', (event) => {
	if (state.view !== 'diagram' || event.ctrlKey || event.metaKey || event.altKey) {
		return;
	}
	const keys: Record<string, string> = { '+': 'in', '=': 'in', '-': 'out', '0': 'actual', 'f': 'fit' };
	if (keys[event.key]) {
		event.preventDefault();
		setZoom(keys[event.key]);
	} else if (event.key === 'Escape' || (event.key === 'Backspace' && event.target === stage)) {
		event.preventDefault();
		showGallery(undefined, true);
	}
});

// Scroll positions are saved as they change (throttled to a frame) so a reload restores them too.
let scrollPending = false;
function saveScroll(): void {
	if (scrollPending) {
		return;
	}
	scrollPending = true;
	requestAnimationFrame(() => {
		scrollPending = false;
		if (state.view === 'diagram') {
			save({ ...state, scrollLeft: stage.scrollLeft, scrollTop: stage.scrollTop });
		} else {
			save({ view: 'gallery', scrollTop: document.scrollingElement?.scrollTop ?? 0 });
		}
	});
}
stage.addEventListener('scroll', saveScroll, { passive: true });
window.addEventListener('scroll', saveScroll, { passive: true });

window.addEventListener('message', (event: MessageEvent<unknown>) => {
	const message = event.data;
	if (!isToDiagramsWebview(message)) {
		return;
	}
	const typed: ToDiagramsWebview = message;
	switch (typed.type) {
		case 'showGallery':
			showGallery();
			break;
		case 'showDiagram':
			if (state.view === 'diagram' && state.id === typed.id) {
				// Already on screen: keep the user's zoom and scroll, just confirm.
				vscode.postMessage({ type: 'shown', id: typed.id });
			} else {
				showDiagram(typed.id);
			}
			break;
	}
});

// A saved state (hidden and shown again, or a window reload) wins over the page's initial view, which only
// describes what a brand-new panel should open on.
const knownIds = cards.map((c) => c.dataset.id ?? '');
const start: DiagramsViewState = parseViewState(vscode.getState(), knownIds)
	?? parseViewState(readJson<unknown>(document.body.dataset.initial), knownIds)
	?? { view: 'gallery' };
if (start.view === 'diagram') {
	showDiagram(start.id, start.zoom, { left: start.scrollLeft, top: start.scrollTop });
} else {
	showGallery(start.view === 'gallery' ? start.scrollTop : undefined);
}
vscode.postMessage({ type: 'ready' });
