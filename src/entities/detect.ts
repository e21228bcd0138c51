/**
 * Mention detection: from tokens to typed name candidates, with roles.
 *
 *  1. Runs: maximal sequences of capitalised tokens, joined across name particles ("Bashar
 *     al-Assad", "Ludwig van Beethoven"), "&", "of"/"for" after a head word ("Center for Advanced
 *     Defense Studies", "Republic of Korea") and a possessive inside a name ("Workers' Party").
 *  2. Trimming: a capitalised word where capitalisation says nothing (sentence start, headline)
 *     stays only with evidence that it is a name — the lexicon knows it as one, it is no common
 *     word ("Shoigu"), or the document capitalises it mid-sentence elsewhere ("Apple").
 *  3. Titles split a run into a role and a name ("Russia's Defense Minister" | "Andrei Belousov");
 *     the names inside the role ("Russia") become candidates of their own.
 *  4. Typing, strongest evidence first: alias tables, head words ("... Agency", "... region"),
 *     the lexicon for the whole phrase, person-name patterns, context cues (a title before, an
 *     organisation descriptor before, "in" before), acronyms; see `classify`.
 *  5. Acronyms defined in the text ("Korean Central News Agency (KCNA)") point at their long form;
 *     capitals used as actors ("Pyongyang has supplied") stand for their state.
 */
import type { EntityType } from '../report/schema.ts';
import { hasTag, isCommonWord, isFunctionWord, isOrgHead, isPlaceHead, isVerb, lexTags } from './lexicon.ts';
import { abbreviates, nameKey } from './normalize.ts';
import {
  ACTOR_PREPOSITIONS,
  AUXILIARIES,
  CALENDAR_WORDS,
  CAPITALS,
  CURRENCY_WORDS,
  DESIGNATION_NOUNS,
  DEMONYMS,
  HONORIFICS,
  INITIALS_SKIP,
  INSTITUTIONS,
  LEGAL_SUFFIXES,
  LOCATIVE_PREPOSITIONS,
  MOVEMENT_WORDS,
  NAME_PARTICLES,
  NEWS_AGENCIES,
  NON_NAME_ACRONYMS,
  NON_NAME_WORDS,
  OF_HEAD_EXTRA,
  ORG_DESCRIPTORS,
  ORG_GENERIC_TAIL,
  ORG_LEADING,
  ORG_OF_HEADS,
  ORG_POSSESSIONS,
  OTHER_HEADS,
  PLACE_ACRONYMS,
  PLACE_ALIASES,
  PRODUCT_NOUNS,
  ROLE_CONNECTORS,
  ROLE_MODIFIERS,
  ROLE_STOP,
  SENTENCE_OPENERS,
  SLAVIC_SURNAME,
  TITLES,
  TRAILING_PLACE_NOUNS,
  VENUE_MODIFIERS,
} from './tables.ts';
import { nameShaped, tokenize } from './tokenize.ts';
import type { Token } from './tokenize.ts';

export interface Candidate {
  /** Token indices of the name, inclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  type: EntityType | null;
  /** 3 = table / head word / lexicon phrase; 2 = name pattern or context cue; 1 = weak default; 0 = none. */
  confidence: number;
  /**
   * A lone common word with no type of its own ("Apple", "Western"): its cluster, or its story
   * entity, decides its type; if nothing does, the story does not report it.
   */
  weak: boolean;
  acronym: boolean;
  /** For a capital used for its government: the state's display name. */
  state: string | null;
  role: string | null;
  /** Index (in the candidate list) of the long form this acronym abbreviates. */
  expands: number | null;
}

export interface Detection {
  tokens: Token[];
  candidates: Candidate[];
  /** Types learned from contexts that produce no mention ("Airbus" in "Airbus A380" is a company). */
  hints: Map<string, EntityType>;
}

const MODEL_NUMBER = /^\d{1,4}(?:[-‑]?\p{L}{1,3}\d*)?$/u;
const YEAR = /^(?:1[6-9]|20)\d\d$/;

function stripDot(lower: string): string {
  return lower.replace(/\.$/, '');
}

function isTitle(t: Token): boolean {
  return TITLES.has(stripDot(t.lower));
}

function isHonorific(t: Token): boolean {
  return HONORIFICS.has(stripDot(t.lower));
}

