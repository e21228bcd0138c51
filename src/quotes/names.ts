/**
 * Who a speaker phrase names: word classes from compromise's lexicon, names stripped of their
 * titles, and a per-text register of the people and bodies seen so far, which resolves surnames
 * ("Kim" → "Kim Jong Un"), pronouns ("he" → the most recent compatible person) and role phrases
 * ("the minister" → the person last introduced as a minister).
 */
import { createRequire } from 'node:module';
import { GROUP_NOUNS, KNOWN_CHANNELS, NAME_PARTICLES, NOT_NAME, ORG_HEADS, SPEAKER_NOUNS, TITLES, CHANNEL_HEADS } from './lexicon.ts';
import type { Tok } from './text.ts';

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- lexicon

let LEX: Record<string, string | string[]> | null = null;

/**
 * compromise's full lexicon (its `two` build), loaded once. Only its data is used — running
 * compromise's parser on every article would cost tens of milliseconds.
 */
function lex(): Record<string, string | string[]> {
  if (!LEX) {
    const nlp = require('compromise/two') as { model(): { one: { lexicon: Record<string, string | string[]> } } };
    LEX = nlp.model().one.lexicon;
  }
  return LEX;
}

const NO_TAGS: string[] = [];
const tagCache = new Map<string, string[]>();

function tags(word: string): string[] {
  let t = tagCache.get(word);
  if (t === undefined) {
    const v = lex()[word];
    t = v === undefined ? NO_TAGS : typeof v === 'string' ? [v] : v;
    if (tagCache.size < 100_000) tagCache.set(word, t);
  }
  return t;
}

function hasTag(word: string, ...wanted: string[]): boolean {
  return tags(word).some((t) => wanted.includes(t));
}

export function bare(lower: string): string {
  // Most words end in none of s, an apostrophe or a period: skip the regular expressions for them.
  const last = lower.charCodeAt(lower.length - 1);
  if (last !== 115 && last !== 39 && last !== 8217 && last !== 46) return lower;
  return lower.replace(/['’]s$/, '').replace(/[’']$/, '').replace(/\.$/, '');
}

/** Per-word memo for the pure word-class tests below (they run many times per article on the same words). */
function memo(fn: (w: string) => boolean): (w: string) => boolean {
  const cache = new Map<string, boolean>();
  return (w) => {
    let v = cache.get(w);
    if (v === undefined) {
      v = fn(w);
      if (cache.size < 100_000) cache.set(w, v);
    }
    return v;
  };
}

