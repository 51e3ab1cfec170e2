import * as assert from 'assert';
import { parseXml, XmlElement, XmlError } from '../../../src/core/diagrams/xml';

function shape(element: XmlElement): unknown {
	return {
		name: element.name,
		attributes: Object.fromEntries(element.attributes),
		children: element.children.map((c) => (c.kind === 'text' ? c.text : shape(c))),
	};
}

function rejects(source: string, pattern: RegExp): void {
	assert.throws(() => parseXml(source), (e: unknown) => e instanceof XmlError && pattern.test(e.message), source);
}

describe('diagrams xml reader', () => {
	it('reads elements, attributes, text, entities, comments and CDATA', () => {
		const root = parseXml('<?xml version="1.0"?>\n<!-- top -->\n<a x="1" y=\'two &amp; &#51;\'><b/>t &lt;&#x41;&gt;<![CDATA[<raw>]]><!-- in --><c k="v">w</c></a>\n');
		assert.deepStrictEqual(shape(root), {
			name: 'a',
			attributes: { x: '1', y: 'two & 3' },
			children: [{ name: 'b', attributes: {}, children: [] }, 't <A><raw>', { name: 'c', attributes: { k: 'v' }, children: ['w'] }],
		});
	});

	it('normalises whitespace in attribute values and records lines', () => {
		const root = parseXml('<a\n  d="M 0 0\n  L 1 1">\n<b/></a>');
		assert.strictEqual(root.attributes.get('d'), 'M 0 0   L 1 1');
		assert.strictEqual(parseXml('<a x=\'say "hi"\' y="it\'s"/>').attributes.get('x'), 'say "hi"');
		assert.strictEqual(parseXml('<a x=\'say "hi"\' y="it\'s"/>').attributes.get('y'), 'it\'s');
		const b = root.children.find((c) => c.kind === 'element');
		assert.ok(b && b.kind === 'element');
		assert.strictEqual(b.line, 4);
	});

	it('rejects what is not well-formed', () => {
		rejects('<a><b></a>', /does not close/);
		rejects('<a>', /never closed/);
		rejects('<a x=1/>', /quoted/);
		rejects('<a x="1" x="2"/>', /duplicate attribute/);
		rejects('<a x="<"/>', /not allowed in an attribute/);
		rejects('<a>&nbsp;</a>', /unknown entity/);
		rejects('<a>AT&T</a>', /entity/);
		rejects('<a/><b/>', /after the root/);
		rejects('text', /root element/);
		rejects('<!DOCTYPE svg [<!ENTITY x "y">]><svg/>', /DOCTYPE/);
		rejects('<a><!-- a -- b --></a>', /comment/);
		rejects('<a>&#0;</a>', /invalid character/);
		rejects('<a b="1"c="2"/>', /whitespace/);
		rejects('', /root element/);
	});

	it('reports the line and column of a problem', () => {
		try {
			parseXml('<a>\n  <b>\n</a>');
			assert.fail('should have thrown');
		} catch (e) {
			assert.ok(e instanceof XmlError);
			assert.deepStrictEqual([e.line, e.column], [3, 4]);
		}
	});
});
