import { parseXml, XmlElement, XmlError, XmlNode } from './xml';

/**
 * What a diagram SVG may contain. The diagrams are inlined into a webview (so that they follow the theme's colours)
 * and shown by GitHub and browsers, so they are held to an allowlist: drawing elements only, no script, no
 * `foreignObject`, no event attributes, no links, no external references of any kind. The same check runs in the
 * static tests and, before inlining, in the extension.
 */
const ELEMENTS = new Set([
	'svg', 'title', 'desc', 'style', 'g', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'path', 'text', 'tspan',
]);

const ATTRIBUTES = new Set([
	'xmlns', 'viewBox', 'width', 'height', 'role', 'aria-labelledby', 'aria-label', 'aria-hidden', 'id', 'class',
	'transform', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'd', 'points', 'dx', 'dy',
	'text-anchor', 'dominant-baseline', 'font-weight', 'font-size', 'fill', 'stroke', 'stroke-width', 'stroke-dasharray',
	'opacity', 'fill-opacity', 'xml:space',
]);

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

export interface SvgCheck {
	/** Human-readable problems; empty when the SVG may be shown. */
	readonly problems: readonly string[];
	/** The parsed document when it was well-formed. */
	readonly root?: XmlElement;
}

export function checkDiagramSvg(source: string): SvgCheck {
	let root: XmlElement;
	try {
		root = parseXml(source);
	} catch (e) {
		return { problems: [e instanceof XmlError ? `not well-formed XML: ${e.message}` : String(e)] };
	}
	const problems: string[] = [];
	if (root.name !== 'svg') {
		problems.push(`the root element is <${root.name}>, not <svg>`);
	}
	if (root.attributes.get('xmlns') !== SVG_NAMESPACE) {
		problems.push(`the root element must declare xmlns="${SVG_NAMESPACE}"`);
	}
	if (!/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/.test(root.attributes.get('viewBox') ?? '')) {
		problems.push('the root element needs a viewBox="0 0 W H"');
	}
	for (const name of ['title', 'desc']) {
		const child = root.children.find((c): c is XmlElement => c.kind === 'element' && c.name === name);
		if (!child || textOf(child).trim() === '') {
			problems.push(`the root element needs a non-empty <${name}> child`);
		}
	}
	walk(root, problems);
	return { problems, root };
}

function walk(element: XmlElement, problems: string[]): void {
	const where = `<${element.name}> on line ${element.line}`;
	const local = element.name.toLowerCase();
	if (local === 'script' || local.endsWith(':script')) {
		problems.push(`${where}: scripts are not allowed`);
	} else if (local === 'foreignobject' || local.endsWith(':foreignobject')) {
		problems.push(`${where}: foreignObject is not allowed`);
	} else if (!ELEMENTS.has(element.name)) {
		problems.push(`${where}: element not in the allowlist`);
	}
	for (const [name, value] of element.attributes) {
		if (/^on/i.test(name)) {
			problems.push(`${where}: event attribute '${name}' is not allowed`);
		} else if (/(^|:)href$/i.test(name)) {
			problems.push(`${where}: '${name}' is not allowed (no links or external references)`);
		} else if (name === 'style') {
			problems.push(`${where}: use a class instead of a style attribute (the panel's CSP blocks inline styles)`);
		} else if (!ATTRIBUTES.has(name)) {
			problems.push(`${where}: attribute '${name}' is not in the allowlist`);
		}
		if (name !== 'xmlns' && hasExternalReference(value)) {
			problems.push(`${where}: '${name}' refers to something outside the file`);
		}
	}
	if (element.name === 'style') {
		const css = textOf(element);
		if (/@import/i.test(css)) {
			problems.push(`${where}: @import is not allowed`);
		}
		if (/url\s*\(/i.test(css) || /\\/.test(css)) {
			problems.push(`${where}: url() and CSS escapes are not allowed in styles`);
		}
	}
	for (const child of element.children) {
		if (child.kind === 'element') {
			walk(child, problems);
		}
	}
}

function hasExternalReference(value: string): boolean {
	return /\b(https?|ftp|file|data|javascript):/i.test(value) || /url\s*\(\s*['"]?(?!#)/i.test(value) || /^\s*\/\//.test(value);
}

export function textOf(element: XmlElement): string {
	return element.children.map((c) => (c.kind === 'text' ? c.text : textOf(c))).join('');
}

/** The CSS classes an SVG uses, for the check that the panel's stylesheet styles all of them. */
export function classesOf(element: XmlElement, into = new Set<string>()): Set<string> {
	for (const name of (element.attributes.get('class') ?? '').split(/\s+/)) {
		if (name) {
			into.add(name);
		}
	}
	for (const child of element.children) {
		if (child.kind === 'element') {
			classesOf(child, into);
		}
	}
	return into;
}

export interface InlineOptions {
	/** Hidden from screen readers, for a thumbnail next to its own title. */
	readonly decorative?: boolean;
}

/**
 * Serialises a checked SVG for inlining in the panel's HTML. Only allowlisted elements and attributes are written,
 * every value is escaped, and the `<style>` is dropped: in the panel the CSP allows no inline styles, and
 * `media/diagrams/theme.css` styles the same classes with the theme's colours instead. `id`s are dropped too, since
 * one page shows the same drawing twice (thumbnail and full size). The title becomes the accessible name.
 */
export function toInlineSvg(root: XmlElement, options: InlineOptions = {}): string {
	const title = root.children.find((c): c is XmlElement => c.kind === 'element' && c.name === 'title');
	const attributes = [`viewBox="${escapeAttribute(root.attributes.get('viewBox') ?? '')}"`];
	if (options.decorative) {
		attributes.push('aria-hidden="true"');
	} else {
		attributes.push('role="img"', `aria-label="${escapeAttribute(title ? textOf(title).trim() : '')}"`);
	}
	const body = root.children.map((c) => serialize(c, true)).join('');
	return `<svg ${attributes.join(' ')}>${body}</svg>`;
}

const DROPPED_ATTRIBUTES = new Set(['id', 'aria-labelledby', 'xmlns', 'style']);

function serialize(node: XmlNode, topLevel: boolean): string {
	if (node.kind === 'text') {
		return escapeText(node.text);
	}
	if (!ELEMENTS.has(node.name) || node.name === 'style' || node.name === 'svg' || (topLevel && node.name === 'title')) {
		return '';
	}
	let out = `<${node.name}`;
	for (const [name, value] of node.attributes) {
		if (ATTRIBUTES.has(name) && !DROPPED_ATTRIBUTES.has(name) && !/^on/i.test(name) && !hasExternalReference(value)) {
			out += ` ${name}="${escapeAttribute(value)}"`;
		}
	}
	return `${out}>${node.children.map((c) => serialize(c, false)).join('')}</${node.name}>`;
}

export function escapeText(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
	return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
