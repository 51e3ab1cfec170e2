/**
 * A small, strict XML reader for our own SVG files. It accepts the subset a hand-written SVG uses (declaration,
 * comments, elements, attributes, text, character and the five predefined entity references, CDATA) and rejects
 * everything else, a DOCTYPE in particular: with no DTD there is no entity expansion to worry about. We read the
 * diagrams ourselves rather than adding a parser dependency because the subset is small and the checks that
 * matter (what may appear in a webview) are ours to define anyway.
 */

export interface XmlElement {
	readonly kind: 'element';
	readonly name: string;
	/** Attributes in document order; names are unique (checked). */
	readonly attributes: ReadonlyMap<string, string>;
	readonly children: readonly XmlNode[];
	/** 1-based line of the start tag, for messages. */
	readonly line: number;
}

export interface XmlText {
	readonly kind: 'text';
	/** The text with entity references resolved. */
	readonly text: string;
}

export type XmlNode = XmlElement | XmlText;

export class XmlError extends Error {
	constructor(message: string, readonly line: number, readonly column: number) {
		super(`${message} (line ${line}, column ${column})`);
		this.name = 'XmlError';
	}
}

const NAME = /[A-Za-z_][\w.:-]*/y;
/** A run of plain text: anything up to the next markup, reference or possible ']]>'. */
const TEXT_RUN = /[^<&\]]+/y;
const ATTRIBUTE_RUN = /[^<&"'\t\n\r]+/y;
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'' };

/** Parses one document; throws `XmlError` on anything that is not well-formed. */
export function parseXml(source: string): XmlElement {
	return new Reader(source).document();
}

class Reader {
	private _pos = 0;
	/** Offsets where lines start, built once, so that line numbers cost a binary search. */
	private readonly _lineStarts: number[] = [0];

	constructor(private readonly _src: string) {
		for (let i = _src.indexOf('\n'); i >= 0; i = _src.indexOf('\n', i + 1)) {
			this._lineStarts.push(i + 1);
		}
	}

	document(): XmlElement {
		if (this._src.charCodeAt(0) === 0xfeff) {
			this._pos = 1;
		}
		if (this._src.startsWith('<?xml', this._pos)) {
			this._skipPast('?>', 'unterminated XML declaration');
		}
		this._misc();
		if (!this._src.startsWith('<', this._pos) || this._src.startsWith('</', this._pos)) {
			this._fail('expected the root element');
		}
		const root = this._element();
		this._misc();
		if (this._pos < this._src.length) {
			this._fail('content after the root element');
		}
		return root;
	}

	/** Whitespace, comments and processing instructions between top-level items. */
	private _misc(): void {
		for (; ;) {
			this._skipSpace();
			if (this._src.startsWith('<!--', this._pos)) {
				this._comment();
			} else if (this._src.startsWith('<!DOCTYPE', this._pos) || this._src.startsWith('<!doctype', this._pos)) {
				this._fail('a DOCTYPE is not allowed');
			} else if (this._src.startsWith('<?', this._pos)) {
				this._skipPast('?>', 'unterminated processing instruction');
			} else {
				return;
			}
		}
	}

	private _element(): XmlElement {
		const line = this._line(this._pos);
		this._pos++; // '<'
		const name = this._name('element name');
		const attributes = new Map<string, string>();
		for (; ;) {
			const hadSpace = this._skipSpace();
			if (this._src.startsWith('/>', this._pos)) {
				this._pos += 2;
				return { kind: 'element', name, attributes, children: [], line };
			}
			if (this._src.startsWith('>', this._pos)) {
				this._pos++;
				break;
			}
			if (!hadSpace) {
				this._fail(`expected whitespace, '>' or '/>' in <${name}>`);
			}
			const attr = this._name('attribute name');
			if (attributes.has(attr)) {
				this._fail(`duplicate attribute '${attr}' on <${name}>`);
			}
			this._skipSpace();
			this._expect('=');
			this._skipSpace();
			attributes.set(attr, this._attributeValue());
		}
		const children: XmlNode[] = [];
		let text = '';
		const flush = (): void => {
			if (text) {
				children.push({ kind: 'text', text });
				text = '';
			}
		};
		for (; ;) {
			if (this._pos >= this._src.length) {
				this._fail(`<${name}> is never closed`);
			}
			const c = this._src[this._pos];
			if (c === '<') {
				if (this._src.startsWith('</', this._pos)) {
					flush();
					this._pos += 2;
					const closing = this._name('closing tag name');
					if (closing !== name) {
						this._fail(`</${closing}> does not close <${name}> (opened on line ${line})`);
					}
					this._skipSpace();
					this._expect('>');
					return { kind: 'element', name, attributes, children, line };
				} else if (this._src.startsWith('<!--', this._pos)) {
					this._comment();
				} else if (this._src.startsWith('<![CDATA[', this._pos)) {
					const end = this._src.indexOf(']]>', this._pos);
					if (end < 0) {
						this._fail('unterminated CDATA section');
					}
					text += this._src.slice(this._pos + 9, end);
					this._pos = end + 3;
				} else if (this._src.startsWith('<?', this._pos)) {
					this._skipPast('?>', 'unterminated processing instruction');
				} else if (this._src.startsWith('<!', this._pos)) {
					this._fail('markup declarations are not allowed');
				} else {
					flush();
					children.push(this._element());
				}
			} else if (c === '&') {
				text += this._reference();
			} else if (c === ']') {
				if (this._src.startsWith(']]>', this._pos)) {
					this._fail('\']]>\' is not allowed in text');
				}
				text += c;
				this._pos++;
			} else {
				TEXT_RUN.lastIndex = this._pos;
				const run = TEXT_RUN.exec(this._src);
				const chunk = run ? run[0] : c;
				text += chunk;
				this._pos += chunk.length;
			}
		}
	}

