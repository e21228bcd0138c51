/**
 * Quotation extraction: direct quotes and reported speech, each with its speaker (a name, never a
 * pronoun), its cue and its channel.
 *
 * How it works, in one pass over the sentences:
 *  1. `marks.ts` finds the quotations; sentences never split inside one, and in each sentence a
 *     whole quotation is a single token, so a frame reads `Q , he said` or `Kim stated , Q`.
 *  2. Names in the sentence (outside quotations) go into a register: people with their titles and
 *     gender, organisations. It resolves surnames, pronouns and role phrases later on.
 *  3. Each cue (`lexicon.ts`) opens a frame: its speaker is the phrase before it ("Kim said",
 *     "Smith, a spokesman, said"), after it when inverted ("..., said Kim", "according to KCNA"),
 *     or the sentence's subject for a participle or a second verb ("..., adding ...", "and called").
 *     A frame covers content before it (`“...,” he said`, `X is true, she said`) or after it
 *     (`he said that ...`, `Kim stated, “...”`), up to the next frame.
 *  4. A quotation belongs to the innermost frame whose content holds it; it is partial when the
 *     content has other words ("called it a “big mistake”"). Content without quotation marks is
 *     reported speech. A quotation with no frame in its sentence takes the frame of a bare
 *     "X said." after it, of a colon-ended introduction before it, or continues the previous
 *     speaker's quotation (a quote-only paragraph after a quoted paragraph).
 *  5. Channels (`channel.ts`): a frame whose speaker is an agency or paper ("..., KCNA said",
 *     "reports Reuters"), and phrases like "as reported by TASS", set `via`.
 *  6. The source phrase (`sourceStart`/`sourceEnd`) is the speaker mention with its apposition or
 *     relative clause, as PARC 3.0 and PolNeAR annotate sources; the speaker stays a name.
 *
 * What counts as an attribution follows PolNeAR (Newell, Margolin & Ruths 2018), which like PARC
 * 3.0 annotates attitudes as well as speech: beside reporting verbs, stances toward an object
 * ("endorsed Lee", "rejected the plan"), refusals ("declined to comment"), hopes, and what polls
 * and studies show or find. The word lists are in `lexicon.ts`, each family with its evidence.
 *
 * Cost: linear in the text (every step walks tokens of one sentence or a short window), no model.
 */
import { assignChannels, findChannelNotes } from './channel.ts';
import type { ChannelNote } from './channel.ts';
import {
  ADJUNCT_STARTS,
  GROUP_NOUNS,
  NEVER_CUE_FORMS,
  NOT_NAME,
  NOUN_LIKE_FORMS,
  ORG_HEADS,
  PERSONAL_PRONOUNS,
  PHRASE_CUES,
  PRE_VERB,
  SPEAKER_NOUNS,
  VERB_CUES,
} from './lexicon.ts';
import type { CueEntry } from './lexicon.ts';
import { findQuotes } from './marks.ts';
import type { QuoteSpan } from './marks.ts';
import {
  Registry,
  analyseName,
  bare,
  channelName,
  isDeterminer,
  isFunctionWord,
  isNounish,
  isPlace,
  isPossessive,
  isTitle,
  isVerbish,
  rename,
} from './names.ts';
import type { Entity, EntityKind } from './names.ts';
import { paragraphsOf, sentencesOf, tokensOf } from './text.ts';
import type { Sentence, Tok } from './text.ts';
import type { QuoteMention, QuoteOptions } from './types.ts';

export interface Cue {
  ti: number;
  /** Exclusive. */
  tj: number;
  entry: CueEntry;
  /** A passive with its agent after "by" ("as first reported by The Times", "was criticized by Lee"): the agent is the source. */
  passive?: boolean;
}

export interface Frame {
  sent: number;
  toks: Tok[];
  cue: Cue;
  /** Speaker phrase (token range, `to` exclusive), or null when inherited. */
  np: { from: number; to: number } | null;
  inverted: boolean;
  /** Tokens the frame itself covers (speaker, cue, listener). */
  coverFrom: number;
  coverTo: number;
  /** Where content after the cue starts (after a listener, adjuncts, "that"). */
  contentFrom: number;
  hadThat: boolean;
  before: [number, number] | null;
  after: [number, number] | null;
  speaker: string | null;
  entity: Entity | null;
  speakerStart: number | null;
  speakerEnd: number | null;
  speakerMention: string | null;
  /** End of the whole source phrase (the speaker mention with its apposition), see `QuoteMention.sourceEnd`. */
  sourceEnd: number | null;
  /** Start of the whole source phrase when it opens before the speaker mention ("Google's hiring chief, Ann Roe, said"). */
  sourceStart?: number;
  /** Set when the speaker is a channel ("KCNA said"): the frame then lends `via` to frames it holds. */
  channel: string | null;
  /** "TASS, citing the council's press service, reported": the cited source. */
  cited: { name: string | null; entity: Entity | null; start: number; end: number; mention: string } | null;
  quotes: number[];
  via: string | null;
}

interface Ctx {
  text: string;
  quotes: QuoteSpan[];
  reg: Registry;
  options: Required<QuoteOptions>;
}

const BE = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', "'s", '’s']);
const CONJ = new Set(['and', 'but', 'or', 'while', 'as', 'then', 'so', 'yet']);
const CLAUSE_OPENERS = new Set(['in', 'at', 'on', 'during', 'after', 'before', 'since', 'when', 'while', 'as', 'if', 'although', 'though', 'because', 'speaking', 'asked', 'responding', 'writing', 'addressing', 'meeting', 'from', 'for', 'with', 'without', 'by', 'under', 'over', 'to', 'following', 'despite', 'like', 'unlike', 'earlier', 'later', 'last', 'this', 'on', 'yesterday', 'today', 'also', 'however', 'but', 'and', 'so']);
/** Prepositions and participles that open a setting rather than what was said ("On Sunday, ...", "Asked about it, ..."). */
const SETTING_OPENERS = new Set(['in', 'at', 'on', 'during', 'after', 'before', 'since', 'when', 'while', 'as', 'speaking', 'asked', 'responding', 'writing', 'addressing', 'from', 'with', 'by', 'under', 'over', 'following', 'despite', 'like', 'unlike', 'later', 'earlier']);
const IGNORABLE = new Set(['that', 'and', 'but', 'or', 'as', 'well', 'also', 'then']);

// ---------------------------------------------------------------- cues

const PHRASE_BY_FIRST = new Map<string, typeof PHRASE_CUES>();
for (const p of PHRASE_CUES) PHRASE_BY_FIRST.set(p.words[0]!, [...(PHRASE_BY_FIRST.get(p.words[0]!) ?? []), p]);

/**
 * Cues of one sentence. `title`: the sentence opens the article (its headline), where "Name: claim"
 * attributes the claim to the name, and, in title case, a capitalised verb can be a cue ("Senator
 * Praises Plan").
 */
function findCues(toks: Tok[], title = false): Cue[] {
  const out: Cue[] = [];
  const headline = title && titleCase(toks);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.text === ':' && toks[i + 1]?.kind === 'q' && colonSpeaker(toks, i)) {
      // "Clinton: “Our goal is ...”", "Marco Rubio: ‘You don’t win ...’"
      out.push({ ti: i, tj: i + 1, entry: COLON_CUE });
      continue;
    }
    if (t.text === ':' && title && toks[i + 1]?.kind === 'w' && headlineSpeaker(toks, i)) {
      // "Lynch: No outside influence on the probe", "Poll: Lee ties Kim in a three-way race".
      out.push({ ti: i, tj: i + 1, entry: HEADLINE_COLON_CUE });
      continue;
    }
    if (t.kind !== 'w') continue;
    if (t.lower === 'in' && pollAfter(toks, i + 1, i === 0)) {
      // "In a Monmouth poll released Monday, Lee leads": the poll is the source (PolNeAR marks it so).
      out.push({ ti: i, tj: i + 1, entry: IN_POLL_CUE });
      continue;
    }
    let cue: Cue | null = null;
    for (const p of PHRASE_BY_FIRST.get(t.lower) ?? []) {
      let ok = true;
      for (let k = 1; k < p.words.length && ok; k++) ok = toks[i + k]?.lower === p.words[k];
      if (ok) {
        cue = { ti: i, tj: i + p.words.length, entry: p.entry };
        break;
      }
    }
    if (!cue) {
      const entry = VERB_CUES.get(t.lower);
      if (!entry || NEVER_CUE_FORMS.has(t.lower)) continue;
      if (t.cap && i > 0 && !headline) continue; // "Said" mid-sentence is a name or a title word
      cue = { ti: i, tj: i + 1, entry };
    }
    const prev = toks[cue.ti - 1];
    const pl = prev?.lower ?? '';
    // "as reported by TASS", "quoted by": the agent follows; a channel, not a frame.
    // "said by telephone" is a frame all the same.
    if (toks[cue.tj]?.lower === 'by' && !/^(phone|telephone|email|e-mail|text|video|videolink|letter|satellite)$/.test(toks[cue.tj + 1]?.lower ?? '')) {
      // The agent of a passive report or stance is its source, as PolNeAR marks it ("as first
      // reported by The Times", "was criticized by Lee"): a frame that frames no quotation of its
      // own (a channel for those, see `channel.ts`).
      const agent = toks[cue.tj + 1];
      if (cue.tj - cue.ti === 1 && /(ed|en|wn|ld)$/.test(t.lower) && cue.entry.kind !== 'evidence' && !cue.entry.quoteOnly && agent?.kind === 'w' && (agent.cap || isDeterminer(agent.lower) || isPossessive(agent))) {
        out.push({ ...cue, passive: true });
        i = cue.tj;
      }
      continue;
    }
    // Infinitives, passives and nouns are not reporting frames ("to say", "it was reported", "his call").
    if (cue.entry.lemma !== 'according' && cue.tj - cue.ti === 1) {
      let k = cue.ti - 1;
      while (k >= 0 && toks[k]!.kind === 'w' && (toks[k]!.lower === 'not' || toks[k]!.lower === 'also' || /ly$/.test(toks[k]!.lower))) k--;
      const before = toks[k]?.lower ?? '';
      if (before === 'to' || BE.has(before) && !/ing$/.test(t.lower) || before === 'been') continue;
      // "his call", "the report" are nouns; "Another said", "Many argued" have a quantifier subject.
      const quantifier = QUANTIFIER_SUBJECT.test(pl) && !NOUN_LIKE_FORMS.has(t.lower) && (cue.ti === 1 || toks[cue.ti - 2]!.kind !== 'w' || CONJ.has(toks[cue.ti - 2]!.lower));
      if (prev && (isDeterminer(pl) && pl !== 'that' && !quantifier || isPossessive(prev) || pl === 'of')) continue;
      if (NOUN_LIKE_FORMS.has(t.lower)) {
        // Words that are as often nouns: a cue only right after a subject-like word, or inverted
        // after a comma or a quotation ("..., reports Reuters").
        const inverted = (prev?.text === ',' || prev?.kind === 'q') && toks[cue.tj]?.kind === 'w' && (toks[cue.tj]!.cap || toks[cue.tj]!.lower === 'the');
        const subjectLike = prev && prev.kind === 'w' && (prev.cap || PERSONAL_PRONOUNS.has(pl) || PRE_VERB.has(pl) || GROUP_NOUNS.has(pl) || EVIDENCE_NOUNS.has(pl) || /[^s]s$/.test(pl) && isNounish(pl) && !isDeterminer(pl));
        if (!inverted && !subjectLike) continue;
      }
      // "maintained a lead", "feels good": these verbs report only with "that" or a quotation next to them.
      if (THAT_ONLY.has(t.lower) && toks[cue.tj]?.lower !== 'that' && !quoteNear(toks, cue)) continue;
    }
    // "Cruz continued: “...”": these verbs frame a quotation right next to them, nothing else
    // ("Rubio will continue to be ...").
    if (cue.entry.quoteOnly && !quoteNear(toks, cue)) continue;
    if (cue.entry.next) {
      // "declined to comment", not "sales declined to their lowest level": an infinitive follows.
      const after = toks[cue.tj + 1];
      if (toks[cue.tj]?.lower !== cue.entry.next || !after || after.kind !== 'w' || after.cap && !headline || isDeterminer(after.lower) || isPossessive(after) || /^(his|her|its|their|our|my|your|\d.*)$/.test(after.lower)) continue;
    }
    out.push(cue);
    i = cue.tj - 1;
  }
  return out;
}

