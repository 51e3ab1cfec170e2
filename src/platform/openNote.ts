import * as vscode from 'vscode';

/**
 * Opens a note with the cursor and the view on a heading. `heading` is matched against ATX and setext
 * heading texts after stripping inline markup characters; `line` (0-based) wins when given. Used by the
 * notes tree, the glossary hover and the diagrams panel, so "open the note that explains X" behaves the same
 * everywhere.
 */
export async function openNoteAt(uri: vscode.Uri, target: { heading?: string; line?: number } = {}): Promise<vscode.TextEditor> {
	const document = await vscode.workspace.openTextDocument(uri);
	let line = target.line;
	if (line === undefined && target.heading) {
		line = findHeadingLine(document, target.heading);
	}
	const editor = await vscode.window.showTextDocument(document, { preview: false });
	if (line !== undefined && line >= 0 && line < document.lineCount) {
		const position = new vscode.Position(line, 0);
		editor.selection = new vscode.Selection(position, position);
		editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
	}
	return editor;
}

function normalize(text: string): string {
	return text.replace(/[*_`[\]]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

function findHeadingLine(document: vscode.TextDocument, heading: string): number | undefined {
	const wanted = normalize(heading);
	for (let i = 0; i < document.lineCount; i++) {
		const text = document.lineAt(i).text;
		const atx = /^ {0,3}#{1,6}\s+(.*?)(\s+#+\s*)?$/.exec(text);
		if (atx && normalize(atx[1]) === wanted) {
			return i;
		}
		// A setext heading is the text line above a `===` or `---` underline.
		if (i + 1 < document.lineCount && /^ {0,3}(=+|-+)\s*$/.test(document.lineAt(i + 1).text) && normalize(text) === wanted && text.trim() !== '') {
			return i;
		}
	}
	return undefined;
}