	private _attributeValue(): string {
		const quote = this._src[this._pos];
		if (quote !== '"' && quote !== '\'') {
			this._fail('attribute values must be quoted');
		}
		this._pos++;
		let value = '';
		for (; ;) {
			if (this._pos >= this._src.length) {
				this._fail('unterminated attribute value');
			}
			const c = this._src[this._pos];
			if (c === quote) {
				this._pos++;
				return value;
			}
			if (c === '<') {
				this._fail('\'<\' is not allowed in an attribute value');
			}
			if (c === '&') {
				value += this._reference();
			} else if (c === '\t' || c === '\n' || c === '\r' || c === '"' || c === '\'') {
				// Attribute-value normalisation: whitespace characters become spaces. (The other quote is literal.)
				value += c === '"' || c === '\'' ? c : ' ';
				this._pos++;
			} else {
				ATTRIBUTE_RUN.lastIndex = this._pos;
				const run = ATTRIBUTE_RUN.exec(this._src);
				const chunk = run ? run[0] : c;
				value += chunk;
				this._pos += chunk.length;
			}
		}
	}

	private _reference(): string {
		const end = this._src.indexOf(';', this._pos);
		if (end < 0 || end - this._pos > 12) {
			this._fail('\'&\' must start an entity reference such as &amp;');
		}
		const body = this._src.slice(this._pos + 1, end);
		let resolved: string | undefined;
		if (/^#x[0-9a-fA-F]+$/.test(body)) {
			resolved = this._codePoint(parseInt(body.slice(2), 16));
		} else if (/^#[0-9]+$/.test(body)) {
			resolved = this._codePoint(parseInt(body.slice(1), 10));
		} else {
			resolved = PREDEFINED[body];
		}
		if (resolved === undefined) {
			this._fail(`unknown entity '&${body};'`);
		}
		this._pos = end + 1;
		return resolved;
	}

	private _codePoint(n: number): string {
		if (n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) {
			this._fail(`invalid character reference ${n}`);
		}
		return String.fromCodePoint(n);
	}

	private _comment(): void {
		const end = this._src.indexOf('-->', this._pos + 4);
		if (end < 0) {
			this._fail('unterminated comment');
		}
		if (this._src.slice(this._pos + 4, end).includes('--')) {
			this._fail('\'--\' is not allowed inside a comment');
		}
		this._pos = end + 3;
	}

	private _name(what: string): string {
		NAME.lastIndex = this._pos;
		const match = NAME.exec(this._src);
		if (!match) {
			this._fail(`expected ${what}`);
		}
		this._pos += match[0].length;
		return match[0];
	}

	private _expect(text: string): void {
		if (!this._src.startsWith(text, this._pos)) {
			this._fail(`expected '${text}'`);
		}
		this._pos += text.length;
	}

	private _skipSpace(): boolean {
		const start = this._pos;
		for (; this._pos < this._src.length; this._pos++) {
			const code = this._src.charCodeAt(this._pos);
			if (code !== 32 && code !== 9 && code !== 10 && code !== 13) {
				break;
			}
		}
		return this._pos > start;
	}

	private _skipPast(end: string, message: string): void {
		const at = this._src.indexOf(end, this._pos);
		if (at < 0) {
			this._fail(message);
		}
		this._pos = at + end.length;
	}

	private _line(pos: number): number {
		let low = 0;
		let high = this._lineStarts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (this._lineStarts[mid] <= pos) {
				low = mid;
			} else {
				high = mid - 1;
			}
		}
		return low + 1;
	}

	private _fail(message: string): never {
		const line = this._line(this._pos);
		throw new XmlError(message, line, this._pos - this._lineStarts[line - 1] + 1);
	}
}
