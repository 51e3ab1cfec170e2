import { CodeCorpus, ProseCorpus, type CorpusDocument } from './corpus';
import { predictCode, supportingLines, tokenContext } from './code';
import { codePrior } from './codePrior';
import { explainPrediction } from './explain';
import { NgramModel } from './ngram';
import { predictProse, supportingSentences, wordContext } from './prose';
import { codeTokens, isIdentifier } from './tokenize';

/** The glossary seam: the definition of a term, when the candidate is one. */
export interface GlossaryDefinition {
	readonly term: string;
	readonly definition: string;
	readonly source?: string;
}
export type GlossaryLookup = (text: string) => GlossaryDefinition | undefined;

export interface Evidence {
	readonly text: string;
	readonly source: string;
}

export interface BuiltinCandidate {
	readonly text: string;
	readonly probability: number;
	readonly evidence: readonly Evidence[];
	readonly definition?: GlossaryDefinition;
	/** The longest context phrase (one or two words) the candidate was seen right after, and how often. */
	readonly leftMatch: ContextMatch;
	/** The same for the phrase right after the blank. */
	readonly rightMatch: ContextMatch;
}

export interface ContextMatch {
	readonly phrase: string;
	readonly count: number;
}

export interface BuiltinPrediction {
	readonly kind: 'prose' | 'code';
	/** Best first; at most three (the fill and two alternatives). */
	readonly candidates: readonly BuiltinCandidate[];
	/** Markdown built from the evidence. */
	readonly explanation: string;
	readonly left: readonly string[];
	readonly right: readonly string[];
}

export interface BuiltinInput {
	/** Text before and after the blank; the hidden original is never given to the model. */
	readonly before: string;
	readonly after: string;
	readonly languageId: string;
	/** The studied document's id, left out of the cached corpus because its masked text is used instead. */
	readonly documentId?: string;
	readonly documentTitle?: string;
	/** Workspace files of the same language (code only). */
	readonly sameLanguageFiles?: readonly CorpusDocument[];
}

const PROSE_LANGUAGES = new Set(['markdown', 'plaintext', 'latex', 'restructuredtext', 'asciidoc', 'org', 'text', 'mdx', '']);

export function isProseLanguage(languageId: string): boolean {
	return PROSE_LANGUAGES.has(languageId);
}

/**
 * The builtin offline masked language model. Deterministic: the same notes and input always give the same
 * candidates. The notes corpus is counted once per instance; the studied document is counted per call,
 * as two separate sequences (before and after the blank) so no n-gram spans the hidden text.
 */
export class BuiltinModel {
	private readonly _proseByExclusion = new Map<string, ProseCorpus>();
	private readonly _codeCache = new Map<string, { text: string; corpus: CodeCorpus }>();

	constructor(private readonly _notes: readonly CorpusDocument[], private readonly _glossary?: GlossaryLookup) {}

	predict(input: BuiltinInput): BuiltinPrediction {
		return isProseLanguage(input.languageId) ? this._predictProse(input) : this._predictCode(input);
	}

	private _proseCorpus(excludeId: string | undefined): ProseCorpus {
		const key = excludeId && this._notes.some((n) => n.id === excludeId) ? excludeId : '';
		let corpus = this._proseByExclusion.get(key);
		if (!corpus) {
			corpus = new ProseCorpus(this._notes.filter((n) => n.id !== key));
			this._proseByExclusion.set(key, corpus);
		}
		return corpus;
	}

	private _predictProse(input: BuiltinInput): BuiltinPrediction {
		const notes = this._proseCorpus(input.documentId);
		const title = input.documentTitle ?? 'this document';
		const format = input.languageId === 'markdown' || input.languageId === 'mdx' ? 'markdown' : 'plaintext';
		const studied = new ProseCorpus([
			{ id: 'before', title, text: input.before, format },
			{ id: 'after', title, text: input.after, format },
		]);
		const model = new NgramModel([notes.counts, studied.counts]);
		const context = wordContext(input.before, input.after);
		const ranked = keepLikely(predictProse(model, context));
		const startsSentence = context.left[1] === '<s>';
		const candidates = ranked.map((r): BuiltinCandidate => {
			const text = startsSentence ? capitalize(r.words.join(' ')) : r.words.join(' ');
			const evidence = [...supportingSentences(notes, r.words, context), ...supportingSentences(studied, r.words, context)]
				.slice(0, 2)
				.map((s) => ({ text: s.text, source: s.source }));
			return {
				text,
				probability: r.probability,
				evidence,
				definition: this._glossary?.(r.words.join(' ')),
				...contextMatches(model, context.left, r.words, context.right, ' '),
			};
		});
		return this._finish('prose', candidates, context.left, context.right);
	}

