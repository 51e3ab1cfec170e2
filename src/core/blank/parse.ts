/**
 * Reading a model's answer in the format of `prompt.ts`. Small local models bend formats: they bold the
 * labels, number them, wrap everything in a code fence, write "Alternatives: a, b" on one line, or ignore
 * the format entirely. Every one of those still gives a usable result; when no label is found at all the
 * raw text is what the learner sees, so nothing the model said is lost.
 */

export type Verdict = 'same' | 'equivalent' | 'different';

export interface FillAnswer {
	readonly fill?: string;
	readonly alternatives: readonly string[];
	readonly explanation: string;
	/** False when the answer had no recognisable FILL label; `explanation` then holds the raw text. */
	readonly formatted: boolean;
}

export interface VerdictAnswer {
	readonly verdict?: Verdict;
	readonly why: string;
	readonly guessVerdict?: Verdict;
	readonly guessWhy: string;
	readonly formatted: boolean;
}

type FillLabel = 'fill' | 'alternative' | 'explanation';
type VerdictLabel = 'verdict' | 'why' | 'guess_verdict' | 'guess_why';

const FILL_LABELS: Record<string, FillLabel> = {
	'fill': 'fill',
	'answer': 'fill',
	'best fill': 'fill',
	'alternative': 'alternative',
	'alternatives': 'alternative',
	'alt': 'alternative',
	'explanation': 'explanation',
	'reasoning': 'explanation',
	'why': 'explanation',
};

const VERDICT_LABELS: Record<string, VerdictLabel> = {
	'verdict': 'verdict',
	'why': 'why',
	'reason': 'why',
	'guess_verdict': 'guess_verdict',
	'guess verdict': 'guess_verdict',
	'guess_why': 'guess_why',
	'guess why': 'guess_why',
};

/**
 * A label at the start of a line, tolerating list markers, numbering, bold/italic/heading markup and
 * an optional number suffix ("ALTERNATIVE 2:").
 */
const LABEL_LINE = /^\s*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+)?[*_]{0,2}([A-Za-z][A-Za-z _]*?)(?:\s*\d)?[*_]{0,2}\s*[:：][*_]{0,2}\s*(.*)$/;

function splitLabelled<L extends string>(text: string, labels: Record<string, L>): { label: L | undefined; value: string }[] {
	const parts: { label: L | undefined; value: string }[] = [];
	for (const line of stripFence(text).split(/\r?\n/)) {
		const match = LABEL_LINE.exec(line);
		const label = match ? labels[match[1].trim().toLowerCase()] : undefined;
		if (match && label) {
			parts.push({ label, value: match[2] });
		} else if (parts.length > 0) {
			parts[parts.length - 1].value += '\n' + line;
		} else {
			parts.push({ label: undefined, value: line });
		}
	}
	return parts;
}

/** Parses the fill turn. Safe on partial text: call it on every streamed delta with the text so far. */
export function parseFillAnswer(text: string): FillAnswer {
	const parts = splitLabelled(text, FILL_LABELS);
	let fill: string | undefined;
	const alternatives: string[] = [];
	const explanation: string[] = [];
	let formatted = false;
	for (const part of parts) {
		switch (part.label) {
			case 'fill':
				formatted = true;
				if (fill === undefined) {
					fill = cleanFill(part.value.split('\n')[0]);
				}
				break;
			case 'alternative':
				for (const alternative of splitAlternatives(part.value.split('\n')[0])) {
					alternatives.push(alternative);
				}
				break;
			case 'explanation':
				explanation.push(part.value.trim());
				break;
			default:
				break;
		}
	}
	if (!formatted) {
		return { alternatives: [], explanation: stripFence(text).trim(), formatted: false };
	}
	const unique = [...new Set(alternatives.filter((a) => a.length > 0 && a !== fill))].slice(0, 2);
	return { fill: fill || undefined, alternatives: unique, explanation: explanation.filter((e) => e.length > 0).join('\n\n'), formatted };
}

export function parseVerdictAnswer(text: string): VerdictAnswer {
	const parts = splitLabelled(text, VERDICT_LABELS);
	let verdict: Verdict | undefined;
	let guessVerdict: Verdict | undefined;
	let why = '';
	let guessWhy = '';
	let formatted = false;
	for (const part of parts) {
		switch (part.label) {
			case 'verdict':
				formatted = true;
				verdict ??= readVerdict(part.value);
				break;
			case 'why':
				why ||= part.value.trim();
				break;
			case 'guess_verdict':
				guessVerdict ??= readVerdict(part.value);
				break;
			case 'guess_why':
				guessWhy ||= part.value.trim();
				break;
			default:
				break;
		}
	}
	if (!formatted) {
		// No label: still take a verdict word if the text opens with one, and keep the text as the reason.
		const raw = stripFence(text).trim();
		return { verdict: readVerdict(raw.split(/\s+/).slice(0, 3).join(' ')), why: raw, guessWhy: '', formatted: false };
	}
	return { verdict, why, guessVerdict, guessWhy, formatted };
}

function readVerdict(value: string): Verdict | undefined {
	const word = /\b(same|equivalent|different)\b/i.exec(value);
	return word ? (word[1].toLowerCase() as Verdict) : undefined;
}

/** "a, b" or "a; b" or "a | b" on one ALTERNATIVES line. Commas inside code fills are rare enough. */
function splitAlternatives(value: string): string[] {
	const pieces = /[;|]/.test(value) ? value.split(/[;|]/) : value.split(/,\s+/);
	return pieces.map(cleanFill).filter((p) => p.length > 0 && !/^(none|n\/a|-)$/i.test(p));
}

/** Strips the decoration models add around a fill: quotes, backticks, bold, a trailing note in parentheses. */
export function cleanFill(value: string): string {
	let result = value.trim();
	result = result.replace(/\s+\((?:[^()]*)\)$/, '');
	for (let i = 0; i < 3; i++) {
		const before = result;
		result = result.replace(/^\*\*(.*)\*\*$/, '$1').replace(/^`+(.*?)`+$/, '$1').replace(/^["'“‘](.*)["'”’]$/, '$1').trim();
		if (result === before) {
			break;
		}
	}
	return result.replace(/\[BLANK\]/g, '').trim();
}

/** Removes one code fence wrapped around the whole answer (some models fence everything). */
function stripFence(text: string): string {
	const match = /^\s*(`{3,}|~{3,})[^\n]*\n([\s\S]*?)(?:\n\s*\1\s*)?$/.exec(text);
	return match ? match[2] : text;
}