function quoteNear(toks: Tok[], cue: Cue): boolean {
  // Only a speaker phrase, commas, colons or adverbs may stand between the verb and the quotation.
  const filler = (t: Tok) => t.kind === 'p' && /^[,:—–-]$/.test(t.text) || t.kind === 'w' && (t.cap || PERSONAL_PRONOUNS.has(t.lower) || isDeterminer(t.lower) || isPreVerb(t) || isTitle(t.lower));
  for (let k = cue.ti - 1; k >= Math.max(0, cue.ti - 7); k--) {
    if (toks[k]!.kind === 'q') return true;
    if (!filler(toks[k]!)) break;
  }
  for (let k = cue.tj; k < Math.min(toks.length, cue.tj + 6); k++) {
    if (toks[k]!.kind === 'q') return true;
    // "Cruz continued:" closing its sentence introduces the quotation that follows.
    if (toks[k]!.text === ':' && k === toks.length - 1) return true;
    if (!filler(toks[k]!)) break;
  }
  return false;
}

/** Verb forms that report only with a "that" clause or a quotation next to them (PolNeAR train: "maintained a lead", "feels good" are no attributions). */
const THAT_ONLY = new Set(['maintain', 'maintains', 'maintained', 'maintaining', 'feel', 'feels']);

const IN_POLL_CUE: CueEntry = { lemma: 'according', kind: 'evidence' };

/**
 * "in a new Monmouth poll", "In the latest CNN/ORC survey released Wednesday": a noun phrase headed
 * by one poll or survey (or polls, opening the sentence) after "in". Measured on PolNeAR train: 28
 * of 53 such phrases are annotated sources, against 8 of 75 for a mid-sentence "in (the) polls"
 * ("leads in the polls").
 */