export function isPossessive(t: Tok): boolean {
  return /['’]s$/i.test(t.text);
}

export const isTitle = memo((lower: string): boolean => {
  const w = bare(lower);
  return TITLES.has(lower) || TITLES.has(w) || hasTag(w, 'Actor', 'Honorific');
});

export const isPlace = memo((lower: string): boolean => hasTag(bare(lower), 'Country', 'City', 'Region', 'Place', 'Demonym'));

// compromise's lexicon tags, in sets: these tests run on every new word of every article.
const NOUN_TAGS = new Set('Singular Plural Actor Noun Uncountable Adjective Demonym Comparative Superlative Cardinal Ordinal TextValue Fraction Multiple Unit Currency Organization Country City Region Place ProperNoun Person FirstName LastName MaleName FemaleName'.split(' '));
const NOT_NOUN_TAGS = new Set('Preposition Conjunction Determiner Pronoun QuestionWord Copula Modal Negative Adverb'.split(' '));
const FUNCTION_TAGS = new Set('Preposition Adverb Conjunction Determiner Pronoun QuestionWord Modal Copula Negative Condition'.split(' '));

/** A word that can be part of a noun phrase (not a verb, preposition, adverb or conjunction). */
export const isNounish = memo((lower: string): boolean => {
  if (SPEAKER_NOUNS.has(lower) || GROUP_NOUNS.has(lower) || ORG_HEADS.has(lower) || TITLES.has(lower)) return true;
  const t = tags(lower);
  if (t.length > 0) {
    return t.some((x) => NOUN_TAGS.has(x)) && !t.some((x) => NOT_NOUN_TAGS.has(x));
  }
  if (/ly$/.test(lower) || (/ed$/.test(lower) && lower.length > 4) || (/ing$/.test(lower) && lower.length > 5)) return false;
  return /^[\p{L}\p{N}][\p{L}\p{N}\-'’.]*$/u.test(lower);
});

/** Words that are never the head of a noun phrase (prepositions, adverbs, conjunctions...). */
export const isFunctionWord = memo((lower: string): boolean => {
  const t = tags(lower);
  return t.length > 0 && t.every((x) => FUNCTION_TAGS.has(x));
});

export const isVerbish = memo((lower: string): boolean => {
  if (SPEAKER_NOUNS.has(lower) || GROUP_NOUNS.has(lower)) return false;
  return hasTag(lower, 'PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Modal', 'Copula', 'Verb', 'Participle');
});

export type Gender = 'm' | 'f' | null;

export function firstNameGender(lower: string): Gender | 'u' {
  const t = tags(lower);
  if (t.includes('MaleName')) return 'm';
  if (t.includes('FemaleName')) return 'f';
  if (t.includes('FirstName')) return 'u';
  return null;
}

export function isLastName(lower: string): boolean {
  return hasTag(lower, 'LastName', 'Person');
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'some', 'many', 'most', 'several', 'other', 'another', 'both', 'all', 'each', 'every', 'no', 'any', 'one', 'two', 'three', 'four', 'five', 'few']);
export function isDeterminer(lower: string): boolean {
  return DETERMINERS.has(lower);
}

const PARTY_WORDS = new Set('republican republicans democrat democrats democratic gop independent libertarian conservative liberal progressive socialist labour tory green'.split(' '));

const EAST_ASIAN_SURNAMES = new Set('kim lee park choi jung kang cho yoon jang lim han shin seo kwon hwang ahn song yoo hong moon wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin xi ri'.split(' '));

// Gender from a title: honorifics both ways, female role words one way ("spokesman" and
// "chairman" are used for women too).
const FEMALE_ROLES = /^(mrs|ms|miss|madam|spokeswoman|chairwoman|congresswoman|businesswoman|queen|princess|lady|dame|actress|sister|mother|wife|daughter|woman|grandmother)\.?$/;
const MALE_ROLES = /^(mr|sir|lord|king|prince)\.?$/;

// ---------------------------------------------------------------- channels

/** The canonical name of a channel phrase ("the official Korean Central News Agency" → "KCNA"), or null. */
/** Words any channel phrase contains: a known channel's words, a channel head word or "state". */
let channelWords: Set<string> | null = null;

export function channelName(words: Tok[]): string | null {
  if (words.length === 0) return null;
  channelWords ??= new Set([...[...KNOWN_CHANNELS.keys()].flatMap((k) => k.split(' ')), ...CHANNEL_HEADS, 'state', 'state-run']);
  if (!words.some((w) => channelWords!.has(bare(w.lower)))) return null;
  const lowers = words.map((w) => bare(w.lower));
  const joined = lowers.join(' ');
  for (let i = 0; i < lowers.length; i++) {
    for (let j = lowers.length; j > i; j--) {
      const k = KNOWN_CHANNELS.get(lowers.slice(i, j).join(' '));
      if (k) return k;
    }
  }
  const last = lowers[lowers.length - 1]!;
  if (/\bstate(?:-run| run|-owned| owned|-controlled)?\b/.test(joined) && CHANNEL_HEADS.has(last)) return trimPhrase(words);
  if (/\bnews agency$|\bnews service$|\bstate media$|\bstate television$|\bstate tv$/.test(joined)) return trimPhrase(words);
  // "The Moscow Times", "the Washington Post": capitalised words ending in a paper's head word.
  if (words[words.length - 1]!.cap && /^(times|post|journal|tribune|herald|gazette|telegraph|guardian|independent|daily|news|press|radio|television|tv|network|sinmun|agency)$/.test(last) && words.length >= 2 && words[words.length - 2]!.cap) {
    return trimPhrase(words, true);
  }
  return null;
}

/** A phrase without its leading lowercase words ("the official Korean ..." → "Korean ..."). */
export function trimPhrase(words: Tok[], keepThe = false): string {
  let i = 0;
  while (i < words.length - 1 && !words[i]!.cap && !(words[i]!.lower === 'state' && i > 0)) {
    if (keepThe && words[i]!.lower === 'the' && words[i + 1]?.cap) break;
    i++;
  }
  let out = '';
  for (let k = i; k < words.length; k++) {
    const w = words[k]!;
    if (k > i) out += words[k - 1]!.end === w.start ? '' : ' ';
    out += w.text;
  }
  return out.replace(/^the /, 'The ');
}

// ---------------------------------------------------------------- entities

export type EntityKind = 'person' | 'org' | 'group';

export interface Entity {
  id: number;
  name: string;
  /** `nameKey(name)`, kept in step with `name` by `rename`. */
  key: string;
  kind: EntityKind;
  gender: Gender;
  /** Gender read from the text itself (pronouns, Mr./Mrs.), which overrides a first-name guess. */
  genderFromText: boolean;
  roles: Set<string>;
  /** Lower-case name tokens. */
  tokens: string[];
}

export type MentionRole = 'speaker' | 'subject' | 'other';

export interface EntityMention {
  entity: Entity;
  start: number;
  end: number;
  sentence: number;
  role: MentionRole;
}

/** Gives an entity a new display name (and key and tokens). */
export function rename(e: Entity, name: string): void {
  e.name = name;
  e.key = nameKey(name);
  e.tokens = e.key.split(' ').filter((w) => w && !NAME_PARTICLES.has(w));
}

export function nameKey(name: string): string {
  return name.toLowerCase().replace(/['’]s\b/g, '').replace(/[-‐]/g, ' ').replace(/\./g, '').replace(/\s+/g, ' ').trim();
}

function joinToks(toks: Tok[]): string {
  let out = '';
  for (let k = 0; k < toks.length; k++) {
    if (k > 0) out += toks[k - 1]!.end === toks[k]!.start ? '' : ' ';
    out += toks[k]!.text;
  }
  return out;
}

/** `name` without a possessive ending ("Kim Jong-un’s" → "Kim Jong-un"). */
function dropPossessive(name: string): string {
  return name.replace(/['’]s$/, '').replace(/s[’']$/, 's');
}

export interface NameParts {
  /** The name itself ("Vladimir Putin"). */
  name: Tok[];
  /** Title and role words written before it ("russian", "president"). */
  roles: string[];
  kind: EntityKind | 'place' | 'unknown';
  gender: Gender;
  /** A title, a known first name or a known surname says it is a person (not just two capitals). */
  evidence: boolean;
}

/**
 * Splits a capitalised phrase into titles and name, and says what it names. `phrase` has no
 * leading determiner. Persons keep only the name ("North Korean leader Kim Jong Un" → "Kim Jong
 * Un"); organisations keep the whole phrase ("North Korea's Ministry of Foreign Affairs").
 */
export function analyseName(phrase: Tok[]): NameParts {
  const lowers = phrase.map((t) => bare(t.lower));
  if (phrase.length === 0) return { name: [], roles: [], kind: 'unknown', gender: null, evidence: false };
  // "Joel Pollak of Breitbart News", "Jason Gilbert of Cheyenne": a named person of a body or a
  // place is the person.
  const of = lowers.findIndex((w) => w === 'of' || w === 'at' || w === 'from' || w === 'for');
  if (of > 0 && phrase[of - 1]!.cap) {
    const left = analyseName(phrase.slice(0, of));
    if (left.kind === 'person' && (left.name.length >= 2 || left.evidence)) return left;
  }
  if (lowers.some((w) => ORG_HEADS.has(w)) || channelName(phrase)) {
    return { name: phrase, roles: [], kind: 'org', gender: null, evidence: true };
  }
  // The name is the run of capitalised, non-title words at the end (titles come first).
  let i = phrase.length;
  while (i > 0) {
    const t = phrase[i - 1]!;
    const w = lowers[i - 1]!;
    const particle = NAME_PARTICLES.has(w) || /^(?:al|el)-/.test(w);
    if (!(t.cap || particle) || isPossessive(t) && i < phrase.length) break;
    if (isTitle(t.lower) && !(i === phrase.length && phrase.length >= 2 && firstNameGender(lowers[i - 2]!) !== null)) break;
    if (NOT_NAME.has(w)) break;
    // "Republican Christine Todd Whitman", "Russian Vladimir Putin": a party or nationality word
    // before a name is a description.
    if (i < phrase.length && (PARTY_WORDS.has(w) || hasTag(w, 'Demonym'))) break;
    i--;
  }
  let name = phrase.slice(i);
  const roles = lowers.slice(0, i);
  if (name.length === 0) {
    const of = lowers.findIndex((w) => w === 'of');
    if (of > 0) return analyseName(phrase.slice(0, of));
    return { name: [], roles, kind: 'unknown', gender: null, evidence: false };
  }
  if (name.length > 5) name = name.slice(-5);
  const nl = name.map((t) => bare(t.lower));
  if (nl.every((w) => isPlace(w)) || isPlace(nl.join(' '))) return { name, roles, kind: 'place', gender: null, evidence: true };
  let gender: Gender = null;
  for (const r of roles) {
    if (FEMALE_ROLES.test(r)) gender = 'f';
    else if (MALE_ROLES.test(r)) gender = 'm';
  }
  // East Asian names put the family name first ("Kim Jong Un", "Xi Jinping"): the first word is
  // not a given name there, so it says nothing about gender.
  const surnameFirst = EAST_ASIAN_SURNAMES.has(nl[0]!) && (name.length >= 3 || /-/.test(nl[1] ?? ''));
  const first = surnameFirst ? null : firstNameGender(nl[0]!);
  if (gender === null && (first === 'm' || first === 'f') && name.length >= 2) gender = first;
  const evidence = roles.some((r) => isTitle(r)) || (first !== null && name.length >= 2) || isLastName(nl[nl.length - 1]!) || surnameFirst;
  // Without a title or a known name, two capitalised words make a person only when none is a
  // place, a demonym or a common word ("Wisconsin Republican", "Fox Business" are not).
  const person = evidence || name.length >= 2 && nl.every((w) => !isPlace(w) && (tags(w).length === 0 || hasTag(w, 'FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person')));
  return { name, roles, kind: person ? 'person' : 'unknown', gender, evidence };
}

export class Registry {
  readonly entities: Entity[] = [];
  readonly mentions: EntityMention[] = [];
  private readonly bySentence = new Map<number, EntityMention[]>();

  /** Mentions in one sentence, in text order. */
  inSentence(sentence: number): EntityMention[] {
    return this.bySentence.get(sentence) ?? [];
  }

  /** The entity a name refers to: an earlier full name for a surname, or a new entity. */
  entityFor(nameToks: Tok[], kind: EntityKind, roles: string[] = [], gender: Gender = null): Entity {
    const name = dropPossessive(joinToks(nameToks));
    const key = nameKey(name);
    const tokens = key.split(' ').filter((w) => w && !NAME_PARTICLES.has(w));
    let found: Entity | undefined;
    for (let i = this.entities.length - 1; i >= 0; i--) {
      const e = this.entities[i]!;
      if (e.key === key) {
        found = e;
        break;
      }
    }
    if (!found && kind === 'person') {
      // A surname or given name alone: the latest person whose full name starts or ends with it.
      for (let i = this.entities.length - 1; i >= 0 && !found; i--) {
        const e = this.entities[i]!;
        if (e.kind !== 'person') continue;
        if (tokens.length === 1 && e.tokens.length >= 2 && (e.tokens[0] === tokens[0] || e.tokens[e.tokens.length - 1] === tokens[0])) found = e;
        // A full name that completes a surname seen before ("Kim" then "Kim Jong Un").
        else if (tokens.length >= 2 && e.tokens.length === 1 && (tokens[0] === e.tokens[0] || tokens[tokens.length - 1] === e.tokens[0])) {
          rename(e, name);
          found = e;
        }
      }
    }
    if (!found) {
      found = { id: this.entities.length, name, key, kind, gender: null, genderFromText: false, roles: new Set(), tokens };
      this.entities.push(found);
    } else if (found.kind !== kind && kind !== 'person' && found.kind === 'group') {
      found.kind = kind;
    }
    for (const r of roles) found.roles.add(r);
    if (gender && !found.genderFromText) {
      found.gender = gender;
      if (roles.some((r) => FEMALE_ROLES.test(r) || MALE_ROLES.test(r))) found.genderFromText = true;
    }
    return found;
  }

  mention(entity: Entity, start: number, end: number, sentence: number, role: MentionRole): EntityMention {
    const m = { entity, start, end, sentence, role };
    // Mentions arrive almost in text order; keep the list sorted by start.
    let i = this.mentions.length;
    while (i > 0 && this.mentions[i - 1]!.start > start) i--;
    if (this.mentions[i - 1]?.start === start && this.mentions[i - 1]!.entity === entity) {
      const prev = this.mentions[i - 1]!;
      if (role === 'speaker') prev.role = 'speaker';
      return prev;
    }
    this.mentions.splice(i, 0, m);
    const list = this.bySentence.get(sentence) ?? [];
    let k = list.length;
    while (k > 0 && list[k - 1]!.start > start) k--;
    list.splice(k, 0, m);
    this.bySentence.set(sentence, list);
    return m;
  }

  /** The closest entity of one of `kinds` mentioned before `pos`, however far back (a last resort for a pronoun). */
  lastBefore(pos: number, kinds: EntityKind[]): Entity | null {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.start < pos && kinds.includes(m.entity.kind)) return m.entity;
    }
    return null;
  }

  /**
   * The entity a pronoun refers to: the most recent sentence (before `pos`) with a compatible
   * mention, and in it the speaker, else the subject (first mention), else the latest mention.
   */
  resolvePronoun(pronoun: string, pos: number, currentSentence = -1): Entity | null {
    const p = pronoun.toLowerCase();
    // Gender read from the text (Mr., "his") excludes a candidate; gender guessed from a given
    // name only ranks ("Lindsey Graham", "Kim Jong Un" carry names the lexicon calls female).
    let ok: (e: Entity) => boolean;
    let pref: (e: Entity) => boolean = () => true;
    if (p === 'he' || p === 'him' || p === 'his') {
      ok = (e) => e.kind === 'person' && !(e.genderFromText && e.gender === 'f');
      pref = (e) => e.gender !== 'f';
    } else if (p === 'she' || p === 'her') {
      ok = (e) => e.kind === 'person' && !(e.genderFromText && e.gender === 'm');
      pref = (e) => e.gender === 'f';
    } else if (p === 'they' || p === 'them') ok = (e) => e.kind === 'org' || e.kind === 'group';
    else if (p === 'it') ok = (e) => e.kind === 'org';
    else return null;
    // Candidates in the last few sentences, scored: nearer is better, a speaker or a subject is
    // more salient than a name in passing, a gender match counts. Names earlier in the pronoun's
    // own sentence are mostly in an opening adverbial ("Asked about Clinton, she said"), so they
    // rank below the previous sentence's subject.
    let best: EntityMention | null = null;
    let bestScore = -Infinity;
    let lastSentence = -1;
    let seenSentences = 0;
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.start >= pos) continue;
      if (m.sentence !== lastSentence) {
        lastSentence = m.sentence;
        if (++seenSentences > 6) break;
      }
      if (!ok(m.entity)) continue;
      const distance = currentSentence < 0 ? 0 : Math.max(0, currentSentence - m.sentence);
      const score = -2 * distance + (m.role === 'speaker' ? 2 : m.role === 'subject' ? 1 : 0) + (pref(m.entity) ? 1.5 : 0) - (distance === 0 ? 1.5 : 0);
      if (score > bestScore) {
        best = m;
        bestScore = score;
      }
    }
    return best?.entity ?? null;
  }

  /** "the minister", "the agency": the latest entity with that role or head word. */
  resolveRole(head: string, pos: number): Entity | null {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.start >= pos) continue;
      const e = m.entity;
      if (e.roles.has(head) || (e.kind !== 'person' && e.tokens.includes(head))) return e;
    }
    return null;
  }

  /** A person already registered under this name or one of its words ("Kim Jong-un’s", "Putin"). */
  knownPerson(nameToks: Tok[]): Entity | null {
    const key = nameKey(dropPossessive(joinToks(nameToks)));
    const words = key.split(' ');
    for (let i = this.entities.length - 1; i >= 0; i--) {
      const e = this.entities[i]!;
      if (e.kind !== 'person') continue;
      if (e.key === key) return e;
      if (words.length === 1 && (e.tokens[0] === words[0] || e.tokens[e.tokens.length - 1] === words[0])) return e;
    }
    return null;
  }

  /** Records gender read from the text ("Kim ... his country"). */
  setGender(e: Entity, g: 'm' | 'f'): void {
    if (e.genderFromText) return;
    e.gender = g;
    e.genderFromText = true;
  }
}
