import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DIAGRAMS } from '../../../src/core/diagrams/catalog';
import { checkDiagramSvg, classesOf, textOf } from '../../../src/core/diagrams/svgSafety';
import type { XmlElement } from '../../../src/core/diagrams/xml';

/** Static checks of the shipped drawings, the catalog, the panel stylesheet and the notes that link them. */
const root = path.resolve(__dirname, '../../../..');
const diagramsDir = path.join(root, 'media', 'diagrams');
const notesDir = path.join(root, 'notes');

const svgFiles = fs.readdirSync(diagramsDir).filter((f) => f.endsWith('.svg')).sort();
const parsed = new Map<string, XmlElement>();
for (const file of svgFiles) {
	const { root: element } = checkDiagramSvg(fs.readFileSync(path.join(diagramsDir, file), 'utf8'));
	if (element) {
		parsed.set(file, element);
	}
}

function styleOf(element: XmlElement): string {
	const style = element.children.find((c): c is XmlElement => c.kind === 'element' && c.name === 'style');
	return style ? textOf(style) : '';
}

/** Class names a stylesheet gives rules to, optionally only those under a scope such as `.diagram`. */
function styledClasses(css: string, scope = ''): Set<string> {
	const pattern = new RegExp(`${scope.replace('.', '\\.')}\\s*\\.([A-Za-z][\\w-]*)`, 'g');
	return new Set(Array.from(css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(pattern), (m) => m[1]));
}

function noteFiles(): string[] {
	return fs.existsSync(notesDir) ? fs.readdirSync(notesDir).filter((f) => f.endsWith('.md')).sort() : [];
}

function headingsOf(markdown: string): string[] {
	const normalize = (t: string): string => t.replace(/[*_`[\]]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
	return markdown.split('\n').flatMap((line) => {
		const atx = /^ {0,3}#{1,6}\s+(.*?)(\s+#+\s*)?$/.exec(line);
		return atx ? [normalize(atx[1])] : [];
	});
}

describe('diagrams: the shipped files', () => {
	it('the catalog and media/diagrams/ list the same eight diagrams', () => {
		assert.strictEqual(DIAGRAMS.length, 8);
		assert.deepStrictEqual(DIAGRAMS.map((d) => `${d.id}.svg`).sort(), svgFiles);
		assert.strictEqual(new Set(DIAGRAMS.map((d) => d.id)).size, DIAGRAMS.length, 'ids are unique');
	});

	it('every diagram is well-formed, has a title and a description, and passes the safety check', () => {
		for (const file of svgFiles) {
			const { problems } = checkDiagramSvg(fs.readFileSync(path.join(diagramsDir, file), 'utf8'));
			assert.deepStrictEqual(problems, [], file);
		}
	});

	it('no diagram contains script, foreignObject, event attributes or external URLs (raw text scan)', () => {
		// A second, independent look at the bytes, in case the parser and the check ever share a blind spot.
		for (const file of svgFiles) {
			const text = fs.readFileSync(path.join(diagramsDir, file), 'utf8');
			assert.ok(!/<\s*script/i.test(text), `${file}: script`);
			assert.ok(!/foreignObject/i.test(text), `${file}: foreignObject`);
			assert.ok(!/\son[a-z]+\s*=/i.test(text), `${file}: event attribute`);
			assert.ok(!/href\s*=/i.test(text), `${file}: href`);
			assert.ok(!/url\s*\(\s*['"]?(https?:|\/\/)/i.test(text), `${file}: url(http...)`);
			assert.ok(!/@import/i.test(text), `${file}: @import`);
			const urls = text.match(/https?:\/\/[^\s"'<>)]+/g) ?? [];
			assert.deepStrictEqual(urls.filter((u) => u !== 'http://www.w3.org/2000/svg'), [], `${file}: only the SVG namespace may be a URL`);
		}
	});

	it('the title of each drawing is its catalog title', () => {
		for (const d of DIAGRAMS) {
			const element = parsed.get(`${d.id}.svg`);
			assert.ok(element, d.id);
			const title = element.children.find((c): c is XmlElement => c.kind === 'element' && c.name === 'title');
			assert.ok(title && textOf(title).startsWith(d.title), `${d.id}: <title> should start with "${d.title}"`);
		}
	});

	it('all drawings share one internal stylesheet, and it styles every class they use', () => {
		const styles = new Set(Array.from(parsed.values(), styleOf));
		assert.strictEqual(styles.size, 1, 'the <style> blocks differ between drawings; keep them identical');
		const styled = styledClasses([...styles][0]);
		for (const [file, element] of parsed) {
			const missing = [...classesOf(element)].filter((c) => !styled.has(c));
			assert.deepStrictEqual(missing, [], `${file} uses classes its <style> does not define`);
		}
	});

	it('the shared diagram theme styles every class the drawings use, under .diagram', () => {
		const css = fs.readFileSync(path.join(root, 'media', 'diagrams', 'theme.css'), 'utf8');
		const styled = styledClasses(css, '.diagram');
		for (const [file, element] of parsed) {
			const missing = [...classesOf(element)].filter((c) => !styled.has(c));
			assert.deepStrictEqual(missing, [], `${file} uses classes media/diagrams/theme.css does not style`);
		}
	});

	it('each catalog entry points at a note and a heading that exist', () => {
		for (const d of DIAGRAMS) {
			const file = path.join(root, d.note);
			assert.ok(fs.existsSync(file), `${d.id}: ${d.note} does not exist`);
			const wanted = d.heading.replace(/\s+/g, ' ').trim().toLowerCase();
			assert.ok(headingsOf(fs.readFileSync(file, 'utf8')).includes(wanted), `${d.id}: no heading "${d.heading}" in ${d.note}`);
		}
	});

	it('every diagram is linked from at least one note, and every diagram link in the notes resolves', () => {
		const linked = new Set<string>();
		const broken: string[] = [];
		for (const file of noteFiles()) {
			const text = fs.readFileSync(path.join(notesDir, file), 'utf8');
			// Markdown links and images, and HTML src/href, whose target mentions media/diagrams/.
			for (const match of text.matchAll(/(?:\]\(\s*<?|(?:src|href)\s*=\s*["'])([^)\s>"']*media\/diagrams\/[^)\s>"']*)/g)) {
				const target = match[1].replace(/[?#].*$/, '');
				const resolved = path.resolve(notesDir, decodeURIComponent(target));
				if (fs.existsSync(resolved) && path.dirname(resolved) === diagramsDir) {
					linked.add(path.basename(resolved));
				} else {
					broken.push(`${file}: ${match[1]}`);
				}
			}
		}
		assert.deepStrictEqual(broken, [], 'diagram links in notes that do not resolve');
		assert.deepStrictEqual(svgFiles.filter((f) => !linked.has(f)), [], 'diagrams no note links to');
	});

	it('each diagram is linked from the note the catalog names', () => {
		for (const d of DIAGRAMS) {
			const text = fs.readFileSync(path.join(root, d.note), 'utf8');
			assert.ok(text.includes(`media/diagrams/${d.id}.svg`), `${d.note} does not link ${d.id}.svg`);
		}
	});
});