function pollAfter(toks: Tok[], from: number, opening: boolean): boolean {
  const first = toks[from];
  if (!first || first.kind !== 'w' || !(isDeterminer(first.lower) || first.cap || isPossessive(first))) return false;
  for (let k = from; k < toks.length && k - from < 9; k++) {
    const t = toks[k]!;
    if (t.kind === 'q' || t.kind === 'p' && !/^[/&'’-]$/.test(t.text)) return false;
    if (t.lower === 'poll' || t.lower === 'survey' || opening && (t.lower === 'polls' || t.lower === 'surveys')) return true;
  }
  return false;
}

const COLON_CUE: CueEntry = { lemma: ':', kind: 'speech', quoteOnly: true };
const HEADLINE_COLON_CUE: CueEntry = { lemma: ':', kind: 'speech' };

/** Words that open a headline's label rather than name a speaker ("Update: ...", "Watch: ..."). */
const HEADLINE_LABELS = new Set('update updated breaking watch video videos photo photos exclusive analysis opinion editorial live listen read factbox explainer quiz timeline transcript correction editor editors op-ed commentary review interview report chart map graphic podcast'.split(' '));

/** A title: most of its words capitalised ("Senator Praises Plan to Fix Roads"). */
function titleCase(toks: Tok[]): boolean {
  let words = 0;
  let caps = 0;
  for (const t of toks) {
    if (t.kind !== 'w' || t.lower.length <= 3) continue;
    words++;
    if (t.cap) caps++;
  }
  return words >= 3 && caps >= words * 0.6;
}

/** One to five words opening a headline before its colon, the first capitalised and not a label ("Clinton camp", "Former AG Lee at RNC"). */
function headlineSpeaker(toks: Tok[], colon: number): boolean {
  if (colon < 1 || colon > 5) return false;
  for (let k = 0; k < colon; k++) if (toks[k]!.kind !== 'w' && !/^[.'’-]$/.test(toks[k]!.text)) return false;
  const first = toks[0]!;
  return first.cap && !HEADLINE_LABELS.has(first.lower) && !NOT_NAME.has(first.lower) && !isFunctionWord(first.lower);
}

/** A short run of capitalised words opening the sentence (or after a dash) before a colon. */
function colonSpeaker(toks: Tok[], colon: number): boolean {
  let k = colon - 1;
  let n = 0;
  while (k >= 0 && toks[k]!.kind === 'w' && (toks[k]!.cap || /^(and|of|de|van|von|al)$/.test(toks[k]!.lower))) {
    k--;
    n++;
  }
  if (n === 0 || n > 6 || !toks[k + 1]!.cap) return false;
  // "More from Jones: “...”", "Here's Clinton in 1992: “...”" in digests.
  if (k >= 1 && toks[k]!.lower === 'from' && toks[k - 1]!.lower === 'more') k -= 2;
  return k < 0 || /^[-–—]$/.test(toks[k]!.text);
}

// ---------------------------------------------------------------- noun phrases

function isPreVerb(t: Tok): boolean {
  return t.kind === 'w' && !t.cap && (PRE_VERB.has(t.lower) || /ly$/.test(t.lower) && t.lower.length > 3);
}

function sentenceInitialStop(toks: Tok[], k: number): boolean {
  const t = toks[k]!;
  const w = bare(t.lower);
  // "Mr. Trump said" at the start of a sentence: an honorific opens the name.
  if (TITLE_CAP.test(t.lower)) return false;
  return (k === 0 || toks[k - 1]!.kind === 'p' && /[:;(“"‘]/.test(toks[k - 1]!.text)) && (NOT_NAME.has(w) || isFunctionWord(w));
}

const QUANTIFIER_SUBJECT = /^(another|one|many|some|others|most|several|few)$/;
const NUMBER_WORD = /^(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten)$/;

/** The noun phrase ending at token `j` (inclusive), scanning back. */
function npBackward(toks: Tok[], j: number, lo = 0): { from: number; to: number } | null {
  // "Sen. Chuck Schumer (D-N.Y.) said": a parenthesis after the name is skipped.
  if (toks[j]?.text === ')') {
    let k = j - 1;
    while (k > lo && toks[k]!.text !== '(' && j - k < 8) k--;
    if (toks[k]?.text === '(' && k > lo) {
      const inner = npBackward(toks, k - 1, lo);
      return inner ? { from: inner.from, to: inner.to } : null;
    }
  }
  const head = toks[j];
  if (!head || head.kind !== 'w') return null;
  if (PERSONAL_PRONOUNS.has(head.lower)) return { from: j, to: j + 1 };
  // "Another said ...", "Many argued ...", "Others say ...": a quantifier standing alone for people.
  if (QUANTIFIER_SUBJECT.test(head.lower) && (j === lo || toks[j - 1]!.kind !== 'w' || CONJ.has(toks[j - 1]!.lower))) return { from: j, to: j + 1 };
  // "More than six in 10 said", "about three in 10 voters": a share of people is one phrase.
  const share = j >= 2 && toks[j - 1]!.lower === 'in' && NUMBER_WORD.test(toks[j - 2]!.lower) ? j : j >= 3 && toks[j - 2]!.lower === 'in' && NUMBER_WORD.test(toks[j - 3]!.lower) && NUMBER_WORD.test(toks[j - 1]!.lower) ? j - 1 : -1;
  if (share >= 0 && NUMBER_WORD.test(toks[share]!.lower) && share - 2 >= lo) {
    let from = share - 2;
    while (from > lo && /^(more|than|about|nearly|almost|roughly|some|just|over|under|fewer|less|only|around)$/.test(toks[from - 1]!.lower)) from--;
    return { from, to: j + 1 };
  }
  // A word that is also a verb heads a phrase only after a determiner ("the coach said").
  const afterDet = j > lo && (isDeterminer(toks[j - 1]!.lower) || isPossessive(toks[j - 1]!));
  const evidence = EVIDENCE_NOUNS.has(head.lower);
  if (!evidence && (!(head.cap || isNounish(head.lower) || afterDet && !isFunctionWord(head.lower)) || isVerbish(head.lower) && !head.cap && !afterDet || sentenceInitialStop(toks, j))) return null;
  if (isDeterminer(head.lower) && head.lower !== 'one') return null;
  // "two months later said", "a few weeks ago announced": a time phrase is not a speaker ("The
  // Times said" is a paper, so only a lower-case head counts).
  if (!head.cap && /^(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|times?|ago|later|earlier|moments?)$/.test(head.lower)) return null;
  let k = j - 1;
  for (; k >= lo; k--) {
    const t = toks[k]!;
    if (t.kind === 'p') {
      if ((t.text === '-' && toks[k - 1]?.end === t.start && toks[k + 1]?.start === t.end || t.text === '&') && k > lo && toks[k - 1]!.cap) continue;
      break;
    }
    if (t.kind === 'q') break;
    const lw = t.lower;
    if (PERSONAL_PRONOUNS.has(lw)) break;
    if (isDeterminer(lw)) {
      // "the leader of the DPRK": a determiner after "of" is inside the phrase.
      if (k > lo && ['of', 'for', 'with'].includes(toks[k - 1]!.lower) && j - k < 8) continue;
      k--;
      break;
    }
    if (t.cap) {
      if (sentenceInitialStop(toks, k)) break;
      continue;
    }
    if (isPossessive(t)) continue;
    // "People with knowledge of the talks said": a "with" phrase after a common noun is part of it.
    if ((lw === 'of' || lw === 'for' || lw === 'at' || lw === 'with' && k > lo && (GROUP_NOUNS.has(toks[k - 1]!.lower) || SPEAKER_NOUNS.has(toks[k - 1]!.lower))) && k > lo && j - k < 8) continue;
    if (isNounish(lw) && !(isVerbish(lw) && !isTitle(lw))) continue;
    // "the gambling tycoon": a participle between a determiner and a noun is an adjective.
    if (/(ing|ed)$/.test(lw) && k > lo && (isDeterminer(toks[k - 1]!.lower) || isPossessive(toks[k - 1]!))) continue;
    // "the Florida senator and Republican presidential candidate", "David Albright and Serena
    // Kelleher-Vergantini": two noun phrases joined by "and" name one speaker.
    if (lw === 'and' && k > lo && k < j && toks[k - 1]!.kind === 'w' && (toks[k - 1]!.cap || isNounish(toks[k - 1]!.lower)) && !PERSONAL_PRONOUNS.has(toks[k - 1]!.lower) && toks[k + 1]!.kind === 'w') continue;
    break;
  }
  let from = k + 1;
  while (from <= j && ['of', 'for', 'at', 'and'].includes(toks[from]!.lower)) from++;
  if (from > j) return null;
  if (j + 1 - from > 14) from = j + 1 - 14;
  return { from, to: j + 1 };
}

/** The noun phrase starting at token `i`, scanning forward (for "said Kim", "according to X", listeners). */
function npForward(toks: Tok[], i: number): { from: number; to: number } | null {
  let k = i;
  const first = toks[k];
  if (!first || first.kind !== 'w') return null;
  if (PERSONAL_PRONOUNS.has(first.lower)) return { from: i, to: i + 1 };
  if (isDeterminer(first.lower)) k++;
  for (; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind === 'p') {
      if ((t.text === '-' || t.text === '&' || t.text === '(' ) && toks[k + 1]?.cap) continue;
      if (t.text === ')' && k > i) continue;
      break;
    }
    if (t.kind === 'q') break;
    const lw = t.lower;
    if (t.cap) {
      // "of the New York delegation": a capital right after "of" or "the" is inside a name.
      // "a New Hampshire Republican": a capital that opens a longer name is inside it too.
      if (k > i && NOT_NAME.has(lw) && !['of'].includes(lw) && !['of', 'the', 'a', 'an'].includes(toks[k - 1]!.lower) && !(toks[k + 1]?.kind === 'w' && toks[k + 1]!.cap && !NOT_NAME.has(toks[k + 1]!.lower))) break;
      continue;
    }
    if (isPossessive(t)) continue;
    if ((lw === 'of' || lw === 'for') && k > i && (toks[k + 1]?.cap || isDeterminer(toks[k + 1]?.lower ?? ''))) continue;
    // "the leader of the party", "a strategist for one of these campaigns".
    if (isDeterminer(lw) && k > i && /^(of|for)$/.test(toks[k - 1]!.lower)) continue;
    // "the most recent data", "a count by ...": after a determiner or possessive, a degree word
    // before a modifier, and a word that is also a verb, are part of the noun phrase.
    const afterDet = k > i && (isDeterminer(toks[k - 1]!.lower) || isPossessive(toks[k - 1]!));
    if (/^(most|more|least|less)$/.test(lw) && afterDet && toks[k + 1]?.kind === 'w') continue;
    if (PERSONAL_PRONOUNS.has(lw) || lw === 'that' || isDeterminer(lw)) break;
    if (isNounish(lw) && !(isVerbish(lw) && !isTitle(lw) && !afterDet)) continue;
    // "an engineer who ...", "the coach.": after a determiner, a word that ends the phrase is its
    // head even when the lexicon knows it only as a verb.
    const ender = toks[k + 1];
    if (afterDet && /^\p{Ll}{3,}$/u.test(lw) && !isFunctionWord(lw) && (!ender || ender.kind === 'p' || /^(who|which|that)$/.test(ender.lower))) continue;
    // A role word right before a name ("said engineer Piotr Halden", "said spokesman Joe Lee"), even
    // one that is also a verb: the name that follows makes it a noun.
    if (/^\p{Ll}{3,}$/u.test(lw) && !isFunctionWord(lw) && toks[k + 1]?.kind === 'w' && toks[k + 1]!.cap && !NOT_NAME.has(toks[k + 1]!.lower)) continue;
    // Participles as adjectives in front of a noun ("a visiting top Russian official").
    if (/(ing|ed)$/.test(lw) && k + 1 < toks.length && toks[k + 1]!.kind === 'w' && (toks[k + 1]!.cap || isNounish(toks[k + 1]!.lower))) continue;
    break;
  }
  let to = k;
  while (to > i && toks[to - 1]!.kind === 'p' && toks[to - 1]!.text !== ')') to--;
  while (to > i && ['of', 'for', 'the'].includes(toks[to - 1]!.lower)) to--;
  if (to <= i || to === i + 1 && isDeterminer(first.lower)) return null;
  return { from: i, to };
}

function isPersonName(toks: Tok[], np: { from: number; to: number }): boolean {
  let to = np.to;
  if (toks[to - 1]?.text === ')') {
    while (to > np.from && toks[to - 1]!.text !== '(') to--;
    to--;
  }
  const last = toks[to - 1];
  if (!last || !last.cap || isPossessive(last)) return false;
  const parts = analyseName(toks.slice(np.from, to).filter((t) => t.cap || !isDeterminer(t.lower)));
  return parts.kind === 'person';
}

const APPOSITION_START = /^(a|an|the|of|from|along|among|together|who|which|whose|however|though|too|also|meanwhile|citing|speaking|himself|herself|itself|themselves|then|now|formerly|once|both|each|in|at|on|for|like|with|as|according|its|his|her|their|whom|where|when|one|\d.*)$/;

/** The speaker phrase before a cue: "Kim said", "Smith, a spokesman, said", "Kim also said". */
const TWO_WORD_ADVERBS = new Set(['in particular', 'in turn', 'in fact', 'of course', 'at least', 'for example', 'for instance', 'in response', 'in return', 'at first', 'at times', 'in private', 'in public', 'on tuesday', 'on monday', 'on wednesday', 'on thursday', 'on friday', 'on saturday', 'on sunday', 'last week', 'this week', 'last month', 'last year']);

interface Subject {
  np: { from: number; to: number };
  appositionFrom: number;
  appositionTo?: number;
  /** The source phrase around the speaker mention (token range), when it is wider than the mention and its apposition. */
  sourceFrom?: number;
  sourceTo?: number;
}

function subjectBefore(toks: Tok[], ti: number): Subject | null {
  let j = ti - 1;
  for (;;) {
    while (j >= 0 && isPreVerb(toks[j]!)) j--;
    // "have in particular noted", "said last week": a two-word adverbial before the verb.
    if (j >= 1 && TWO_WORD_ADVERBS.has(`${toks[j - 1]!.lower} ${toks[j]!.lower}`)) j -= 2;
    else break;
  }
  if (j < 0) return null;
  if (toks[j]!.text === ',') {
    // An apposition or aside between commas: the speaker is before it ("Smith, a spokesman,
    // said"; "Mr. Daniloff, now 81 and retired in Cambridge, Mass., said": the farthest comma
    // whose phrase names a person or body).
    for (let k = j - 1, tries = 0; k >= 1 && j - k < 35 && tries < 3; k--) {
      const t = toks[k]!;
      if (t.kind === 'q') break;
      if (t.text !== ',') continue;
      tries++;
      const first = toks[k + 1]!;
      if (!(APPOSITION_START.test(first.lower) || first.cap || isPossessive(first) || isTitle(first.lower) || /ing$/.test(first.lower) || appositionOpener(first, toks[k + 2]) || verblessSegment(toks, k + 1, j))) continue;
      let cueInside = false;
      for (let m = k + 1; m < j; m++) if (!toks[m]!.cap && VERB_CUES.get(toks[m]!.lower)?.kind === 'speech' && !/ing$/.test(toks[m]!.lower) && !isDeterminer(toks[m - 1]!.lower)) cueInside = true;
      if (cueInside) {
        // "Podesta, who said the project was vetted, said he ...": the relative clause is a
        // statement of its own; the name before it is the subject, and the source phrase.
        if (/^(who|whom|whose)$/.test(first.lower)) {
          const np = npBackward(toks, k - 1);
          if (np && !PERSONAL_PRONOUNS.has(toks[np.to - 1]!.lower)) return { np, appositionFrom: -1 };
        }
        break;
      }
      const np = npBackward(toks, k - 1);
      if (!np) continue;
      const last = toks[np.to - 1]!;
      if (np.to - np.from === 1 && last.cap && isPlace(last.lower)) continue;
      // "..., after winning the primary, Gov. John Kasich (R-OH), said": the part between the
      // commas is the subject when it is a name and the phrase before it is not.
      const seg = npBackward(toks, j - 1, k + 1);
      // The role phrase before the name is part of the source phrase, as PolNeAR marks it ("Google's
      // hiring chief, Ann Roe, said" → the whole phrase) when it is a noun phrase of its own.
      if (seg && seg.from === k + 1 && isPersonName(toks, seg) && !isPersonName(toks, np)) {
        return roleBeforeName(toks, np) ? { np: seg, appositionFrom: -1, sourceFrom: np.from, sourceTo: seg.to } : { np: seg, appositionFrom: -1 };
      }
      return { np, appositionFrom: k, appositionTo: j };
    }
    const direct = toks[j - 1]?.text === ')' ? npBackward(toks, j - 1) : null;
    return direct ? { np: direct, appositionFrom: -1 } : null;
  }
  const np = npBackward(toks, j);
  if (!np) return null;
  // "Paul Ryan on Thursday declared", "officials in Moscow said": a prepositional phrase between
  // the subject and the verb; the subject is before it when there is one.
  const prep = toks[np.from - 1];
  if (prep && PP_BEFORE_VERB.has(prep.lower) && np.from >= 2) {
    const outer = npBackward(toks, np.from - 2);
    if (outer && !PERSONAL_PRONOUNS.has(toks[outer.to - 1]!.lower) || outer && np.to - np.from === 1 && TIME_WORD.test(toks[np.from]!.lower)) {
      // "advocates in the transgender community said", "a study by the Brookings Institution found":
      // the phrase after the preposition modifies the speaker and belongs to the source phrase
      // (PolNeAR marks the whole noun phrase); a time or a setting ("on Thursday", "in a
      // statement") does not.
      return postModifier(toks, prep.lower, np) ? { np: outer!, appositionFrom: -1, sourceTo: np.to } : { np: outer!, appositionFrom: -1 };
    }
  }
  return { np, appositionFrom: -1 };
}

/**
 * The whole source phrase after "according to", as PolNeAR marks it: the noun phrase with its
 * modifiers ("exit polls", "a report from the State Department's inspector general", "a study last
 * year by economists at Duke University") up to a comma, a dash, a colon, a parenthesis, a
 * quotation, a relative pronoun or the end of the sentence.
 */
function accordingPhrase(toks: Tok[], from: number): { from: number; to: number } | null {
  const first = toks[from];
  if (!first || first.kind !== 'w') return null;
  let k = from;
  for (; k < toks.length && k - from < 30; k++) {
    const t = toks[k]!;
    if (t.kind === 'q') break;
    if (t.kind === 'p') {
      if (/^[/&'’.-]$/.test(t.text) && toks[k + 1]?.kind === 'w') continue;
      break;
    }
    if (k > from && /^(who|which|that|whom|whose|but|and)$/.test(t.lower) && !(t.lower === 'and' && toks[k + 1]?.kind === 'w' && (toks[k + 1]!.cap || isNounish(toks[k + 1]!.lower)) && !PERSONAL_PRONOUNS.has(toks[k + 1]!.lower))) break;
  }
  return k > from ? { from, to: k } : null;
}

/**
 * A participle with a subject of its own right before it: the noun phrase follows "with", an
 * absolute construction ("..., with 30 percent of voters saying they ..."). (Measured on PolNeAR
 * train: other nouns before a participle — "a poll showing", "a sign saying" — are as often not the
 * annotated source.)
 */
function participleSubject(toks: Tok[], np: { from: number; to: number }): boolean {
  return toks[np.from - 1]?.lower === 'with';
}

/** Heads of a phrase that sets the scene of a statement rather than describing the speaker ("in a statement", "at a rally"). */
const SETTING_NOUNS = new Set(
  ('statement statements interview interviews speech speeches letter letters tweet tweets post posts email emails rally rallies ' +
    'debate debates appearance appearances video videos release remarks conference conferences hearing hearings call calls ' +
    'briefing briefings meeting meetings event events town hall op-ed editorial message messages note notes book memo ' +
    'broadcast show program programme radio television tv twitter facebook instagram response reply testimony address ' +
    'session forum summit visit trip stop campaign ad ads filing filings report reports court').split(' '),
);

/** A prepositional phrase after a speaker that describes it ("officials in Moscow"), not a time or setting ("Lee on Monday", "Lee in a statement"). */
function postModifier(toks: Tok[], prep: string, np: { from: number; to: number }): boolean {
  if (!/^(in|at|from|with|by|on)$/.test(prep)) return false;
  for (let k = np.from; k < np.to; k++) {
    const w = toks[k]!.lower;
    if (TIME_WORD.test(w) || /\d/.test(w) || /^(ago|times?|night|day|days|weeks|months|years|recently|earlier|later)$/.test(w)) return false;
  }
  const head = bare(toks[np.to - 1]!.lower);
  if (SETTING_NOUNS.has(head)) return false;
  // "Lee on Capitol Hill" is a place; "Lee on her plan" is a topic: only capitalised objects after "on".
  if (prep === 'on' && !toks[np.to - 1]!.cap) return false;
  return true;
}

/** A role phrase standing before a name as its own noun phrase ("the state's party chairman", "Google's hiring chief"). */
function roleBeforeName(toks: Tok[], np: { from: number; to: number }): boolean {
  const head = bare(toks[np.to - 1]!.lower);
  if (toks[np.to - 1]!.cap) return false;
  const first = toks[np.from]!;
  return (isTitle(head) || SPEAKER_NOUNS.has(head)) && (isDeterminer(first.lower) || isPossessive(first) || toks.slice(np.from, np.to).some((t) => isPossessive(t)));
}

/**
 * The apposition or relative clause after a speaker named after its cue ("..., said Jane Roe, a
 * lawyer for the family", "according to Ed Poe, who chairs the panel,"): where the whole source
 * phrase ends (a character offset), or null when no apposition follows. PARC 3.0 and PolNeAR mark
 * the source as the full noun phrase, appositions and relative clauses included (PolNeAR
 * guidelines, "Source": the span covers the entire noun phrase with its modifiers), while the
 * speaker mention stays the name. The apposition runs to the end of the sentence, a dash,
 * semicolon, colon, parenthesis or quotation, or a comma before a participle or a conjunction
 * ("..., said Roe, adding that ...").
 */
function appositionAfter(toks: Tok[], from: number): number | null {
  // A pronoun takes no apposition ("according to him, the network ..." is a new clause).
  if (from > 0 && (PERSONAL_PRONOUNS.has(toks[from - 1]!.lower) || OBJECT_PRONOUNS.has(toks[from - 1]!.lower))) return null;
  // "according to an official who was not authorized to speak": a relative clause on a person
  // needs no comma.
  const relative = toks[from]?.lower === 'who' && from > 0 && toks[from - 1]!.kind === 'w';
  if (!relative) {
    if (toks[from]?.text !== ',') return null;
    if (!appositionOpener(toks[from + 1], toks[from + 2]) && !verblessRest(toks, from + 1)) return null;
  }
  let end = -1;
  for (let k = relative ? from : from + 1; k < toks.length && k - from <= 40; k++) {
    const t = toks[k]!;
    // A title in quotation marks inside the apposition ("the author of “Hacked,” who ...").
    if (t.kind === 'q' && k > from + 1 && (toks[k - 1]!.lower === 'of' || isDeterminer(toks[k - 1]!.lower) || isPossessive(toks[k - 1]!))) {
      end = k;
      if (toks[k + 1]?.text === ',' && appositionOpener(toks[k + 2], toks[k + 3])) k++;
      continue;
    }
    if (t.kind === 'q') break;
    if (t.kind === 'p') {
      // A second apposition continues the phrase; a joined hyphen or "&" is inside a word or name.
      if (t.text === ',' && appositionOpener(toks[k + 1], toks[k + 2])) continue;
      if ((t.text === '-' || t.text === '&') && toks[k - 1]?.end === t.start && toks[k + 1]?.start === t.end) continue;
      break;
    }
    end = k;
  }
  return end > from ? toks[end]!.end : null;
}

/**
 * "Jo Lee, associate director of the institute, said": a lowercase noun phrase with no verb between
 * two commas is an apposition even when its first word is also a verb.
 */
function verblessSegment(toks: Tok[], from: number, to: number): boolean {
  const t = toks[from];
  if (!t || t.kind !== 'w' || t.cap || to - from < 2 || to - from > 25 || /ing$/.test(t.lower) || CONJ.has(t.lower) || ADJUNCT_STARTS.has(t.lower) || TIME_WORD.test(t.lower) || isFunctionWord(t.lower) || PERSONAL_PRONOUNS.has(t.lower) || VERB_CUES.has(t.lower) || t.lower === 'that') return false;
  for (let k = from; k < to; k++) if (toks[k]!.kind === 'q') return false;
  return !finiteVerb(toks, from + 1, to) && !hasVerb(toks, [from + 1, to]);
}

/**
 * "..., said Jo Lee, associate director of the institute.": a lowercase noun phrase with no verb up
 * to the end of the sentence (or a dash, semicolon or parenthesis) is an apposition even when its
 * first word is also a verb.
 */
function verblessRest(toks: Tok[], from: number): boolean {
  const t = toks[from];
  if (!t || t.kind !== 'w' || t.cap || /ing$/.test(t.lower) || CONJ.has(t.lower) || ADJUNCT_STARTS.has(t.lower) || TIME_WORD.test(t.lower) || isFunctionWord(t.lower) || PERSONAL_PRONOUNS.has(t.lower) || OBJECT_PRONOUNS.has(t.lower) || VERB_CUES.has(t.lower) || t.lower === 'that') return false;
  let k = from;
  while (k < toks.length && (toks[k]!.kind === 'w' || toks[k]!.text === ',' || toks[k]!.text === '\'' || toks[k]!.text === '’')) k++;
  if (k < toks.length && !/^[.;:—–-]$/.test(toks[k]!.text) && toks[k]!.kind !== 'q') return false;
  if (k - from < 2 || k - from > 25) return false;
  return !finiteVerb(toks, from + 1, k) && !hasVerb(toks, [from + 1, k]);
}

/** A word that can open an apposition or relative clause after a name ("a lawyer", "who", "the city's mayor", "director of"). */
function appositionOpener(t: Tok | undefined, next?: Tok): boolean {
  if (!t || t.kind !== 'w') return false;
  const w = t.lower;
  if (/^(a|an|the|who|whom|whose|which|one|another|now|then|both|each|also|formerly|once|\d.*)$/.test(w)) return true;
  // "Fields, along with a colleague,", "candidates, including Lee and Kim,": the others named belong to the source.
  if (/^(including|along|together|among)$/.test(w)) return true;
  // "Pantucci, at the Royal United Services Institute,", "Ray, of Acme Corp.,": an affiliation.
  if (/^(at|of|from)$/.test(w) && next && (next.cap && !TIME_WORD.test(next.lower) || next.lower === 'the')) return true;
  if (/ing$/.test(w) || CONJ.has(w) || ADJUNCT_STARTS.has(w) || TIME_WORD.test(w) || VERB_CUES.has(w) || w === 'that') return false;
  return t.cap || isPossessive(t) || isTitle(w) || isNounish(w) && !isVerbish(w);
}

/** Bodies of evidence that "show" or "find" something (see `mentionsOf`). */
const EVIDENCE_NOUNS = new Set(
  ('poll polls survey surveys study studies report reports data analysis analyses research figures numbers statistics ' +
    'records documents review audit investigation probe results census estimates count tally exit polling emails email ' +
    'video footage photos images evidence tests models forecast forecasts projections').split(' '),
);

/**
 * The subject opening a sentence, for a participle frame with no subject of its own ("His aide
 * attacked Lee's record, saying ..."): a pronoun, or a noun phrase headed by a name, a speaker or
 * group noun or a body, followed by a verb, an adverb or an apposition's comma.
 */
function subjectAtStart(toks: Tok[], before: number): { from: number; to: number } | null {
  let i = 0;
  while (i < before && (toks[i]!.kind === 'p' || CONNECTIVES.has(toks[i]!.lower))) i++;
  const first = toks[i];
  if (!first || first.kind !== 'w' || i >= before) return null;
  const np = /^(he|she|they|we|i)$/.test(first.lower) ? { from: i, to: i + 1 } : npForward(toks, i);
  if (!np || np.to >= before) return null;
  const next = toks[np.to]!;
  if (!(next.text === ',' || next.kind === 'w' && !next.cap && (isVerbish(next.lower) || isPreVerb(next) || /[a-z]{3}ed$/.test(next.lower)))) return null;
  const head = toks[np.to - 1]!;
  const h = bare(head.lower);
  if (np.to - np.from === 1 && PERSONAL_PRONOUNS.has(h)) return np;
  if (isPossessive(head) || sentenceInitialStop(toks, np.from) && np.to - np.from === 1) return null;
  return head.cap || SPEAKER_NOUNS.has(h) || GROUP_NOUNS.has(h) || ORG_HEADS.has(h) || isTitle(h) || EVIDENCE_NOUNS.has(h) ? np : null;
}

const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me']);

const PP_BEFORE_VERB = new Set(['on', 'in', 'at', 'during', 'after', 'before', 'since', 'from', 'with', 'via', 'through', 'by', 'last', 'this', 'next']);
const TIME_WORD = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|week|month|year|morning|afternoon|evening|night|weekend|january|february|march|april|may|june|july|august|september|october|november|december)$/;

// ---------------------------------------------------------------- speakers

function joinText(text: string, toks: Tok[], from: number, to: number): string {
  return text.slice(toks[from]!.start, toks[to - 1]!.end);
}

interface Resolved {
  name: string | null;
  entity: Entity | null;
  channel: string | null;
}

/** The person or body a speaker phrase names (pronouns and role phrases resolved). */
function resolveSpeaker(ctx: Ctx, toks: Tok[], np: { from: number; to: number }, sent: number, pos: number, cueKind: string): Resolved {
  const words = toks.slice(np.from, np.to);
  const first = words[0]!;
  if (words.length === 1 && (PERSONAL_PRONOUNS.has(first.lower) || OBJECT_PRONOUNS.has(first.lower))) {
    const p = first.lower;
    if (p === 'who' || p === 'which' || p === 'that') {
      // "Lou Dobbs, who said ..." → the phrase before the relative pronoun.
      let k = np.from - 1;
      if (toks[k]?.text === ',') k--;
      const prev = k >= 0 ? npBackward(toks, k) : null;
      if (prev && !(prev.to - prev.from === 1 && PERSONAL_PRONOUNS.has(toks[prev.from]!.lower))) return resolveSpeaker(ctx, toks, prev, sent, pos, cueKind);
      return { name: null, entity: null, channel: null };
    }
    const e = ctx.reg.resolvePronoun(p, pos, sent);
    return { name: e?.name ?? null, entity: e, channel: null };
  }
  const ch = channelName(words);
  if (ch) {
    const e = ctx.reg.entityFor(words, 'org');
    rename(e, ch);
    return { name: ch, entity: e, channel: ch };
  }
  // Drop leading determiners and lowercase modifiers before a capitalised name. A role noun
  // before "of" ("the leader of the DPRK", "a spokesman for the campaign") heads the phrase.
  let s = 0;
  const ofAt = words.findIndex((w) => w.lower === 'of' || w.lower === 'for' || w.lower === 'at');
  // "former secretary of state Hillary Clinton": a name at the end wins over the role before "of".
  const endsInName = words[words.length - 1]!.cap && !isPossessive(words[words.length - 1]!) && analyseName(words.filter((w) => !isDeterminer(w.lower))).kind === 'person';
  const headPart = ofAt > 0 && !endsInName ? words.slice(0, ofAt) : words;
  // A capital that only marks the start of the sentence is no name ("Officials said", "Critics say").
  const initialCommon = (w: Tok, k: number) => k === 0 && (np.from === 0 || toks[np.from - 1]!.kind !== 'w') && (GROUP_NOUNS.has(w.lower) || SPEAKER_NOUNS.has(w.lower) || isDeterminer(w.lower));
  const firstCap = headPart.some((w, k) => w.cap && !initialCommon(w, k)) ? words.findIndex((w, k) => w.cap && !initialCommon(w, k)) : -1;
  if (firstCap >= 0) {
    while (s < firstCap && (isDeterminer(words[s]!.lower) || !words[s]!.cap && !isTitle(words[s]!.lower))) s++;
    // "The White House" → "White House": an article is not part of a body's name.
    while (s < words.length - 1 && /^(the|a|an)$/.test(words[s]!.lower)) s++;
    const phrase = words.slice(s);
    const parts = analyseName(phrase);
    if (parts.kind === 'org' || parts.kind === 'place') {
      const e = ctx.reg.entityFor(phrase, 'org');
      return { name: e.name, entity: e, channel: null };
    }
    if (parts.name.length > 0) {
      // A lone unknown capitalised word speaking is a person ("Trump said"); several words that
      // failed the person test ("the Wisconsin Republican") are a description, not a name.
      const kind = parts.kind === 'person' || parts.kind === 'unknown' && parts.name.length === 1 ? 'person' : 'group';
      // A capitalised common word ("The President") with no name: a role phrase.
      const e = ctx.reg.entityFor(parts.name, kind, parts.roles, parts.gender);
      return { name: e.name, entity: e, channel: null };
    }
  }
  // A common noun phrase: "the minister", "officials", "a spokesman for the campaign".
  const lowers = headPart.map((w) => bare(w.lower));
  const head = lowers[lowers.length - 1]!;
  const definite = lowers[0] === 'the' || lowers[0] === 'this';
  if (definite && headPart.length <= 4 && ofAt < 0) {
    const e = ctx.reg.resolveRole(head, pos);
    if (e) return { name: e.name, entity: e, channel: null };
  }
  const phrase = joinText(ctx.text, toks, np.from, np.to);
  if (GROUP_NOUNS.has(head) || ORG_HEADS.has(head)) {
    const e = ctx.reg.entityFor(words, GROUP_NOUNS.has(head) ? 'group' : 'org');
    rename(e, phrase.replace(/^(?:the|The) /, ''));
    return { name: phrase, entity: e, channel: null };
  }
  if (SPEAKER_NOUNS.has(head) || isTitle(head) || cueKind !== 'evidence') return { name: phrase, entity: null, channel: null };
  return { name: phrase, entity: null, channel: null };
}

// ---------------------------------------------------------------- names in a sentence

const TITLE_CAP = /^(mr|mrs|ms|dr|sen|rep|gov|gen|prof|president|minister|secretary|senator|governor)\.?$/;

/** Registers the people and bodies named in a sentence (outside quotations) and reads gender cues. */
function registerNames(ctx: Ctx, toks: Tok[], sent: number): void {
  let first: Entity | null = null;
  let firstEnd = -1;
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    const startsRun = t.kind === 'w' && (t.cap || isTitle(t.lower) && toks[i + 1]?.cap);
    if (!startsRun) {
      i++;
      continue;
    }
    let j = i;
    while (j < toks.length) {
      const u = toks[j]!;
      if (u.kind === 'w' && (u.cap || /^(?:al|el|bin|van|von|de|da|du|del|la|le)$/.test(u.lower) && toks[j + 1]?.cap || isTitle(u.lower) && !u.cap && toks[j + 1]?.cap)) {
        j++;
        if (isPossessive(u) && !(toks[j]?.cap && ORG_HEADS.has(bare(toks[j]!.lower)))) break;
        continue;
      }
      if ((u.lower === 'of' || u.lower === 'for') && toks[j + 1]?.cap && j > i) {
        j++;
        continue;
      }
      if (u.kind === 'p' && u.text === '-' && toks[j + 1]?.cap) {
        j++;
        continue;
      }
      break;
    }
    let s = i;
    while (s < j && (sentenceInitialStop(toks, s) || NOT_NAME.has(bare(toks[s]!.lower)) && !TITLE_CAP.test(toks[s]!.lower))) s++;
    while (j > s && ['of', 'for'].includes(toks[j - 1]!.lower)) j--;
    if (j > s) {
      const phrase = toks.slice(s, j);
      const parts = analyseName(phrase);
      let e: Entity | null = null;
      const ch = channelName(phrase);
      if (parts.kind === 'org' && phrase.length >= 2 || ch) {
        e = ctx.reg.entityFor(phrase, 'org');
        if (ch) rename(e, ch);
      } else if (parts.kind === 'person' && parts.name.length > 0) {
        if (parts.evidence || ctx.reg.knownPerson(parts.name)) e = ctx.reg.entityFor(parts.name, 'person', parts.roles, parts.gender);
      } else if (parts.kind === 'unknown' && parts.name.length === 1) {
        if (ctx.reg.knownPerson(parts.name)) e = ctx.reg.entityFor(parts.name, 'person');
      }
      if (e) {
        const nameToks = parts.kind === 'person' ? parts.name : phrase;
        const m = ctx.reg.mention(e, nameToks[0]!.start, nameToks[nameToks.length - 1]!.end, sent, first ? 'other' : 'subject');
        if (!first && e.kind === 'person') {
          first = e;
          firstEnd = m.end;
        } else if (!first) first = e;
      }
    }
    i = Math.max(j, i + 1);
  }
  // "Kim Jong Un told ... that his country ...": gender from a pronoun after the subject.
  if (first && first.kind === 'person') {
    for (const t of toks) {
      if (t.start < firstEnd || t.kind !== 'w') continue;
      if (t.cap && !NOT_NAME.has(t.lower) && t.lower !== 'he' && t.lower !== 'she' && t.lower !== 'his' && t.lower !== 'her') {
        const other = ctx.reg.inSentence(sent).find((m) => m.start === t.start && m.entity !== first && m.entity.kind === 'person');
        if (other) break;
      }
      if (/^(he|his|him|himself)$/.test(t.lower)) {
        ctx.reg.setGender(first, 'm');
        break;
      }
      if (/^(she|her|hers|herself)$/.test(t.lower)) {
        ctx.reg.setGender(first, 'f');
        break;
      }
    }
  }
}

// ---------------------------------------------------------------- frames

function makeFrame(ctx: Ctx, toks: Tok[], cue: Cue, sent: number, frames: Frame[]): Frame | null {
  const { entry } = cue;
  const base: Frame = {
    sent, toks, cue, np: null, inverted: false, coverFrom: cue.ti, coverTo: cue.tj, contentFrom: cue.tj, hadThat: false,
    before: null, after: null, speaker: null, entity: null, speakerStart: null, speakerEnd: null, speakerMention: null, sourceEnd: null,
    channel: null, cited: null, quotes: [], via: null,
  };
  const prev = toks[cue.ti - 1];
  // "Jane Roe, a spokeswoman for the council, said": the end of the apposition, when there is one.
  let appositionEnd: number | null = null;
  let sourceStart: number | null = null;
  if (cue.passive) {
    const np = npForward(toks, cue.tj + 1);
    if (!np) return null;
    base.np = np;
    base.inverted = true;
    // "..., as first reported by X": the auxiliary, adverbs and "as" before the verb belong to the frame.
    let from = cue.ti;
    while (from > 0 && toks[from - 1]!.kind === 'w' && (BE.has(toks[from - 1]!.lower) || /^(as|first|also|later|previously|been|being|has|have|had|widely|publicly|recently|originally)$/.test(toks[from - 1]!.lower) || /ly$/.test(toks[from - 1]!.lower))) from--;
    base.coverFrom = from;
    base.coverTo = np.to;
    base.contentFrom = np.to;
  } else if (entry.lemma === 'according') {
    // "according to him": an object pronoun is the source too.
    const pronoun = OBJECT_PRONOUNS.has(toks[cue.tj]?.lower ?? '');
    const phrase = pronoun ? null : accordingPhrase(toks, cue.tj);
    const np = pronoun ? { from: cue.tj, to: cue.tj + 1 } : npForward(toks, cue.tj) ?? phrase;
    if (!np) return null;
    base.np = np;
    base.inverted = true;
    base.coverTo = Math.max(np.to, phrase?.to ?? 0);
    base.contentFrom = base.coverTo;
    if (phrase && phrase.to > np.to) appositionEnd = toks[phrase.to - 1]!.end;
  } else {
    // Inverted: "“...,” said Kim", "..., stated the North Korean Ministry of Foreign Affairs".
    let afterQuote = prev && (prev.kind === 'q' || prev.text === ',' && (toks[cue.ti - 2]?.kind === 'q' || cue.ti >= 3));
    // "Jo Lee, a spokesman for the city, said the plan ...": a subject with its apposition before
    // the comma, not content, so the verb is not inverted.
    if (afterQuote && prev!.kind !== 'q' && toks[cue.ti - 2]?.kind !== 'q') {
      const sub = subjectBefore(toks, cue.ti);
      if (sub && sub.appositionTo !== undefined && sub.np.from <= 1 && appositionOpener(toks[sub.appositionFrom + 1], toks[sub.appositionFrom + 2])) afterQuote = false;
      // "Polk County chairman Will Rogers, for example, said ...": no verb before the comma, so
      // nothing there was said.
      if (!hasVerb(toks, [0, cue.ti - 1]) && !finiteVerb(toks, 0, cue.ti - 1)) afterQuote = false;
    }
    if (entry.inverts && afterQuote) {
      const np = npForward(toks, cue.tj);
      const next = np ? toks[np.to] : undefined;
      if (np && !(np.to - np.from === 1 && PERSONAL_PRONOUNS.has(toks[np.from]!.lower) && next && next.kind === 'w')
        && (!next || next.kind === 'p' || ADJUNCT_STARTS.has(next.lower) || next.cap && /day$/.test(next.lower) || next.lower === 'who' && !PERSONAL_PRONOUNS.has(toks[np.to - 1]!.lower))) {
        base.np = np;
        base.inverted = true;
        base.coverTo = np.to;
        base.contentFrom = np.to;
      }
    }
    if (!base.np) {
      const sub = subjectBefore(toks, cue.ti);
      // Only a noun phrase or relative clause extends the source ("Lee, a lawyer, said"), not an
      // adjunct ("Lee, in a statement, said").
      if (sub?.appositionTo !== undefined && (appositionOpener(toks[sub.appositionFrom + 1], toks[sub.appositionFrom + 2]) || verblessSegment(toks, sub.appositionFrom + 1, sub.appositionTo))) appositionEnd = toks[sub.appositionTo - 1]!.end;
      if (sub?.sourceTo !== undefined) appositionEnd = toks[sub.sourceTo - 1]!.end;
      if (sub?.sourceFrom !== undefined) sourceStart = toks[sub.sourceFrom]!.start;
      const form = toks[cue.ti]!.lower;
      let between = '';
      if (sub) for (let k = sub.np.to; k < cue.ti; k++) between += ` ${toks[k]!.lower}`;
      // "It is worth noting": a participle has a subject of its own only in a progressive
      // ("Trump is saying"); otherwise it hangs off the sentence's subject.
      const participle = /ing$/.test(form) && cue.tj - cue.ti === 1;
      const own = participle && !between.trim() && sub ? participleSubject(toks, sub.np) : false;
      if (own && sub) {
        // "with 30 percent of voters saying ...": the noun phrase right before the participle is its subject.
        base.np = sub.np;
        base.coverFrom = sub.np.from;
        if (sub.sourceTo !== undefined) appositionEnd = toks[sub.sourceTo - 1]!.end;
      } else if (sub && participle && !/\b(is|are|was|were|be|been|am|'s|’s)\b/.test(between)) {
        // falls through to the inherited subject below
      } else if (sub && form === cue.entry.lemma && form !== ':' && cue.tj - cue.ti === 1 && !between.trim()) {
        // A bare base form after a singular name is not a finite verb ("helped Assad maintain").
        const last = toks[sub.np.to - 1]!;
        const plural = /s$/.test(last.lower) || PERSONAL_PRONOUNS.has(last.lower) || GROUP_NOUNS.has(last.lower);
        if (plural || !last.cap) {
          base.np = sub.np;
          base.coverFrom = sub.np.from;
        } else if (!sub) return null;
        else return null;
      } else if (sub) {
        base.np = sub.np;
        base.coverFrom = sub.np.from;
      }
    }
  }
  if (base.np) {
    const r = resolveSpeaker(ctx, toks, base.np, sent, toks[base.np.from]!.start, entry.kind);
    // "a “force” that continues to ...": a relative pronoun with no speaker before it is no frame.
    if (!r.name && base.np.to - base.np.from === 1 && /^(who|which|that)$/.test(toks[base.np.from]!.lower)) return null;
    // "“...,” said an engineer who asked not to be named": a relative clause on an inverted speaker
    // describes the source; its verb frames nothing.
    if (base.np.to - base.np.from === 1 && /^(who|which|that)$/.test(toks[base.np.from]!.lower) && frames.some((f) => f.inverted && f.coverTo === base.np!.from)) return null;
    base.speaker = r.name;
    base.entity = r.entity;
    base.channel = r.channel;
    base.speakerStart = toks[base.np.from]!.start;
    base.speakerEnd = toks[base.np.to - 1]!.end;
    base.speakerMention = ctx.text.slice(base.speakerStart, base.speakerEnd);
    // "According to a poll, 91 percent ...": a sentence-initial "according to" phrase ends at its comma.
    const opening = entry.lemma === 'according' && cue.ti <= 1;
    base.sourceEnd = appositionEnd ?? (base.inverted && !opening ? appositionAfter(toks, base.np.to) : null) ?? base.speakerEnd;
    if (sourceStart !== null) base.sourceStart = sourceStart;
    if (r.entity) ctx.reg.mention(r.entity, base.speakerStart, base.speakerEnd, sent, 'speaker');
  } else {
    // "..., saying ...", "and added ...": the subject of the sentence speaks.
    const p = prev?.lower ?? '';
    const opener = prev && (prev.text === ',' || CONJ.has(p) || prev.text === ';' || prev.text === '—' || prev.text === '-' || prev.text === '(');
    if (!opener && !/ing$/.test(toks[cue.ti]!.lower)) return null;
    const earlier = [...frames].reverse().find((f) => f.sent === sent && f.cue.ti < cue.ti && (f.speaker || f.speakerMention));
    const subject = earlier ? null : subjectAtStart(toks, cue.ti);
    if (earlier && !earlier.channel) {
      Object.assign(base, { speaker: earlier.speaker, entity: earlier.entity, speakerStart: earlier.speakerStart, speakerEnd: earlier.speakerEnd, speakerMention: earlier.speakerMention, sourceEnd: earlier.sourceEnd, sourceStart: earlier.sourceStart });
    } else if (subject) {
      // "Both parents denounced Mr. Trump, saying ...": the subject of the sentence, not the
      // first name in it, speaks through the participle.
      const r = resolveSpeaker(ctx, toks, subject, sent, toks[subject.from]!.start, entry.kind);
      if (!r.name && !PERSONAL_PRONOUNS.has(toks[subject.from]!.lower)) return null;
      const start = toks[subject.from]!.start;
      const end = toks[subject.to - 1]!.end;
      Object.assign(base, { speaker: r.name, entity: r.entity, channel: r.channel, speakerStart: start, speakerEnd: end, speakerMention: ctx.text.slice(start, end), sourceEnd: appositionAfter(toks, subject.to) ?? end });
      if (r.entity) ctx.reg.mention(r.entity, start, end, sent, 'speaker');
    } else {
      const before = ctx.reg.inSentence(sent).filter((m) => m.start < toks[cue.ti]!.start && m.role !== 'other');
      const subj = before.find((m) => m.entity.kind === 'person') ?? before[0];
      if (subj) {
        Object.assign(base, { speaker: subj.entity.name, entity: subj.entity, speakerStart: subj.start, speakerEnd: subj.end, speakerMention: ctx.text.slice(subj.start, subj.end) });
      } else {
        const pron = toks.findIndex((t, k) => k < cue.ti && t.kind === 'w' && /^(he|she|they)$/.test(t.lower));
        if (pron < 0) {
          // "The Republican candidate appeared to ..., saying": the phrase that opens the sentence.
          const np = toks[0]?.kind === 'w' && toks[0]!.cap && (isDeterminer(toks[0]!.lower) || !sentenceInitialStop(toks, 0)) ? npForward(toks, 0) : null;
          const head = np ? bare(toks[np.to - 1]!.lower) : '';
          if (!np || np.to > cue.ti || !(toks[np.to - 1]!.cap || SPEAKER_NOUNS.has(head) || GROUP_NOUNS.has(head) || ORG_HEADS.has(head) || isTitle(head))) return null;
          const r = resolveSpeaker(ctx, toks, np, sent, toks[np.from]!.start, entry.kind);
          if (!r.name) return null;
          Object.assign(base, { speaker: r.name, entity: r.entity, channel: r.channel, speakerStart: toks[np.from]!.start, speakerEnd: toks[np.to - 1]!.end, speakerMention: ctx.text.slice(toks[np.from]!.start, toks[np.to - 1]!.end) });
          if (r.entity) ctx.reg.mention(r.entity, toks[np.from]!.start, toks[np.to - 1]!.end, sent, 'speaker');
          return finishFrame(toks, base);
        }
        const e = ctx.reg.resolvePronoun(toks[pron]!.lower, toks[pron]!.start, sent);
        Object.assign(base, { speaker: e?.name ?? null, entity: e, speakerStart: toks[pron]!.start, speakerEnd: toks[pron]!.end, speakerMention: toks[pron]!.text });
      }
    }
  }
  return finishFrame(toks, base);
}

/** Where the content after the cue starts: after a listener, adverbs, adjuncts and "that". */
function finishFrame(toks: Tok[], base: Frame): Frame {
  const { cue } = base;
  const entry = cue.entry;
  // The listener of "told", "assured", "warned": skipped, and a channel when it is one ("told AFP").
  let k = base.contentFrom;
  if (entry.listener && toks[k]?.kind === 'w' && toks[k]!.lower !== 'that') {
    // An object pronoun ("telling them, “...”") is a listener too.
    const l = /^(him|her|them|us|me|you)$/.test(toks[k]!.lower) ? { from: k, to: k + 1 } : npForward(toks, k);
    if (l && !(l.to - l.from === 1 && /^(he|she|they|it|we|i)$/.test(toks[l.from]!.lower))) {
      k = l.to;
      base.coverTo = Math.max(base.coverTo, l.to);
    }
  }
  // "added warily: “...”": adverbs after the verb.
  while (toks[k] && isPreVerb(toks[k]!) && toks[k]!.lower !== 'that') k++;
  // "said in a statement: “...”", "told CNN on Sunday, “...”": adjuncts before a quotation.
  for (let m = k; m < Math.min(toks.length - 1, k + 10); m++) {
    const t = toks[m]!;
    if (t.kind === 'q' || t.kind === 'w' && isVerbish(t.lower) && !t.cap && !ADJUNCT_STARTS.has(t.lower)) break;
    if ((t.text === ':' || t.text === ',') && toks[m + 1]!.kind === 'q') {
      if (m > k && (ADJUNCT_STARTS.has(toks[k]!.lower) || toks[k]!.cap || TIME_WORD.test(toks[k]!.lower))) {
        k = m + 1;
        base.coverTo = Math.max(base.coverTo, m);
      }
      break;
    }
    if (t.kind === 'p' && t.text !== '-') break;
  }
  // Adjuncts before "that": "said on Tuesday that", "said in a statement that".
  if (toks[k]?.lower !== 'that') {
    for (let m = k; m < Math.min(toks.length, k + 12); m++) {
      const t = toks[m]!;
      if (t.kind === 'q' || t.kind === 'p' && t.text !== ',' && t.text !== '-' || t.kind === 'w' && isVerbish(t.lower) && !t.cap && !ADJUNCT_STARTS.has(t.lower)) break;
      if (t.lower === 'that' && m > k) {
        if (ADJUNCT_STARTS.has(toks[k]!.lower) || toks[k]!.cap) k = m;
        break;
      }
    }
  }
  if (toks[k]?.lower === 'that') {
    base.hadThat = true;
    k++;
  }
  base.contentFrom = k;
  return base;
}

function looksLikeContent(toks: Tok[], from: number, to: number, strict: boolean): boolean {
  let words = 0;
  for (let k = from; k < to; k++) {
    if (toks[k]!.kind === 'q') return true;
    if (toks[k]!.kind === 'w') words++;
  }
  const first = toks[from];
  if (!first || words < (strict ? 3 : 2)) return false;
  if (!strict) return true;
  // Sentence connectives first ("But when contacted, ..."): what follows them decides.
  let i = from;
  while (i < to - 1 && CONNECTIVES.has(toks[i]!.lower)) i++;
  const head = toks[i]!;
  const w = head.lower;
  // "Emphasizing the urgency, Trump said": an opening participle is an adverbial, unless a finite
  // verb makes it a gerund subject ("Seeing him suffer taught me patience, she said").
  if (/ing$/.test(w) && head.cap) return finiteVerb(toks, i + 1, to);
  // "But he operates differently, he said", "This makes it harder, she said".
  if (w === 'this' || !CLAUSE_OPENERS.has(w) && !SUBORDINATORS.has(w)) return i === from || finiteVerb(toks, i, to);
  // A preposition, participle or subordinate clause ("In that step, ...", "As a woman, ...",
  // "After the vote ended, ..."): content only when a main clause follows a comma ("In that last
  // step, officers can search ..., officials said"), not a relative clause ("In Iowa, where ...").
  for (let k = i + 1; k < to - 1; k++) {
    if (toks[k]!.text !== ',') continue;
    const nw = toks[k + 1]!.lower;
    if (!SUBORDINATORS.has(nw) && !RELATIVES.has(nw) && finiteVerb(toks, k + 1, to)) return true;
  }
  return false;
}

/** A finite verb in `from..to`: a verb form the lexicon knows (not a participle) or a regular past form ("closed"). */
function finiteVerb(toks: Tok[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = toks[k]!;
    if (t.kind === 'q') return true;
    if (t.kind === 'w' && !t.cap && (isVerbish(t.lower) && !/ing$/.test(t.lower) && !isTitle(t.lower) || /[a-z]{3}ed$/.test(t.lower))) return true;
  }
  return false;
}

const SUBORDINATORS = new Set(['after', 'before', 'since', 'when', 'while', 'as', 'if', 'although', 'though', 'because', 'following', 'despite', 'like', 'unlike', 'without']);
const CONNECTIVES = new Set(['but', 'and', 'so', 'also', 'however', 'yet', 'still', 'then']);
const RELATIVES = new Set(['where', 'who', 'whom', 'whose', 'which', 'that']);

function hasVerb(toks: Tok[], r: [number, number]): boolean {
  for (let k = r[0]; k < r[1]; k++) {
    const t = toks[k]!;
    if (t.kind === 'q') return true;
    if (t.kind === 'w' && !t.cap && isVerbish(t.lower) && !isTitle(t.lower)) return true;
  }
  return false;
}

function trimRange(toks: Tok[], from: number, to: number): [number, number] | null {
  while (from < to && (toks[from]!.kind === 'p' && toks[from]!.text !== '(' || IGNORABLE.has(toks[from]!.lower) && toks[from + 1]?.kind !== 'p')) from++;
  while (to > from && (toks[to - 1]!.kind === 'p' && !/[)\]]/.test(toks[to - 1]!.text) || CONJ.has(toks[to - 1]!.lower))) to--;
  return to > from ? [from, to] : null;
}

/** Content ranges of the frames of one sentence. */
function setRegions(frames: Frame[], toks: Tok[]): void {
  frames.sort((a, b) => a.cue.ti - b.cue.ti);
  for (let f = 0; f < frames.length; f++) {
    const fr = frames[f]!;
    const prevF = frames[f - 1];
    const nextF = frames[f + 1];
    const lo = prevF ? Math.min(prevF.coverTo, fr.coverFrom) : 0;
    let cut = fr.coverFrom;
    if (toks[cut - 1]?.text === ',') cut--;
    // Content before the frame: "“...,” he said", "X is true, she said", "..., according to Y".
    // A frame with an inherited speaker ("..., saying") has none; for "Kim, in a message, said"
    // the words before the comma must read as a clause, not an opening adverbial.
    const inherited = !fr.np || fr.np.to - fr.np.from === 1 && /^(who|which|that)$/.test(toks[fr.np.from]!.lower);
    const beforeOk = !inherited && fr.coverFrom > 0 && (fr.inverted || toks[fr.coverFrom - 1]!.text === ',' || toks[fr.coverFrom - 1]!.kind === 'q' || toks[fr.coverFrom - 1]!.text === '—')
      && looksLikeContent(toks, lo, cut, !fr.inverted);
    if (beforeOk && !(fr.cue.entry.lemma === 'according' && fr.coverFrom <= 1)) {
      // Start after an earlier frame of the same sentence only when it has no content after it.
      // After an earlier frame of the sentence: from the end of that frame when its own content
      // is before it ("“A,” she said, but ..., “B,” said Kunin"); from the sentence start when
      // its content runs into this one ("Kim affirmed that ..., KCNA said": nested).
      let from = 0;
      if (prevF && prevF.coverTo <= fr.coverFrom) {
        const nested = !prevF.before && prevF.contentFrom < fr.coverFrom && looksLikeContent(toks, prevF.contentFrom, cut, true);
        from = nested ? 0 : prevF.coverTo;
      }
      let r = trimRange(toks, from, cut);
      // "As for his critics, “...,” said Pike": words before the quotation and a comma are an
      // adverbial, not part of what was said.
      if (r) {
        let lastQ = -1;
        for (let k = r[0]; k < r[1]; k++) if (toks[k]!.kind === 'q') lastQ = k;
        if (lastQ > r[0] && lastQ === r[1] - 1 && toks[lastQ - 1]!.text === ',' && !hasWords(toks, [lastQ, r[1]])) {
          let firstQ = lastQ;
          while (firstQ - 2 >= r[0] && toks[firstQ - 1]!.text === ',' && toks[firstQ - 2]!.kind === 'q') firstQ -= 2;
          if (toks[firstQ - 1]!.text === ',') r = [firstQ, r[1]];
        }
      }
      // The part kept after an earlier frame must itself read as content.
      fr.before = r && (fr.inverted || looksLikeContent(toks, r[0], r[1], true)) ? r : null;
    }
    // After the cue: up to the next frame (its subject, or the comma before a participle).
    let end = toks.length;
    // "She said she did feel let down", "Lee said Kim told him that ...": a frame right where this
    // one's content starts is nested in it, so the content runs on over it (PARC 3.0 nests
    // attributions; the outer content holds the inner frame).
    const nested = nextF && nextF.np && !nextF.inverted && !fr.inverted && nextF.coverFrom === fr.contentFrom;
    if (nextF && !nested) {
      end = nextF.coverFrom;
      if (!nextF.np && nextF.speakerStart !== null) end = nextF.cue.ti;
      while (end > fr.contentFrom && (toks[end - 1]!.text === ',' || CONJ.has(toks[end - 1]!.lower))) end--;
    }
    const next = toks[fr.coverTo];
    const opensQuote = next && (next.text === ',' || next.text === ':' || next.text === '—') && toks[fr.coverTo + 1]?.kind === 'q' || next?.kind === 'q';
    // "On “Meet the Press” Sunday, he said, “...”": when a quotation follows the frame, words
    // opening with a preposition before it are the setting, even with a title in quotation marks.
    if (fr.before && opensQuote && !fr.inverted && toks[fr.before[0]]!.kind === 'w' && SETTING_OPENERS.has(toks[fr.before[0]]!.lower)) fr.before = null;
    // "Some of the tribe's members, he said, were involved in ...": a frame inside its clause.
    if (fr.before && !fr.inverted && next?.text === ',' && !hasVerb(toks, fr.before) && end > fr.coverTo + 1) {
      const rest = trimRange(toks, fr.coverTo + 1, end);
      if (rest) fr.before = [fr.before[0], rest[1]];
      continue;
    }
    // "Around that time, most voters said they would stay home": words before the subject with no
    // verb are an adverbial, not what was said, when a clause follows the cue (PARC 3.0: content
    // is a clause or a noun phrase standing for one).
    if (fr.before && !fr.inverted && !hasVerb(toks, fr.before) && fr.contentFrom < end && looksLikeContent(toks, fr.contentFrom, end, false) && hasVerb(toks, [fr.contentFrom, end])) fr.before = null;
    if (fr.before && !opensQuote && !fr.hadThat) continue;
    if (fr.cue.entry.lemma === 'according' && fr.before) continue;
    let from = fr.contentFrom;
    if (fr.cue.entry.lemma === 'according') {
      while (from < toks.length && toks[from]!.text !== ',') from++;
    }
    if (end > from) fr.after = trimRange(toks, from, end);
  }
}

// ---------------------------------------------------------------- main

const DEFAULTS: Required<QuoteOptions> = { indirect: true, thoughts: true, leadChannel: true };

interface SentInfo {
  s: Sentence;
  toks: Tok[];
  frames: Frame[];
}

/**
 * Quotations and reported speech in `text`, in text order. Offsets are into `text`. See the module
 * comment for the rules; `QuoteMention` for the fields.
 */
export function extractQuotes(text: string, options: QuoteOptions = {}): QuoteMention[] {
  const opts = { ...DEFAULTS, ...options };
  const quotes = findQuotes(text);
  const ctx: Ctx = { text, quotes, reg: new Registry(), options: opts };
  const paras = paragraphsOf(text);
  const sentences: Sentence[] = [];
  let qi = 0;
  for (const p of paras) {
    while (qi < quotes.length && quotes[qi]!.close <= p.start) qi++;
    sentencesOf(text, p, quotes, qi, sentences);
  }
  const infos: SentInfo[] = [];
  const notes: ChannelNote[] = [];
  qi = 0;
  for (const s of sentences) {
    while (qi < quotes.length && quotes[qi]!.close <= s.start) qi++;
    const toks = tokensOf(text, s.start, s.end, quotes, qi);
    registerNames(ctx, toks, s.index);
    const own: Frame[] = [];
    for (const cue of findCues(toks, s.para === 0 && s.index === 0)) {
      const f = makeFrame(ctx, toks, cue, s.index, own);
      if (f) own.push(f);
    }
    setRegions(own, toks);
    assignQuotes(own, toks);
    notes.push(...findChannelNotes(ctx.reg, toks, s, own, paras));
    infos.push({ s, toks, frames: own });
  }
  attachLoneQuotes(ctx, infos);
  const all = infos.flatMap((i) => i.frames);
  assignChannels(all, notes, opts.leadChannel);
  return mentionsOf(ctx, all);
}

/** Each quotation goes to the innermost frame whose content holds it. */
function assignQuotes(frames: Frame[], toks: Tok[]): void {
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind !== 'q') continue;
    let best: Frame | null = null;
    let bestRegion: [number, number] | null = null;
    let bestSize = Infinity;
    let bestDist = Infinity;
    for (const f of frames) {
      for (const r of [f.before, f.after]) {
        if (!r || k < r[0] || k >= r[1]) continue;
        // "Cruz continued: “...”" frames a whole quotation, never words inside a clause.
        if (f.cue.entry.quoteOnly && hasWords(toks, r)) continue;
        if (f.cue.passive) continue;
        const size = r[1] - r[0];
        const dist = Math.min(Math.abs(f.cue.ti - k), Math.abs(f.cue.tj - 1 - k));
        if (size < bestSize || size === bestSize && dist < bestDist) {
          best = f;
          bestRegion = r;
          bestSize = size;
          bestDist = dist;
        }
      }
    }
    // "... fight what he called “homegrown terrorism”": a quotation inside the clause of a frame
    // that is itself nested in another frame's reported content belongs to the outer statement.
    if (best && best.np && bestRegion && hasWords(toks, bestRegion) && bestRegion[1] - bestRegion[0] > 1) {
      const at = best.np.from;
      const outer = frames.find((g) => g !== best && !g.channel && !g.cue.entry.quoteOnly && (g.after ? [g.after] : [g.before, g.after]).some((r) => r && at >= r[0] && at < r[1] && k >= r[0] && k < r[1]));
      if (outer) best = outer;
    }
    if (best && !best.channel) best.quotes.push(t.q);
    else if (best && best.channel) {
      // "“...,” KCNA said": the agency is the source when no one else in the sentence speaks.
      best.quotes.push(t.q);
    }
  }
}

function hasVerbBefore(toks: Tok[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = toks[k]!;
    if (t.kind === 'q' || t.kind === 'w' && !t.cap && isVerbish(t.lower) && !/ing$/.test(t.lower) && !isTitle(t.lower)) return true;
  }
  return false;
}

function hasWords(toks: Tok[], r: [number, number]): boolean {
  for (let k = r[0]; k < r[1]; k++) if (toks[k]!.kind === 'w' && !IGNORABLE.has(toks[k]!.lower)) return true;
  return false;
}

function quoteOnlySentence(info: SentInfo): boolean {
  let words = 0;
  let q = 0;
  for (const t of info.toks) {
    if (t.kind === 'q') q++;
    else if (t.kind === 'w') words++;
  }
  return q > 0 && words === 0;
}

/** Quotations with no frame in their sentence: a bare "X said." after, a colon intro before, or a continued quote. */
function attachLoneQuotes(ctx: Ctx, infos: SentInfo[]): void {
  const owner = new Map<number, Frame>();
  for (const info of infos) for (const f of info.frames) for (const q of f.quotes) if (!owner.has(q)) owner.set(q, f);
  let lastQuoteFrame: Frame | null = null;
  let lastQuotePara = -1;
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i]!;
    for (const t of info.toks) {
      if (t.kind !== 'q') continue;
      const own = owner.get(t.q);
      if (own) {
        lastQuoteFrame = own;
        lastQuotePara = ctx.quotes[t.q]!.multi ? info.s.para : info.s.para;
        continue;
      }
      if (!quoteOnlySentence(info)) continue;
      let f: Frame | null = null;
      const next = infos[i + 1];
      const prev = infos[i - 1];
      const nf = next?.frames[0];
      if (next && nf && next.s.para === info.s.para && nf.speakerMention && !nf.before && nf.coverFrom === 0
        && (!nf.after || ADJUNCT_STARTS.has(next.toks[nf.after[0]]!.lower) && !nf.hadThat)) {
        // "“...?” Netanyahu said in a video posted on Thursday.": the frame after the quote.
        f = nf;
        f.after = null;
      } else if (prev && prev.frames.length > 0 && introduces(ctx, prev)) {
        // "Cruz continued:" / "X said in a statement." then the quotation.
        f = prev.frames[prev.frames.length - 1]!;
      } else if (dashSignature(ctx, infos, i)) {
        // A quotation paragraph signed on the next line: "- Bernie Sanders."
        f = dashSignature(ctx, infos, i);
      } else if (lastQuoteFrame && lastQuoteFrame.speakerMention && info.s.para - lastQuotePara <= 1 && !infos.slice(lastQuoteFrame.sent + 1, i).some((x) => x.frames.some((fr) => fr.quotes.length === 0))) {
        // A quote-only sentence or paragraph right after a quoted speaker continues the same
        // statement ("“A,” he said. “B.”", and a quoted paragraph after a quoted paragraph), as
        // news writing marks a change of speaker with a new frame.
        f = lastQuoteFrame;
      }
      if (f) {
        f.quotes.push(t.q);
        owner.set(t.q, f);
        lastQuoteFrame = f;
        lastQuotePara = info.s.para;
      }
    }
  }
}

/** The sentence ends with a colon after a frame, or with a frame that has no content of its own. */
function introduces(ctx: Ctx, info: SentInfo): boolean {
  const f = info.frames[info.frames.length - 1]!;
  if (f.channel && !f.cited) return false;
  if (/:\s*$/.test(ctx.text.slice(info.s.start, info.s.end))) return true;
  return !f.after && !f.before && f.quotes.length === 0 && f.coverTo >= info.toks.length - 2 && f.cue.entry.kind === 'speech';
}

const signed = new WeakMap<SentInfo, Frame | null>();

/** "- Bernie Sanders." on the line after a quotation paragraph: a frame for that name. */
function dashSignature(ctx: Ctx, infos: SentInfo[], i: number): Frame | null {
  const info = infos[i]!;
  const next = infos[i + 1];
  if (!next || next.s.para !== info.s.para + 1) return null;
  if (signed.has(next)) return signed.get(next)!;
  let frame: Frame | null = null;
  const toks = next.toks;
  if (toks.length >= 2 && toks.length <= 8 && /^[-–—]$/.test(toks[0]!.text) && toks[1]!.cap) {
    let end = toks.length;
    while (end > 1 && toks[end - 1]!.kind === 'p') end--;
    const np = { from: 1, to: end };
    if (toks.slice(1, end).every((t) => t.kind === 'w' || t.text === '.')) {
      const r = resolveSpeaker(ctx, toks, np, next.s.index, toks[1]!.start, 'speech');
      frame = {
        sent: next.s.index, toks, cue: { ti: 0, tj: 1, entry: { lemma: 'sign', kind: 'speech' } }, np, inverted: true, coverFrom: 0, coverTo: end,
        contentFrom: end, hadThat: false, before: null, after: null, speaker: r.name, entity: r.entity,
        speakerStart: toks[1]!.start, speakerEnd: toks[end - 1]!.end, speakerMention: ctx.text.slice(toks[1]!.start, toks[end - 1]!.end), sourceEnd: null,
        channel: null, cited: null, quotes: [], via: null,
      };
      next.frames.push(frame);
    }
  }
  signed.set(next, frame);
  return frame;
}


function mentionsOf(ctx: Ctx, frames: Frame[]): QuoteMention[] {
  const { text, quotes, options } = ctx;
  const out: QuoteMention[] = [];
  const seen = new Set<number>();
  for (const f of frames) {
    const continued = f.cue.ti < 0;
    const cueText = continued ? null : text.slice(f.toks[f.cue.ti]!.start, f.toks[f.cue.tj - 1]!.end);
    const cueStart = continued ? null : f.toks[f.cue.ti]!.start;
    const cueEnd = continued ? null : f.toks[f.cue.tj - 1]!.end;
    let speaker = f.entity?.name ?? f.speaker;
    let speakerStart = f.speakerStart;
    let speakerEnd = f.speakerEnd;
    let speakerMention = f.speakerMention;
    let sourceEnd = f.sourceEnd ?? f.speakerEnd;
    let sourceStart = f.sourceStart ?? speakerStart;
    if (f.cited) {
      speaker = f.cited.entity?.name ?? f.cited.name;
      speakerStart = f.cited.start;
      speakerEnd = f.cited.end;
      speakerMention = f.cited.mention;
      sourceEnd = f.cited.end;
      sourceStart = f.cited.start;
    }
    if (speaker && /^(he|she|they|it|we|i|you|who|which|that|him|her|them)$/i.test(speaker)) speaker = null;
    if (!speaker && speakerStart !== null && speakerMention) speaker = pronounFallback(ctx, speakerMention, speakerStart);
    const base = { speaker, speakerStart, speakerEnd, speakerMention, sourceStart: speakerStart === null ? null : sourceStart, sourceEnd: speakerStart === null ? null : sourceEnd, cue: cueText, cueStart, cueEnd, via: f.channel && !f.cited ? null : f.via };
    if (f.quotes.length > 0) {
      for (const qi of f.quotes) {
        if (seen.has(qi)) continue;
        seen.add(qi);
        const q = quotes[qi]!;
        let end = q.end;
        while (end > q.start && /[\s,]/.test(text[end - 1]!)) end--;
        const region = [f.before, f.after].find((r) => r && f.toks.some((t, k) => t.q === qi && k >= r[0] && k < r[1]));
        let partial = false;
        let clauseStart = q.start;
        let clauseEnd = end;
        if (region) {
          for (let k = region[0]; k < region[1]; k++) {
            const t = f.toks[k]!;
            if (t.kind === 'w' && !IGNORABLE.has(t.lower)) partial = true;
          }
          // "said on Twitter on Monday, in reference to her child, “...”", "with a smile: “...”":
          // adjuncts set off by a comma or colon before a quotation that ends the region.
          const qk = f.toks.findIndex((t, k) => k >= region[0] && k < region[1] && t.q === qi);
          if (partial && qk > region[0] && qk === region[1] - 1 && /^[,:]$/.test(f.toks[qk - 1]!.text) && !hasVerbBefore(f.toks, region[0], qk)) partial = false;
          if (partial) {
            clauseStart = Math.min(q.start, f.toks[region[0]]!.start);
            clauseEnd = Math.max(end, f.toks[region[1] - 1]!.end);
          }
        }
        out.push({ text: text.slice(q.start, end), start: q.start, end, direct: true, partial, clauseStart, clauseEnd, ...base });
      }
      continue;
    }
    if (!options.indirect || f.channel && !f.cited && hasInnerFrame(f, frames)) continue;
    // "Lee said he would back the bill": a frame whose speaker stands inside the reported content
    // of another frame of the sentence is part of that content, not an attribution of its own
    // (PolNeAR annotates the outer statement; the inner "he would back" is what Lee said).
    if (f.np && nestedIn(f, frames)) continue;
    const entry = f.cue.entry;
    if (entry.quoteOnly) continue;
    if (entry.kind === 'thought' && !options.thoughts) continue;
    // "a poll found that ...", and without "that" only after a body of evidence ("a new survey
    // shows Lee ahead"): PolNeAR annotates polls, studies and data as sources (PARC 3.0 counts
    // them too); "the talks showed progress" is no attribution.
    if (entry.kind === 'evidence' && entry.lemma !== 'according' && !f.hadThat && !(f.np && f.toks.slice(f.np.from, f.np.to).some((t) => EVIDENCE_NOUNS.has(bare(t.lower))))) continue;
    for (const r of f.hadThat ? [f.after, f.before] : [f.before, f.after]) {
      if (!r) continue;
      let words = 0;
      for (let k = r[0]; k < r[1]; k++) if (f.toks[k]!.kind === 'w') words++;
      // An object frame's content may be one name ("endorsed Lee").
      if (words < 2 && !(entry.objectFrame && words === 1 && f.toks[r[0]]!.cap)) continue;
      if (entry.kind === 'thought' && !f.hadThat && r === f.after) {
        const t = f.toks[r[0]]!;
        const infinitive = entry.infinitive && t.lower === 'to' && f.toks[r[0] + 1]?.kind === 'w' && !f.toks[r[0] + 1]!.cap;
        if (!(PERSONAL_PRONOUNS.has(t.lower) || t.cap || isDeterminer(t.lower) || infinitive) || words < 3) continue;
      }
      const start = f.toks[r[0]]!.start;
      const end = f.toks[r[1] - 1]!.end;
      out.push({ text: text.slice(start, end), start, end, direct: false, partial: false, clauseStart: start, clauseEnd: end, ...base });
      break;
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

function nestedIn(f: Frame, frames: Frame[]): boolean {
  const at = f.np!.from;
  // Another frame's content before it holds this one only when it has no content after it
  // ("Kim affirmed that ..., KCNA said").
  return frames.some((g) => g !== f && g.sent === f.sent && !g.channel && [g.after ? null : g.before, g.after].some((r) => r && at >= r[0] && at < r[1]));
}

/**
 * A speaker for a pronoun the salience rule left unresolved: first person outside quotation marks is
 * the writer's own statement ("I think ..." in a column), and he/she/they/it fall back to the
 * closest compatible entity named before, however far back. Null for "you" and relative pronouns.
 */
function pronounFallback(ctx: Ctx, mention: string, at: number): string | null {
  const p = mention.toLowerCase();
  if (/^(i|we|me|us)$/.test(p)) return 'the writer';
  const kinds: EntityKind[] | null = /^(he|she|him|her)$/.test(p) ? ['person'] : /^(they|them)$/.test(p) ? ['group', 'org', 'person'] : p === 'it' ? ['org', 'group'] : null;
  return kinds ? ctx.reg.lastBefore(at, kinds)?.name ?? null : null;
}

function hasInnerFrame(f: Frame, frames: Frame[]): boolean {
  return frames.some((g) => g !== f && g.sent === f.sent && [f.before, f.after].some((r) => r && g.cue.ti >= r[0] && g.cue.ti < r[1]));
}

