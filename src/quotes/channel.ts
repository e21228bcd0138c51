/**
 * Channels: the agency, paper or broadcaster that relayed a statement (`via`).
 *
 * Where the text names one:
 *  - a frame whose speaker is a channel: "..., the official Korean Central News Agency said",
 *    "..., reports Reuters", "the North's state media reported", "according to KCNA";
 *  - "as reported by TASS", "quoted by X", "citing X", "via X", "told AFP", "in an interview with
 *    CNN", "(Reuters) -".
 * Channel names are canonical for well-known agencies ("Korean Central News Agency" → "KCNA") and
 * otherwise as written without leading lowercase words ("North Korean state media").
 *
 * How far a channel carries (the documented rule):
 *  1. Sentence: every statement in the sentence that names the channel gets it (the channel frame
 *     itself excepted). "TASS, citing the council's press service, reported that ..." makes the
 *     press service the speaker and TASS the channel.
 *  2. Speaker: the channel binds to the speakers of that sentence, or when it has none to the first
 *     person named in it ("Kim Jong-un’s comments were relayed ..., as reported by TASS"). Every
 *     statement of that person or body in the article gets the channel — the nearest binding
 *     before the statement, else the nearest after (the channel may be named after the quote).
 *  3. Article: a channel named in the lead (the first three paragraphs longer than 40 characters) in
 *     a sentence that relays no named person ("The North Korean government has ..., reports
 *     Reuters." — a body or nobody) is the channel of the whole article: it applies to every
 *     statement the first two rules leave without one, except the channel's own.
 */
import { bare, channelName, type Entity, type Registry } from './names.ts';
import type { Frame } from './extract.ts';
import type { Para, Sentence, Tok } from './text.ts';

export interface ChannelNote {
  sent: number;
  channel: string;
  /** People or bodies whose statements it relays. */
  bind: Entity[];
  /** In the lead, with nobody to bind to: the article's channel. */
  lead: boolean;
  /** The frame that is the channel itself, if any. */
  frame: Frame | null;
}

const BY_VERBS = new Set(['reported', 'quoted', 'published', 'carried', 'cited', 'relayed', 'aired', 'broadcast', 'released', 'said']);

function npAfter(toks: Tok[], i: number): Tok[] {
  const out: Tok[] = [];
  let k = i;
  if (toks[k]?.lower === 'the') out.push(toks[k++]!);
  for (; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind !== 'w') {
      if (t.text === '-' && toks[k + 1]?.kind === 'w') {
        continue;
      }
      break;
    }
    if (!t.cap && !/^(state|state-run|official|news|agency|media|television|tv|radio|wire|service|of|the|newspaper|daily|north's|south's|country's)$/.test(t.lower)) break;
    out.push(t);
  }
  return out;
}

/** Channel notes of one sentence. */
export function findChannelNotes(reg: Registry, toks: Tok[], s: Sentence, frames: Frame[], paras: Para[]): ChannelNote[] {
  const found: Array<{ channel: string; frame: Frame | null }> = [];
  for (const f of frames) {
    if (!f.channel) continue;
    found.push({ channel: f.channel, frame: f });
    // "Russia's state Tass news agency, citing the Russian security council's press service, reported"
    for (let k = f.coverFrom; k < f.coverTo; k++) {
      if (toks[k]!.lower !== 'citing') continue;
      const np = npAfterCiting(toks, k + 1);
      if (np.length > 0 && !channelName(np)) {
        const name = np.map((t) => t.text).join(' ').replace(/^the /i, '').replace(/ ’s/g, '’s');
        f.cited = { name, entity: null, start: np[0]!.start, end: np[np.length - 1]!.end, mention: name };
      }
    }
  }
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    const lw = t.lower;
    let at = -1;
    if (lw === 'by' && BY_VERBS.has(toks[k - 1]?.lower ?? '')) at = k + 1;
    else if (lw === 'citing' || lw === 'via') at = k + 1;
    else if (lw === 'told' || lw === 'telling') at = k + 1;
    else if (lw === 'with' && /^interviews?$/.test(toks[k - 1]?.lower ?? '')) at = k + 1;
    else if (lw === 'to' && /^(speaking|talking|spoke|said|told)$/.test(toks[k - 1]?.lower ?? '')) at = k + 1;
    else if (t.text === '(' && toks[k + 2]?.text === ')' && /^[-–—]$/.test(toks[k + 3]?.text ?? '')) at = k + 1;
    if (at < 0) continue;
    const np = npAfter(toks, at);
    const ch = channelName(np);
    if (ch && !found.some((x) => x.channel === ch)) found.push({ channel: ch, frame: null });
  }
  if (found.length === 0) return [];
  const bind: Entity[] = [];
  for (const f of frames) if (!f.channel && f.entity && !bind.includes(f.entity)) bind.push(f.entity);
  if (bind.length === 0) {
    const m = reg.inSentence(s.index).find((x) => x.entity.kind === 'person');
    if (m) bind.push(m.entity);
  }
  const rank = leadRank(paras, s.para);
  // The article's channel: in the lead, relaying no named person (bodies like "the North Korean
  // government" do not stop it: the lead sentence sums up the article).
  const lead = rank < 3 && !bind.some((e) => e.kind === 'person');
  return found.map(({ channel, frame }) => ({ sent: s.index, channel, bind, lead, frame }));
}

function npAfterCiting(toks: Tok[], i: number): Tok[] {
  const out: Tok[] = [];
  for (let k = i; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind !== 'w') break;
    out.push(t);
  }
  return out;
}

const leadCache = new WeakMap<Para[], number[]>();

/** How many paragraphs longer than 40 characters come before paragraph `p` (0 for the first). */
function leadRank(paras: Para[], p: number): number {
  let ranks = leadCache.get(paras);
  if (!ranks) {
    ranks = [];
    let n = 0;
    for (const para of paras) {
      ranks.push(n);
      if (para.end - para.start > 40) n++;
    }
    leadCache.set(paras, ranks);
  }
  return ranks[p] ?? Infinity;
}

/** Sets `via` on every frame by the three rules above. */
export function assignChannels(frames: Frame[], notes: ChannelNote[], useLead: boolean): void {
  const lead = useLead ? notes.find((n) => n.lead) : undefined;
  for (const f of frames) {
    if (f.channel && !f.cited) continue;
    if (f.cited) {
      f.via = f.channel;
      continue;
    }
    const same = notes.find((n) => n.sent === f.sent && n.frame !== f && n.channel !== f.speaker);
    if (same) {
      f.via = same.channel;
      continue;
    }
    if (f.entity) {
      let before: ChannelNote | null = null;
      let after: ChannelNote | null = null;
      for (const n of notes) {
        if (!n.bind.includes(f.entity) || n.channel === f.entity.name) continue;
        if (n.sent <= f.sent) before = n;
        else if (!after) after = n;
      }
      const pick = before ?? after;
      if (pick) {
        f.via = pick.channel;
        continue;
      }
    }
    if (lead && lead.channel !== f.speaker && bare((f.speaker ?? '').toLowerCase()) !== lead.channel.toLowerCase()) f.via = lead.channel;
  }
}
