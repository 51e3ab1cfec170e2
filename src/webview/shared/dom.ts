/**
 * Creates an element with an optional class and text. Text always goes in as `textContent`, never as markup,
 * so nothing from a note, a document or a model can become HTML this way.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) {
		node.className = className;
	}
	if (text !== undefined) {
		node.textContent = text;
	}
	return node;
}