/** A token that can be part of a name by its shape (capitalised, all-caps, camel case). */
function isNameToken(t: Token): boolean {
  if (!nameShaped(t)) return false;
  const l = stripDot(t.lower);
  if (CALENDAR_WORDS.has(l) || NON_NAME_WORDS.has(l)) return false;
  // "I'll", "I’m".
  if (/^i'/.test(l)) return false;
  if (t.shape === 'upper') {
    if (TITLES.has(l)) return true; // "CEO": kept in the run so the title split sees it
    if (t.shouting || NON_NAME_ACRONYMS.has(l.replace(/\./g, ''))) return false;
  }
  return true;
}

function isModelNumber(t: Token): boolean {
  return t.shape === 'num' && MODEL_NUMBER.test(t.text) && !YEAR.test(t.text);
}

/** Contains a digit or is camel case: a product or model designation ("A380", "iPhone", "787"). */
function isProductToken(t: Token): boolean {
  return t.shape === 'camel' || (/\d/.test(t.text) && (t.shape !== 'upper' || /\d$/.test(t.text)));
}

function isOfHead(lower: string): boolean {
  const l = stripDot(lower);
  return isOrgHead(l) || isPlaceHead(l) || OF_HEAD_EXTRA.has(l);
}

/** Longest phrase (up to 4 tokens) starting at `k` that a table or the lexicon knows as a name. */
function knownPhraseAt(tokens: Token[], k: number, until: number): { len: number; kind: 'place' | 'org' | 'person' | 'demonym' } | null {
  if (!tokens[k] || tokens[k]!.shape === 'punct' || tokens[k]!.shape === 'num') return null;
  for (let len = Math.min(4, until - k + 1); len >= 1; len--) {
    const words = tokens.slice(k, k + len);
    if (words.some((t) => t.shape === 'punct' && t.text !== '&')) continue;
    const phrase = words.map((t) => stripDot(t.lower)).join(' ');
    if (DEMONYMS[phrase]) return { len, kind: 'demonym' };
    if (PLACE_ALIASES[phrase] || CAPITALS[phrase]) return { len, kind: 'place' };
    if (NEWS_AGENCIES.has(phrase)) return { len, kind: 'org' };
    const tags = lexTags(phrase);
    if (tags.includes('demonym')) return { len, kind: 'demonym' };
    if (tags.includes('country') || tags.includes('city') || tags.includes('region') || tags.includes('place')) return { len, kind: 'place' };
    if (tags.includes('organization')) return { len, kind: 'org' };
    if (len > 1 && tags.includes('person')) return { len, kind: 'person' };
  }
  return null;
}

/** Detects name candidates in `text`. */
export function detect(text: string): Detection {
  const tokens = tokenize(text);
  const hints = new Map<string, EntityType>();
  // Words the document capitalises where capitalisation means something: evidence for the same
  // word at a sentence start ("Apple has ..." after "... said Apple").
  const capitalisedMid = new Set<string>();
  for (const t of tokens) if (!t.uninformative && (t.shape === 'cap' || t.shape === 'upper')) capitalisedMid.add(t.lower);
  // A sentence-initial word right before a capitalised word ("Apple Computer released ...") is the
  // start of a name unless it is a function or time word ("The", "However", "Yesterday").
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    if (t.uninformative && !t.headline && t.shape === 'cap' && !next.uninformative && !next.newlineBefore && next.shape === 'cap' && !sentenceOpener(stripDot(t.lower))) capitalisedMid.add(t.lower);
  }

  const candidates: Candidate[] = [];
  for (const [a, b] of findRuns(tokens)) processRun(tokens, a, b, capitalisedMid, candidates, hints);
  candidates.sort((x, y) => x.start - y.start);

  for (const c of candidates) if (!c.role && c.type === 'person') c.role = roleBefore(tokens, c.first) ?? roleAfter(tokens, c.last);
  linkAcronyms(tokens, candidates);
  smoothCoordinations(tokens, candidates);
  const byFirst = new Map(candidates.map((c) => [c.first, c]));
  for (const c of candidates) c.state = metonymState(tokens, byFirst, c);
  return { tokens, candidates, hints };
}

// ---------------------------------------------------------------------------------------------
// 1. Runs

