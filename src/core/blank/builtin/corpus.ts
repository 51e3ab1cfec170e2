import { NgramCounts } from './ngram';
import { codeTokens, markdownToText, sentences, type Sentence } from './tokenize';

/** A text the builtin model learns from: a bundled note, a user's note, the open document, a code file. */
export interface CorpusDocument {
	/** A stable id (a URI string), used to leave the studied document out of the cached corpus. */
	readonly id: string;
	/** What the learner sees as the source of a supporting sentence, e.g. the note's title. */
	readonly title: string;
	readonly text: string;
	readonly format: 'markdown' | 'plaintext' | 'code';
}

export interface SourcedSentence extends Sentence {
	readonly source: string;
}

/** Word n-grams and sentences of prose documents. */
export class ProseCorpus {
	readonly counts = new NgramCounts();
	readonly sentences: SourcedSentence[] = [];

	constructor(documents: readonly CorpusDocument[]) {
		for (const doc of documents) {
			this.addText(doc.format === 'markdown' ? markdownToText(doc.text) : doc.text, doc.title);
		}
	}

	addText(text: string, source: string): void {
		for (const sentence of sentences(text)) {
			this.counts.add(sentence.words);
			this.sentences.push({ ...sentence, source });
		}
	}
}

export interface SourcedLine {
	readonly text: string;
	readonly tokens: readonly string[];
	readonly source: string;
}

/** Token n-grams and lines of code documents. Each file is one sequence: statements span lines. */
export class CodeCorpus {
	readonly counts = new NgramCounts();
	readonly lines: SourcedLine[] = [];

	constructor(documents: readonly CorpusDocument[]) {
		for (const doc of documents) {
			this.addText(doc.text, doc.title);
		}
	}

	addText(text: string, source: string): void {
		this.counts.add(codeTokens(text));
		for (const line of text.split('\n')) {
			const tokens = codeTokens(line);
			if (tokens.length > 0) {
				this.lines.push({ text: line.trim(), tokens, source });
			}
		}
	}
}
