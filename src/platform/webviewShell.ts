import * as vscode from 'vscode';

export interface WebviewShellOptions {
	/** The page title, plain text (escaped here). */
	readonly title: string;
	/** Stylesheets inside the webview's `localResourceRoots`. */
	readonly styles: readonly vscode.Uri[];
	/** The one script of the page, inside the webview's `localResourceRoots`. */
	readonly script: vscode.Uri;
	/** Static markup of the body that the script fills in; never text from a note, a file or a model. */
	readonly body: string;
}

/**
 * The HTML of a webview whose content is drawn by its script: a fresh nonce per render, and a Content Security
 * Policy that allows nothing by default, the script only by that nonce, and styles, images and fonts only from
 * the extension's own resources.
 */
export function webviewShell(webview: vscode.Webview, options: WebviewShellOptions): string {
	const nonce = crypto.randomUUID().replace(/-/g, '');
	const source = webview.cspSource;
	const csp = `default-src 'none'; style-src ${source}; img-src ${source}; font-src ${source}; script-src 'nonce-${nonce}';`;
	const styles = options.styles.map((uri) => `<link rel="stylesheet" href="${escapeAttribute(webview.asWebviewUri(uri).toString())}">`).join('\n');
	return `<!DOCTYPE html>
<html lang="${escapeAttribute(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<title>${escapeAttribute(options.title)}</title>
</head>
<body>
${options.body}
<script nonce="${nonce}" src="${escapeAttribute(webview.asWebviewUri(options.script).toString())}"></script>
</body>
</html>`;
}

export function escapeAttribute(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