	private _predictCode(input: BuiltinInput): BuiltinPrediction {
		const files = (input.sameLanguageFiles ?? []).filter((f) => f.id !== input.documentId);
		const corpora = files.map((f) => this._codeCorpus(f));
		const prior = codePrior(input.languageId);
		const priorCorpus = this._codeCorpus({ id: `prior:${input.languageId}`, title: 'common idioms', text: prior, format: 'code' });
		const title = input.documentTitle ?? 'this document';
		const studied = new CodeCorpus([
			{ id: 'before', title, text: input.before, format: 'code' },
			{ id: 'after', title, text: input.after, format: 'code' },
		]);
		const model = new NgramModel([studied.counts, ...corpora.map((c) => c.counts), priorCorpus.counts]);
		const context = tokenContext(input.before, input.after);
		const identifiers = new Set([...codeTokens(input.before), ...codeTokens(input.after)].filter(isIdentifier));
		const ranked = keepLikely(predictCode(model, context, identifiers));
		const candidates = ranked.map((r): BuiltinCandidate => {
			const token = r.words[0];
			const evidence = [studied, ...corpora, priorCorpus]
				.flatMap((c) => supportingLines(c, token, context))
				.slice(0, 2)
				.map((l) => ({ text: l.text, source: l.source }));
			return {
				text: token,
				probability: r.probability,
				evidence,
				definition: this._glossary?.(token),
				...contextMatches(model, context.left, r.words, context.right, ''),
			};
		});
		return this._finish('code', candidates, context.left, context.right);
	}

	private _finish(kind: 'prose' | 'code', candidates: BuiltinCandidate[], left: readonly string[], right: readonly string[]): BuiltinPrediction {
		return { kind, candidates, explanation: explainPrediction(kind, candidates, left, right), left, right };
	}

	private _codeCorpus(doc: CorpusDocument): CodeCorpus {
		const cached = this._codeCache.get(doc.id);
		if (cached && cached.text === doc.text) {
			return cached.corpus;
		}
		const corpus = new CodeCorpus([doc]);
		this._codeCache.set(doc.id, { text: doc.text, corpus });
		return corpus;
	}
}

/** The best candidate and up to two alternatives that have at least half a percent: "0%" teaches nothing. */
function keepLikely<T extends { probability: number }>(ranked: readonly T[]): T[] {
	return ranked.slice(0, 3).filter((r, i) => i === 0 || r.probability >= 0.005);
}

/** Prefers the two-word phrase on each side when the candidate was seen with it, else the one word. */
function contextMatches(model: NgramModel, left: readonly string[], fill: readonly string[], right: readonly string[], join: string): { leftMatch: ContextMatch; rightMatch: ContextMatch } {
	const first = fill[0];
	const last = fill[fill.length - 1];
	const [l2, l1] = left;
	const [r1, r2] = right;
	const real = (t: string): boolean => t !== '<s>' && t !== '</s>';
	const leftTri = real(l2) && real(l1) ? model.trigram(l2, l1, first) : 0;
	const rightTri = real(r1) && real(r2) ? model.trigram(last, r1, r2) : 0;
	return {
		leftMatch: leftTri > 0 ? { phrase: joinTokens(l2, l1, join), count: leftTri } : { phrase: real(l1) ? l1 : '', count: real(l1) ? model.bigram(l1, first) : 0 },
		rightMatch: rightTri > 0 ? { phrase: joinTokens(r1, r2, join), count: rightTri } : { phrase: real(r1) ? r1 : '', count: real(r1) ? model.bigram(last, r1) : 0 },
	};
}

/** Words join with a space; code tokens only where a reader would put one (`items.`, `; i`). */
function joinTokens(a: string, b: string, join: string): string {
	if (join === ' ') {
		return `${a} ${b}`;
	}
	const word = /^[\w$]/;
	return word.test(a) && word.test(b) || /^[;,]$/.test(a) ? `${a} ${b}` : a + b;
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
