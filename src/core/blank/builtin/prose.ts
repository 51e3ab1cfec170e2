import type { ProseCorpus, SourcedSentence } from './corpus';
import type { NgramModel } from './ngram';
import { scoreFill, toProbabilities, type Scored } from './score';
import { BOS, EOS, markdownToText, proseWords } from './tokenize';

/** The two words on each side of the blank, padded with sentence boundaries. */
export interface WordContext {
	readonly left: readonly [string, string];
	readonly right: readonly [string, string];
	/** Up to eight content words on each side, for finding supporting sentences. */
	readonly nearby: readonly string[];
}

/** The current sentence's words before the blank: text after the last sentence end. */
export function wordContext(before: string, after: string): WordContext {
	const beforeText = markdownToText(before);
	const afterText = markdownToText(after);
	const lastBreak = Math.max(lastMatchEnd(beforeText, /[.!?]\s+|\n\s*\n|\n\s*(?:[-*+]|\d+[.)])\s/g), 0);
	const leftWords = proseWords(beforeText.slice(lastBreak));
	const firstBreak = firstMatchStart(afterText, /[.!?](?:\s|$)|\n\s*\n/);
	const rightWords = proseWords(afterText.slice(0, firstBreak));
	const left = [BOS, BOS, ...leftWords].slice(-2) as [string, string];
	const right = [...rightWords, EOS, EOS].slice(0, 2) as [string, string];
	const nearby = [...leftWords.slice(-8), ...rightWords.slice(0, 8)].filter((w) => !STOPWORDS.has(w));
	return { left, right, nearby };
}

export interface ProseCandidate {
	readonly words: readonly string[];
	readonly probability: number;
	readonly score: number;
}

const MAX_FIRST = 400;
const MAX_SECOND = 60;

/** Candidate fills of one to three words, scored by the window probability in both directions. */
export function predictProse(model: NgramModel, context: WordContext): ProseCandidate[] {
	const [l2, l1] = context.left;
	const [r1, r2] = context.right;
	const seen = new Set<string>();
	const scored: Scored[] = [];
	const consider = (words: string[]): void => {
		const key = words.join(' ');
		// A fill that repeats a word right next to the blank ("my favorite [my favorite color]") is an echo
		// of the context, and one that repeats its own word is a loop of the counts; neither is a prediction.
		const echoes = words.length > 1 ? [l2, l1, r1, r2] : [l1, r1];
		if (seen.has(key) || words.some((w, i) => w === BOS || w === EOS || echoes.includes(w) || words.indexOf(w) !== i)) {
			return;
		}
		seen.add(key);
		scored.push({ words, score: scoreFill(model, [l2, l1], words, context.right) });
	};

	const afterLeft = model.topNeighbours(l1, 'next', MAX_FIRST);
	const beforeRight = model.topNeighbours(r1, 'previous', MAX_FIRST);
	for (const w of [...afterLeft, ...beforeRight]) {
		consider([w]);
	}
	// Longer fills must be anchored on both sides, or the candidate list explodes with noise.
	for (const w1 of afterLeft) {
		for (const w2 of model.topNeighbours(w1, 'next', MAX_SECOND)) {
			// A pair also needs a trigram on one side, or "color but" rides on "color" alone.
			if (model.bigram(w2, r1) > 0 && (model.trigram(l1, w1, w2) > 0 || model.trigram(w1, w2, r1) > 0)) {
				consider([w1, w2]);
			}
			for (const w3 of model.topNeighbours(w2, 'next', MAX_SECOND)) {
				if (model.trigram(w1, w2, w3) > 0 && model.trigram(l1, w1, w2) > 0 && model.trigram(w2, w3, r1) > 0) {
					consider([w1, w2, w3]);
				}
			}
		}
	}
	return toProbabilities(scored);
}

/** Sentences that contain the fill, best first: most shared words near the blank, exact neighbours first. */
export function supportingSentences(corpus: ProseCorpus, fill: readonly string[], context: WordContext, limit = 2): SourcedSentence[] {
	const ranked: { sentence: SourcedSentence; rank: number }[] = [];
	for (const sentence of corpus.sentences) {
		const at = indexOfRun(sentence.words, fill);
		if (at < 0) {
			continue;
		}
		let rank = 0;
		if (sentence.words[at - 1] === context.left[1]) {
			rank += 3;
		}
		if (sentence.words[at + fill.length] === context.right[0]) {
			rank += 3;
		}
		const words = new Set(sentence.words);
		for (const w of context.nearby) {
			if (words.has(w)) {
				rank += 1;
			}
		}
		if (rank > 0) {
			ranked.push({ sentence, rank });
		}
	}
	ranked.sort((a, b) => b.rank - a.rank || a.sentence.text.length - b.sentence.text.length || a.sentence.text.localeCompare(b.sentence.text));
	const result: SourcedSentence[] = [];
	for (const { sentence } of ranked) {
		if (!result.some((s) => s.text === sentence.text)) {
			result.push(sentence);
		}
		if (result.length >= limit) {
			break;
		}
	}
	return result;
}

export function indexOfRun(words: readonly string[], run: readonly string[]): number {
	outer: for (let i = 0; i + run.length <= words.length; i++) {
		for (let j = 0; j < run.length; j++) {
			if (words[i + j] !== run[j]) {
				continue outer;
			}
		}
		return i;
	}
	return -1;
}

function lastMatchEnd(text: string, re: RegExp): number {
	let end = 0;
	for (const m of text.matchAll(re)) {
		end = (m.index ?? 0) + m[0].length;
	}
	return end;
}

function firstMatchStart(text: string, re: RegExp): number {
	const m = re.exec(text);
	return m ? m.index + 1 : text.length;
}

const STOPWORDS = new Set(('a an the of to in on at by for with from and or but is are was were be been being it its this that these those as '
	+ 'into than then so such can could may might will would should do does did not no yes you your we our they their he she his her i my me').split(' '));
