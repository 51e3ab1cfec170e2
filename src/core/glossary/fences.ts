/**
 * Follows fenced code blocks line by line, so that `## lines` and `**Term**: lines` inside code are never taken
 * for glossary entries, headings or definitions.
 */
export class FenceTracker {
	private _fence: string | undefined;

	/** `open` for a line that opens a fence, `inside` for lines in one (its closing line too), else `undefined`. */
	step(line: string): 'open' | 'inside' | undefined {
		const match = /^ {0,3}(`{3,}|~{3,})/.exec(line);
		if (this._fence !== undefined) {
			if (match && match[1][0] === this._fence[0] && match[1].length >= this._fence.length) {
				this._fence = undefined;
			}
			return 'inside';
		}
		if (match) {
			this._fence = match[1];
			return 'open';
		}
		return undefined;
	}
}
