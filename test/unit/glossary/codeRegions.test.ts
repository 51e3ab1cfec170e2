import * as assert from 'assert';
import { regionAt, scanCodeRegions, syntaxFor } from '../../../src/core/glossary/codeRegions';

/** `text` with every comment as C[...] and every string as S[...], to compare whole results at once. */
function mark(languageId: string, text: string): string {
	const syntax = syntaxFor(languageId);
	assert.ok(syntax, languageId);
	let out = '';
	let at = 0;
	for (const r of scanCodeRegions(text, syntax)) {
		out += `${text.slice(at, r.start)}${r.kind === 'comment' ? 'C' : 'S'}[${text.slice(r.start, r.end)}]`;
		at = r.end;
	}
	return out + text.slice(at);
}

describe('Glossary code regions', () => {
	it('finds comments and strings in TypeScript', () => {
		assert.strictEqual(
			mark('typescript', 'const a = "// no" + \'x\'; // prefill here\n/* block\nprefill */ f(`t ${x}`);'),
			'const a = S["// no"] + S[\'x\']; C[// prefill here]\nC[/* block\nprefill */] f(S[`t ${x}`]);',
		);
	});

	it('finds comments and strings in Python, shell and YAML', () => {
		// Triple-quoted strings hold docstrings, which are prose: they count as comments.
		assert.strictEqual(mark('python', 'x = "#no" # yes\n"""doc\nstring"""'), 'x = S["#no"] C[# yes]\nC["""doc\nstring"""]');
		assert.strictEqual(mark('shellscript', 'echo $# ${#a} # real comment'), 'echo $# ${#a} C[# real comment]');
		assert.strictEqual(mark('yaml', "key: it's # comment\nb: 'quoted' #c"), "key: it's C[# comment]\nb: S['quoted'] C[#c]");
	});

	it('knows Rust lifetimes from char literals, and Go raw strings', () => {
		assert.strictEqual(mark('rust', "fn f<'a>(x: &'a str) -> char { 'x' } // c"), "fn f<'a>(x: &'a str) -> char { S['x'] } C[// c]");
		assert.strictEqual(mark('go', 'x := `raw // not\n` // yes'), 'x := S[`raw // not\n`] C[// yes]');
	});

	it('ends an unterminated string at the line end and an unterminated comment at the file end', () => {
		assert.strictEqual(mark('c', 'char *s = "open\nint x; /* open'), 'char *s = S["open]\nint x; C[/* open]');
	});

	it('covers the listed languages and no others', () => {
		for (const id of ['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python', 'java', 'c', 'cpp', 'csharp', 'go', 'rust', 'shellscript', 'yaml']) {
			assert.ok(syntaxFor(id), id);
		}
		assert.strictEqual(syntaxFor('markdown'), undefined);
	});

	it('finds the region at an offset by binary search', () => {
		const text = 'a // one\nb /* two */ c "three"';
		const regions = scanCodeRegions(text, syntaxFor('javascript') ?? { lineComments: [], blockComments: [], strings: [] });
		assert.strictEqual(regionAt(regions, text.indexOf('one'))?.kind, 'comment');
		assert.strictEqual(regionAt(regions, text.indexOf('two'))?.kind, 'comment');
		assert.strictEqual(regionAt(regions, text.indexOf('three'))?.kind, 'string');
		assert.strictEqual(regionAt(regions, text.indexOf('b')), undefined);
		assert.strictEqual(regionAt(regions, text.indexOf('c "')), undefined);
	});
});
