/**
 * Voice and provenance.
 *
 * Voice: loaded words per article, split into the outlet's own voice and the words it quotes
 * (inside quotation marks: `findQuotes`). The lexicon is ours, small and hand-made: evaluative or
 * pejorative words news style guides advise against in a reporter's own voice (AP Stylebook and
 * Reuters Handbook advice on "regime", "terrorist", labels; Recasens et al. 2013, "Linguistic
 * Models for Analyzing and Detecting Biased Language", for the notion of framing and epistemological
 * bias words). It flags words for a reader to look at, it does not judge the outlet.
 *
 * Provenance: which articles say they carry a wire or agency's account (the `via` of their quotes,
 * and sentences that cite an agency: "as reported by TASS", "according to KCNA", "citing Reuters").
 */
import { findQuotes } from '../quotes/index.ts';
import type { ProvenanceEntry, VoiceEntry } from '../report/schema.ts';
import type { StoryArticle } from './types.ts';

/** Loaded words and phrases (lower case; a trailing `*` matches any ending). */
export const LOADED = [
  'puppet regime*', 'brutal assault*', 'brutal war*', 'dictator*', 'regime', 'puppet*', 'brutal*', 'thug*', 'tyrant*', 'despot*', 'butcher*', 'slaughter*', 'massacre*',
  'terror*', 'atrocit*', 'barbaric', 'savage*', 'evil', 'criminal*', 'aggressor*', 'warmonger*', 'rogue', 'hermit kingdom',
  'holy war', 'crusade*', 'imperialist*', 'fascist*', 'nazi*', 'propaganda', 'mouthpiece', 'lackey*', 'henchm*', 'cronies',
  'radical*', 'extremist*', 'hardliner*', 'firebrand', 'notorious', 'infamous', 'shameful', 'disgraceful', 'outrageous', 'reckless',
  'unprovoked', 'illegal war', 'bloodthirsty', 'gangster*', 'pariah*',
] as const;

const PATTERN = new RegExp(
  `(?<![\\p{L}])(?:${[...LOADED].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '*' ? '\\p{L}*' : `\\${c}`)).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}])`,
  'giu',
);

export type { VoiceEntry };

function outletOf(a: StoryArticle): string {
  if (a.outlet) return a.outlet;
  if (a.source.startsWith('http')) {
    try {
      return new URL(a.source).hostname.replace(/^www\./, '');
    } catch {
      // fall through to the file name
    }
  }
  return a.source.split(/[\\/]/).pop() ?? a.source;
}

function counted(m: Map<string, number>): Array<{ word: string; count: number }> {
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word, count]) => ({ word, count }));
}

export function voiceOf(articles: StoryArticle[]): VoiceEntry[] {
  const out: VoiceEntry[] = [];
  for (const a of articles) {
    const spans = findQuotes(a.text);
    const own = new Map<string, number>();
    const quoted = new Map<string, number>();
    for (const m of a.text.matchAll(PATTERN)) {
      const at = m.index;
      const inside = spans.some((q) => at >= q.start && at < q.end);
      const word = m[0].toLowerCase().replace(/\s+/g, ' ');
      const into = inside ? quoted : own;
      into.set(word, (into.get(word) ?? 0) + 1);
    }
    if (own.size || quoted.size) out.push({ articleId: a.id, outlet: outletOf(a), own: counted(own), quoted: counted(quoted) });
  }
  return out;
}

/** Words right before an organisation that make it the source of what follows ("as reported by The Moscow Times"). */
const CITED_BEFORE = /\b(?:according to|as reported by|reported by|citing|cited by|via|told|quoted by|in an interview with)\s+(?:the\s+)?$/i;
/** Words right after an organisation that make it a source ("KCNA said", "Reuters reported"). */
const CITED_AFTER = /^\s*(?:\([^)]{1,12}\)\s*)?(?:said|reported|says|reports|quoted|cited|stated)\b/i;

export type { ProvenanceEntry };

/** Wire and agency provenance: every channel quotes came through, and every organisation a sentence cites as its source. */
export function provenanceOf(articles: StoryArticle[], maxSentences = 3): ProvenanceEntry[] {
  const byChannel = new Map<string, ProvenanceEntry>();
  const entry = (channel: string) => {
    const key = channel.toLowerCase();
    let e = byChannel.get(key);
    if (!e) byChannel.set(key, (e = { channel, articleIds: [], quotes: 0, sentences: [] }));
    return e;
  };
  for (const a of articles) {
    for (const q of a.analysis?.quotes ?? []) {
      if (!q.via) continue;
      const e = entry(q.via);
      e.quotes++;
      if (!e.articleIds.includes(a.id)) e.articleIds.push(a.id);
    }
    // Organisations a sentence cites as its source: "as reported by The Moscow Times", "KCNA said".
    for (const m of a.analysis?.entities ?? []) {
      if (m.type !== 'organization') continue;
      const cited = CITED_BEFORE.test(a.text.slice(Math.max(0, m.start - 30), m.start)) || CITED_AFTER.test(a.text.slice(m.end, m.end + 25));
      if (!cited) continue;
      const from = Math.max(a.text.lastIndexOf('. ', m.start) + 2, a.text.lastIndexOf('\n', m.start) + 1, 0);
      const rest = a.text.slice(m.end).search(/[.!?](?:\s|$)/);
      const sentence = a.text.slice(from, rest < 0 ? a.text.length : m.end + rest + 1).replace(/\s+/g, ' ').trim();
      const e = entry(m.text.replace(/^the\s+/i, ''));
      if (!e.articleIds.includes(a.id)) e.articleIds.push(a.id);
      if (e.sentences.length < maxSentences && !e.sentences.some((x) => x.text === sentence)) e.sentences.push({ text: sentence, articleId: a.id });
    }
  }
  return [...byChannel.values()].sort((a, b) => b.articleIds.length - a.articleIds.length || b.quotes - a.quotes || a.channel.localeCompare(b.channel));
}
