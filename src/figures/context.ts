/**
 * The context of a figure in its sentence: the period it covers and the source it is credited to.
 * Both are found once per sentence (all candidate phrases with their offsets); each figure then takes
 * the nearest one.
 */
import {
  ANONYMOUS_ADVERBS, FORWARD_CUES, GENERIC_SOURCES, INVERTED_VERBS, NAME_JOINERS, NON_SOURCES, NOUN_OR_VERB,
  PERIOD_PATTERNS, PREPOSITIONS, REPORTING_VERBS, SOURCE_GAP_WORDS, SOURCE_STOP, TITLE_ABBREVIATIONS,
} from './rules.ts';
import { isCapitalized, type Token } from './tokens.ts';

export interface Phrase {
  text: string;
  start: number;
  end: number;
  /** For sources: names someone (a capital letter), rather than "reports" or "reportedly". */
  named?: boolean;
}

/**
 * All period patterns in one alternation, in table order: at each position the first (most specific)
 * pattern that matches wins, and a match is consumed whole, so "last year" inside "from August last
 * year to January 2024" is not found again. One scan per sentence.
 */
const PERIOD_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${PERIOD_PATTERNS.map(([, source]) => `(?:${source})`).join('|')})(?![\p{L}\p{N}])`, 'giu',
);

/** Period phrases of a sentence, in order. */
export function periodPhrases(sentence: string): Phrase[] {
  const found: Phrase[] = [];
  PERIOD_RE.lastIndex = 0;
  for (const m of sentence.matchAll(PERIOD_RE)) found.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return found;
}

/** The phrase nearest to [start, end) that does not overlap it; ties go to the earlier phrase. */
export function nearest(phrases: Phrase[], start: number, end: number, preferNamed = false): Phrase | null {
  let best: Phrase | null = null;
  let bestScore = Infinity;
  for (const p of phrases) {
    if (p.start < end && p.end > start) continue;
    const gap = p.end <= start ? start - p.end : p.start - end;
    // A named source anywhere in the sentence beats an anonymous one ("Reports indicate ..., according to C4ADS").
    const score = gap + (preferNamed && !p.named ? 10_000 : 0);
    if (score < bestScore) { best = p; bestScore = score; }
  }
  return best;
}

// ---------------------------------------------------------------- sources

const CUES_BY_FIRST = new Map<string, Array<readonly string[]>>();
for (const cue of FORWARD_CUES) CUES_BY_FIRST.set(cue[0]!, [...(CUES_BY_FIRST.get(cue[0]!) ?? []), cue]);

function isNamed(text: string): boolean {
  return /\p{Lu}/u.test(text) && !GENERIC_SOURCES.test(text.replace(/^(?:the|some|many|other)\s+/i, ''));
}

function phraseOf(tokens: Token[], from: number, to: number, sentence: string): Phrase | null {
  // Trim determiners and punctuation at the edges: "the Center for ... (C4ADS)" keeps its acronym.
  while (from <= to && (tokens[from]!.type === 'sym' && tokens[from]!.text !== '(' || /^(?:the|a|an)$/i.test(tokens[from]!.text) && isCapitalized(tokens[from + 1]))) from++;
  while (to >= from && tokens[to]!.type === 'sym' && tokens[to]!.text !== ')') to--;
  if (from > to) return null;
  // a phrase with a number in it is the subject of a figure ("4 percent of voters"), not its source
  // (a digit inside a name, "C4ADS", "G7", does not count)
  for (let k = from; k <= to; k++) {
    const t = tokens[k]!;
    if (t.type === 'num' && !(t.glued && tokens[k - 1]?.type === 'word') && !(tokens[k + 1]?.glued && tokens[k + 1]!.type === 'word')) return null;
  }
  const start = tokens[from]!.start;
  const end = tokens[to]!.end;
  const text = sentence.slice(start, end);
  // Pronouns are not sources ("he said"); acronyms that spell one are ("US officials").
  const firstTok = tokens[from]!;
  const pronoun = NON_SOURCES.has(firstTok.lower) && (firstTok.text !== firstTok.text.toUpperCase() || firstTok.text === 'I');
  if (pronoun && (to === from || !isCapitalized(tokens[from + 1]))) return null;
  // a single lowercase word is a source only as a plural ("officials", "records", "analysts"), not "dramatic"
  if (to === from && firstTok.type === 'word' && firstTok.text === firstTok.lower && !/s$/.test(firstTok.lower) && !/^(?:data|media|police|people)$/.test(firstTok.lower)) return null;
  return { text, start, end, named: isNamed(text) };
}

/** A name or noun phrase after a cue, up to punctuation or a clause word (max 12 tokens). */
function forwardSource(tokens: Token[], i: number, sentence: string): Phrase | null {
  let j = i;
  let depth = 0;
  while (j < tokens.length && j - i < 12) {
    const t = tokens[j]!;
    if (t.text === '(') depth++;
    else if (t.text === ')') { if (depth === 0) break; depth--; }
    else if (depth === 0 && t.type === 'sym' && t.text !== '-' && t.text !== '&' && t.text !== "'" && t.text !== '’' && !(t.text === '.' && TITLE_ABBREVIATIONS.test(tokens[j - 1]?.text ?? ''))) break;
    else if (depth === 0 && t.type === 'word' && /^(?:that|which|who|as|and|but|while|when|because|said|says|to|in|on|at)$/.test(t.lower) && !(NAME_JOINERS.has(t.lower) && isCapitalized(tokens[j - 1]) && isCapitalized(tokens[j + 1]))) break;
    j++;
  }
  return j > i ? phraseOf(tokens, i, j - 1, sentence) : null;
}

/** The subject before a reporting verb at `v`, skipping adverbs and times ("officials earlier said"). */
function backwardSource(tokens: Token[], v: number, sentence: string): Phrase | null {
  let k = v - 1;
  // (the sentence's first word is never a gap: it is the subject, "Officials said")
  while (k > 0 && tokens[k]!.type === 'word' && (SOURCE_GAP_WORDS.has(tokens[k]!.lower) || /^\p{Ll}+ly$/u.test(tokens[k]!.text))) k--;
  const end = k;
  let depth = 0;
  while (k >= 0) {
    const t = tokens[k]!;
    if (t.text === ')') { depth++; k--; continue; }
    if (t.text === '(') { if (depth === 0) break; depth--; k--; continue; }
    if (depth > 0) { k--; continue; }
    if (t.type === 'word') {
      if (SOURCE_STOP.has(t.lower) || REPORTING_VERBS.has(t.lower) && t.lower !== 'report' && t.lower !== 'reports') {
        if (NAME_JOINERS.has(t.lower) && isCapitalized(tokens[k - 1]) && isCapitalized(tokens[k + 1])) { k--; continue; }
        break;
      }
      k--;
      continue;
    }
    if (t.text === ',' && isCapitalized(tokens[k - 1]) && isCapitalized(tokens[k + 1]) && k + 1 <= end && end - k < 8) { k--; continue; }
    if ((t.text === "'" || t.text === '’' || t.text === '-' || t.text === '&' || t.text === '.') && t.glued) { k--; continue; }
    break;
  }
  if (end - k > 12 || end <= k) return null;
  // A phrase after a preposition is an object ("workers in the United Kingdom has estimated"), not a subject.
  const stop = tokens[k];
  if (stop && stop.type === 'word' && PREPOSITIONS.has(stop.lower)) return null;
  // Not a subject: a possessor ("Our expert's report ..."), a phrase with a number in it ("4 percent of
  // voters say": the figure's own subject), or one with a verb in it ("the campaign disputed a report").
  const words = tokens.slice(k + 1, end + 1);
  if (/['’]s$/.test(tokens[end]?.text ?? '') || tokens[end]?.lower === 's' && (tokens[end - 1]?.text === "'" || tokens[end - 1]?.text === '’')) return null;
  if (words.some((w) => w.type === 'word' && /^\p{Ll}.*ed$/u.test(w.text) && !/^(?:armed|united|advanced|based|listed|so-called|elected|named)$/.test(w.lower))) return null;
  return phraseOf(tokens, k + 1, end, sentence);
}

/** All source phrases of a sentence, in order. */
export function sourcePhrases(tokens: Token[], sentence: string): Phrase[] {
  const out: Phrase[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'word') continue;
    const adverb = ANONYMOUS_ADVERBS[t.lower];
    if (adverb) { out.push({ text: t.text, start: t.start, end: t.end, named: false }); continue; }
    let cued = false;
    for (const cue of CUES_BY_FIRST.get(t.lower) ?? []) {
      if (cue.every((w, k) => tokens[i + k]?.lower === w)) {
        const p = forwardSource(tokens, i + cue.length, sentence);
        if (p) out.push(p);
        cued = true;
        break;
      }
    }
    if (cued || !REPORTING_VERBS.has(t.lower) || t.lower === 'according') continue;
    // Words that are nouns as often as verbs ("a report", "talk show", "the estimates") are verbs only
    // after a plural or a name ("records show", "Reuters reports", "the poll shows"), never after a
    // determiner or adjective.
    if (NOUN_OR_VERB.has(t.lower)) {
      const p = tokens[i - 1];
      if (!p || p.type !== 'word' || /['’]s$/.test(p.text) || /^(?:a|an|the|its|his|her|their|our|my|your|this|that|these|those|new|recent|latest|official|earlier|previous|some|many|several|one|first|last|annual|such)$/.test(p.lower)) continue;
      const base = !t.lower.endsWith('s');
      if (base && !(/s$/.test(p.lower) || isCapitalized(p) || /^(?:data|media|police|people)$/.test(p.lower))) continue;
    }
    // `"...," said Montana`: a capitalised name right after the verb, itself after a comma or quote.
    const prev = tokens[i - 1];
    if (INVERTED_VERBS.has(t.lower) && isCapitalized(tokens[i + 1]) && prev && (prev.type === 'sym' || prev.lower === 'more')) {
      const p = forwardSource(tokens, i + 1, sentence);
      if (p && p.named) { out.push(p); continue; }
    }
    // "report"/"reports" is a noun as often as a verb: only a verb after a plural or name subject.
    const p = backwardSource(tokens, i, sentence);
    if (p) out.push(p);
  }
  return out;
}