function findRuns(tokens: Token[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  const n = tokens.length;
  let i = 0;
  while (i < n) {
    if (!isNameToken(tokens[i]!)) {
      i++;
      continue;
    }
    let j = i;
    for (;;) {
      const next = tokens[j + 1];
      if (!next || next.newlineBefore) break;
      // "Apple Inc. Steve Jobs": a legal suffix ends an organisation's name.
      if (j > i && LEGAL_SUFFIXES.has(stripDot(tokens[j]!.lower)) && tokens[j]!.shape === 'cap') break;
      if (isNameToken(next)) {
        j++;
        continue;
      }
      if (isModelNumber(next) && next.spaceBefore) {
        j++;
        continue;
      }
      const after = tokens[j + 2];
      const afterOk = after && !after.newlineBefore && isNameToken(after);
      if (afterOk && next.shape === 'lower' && NAME_PARTICLES.has(next.lower) && tokens[j]!.shape === 'cap') {
        j += 2;
        continue;
      }
      if (afterOk && next.text === '&') {
        j += 2;
        continue;
      }
      if ((next.lower === 'of' || next.lower === 'for' || next.lower === 'on') && isOfHead(tokens[j]!.lower) && !personAhead(tokens, j + 2)) {
        if (afterOk) {
          j += 2;
          continue;
        }
        const third = tokens[j + 3];
        if (after?.lower === 'the' && third && !third.newlineBefore && isNameToken(third)) {
          j += 3;
          continue;
        }
      }
      // "Defence and Space Company": "and" inside a name that ends in an organisation head word.
      if (afterOk && next.lower === 'and' && j > i && andInsideName(tokens, j + 2)) {
        j += 2;
        continue;
      }
      // "Workers' Party", "People's Republic": a possessive common noun inside an institution's name.
      if (afterOk && (next.lower === "'s" || next.text === "'" || next.text === '’') && possessiveInsideName(tokens, i, j)) {
        j += 2;
        continue;
      }
      break;
    }
    runs.push([i, j]);
    i = j + 1;
  }
  return runs;
}

/** A person's name starts among the next capitalised words: "(Air Force for) Acquisition Darleen Druyun". */
function personAhead(tokens: Token[], k: number): boolean {
  for (let e = k; e < tokens.length && e <= k + 4 && isNameToken(tokens[e]!); e++) if (e > k && startsPersonName(tokens, e)) return true;
  return false;
}

/** A known first name followed by another capitalised word: "Darleen Druyun", "James Roche". */
function startsPersonName(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  const next = tokens[k + 1];
  if (t.shape !== 'cap' || !next || next.shape !== 'cap' || next.newlineBefore) return false;
  const tags = lexTags(stripDot(t.lower));
  return tags.includes('firstName') && !tags.some((x) => x === 'country' || x === 'city' || x === 'region' || x === 'organization');
}

/** The capitalised words from `k` on end in an organisation head ("Space Company", "Human Services"). */
function andInsideName(tokens: Token[], k: number): boolean {
  if (knownPhraseAt(tokens, k, k + 3)) return false;
  for (let e = k; e < tokens.length && e <= k + 3; e++) {
    const t = tokens[e]!;
    if (!isNameToken(t) || (e > k && t.newlineBefore)) return false;
    const next = tokens[e + 1];
    if (isOrgHead(stripDot(t.lower)) && (!next || !isNameToken(next) || LEGAL_SUFFIXES.has(stripDot(next.lower)) || next.shape === 'upper')) return true;
  }
  return false;
}

function possessiveInsideName(tokens: Token[], i: number, j: number): boolean {
  if (j - i > 1) return false;
  for (let k = i; k <= j; k++) if (tokens[k]!.shape !== 'cap' || knownPhraseAt(tokens, k, j)) return false;
  // The possessor is a common noun ("People", "Workers"), not a name ("Russia's", "Apple's").
  if (!isCommonWord(tokens[j]!.lower)) return false;
  // The phrase after the possessive must be an institution or a place: "Party", "Republic of ...".
  for (let k = j + 2; k < tokens.length && k <= j + 6; k++) {
    const t = tokens[k]!;
    if (!isNameToken(t) && t.lower !== 'of') break;
    if (isOfHead(t.lower)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// 2–3. Trimming, title split, role-internal names

/** A word that opens sentences without being a name: function words, time words, verbs, titles. */
function sentenceOpener(lower: string): boolean {
  if (CALENDAR_WORDS.has(lower) || TITLES.has(lower) || HONORIFICS.has(lower)) return true;
  const tags = lexTags(lower);
  if (tags.some((t) => t === 'firstName' || t === 'lastName' || t === 'country' || t === 'city' || t === 'region' || t === 'place' || t === 'organization')) return false;
  return isFunctionWord(lower) || tags.includes('verb') || SENTENCE_OPENERS.has(lower);
}

/** Evidence that a capitalised word at an uninformative position is a name. */
function nameEvidence(tokens: Token[], k: number, until: number, capitalisedMid: Set<string>): boolean {
  const t = tokens[k]!;
  const l = stripDot(t.lower);
  if (knownPhraseAt(tokens, k, until)) return true;
  if (isFunctionWord(l)) return false;
  if (t.shape === 'upper' || t.shape === 'camel') return true;
  if (isTitle(t) || isHonorific(t)) return true; // handled by the title split
  const tags = lexTags(l);
  if (tags.some((x) => x === 'firstName' || x === 'lastName' || x === 'person')) return true;
  if (capitalisedMid.has(t.lower) && !isFunctionWord(l)) return true;
  return !isCommonWord(l);
}

/** A word of a role phrase: title, honorific, role modifier ("Defense", "Deputy") or demonym. */
function isRoleWord(tokens: Token[], k: number): boolean {
  const l = stripDot(tokens[k]!.lower);
  return TITLES.has(l) || HONORIFICS.has(l) || ROLE_MODIFIERS.has(l) || DEMONYMS[l] !== undefined || hasTag(l, 'demonym');
}

function processRun(tokens: Token[], a: number, b: number, capitalisedMid: Set<string>, out: Candidate[], hints: Map<string, EntityType>): void {
  // In a headline-style line every word is capitalised: keep only the stretches of words that are
  // names on their own evidence ("Israeli Army Issues New Evacuation Orders in Gaza").
  if (tokens[a]!.headline && b > a) {
    let k = a;
    while (k <= b) {
      if (!nameEvidence(tokens, k, b, capitalisedMid) || isCommonWord(stripDot(tokens[k]!.lower))) {
        const known = knownPhraseAt(tokens, k, b);
        if (!known) {
          k++;
          continue;
        }
      }
      let e = k;
      const known = knownPhraseAt(tokens, k, b);
      if (known) e = k + known.len - 1;
      while (e + 1 <= b && nameEvidence(tokens, e + 1, b, capitalisedMid) && !isCommonWord(stripDot(tokens[e + 1]!.lower))) e++;
      processStretch(tokens, k, e, capitalisedMid, out, hints);
      k = e + 1;
    }
    return;
  }
  processStretch(tokens, a, b, capitalisedMid, out, hints);
}

function processStretch(tokens: Token[], a: number, b: number, capitalisedMid: Set<string>, out: Candidate[], hints: Map<string, EntityType>): void {
  // Trim uninformative leading words without evidence ("However", "The", "Reports").
  while (a <= b && tokens[a]!.uninformative && !nameEvidence(tokens, a, b, capitalisedMid)) a++;
  while (a <= b && (tokens[a]!.shape === 'punct' || tokens[a]!.shape === 'lower' || tokens[a]!.shape === 'num')) a++;
  while (b >= a && (tokens[b]!.shape === 'punct' || (tokens[b]!.shape === 'lower' && !TRAILING_PLACE_NOUNS.has(tokens[b]!.lower)))) b--;
  if (a > b) return;

  // Designations: "Air France Flight 447" → the name, then "Flight 447" (other).
  const numAt = indexWhere(tokens, a, b, (t) => t.shape === 'num');
  if (numAt > a + 1 && DESIGNATION_NOUNS.has(tokens[numAt - 1]!.lower)) {
    processStretch(tokens, a, numAt - 2, capitalisedMid, out, hints);
    out.push(candidate(tokens, numAt - 1, b, 'other', 2));
    return;
  }
  // Products: a brand followed by a model designation ("Airbus A380", "Boeing 787 Dreamliner").
  // A known place or organisation before it is a name of its own ("UK iTunes prices").
  const productAt = indexWhere(tokens, a, b, isProductToken);
  if (productAt >= 0) {
    if (productAt > a) {
      const known = knownPhraseAt(tokens, a, productAt - 1);
      if (known && known.len === productAt - a && known.kind !== 'org') {
        if (known.kind !== 'demonym') processStretch(tokens, a, productAt - 1, capitalisedMid, out, hints);
        a = productAt;
      } else {
        const brandKey = nameKey(spanText(tokens, a, productAt - 1));
        if (!hints.has(brandKey)) hints.set(brandKey, 'organization');
      }
    }
    out.push(candidate(tokens, a, b, 'other', 2));
    return;
  }

  // Two names run together: "Air Force James Roche", "Secretary of State John Kerry" (a head word
  // or a common word, then a first name), "UK RAF" (a country acronym, then another acronym).
  for (let k = a + 1; k <= b; k++) {
    const before = stripDot(tokens[k - 1]!.lower);
    const cut =
      (startsPersonName(tokens, k) && k + 1 <= b && (isOrgHead(before) || isPlaceHead(before) || (isCommonWord(before) && !lexTags(before).includes('firstName')))) ||
      (tokens[k]!.shape === 'upper' && PLACE_ACRONYMS.has(before.replace(/\./g, '')) && !PLACE_ALIASES[`${before} ${stripDot(tokens[k]!.lower)}`]);
    if (cut) {
      processStretch(tokens, a, k - 1, capitalisedMid, out, hints);
      processStretch(tokens, k, b, capitalisedMid, out, hints);
      return;
    }
  }

  // Split at the last title or honorific that has a name after it ("Defense Minister | Andrei Belousov").
  const phrase = spanText(tokens, a, b).toLowerCase();
  const lastLower = stripDot(tokens[b]!.lower);
  const noSplit = isOrgHead(lastLower) || isPlaceHead(lastLower) || hasTag(phrase, 'organization') || NEWS_AGENCIES.has(phrase);
  let split = -1;
  if (!noSplit) {
    for (let k = b - 1; k >= a; k--) {
      if ((isTitle(tokens[k]!) || isHonorific(tokens[k]!)) && tokens[k + 1]!.lower !== 'of' && tokens[k - 1]?.lower !== 'of') {
        split = k;
        break;
      }
    }
  }
  let nameFrom = a;
  if (split >= 0) {
    emitRoleNames(tokens, a, split, out);
    nameFrom = split + 1;
  }
  // Trailing titles: "Apple CEO" → "Apple", known to be an organisation (or a place: "Washington senator").
  let nameTo = b;
  let titleAfter = false;
  const personLike = lexTags(stripDot(tokens[nameFrom]!.lower)).includes('firstName') && nameTo > nameFrom + 1;
  while (nameTo >= nameFrom && isTitle(tokens[nameTo]!) && !noSplit && !personLike) {
    nameTo--;
    titleAfter = true;
  }
  if (nameTo < nameFrom) return;
  if (split < 0 && titleAfter) {
    // The whole run may be a role ("Prime Minister", "Vice President"): only names inside count.
    if (indexWhere(tokens, nameFrom, nameTo, (t, k) => !isRoleWord(tokens, k)) < 0) return;
    emitRoleNames(tokens, nameFrom, nameTo + 1, out, true);
    return;
  }
  // Role words left at the front after a split ("Deputy" in a headline) are not part of the name.
  while (nameFrom <= nameTo && split < 0 && isRoleWord(tokens, nameFrom) && (isTitle(tokens[nameFrom]!) || isHonorific(tokens[nameFrom]!))) nameFrom++;
  if (nameFrom > nameTo) return;
  // A demonym is an adjective, not a name ("North Korean", "Russians"); role words alone are no name.
  const whole = knownPhraseAt(tokens, nameFrom, nameTo);
  if (whole?.kind === 'demonym' && whole.len === nameTo - nameFrom + 1) return;
  if (!noSplit && indexWhere(tokens, nameFrom, nameTo, (t, k) => !isRoleWord(tokens, k) && t.shape !== 'punct') < 0) return;
  // A single letter ("X" in "OS X") or a country acronym in a currency ("US$", "US dollars").
  if (nameFrom === nameTo && tokens[nameFrom]!.text.replace(/\.$/, '').length === 1) return;
  const after = tokens[nameTo + 1];
  if (nameFrom === nameTo && tokens[nameFrom]!.shape === 'upper' && after && (after.text === '$' ? !after.spaceBefore : CURRENCY_WORDS.has(after.lower))) return;

  const c = candidate(tokens, nameFrom, nameTo, null, 0);
  // "the Kursk region": a trailing lowercase place noun belongs to the name.
  const next = tokens[nameTo + 1];
  if (next && next.shape === 'lower' && TRAILING_PLACE_NOUNS.has(next.lower) && !next.newlineBefore && !knownPhraseAt(tokens, nameFrom, nameTo)?.kind.match(/place|demonym/)) {
    extendTo(c, tokens, nameTo + 1);
    c.type = 'place';
    c.confidence = 3;
  }
  if (c.type === null) classify(tokens, c, split >= 0, titleAfter);
  // A lone common word ("Apple", "West") with no type of its own: its entity decides, else `other`.
  if (c.first === c.last && c.confidence < 2 && isCommonWord(stripDot(tokens[c.first]!.lower))) c.weak = true;
  out.push(c);
}

/**
 * Names inside a role phrase ("Russia" in "Russia's Defense Minister", "Apple" in "Apple CEO"):
 * known places and organisations, and unknown non-role words (taken for organisations when a title
 * follows them directly: "EADS chief executive").
 */
function emitRoleNames(tokens: Token[], a: number, titleAt: number, out: Candidate[], beforeTitle = false): void {
  let k = a;
  while (k < titleAt) {
    const known = knownPhraseAt(tokens, k, titleAt - 1);
    if (known) {
      if (known.kind !== 'demonym') {
        const c = candidate(tokens, k, k + known.len - 1, null, 0);
        classify(tokens, c, false, true);
        out.push(c);
      }
      k += known.len;
      continue;
    }
    if (isRoleWord(tokens, k) || !isNameToken(tokens[k]!)) {
      k++;
      continue;
    }
    let e = k;
    while (e + 1 < titleAt && isNameToken(tokens[e + 1]!) && !isRoleWord(tokens, e + 1) && !knownPhraseAt(tokens, e + 1, titleAt - 1)) e++;
    const c = candidate(tokens, k, e, null, 0);
    classify(tokens, c, false, beforeTitle || e + 1 === titleAt);
    out.push(c);
    k = e + 1;
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Typing

/**
 * Types a candidate from its words and context, strongest evidence first. `afterTitle`: a title or
 * honorific precedes the name inside its run; `beforeTitle`: a title follows it ("Apple CEO").
 */
function classify(tokens: Token[], c: Candidate, afterTitle: boolean, beforeTitle: boolean): void {
  const words = tokens.slice(c.first, c.last + 1).filter((t) => t.shape !== 'punct');
  const lowers = words.map((t) => stripDot(t.lower));
  const phrase = lowers.join(' ');
  const last = lowers[lowers.length - 1]!;
  const set = (type: EntityType | null, confidence: number) => {
    c.type = type;
    c.confidence = confidence;
  };
  const multi = words.length > 1;
  const prev = tokens[c.first - 1];
  const prevLower = prev ? stripDot(prev.lower) : '';
  const next = tokens[c.last + 1];
  const next2 = tokens[c.last + 2];

  // Tables.
  if (PLACE_ALIASES[phrase] || PLACE_ALIASES[spanText(tokens, c.first, c.last).toLowerCase()] || CAPITALS[phrase]) return set('place', 3);
  if (NEWS_AGENCIES.has(phrase) || INSTITUTIONS.has(phrase)) return set('organization', 3);

  // Websites: "Detik.com".
  if (!multi && /\.(?:com|net|org|co\.uk|co)$/i.test(words[0]!.text)) return set('organization', 3);
  // Products: before a product noun ("MacBook Air laptops", "the MacBook line").
  if (next && next.shape === 'lower' && PRODUCT_NOUNS.has(next.lower) && !knownPhraseAt(tokens, c.first, c.last)) return set('other', 2);

  // Head words: "... Agency", "Ministry of ...", "... Airlines", "... region", "... Treaty".
  if (multi) {
    if (OTHER_HEADS.has(last)) return set('other', 3);
    // A head before generic trailing words: "Thai Airways International", "Aer Lingus Group PLC".
    let h = lowers.length - 1;
    while (h > 0 && (ORG_GENERIC_TAIL.has(lowers[h]!) || LEGAL_SUFFIXES.has(lowers[h]!))) h--;
    if (h < lowers.length - 1 && h > 0 && isOrgHead(lowers[h]!)) return set('organization', 3);
    if ((last === 'center' || last === 'centre' || last === 'hall') && VENUE_MODIFIERS.has(lowers[lowers.length - 2]!)) return set('place', 3);
    if (LEGAL_SUFFIXES.has(last) || isOrgHead(last)) return set('organization', 3);
    if (isPlaceHead(last) || TRAILING_PLACE_NOUNS.has(last)) return set('place', 3);
    const ofAt = lowers.findIndex((w) => w === 'of' || w === 'for' || w === 'on');
    if (ofAt > 0) {
      const head = lowers[ofAt - 1]!;
      if (isOrgHead(head)) return set('organization', 3);
      if (ORG_OF_HEADS.has(head)) return set('organization', 3);
      if (isPlaceHead(head) || OF_HEAD_EXTRA.has(head)) return set('place', 3);
    }
    if (ORG_LEADING.has(lowers[0]!)) return set('organization', 3);
  }

  // The whole phrase in the lexicon.
  const tags = lexTags(phrase);
  if (tags.includes('country') || tags.includes('city') || tags.includes('region') || tags.includes('place')) return set('place', 3);
  if (tags.includes('organization')) return set('organization', 3);
  if (multi && tags.includes('person')) return set('person', 3);

  // A title or honorific before it, or an appositive role after it: a person.
  if (afterTitle) return set('person', 3);
  if (prev && isHonorific(prev)) return set('person', 3);
  if (!beforeTitle && roleBefore(tokens, c.first)) return set('person', 3);
  if (roleAfter(tokens, c.last)) return set('person', 2);

  // Products and units: after a model number ("787 Dreamliner", "2 GHz").
  if (prev && (prev.shape === 'num' || isProductToken(prev)) && !tokens[c.first]!.newlineBefore) return set('other', 2);

  // Organisation contexts: "aircraft manufacturer Boeing", "Apple CEO", "Apple's board".
  if (ORG_DESCRIPTORS.has(prevLower) && prev?.shape === 'lower') return set('organization', 2);
  const known = knownPhraseAt(tokens, c.first, c.last);
  const wholeKnown = known && known.len === c.last - c.first + 1;
  if (beforeTitle && !wholeKnown) return set('organization', 2);
  if (next && (next.lower === "'s" || next.text === "'") && !wholeKnown) {
    for (let k = c.last + 2; k < tokens.length && k <= c.last + 4; k++) {
      const w = stripDot(tokens[k]!.lower);
      if (ORG_POSSESSIONS.has(w) || TITLES.has(w)) return set('organization', 2);
      if (tokens[k]!.shape !== 'lower') break;
    }
  }
  if (multi && (known?.kind === 'org' || (words[0]!.shape === 'upper' && !PLACE_ACRONYMS.has(lowers[0]!.replace(/\./g, ''))))) return set('organization', 2);

  // Places: "in Sydney", "Everett, Washington".
  const locative = LOCATIVE_PREPOSITIONS.has(prevLower) && prev?.shape === 'lower';
  const regionAfter = next?.text === ',' && next2 && (hasTag(stripDot(next2.lower), 'region') || hasTag(stripDot(next2.lower), 'country'));
  if (regionAfter) return set('place', 2);

  // Person names.
  const firstTags = lexTags(lowers[0]!);
  const lastTags = lexTags(last);
  if (multi) {
    const firstIsName = firstTags.includes('firstName') && !firstTags.some((t) => t === 'country' || t === 'city' || t === 'region');
    if (firstIsName || lastTags.includes('lastName')) return set('person', 2);
    if (words.some((t) => /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(t.text)) || lowers.some((w) => NAME_PARTICLES.has(w)) || words.some((t) => /^\p{Lu}\.$/u.test(t.text))) return set('person', 2);
    if (SLAVIC_SURNAME.test(last) && words.length <= 3 && !isCommonWord(last)) return set('person', 2);
  }
  // An age in apposition: "Jobs, 55," / "Jobs, aged 55,".
  const ageAt = next2?.lower === 'aged' ? c.last + 3 : c.last + 2;
  if (next?.text === ',' && tokens[ageAt] && /^\d{1,3}$/.test(tokens[ageAt]!.text) && [',', '.'].includes(tokens[ageAt + 1]?.text ?? '')) return set('person', 2);

  // A wire dateline: "HOUSTON —", "SEOUL:", "WASHINGTON (Reuters)" at a line start.
  if (!multi && words[0]!.shape === 'upper' && lowers[0]!.length >= 4 && tokens[c.first]!.newlineBefore && next && [':', '—', '–', '-', ',', '('].includes(next.text)) return set('place', 3);

  // Acronyms: organisations unless a table says place.
  if (!multi && words[0]!.shape === 'upper') return set(PLACE_ACRONYMS.has(phrase.replace(/\./g, '')) ? 'place' : 'organization', 2);

  // "in X": a place, weakly ("a stake in Aer Lingus" is no place).
  if (locative) return set('place', 1);

  // Single known surnames ("Putin") and first names ("Kim"): weaker than any context above.
  if (!multi && (firstTags.includes('lastName') || firstTags.includes('person'))) return set('person', 2);
  if (!multi && firstTags.includes('firstName') && !isCommonWord(lowers[0]!)) return set('person', 1);

  // Defaults for names nothing above decides.
  if (multi && (hasTag(lowers[0]!, 'country') || hasTag(lowers[0]!, 'city'))) return set('place', 1);
  if (multi && lowers.every((w) => !isCommonWord(w))) return set(MULTI_UNKNOWN_TYPE, 1);
  if (multi) return set('other', 1);
  set(null, 0);
}

/**
 * What a name of several unknown, uncommon words is taken for when nothing else decides: nothing
 * (its entity's other mentions, in this text or the story, may type it; else it stays `other`).
 * Guessing "person" or "organization" here is right about as often as wrong.
 */
const MULTI_UNKNOWN_TYPE: EntityType | null = null;

// ---------------------------------------------------------------------------------------------
// Roles


/**
 * The role phrase right before a name: "Russia's Defense Minister", "Russian security council
 * secretary", "Ukraine's top army chief", "Syrian President". It must end in a title; it extends
 * left over modifiers, demonyms, capitalised words and possessives, at most 8 tokens.
 */
export function roleBefore(tokens: Token[], first: number): string | null {
  let k = first - 1;
  // Skip an honorific right before the name: "Prime Minister Mr. Lee".
  while (k >= 0 && isHonorific(tokens[k]!) && !isTitle(tokens[k]!)) k--;
  if (k < 0 || !isTitle(tokens[k]!)) return null;
  const end = k;
  let start = k;
  for (let m = k - 1; m >= 0 && end - m < 8; m--) {
    const t = tokens[m]!;
    if (tokens[m + 1]!.newlineBefore) break;
    const l = stripDot(t.lower);
    if (t.lower === "'s" || t.text === "'" || t.text === '’') {
      if (m > 0 && nameShaped(tokens[m - 1]!)) continue;
      break;
    }
    if (ROLE_STOP.has(l)) break;
    if (t.shape === 'punct' || t.shape === 'num') break;
    const roleish = TITLES.has(l) || ROLE_MODIFIERS.has(l) || DEMONYMS[l] !== undefined || hasTag(l, 'demonym') || nameShaped(t);
    if (!roleish) break;
    // A capitalised word at a sentence start that is no name and no role word ("According") stops it.
    if (t.uninformative && nameShaped(t) && !TITLES.has(l) && !ROLE_MODIFIERS.has(l) && !DEMONYMS[l] && !hasTag(l, 'demonym') && isCommonWord(l) && !knownPhraseAt(tokens, m, end)) break;
    start = m;
  }
  // Do not start on a possessive marker.
  while (start < end && (tokens[start]!.lower === "'s" || tokens[start]!.shape === 'punct')) start++;
  const text = spanText(tokens, start, end);
  return text || null;
}

/** An appositive role after a name: "Joe Leonard, Chairman and Chief Operating Officer of AirTran Airways,". */
export function roleAfter(tokens: Token[], last: number): string | null {
  if (tokens[last + 1]?.text !== ',') return null;
  let k = last + 2;
  if (tokens[k] && ['the', 'a', 'an'].includes(tokens[k]!.lower)) k++;
  const from = k;
  let sawTitle = false;
  for (; k < tokens.length && k - from < 12; k++) {
    const t = tokens[k]!;
    if (t.newlineBefore) break;
    if (t.shape === 'punct' && t.text !== '&' && t.text !== "'s" && t.lower !== "'s") break;
    const l = stripDot(t.lower);
    if (k - from < 4 && TITLES.has(l)) sawTitle = true;
    if (!sawTitle && k - from >= 4) return null;
    if (t.shape === 'lower' && !TITLES.has(l) && !ROLE_MODIFIERS.has(l) && !ROLE_CONNECTORS.has(l) && !DEMONYMS[l]) return null;
  }
  if (!sawTitle || k === from) return null;
  const end = tokens[k]?.text === ',' || tokens[k]?.text === '.' || tokens[k]?.text === ';' || tokens[k]?.text === ')' || k >= tokens.length;
  if (!end) return null;
  return spanText(tokens, from, k - 1);
}

// ---------------------------------------------------------------------------------------------
// 5. Acronyms and metonymy

/**
 * "Korean Central News Agency (KCNA)" and "KCNA (Korean Central News Agency)": link the pair; the
 * acronym takes the long form's type. An acronym defined by words that are no name ("Maintenance,
 * Repair and Overhaul (MRO)") is `other`.
 */
function linkAcronyms(tokens: Token[], candidates: Candidate[]): void {
  const byFirst = new Map<number, number>();
  const byLast = new Map<number, number>();
  candidates.forEach((c, i) => {
    byFirst.set(c.first, i);
    byLast.set(c.last, i);
  });
  candidates.forEach((c) => {
    if (c.first !== c.last || tokens[c.first]!.shape !== 'upper') return;
    c.acronym = true;
    if (tokens[c.first - 1]?.text !== '(' || tokens[c.last + 1]?.text !== ')') return;
    // Defined right after its long form: "<long> (<ACR>)" or "<long>, (<ACR>)".
    const longIdx = byLast.get(c.first - 2) ?? (tokens[c.first - 2]?.text === ',' ? byLast.get(c.first - 3) : undefined) ?? -1;
    const long = candidates[longIdx];
    if (long && long !== c && long.first !== long.last && abbreviates(c.text, long.text, true)) {
      c.expands = longIdx;
      if (long.type) {
        c.type = long.type;
        c.confidence = Math.max(c.confidence, long.confidence);
      }
      return;
    }
    // Defined by the words before the parenthesis, which are no candidate of their own.
    const letters = c.text.toLowerCase().replace(/[^\p{L}]/gu, '');
    let k = c.first - 2;
    let got = '';
    while (k >= 0 && got.length < letters.length && c.first - 2 - k < 12) {
      const t = tokens[k]!;
      if (t.shape === 'punct' && t.text !== ',' && t.text !== '&') break;
      if (t.shape !== 'punct' && !INITIALS_SKIP.has(t.lower)) got = t.lower.charAt(0) + got;
      k--;
    }
    if (got === letters) {
      c.type = 'other';
      c.confidence = 3;
    }
  });
  // "<ACR> (<long>)".
  candidates.forEach((c) => {
    if (!c.acronym || c.expands !== null) return;
    if (tokens[c.last + 1]?.text !== '(') return;
    const j = byFirst.get(c.last + 2);
    const long = j === undefined ? undefined : candidates[j];
    if (long && tokens[long.last + 1]?.text === ')' && abbreviates(c.text, long.text, true)) {
      c.expands = j!;
      if (long.type) c.type = long.type;
    }
  });
}

/**
 * Names in a list or pair take the type of a sure member when their own evidence is weaker:
 * "New York, Boston, Chicago and Orlando", "Boeing and Lockheed Martin", "from London to Sydney".
 * A pair joined by a comma alone is an apposition, not a list ("Airbus, Europe's biggest ...").
 */
function smoothCoordinations(tokens: Token[], candidates: Candidate[]): void {
  const sorted = [...candidates].sort((x, y) => x.first - y.first);
  /** How x and y are joined: 'and' (and, or, &, from..to), 'comma', or null. */
  const link = (x: Candidate, y: Candidate): 'and' | 'comma' | null => {
    const gap = tokens.slice(x.last + 1, y.first).map((t) => t.lower);
    if (gap.length === 1 && ['and', 'or', '&'].includes(gap[0]!)) return 'and';
    if (gap.length === 1 && gap[0] === 'to' && tokens[x.first - 1]?.lower === 'from') return 'and';
    if (gap.length === 2 && gap[0] === ',' && (gap[1] === 'and' || gap[1] === 'or')) return 'and';
    if (gap.length === 1 && gap[0] === ',') return 'comma';
    return null;
  };
  let i = 0;
  while (i < sorted.length) {
    const chain = [sorted[i]!];
    const links: Array<'and' | 'comma'> = [];
    while (i + 1 < sorted.length) {
      const l = link(sorted[i]!, sorted[i + 1]!);
      if (!l) break;
      links.push(l);
      chain.push(sorted[++i]!);
    }
    i++;
    if (chain.length < 2 || (chain.length === 2 && links[0] === 'comma')) continue;
    const votes = new Map<EntityType, number>();
    for (const c of chain) if (c.confidence >= 3 && c.type && c.type !== 'other') votes.set(c.type, (votes.get(c.type) ?? 0) + 1);
    const best = [...votes].sort((a, b) => b[1] - a[1])[0];
    if (!best || (votes.size > 1 && [...votes.values()].filter((v) => v === best[1]).length > 1)) continue;
    for (const c of chain) {
      if (c.confidence >= 3 || c.acronym || c.type === best[0]) continue;
      c.type = best[0];
      c.confidence = 2;
    }
  }
}

/**
 * A capital that names its state as an actor: subject of a verb ("Pyongyang has supplied",
 * "Moscow and Pyongyang deny"), possessor ("Pyongyang's support"), object of a verb or a
 * relation ("assured Moscow", "aligned itself with Moscow", "between Moscow and Pyongyang",
 * "weapons to Pyongyang"). "in Pyongyang", "visit to Pyongyang", a dateline "Moscow:" and anything
 * unclear stay the city.
 */
function metonymState(tokens: Token[], byFirst: Map<number, Candidate>, c: Candidate): string | null {
  if (c.type !== 'place') return null;
  const key = nameKey(c.text);
  const state = CAPITALS[key];
  if (!state) return null;
  const prev = tokens[c.first - 1];
  const prev2 = tokens[c.first - 2];
  const next = tokens[c.last + 1];
  const pl = prev ? prev.lower : '';
  // Datelines and lists: "Moscow:" / "SEOUL:" at a line start, "Moscow, Russia".
  if (c.first === 0 || tokens[c.first]!.newlineBefore) {
    if (next && (next.text === ':' || next.text === '—' || next.text === '–' || next.text === '-' || next.text === ',')) return null;
  }
  if (next?.text === ',' && tokens[c.last + 2] && knownPhraseAt(tokens, c.last + 2, c.last + 3)?.kind === 'place') return null;
  // Locative: the city.
  if (LOCATIVE_PREPOSITIONS.has(pl)) return null;
  if ((pl === 'to' || pl === 'from') && prev2 && MOVEMENT_WORDS.has(prev2.lower)) return null;
  // Possessive followed by a lowercase word: "Pyongyang's support".
  if (next && (next.lower === "'s" || next.text === '’s') && tokens[c.last + 2]?.shape === 'lower' && !isPlaceHead(tokens[c.last + 2]!.lower)) return state;
  // Subject: the next word (after "and <capital>") is a verb.
  let after = c.last + 1;
  if (tokens[after]?.lower === 'and') {
    const other = byFirst.get(after + 1);
    if (other && other.type === 'place') after = other.last + 1;
  }
  const v = tokens[after];
  if (v && v.shape === 'lower' && (AUXILIARIES.has(v.lower) || (looksLikeVerb(v.lower) && !isCommonNounish(v.lower)))) return state;
  // Coordinated with a state or capital acting together: "Moscow and Pyongyang", "Russia and Moscow".
  if (pl === 'and' && prev2 && CAPITALS[prev2.lower]) {
    const before = tokens[c.first - 3]?.lower ?? '';
    if (!LOCATIVE_PREPOSITIONS.has(before)) return state;
  }
  // Relation prepositions and "to"/"from" after a non-movement word.
  if (ACTOR_PREPOSITIONS.has(pl) || pl === 'to' || pl === 'from') return state;
  // Object of a verb: "supports Moscow", "assured Moscow of".
  if (prev && prev.shape === 'lower' && looksLikeVerb(pl) && !isFunctionWord(pl)) return state;
  return null;
}

/** A verb form: the lexicon says so, or an -ed form the lexicon does not know as something else. */
function looksLikeVerb(lower: string): boolean {
  if (AUXILIARIES.has(lower) || isVerb(lower)) return true;
  return /[a-z]{3}ed$/.test(lower) && lexTags(lower).length === 0;
}

function isCommonNounish(lower: string): boolean {
  const tags = lexTags(lower);
  return tags.includes('common') && !tags.includes('verb');
}

// ---------------------------------------------------------------------------------------------
// Helpers

function indexWhere(tokens: Token[], a: number, b: number, f: (t: Token, k: number) => boolean): number {
  for (let k = a; k <= b; k++) if (f(tokens[k]!, k)) return k;
  return -1;
}

/** The text of tokens a..b as written (original spacing). */
function spanText(tokens: Token[], a: number, b: number): string {
  if (a > b) return '';
  let s = '';
  for (let k = a; k <= b; k++) s += (k > a && tokens[k]!.spaceBefore ? ' ' : '') + tokens[k]!.text;
  return s;
}

function candidate(tokens: Token[], a: number, b: number, type: EntityType | null, confidence: number): Candidate {
  return {
    first: a,
    last: b,
    start: tokens[a]!.start,
    end: tokens[b]!.end,
    text: spanText(tokens, a, b),
    type,
    confidence,
    weak: false,
    acronym: false,
    state: null,
    role: null,
    expands: null,
  };
}

function extendTo(c: Candidate, tokens: Token[], b: number): void {
  c.last = b;
  c.end = tokens[b]!.end;
  c.text = spanText(tokens, c.first, b);
}
