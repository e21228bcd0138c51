/**
 * Main-text extraction on the compact tree (dom.ts).
 *
 * Finding the article follows mozilla/readability's `_grabArticle` (Readability.js 0.6): drop hidden
 * elements and unlikely candidates, score paragraphs (one point, one per comma, one per 100
 * characters up to three) into their parent, grandparent and further ancestors, weight candidates
 * by tag and class, scale by link density, take the best, climb to a parent that scores higher,
 * and join the siblings that score well; retry with fewer filters when too little text is found.
 * It runs on plain objects with every length computed once per attempt, so it costs a fraction of
 * Readability on linkedom, and it never mutates the page.
 *
 * What it adds (each step records the reason for what it cuts; `Features` switches them for ablation):
 * - chrome by class/id/ARIA role/tag inside the article (dom-rules.ts: related, share, newsletter,
 *   comments, cookie, paywall, ads, captions, bylines, tags, navigation), unless the element holds
 *   most of the text or real prose (a "share-wrapper" around the story);
 * - blocks under a "Related articles" / "More stories" / comments heading (or a short line set as
 *   one), teaser lists and link-dense blocks (readability exempts lists from its link-density test);
 * - figures, image boxes and their captions;
 * - when most of the best-scoring block turns out to be chrome (a teaser list), it is taken out and
 *   the article looked for again;
 * - an article split into chunks of the same class in different parents (around ads and rails) is
 *   joined;
 * and it keeps what readability drops: lists whose items are prose, block quotes, data tables (laid
 * out one row a line), embedded posts (a tweet in a "social-embed" box).
 */
import { REASONS, type Reason } from './rules.ts';
import { type El, type Kid, BLOCK_TAGS, textOf } from './dom.ts';
import {
  AD_WORDS,
  BYLINE,
  CHROME_ROLES,
  CHROME_TAGS,
  COMMENTS_HEADING,
  LOADING_WORDS,
  MAYBE_CANDIDATE,
  NEGATIVE,
  POSITIVE,
  RELATED_HEADING,
  UNLIKELY_CANDIDATES,
  UNLIKELY_ROLES,
  chromeReason,
} from './dom-rules.ts';

/** Readability's own default is 500 characters; news pages with short bodies still have an article. */
export const DEFAULT_CHAR_THRESHOLD = 250;
/** Paragraphs shorter than this are not scored (readability). */
const MIN_PARAGRAPH_CHARS = 25;
const N_TOP_CANDIDATES = 5;
/** A chrome-hinted element holding at least this share of the article's text is the article itself. */
const MAX_CHROME_SHARE = 0.5;
/** A block whose link text is above this share, and that is short, is a teaser link. */
const TEASER_LINK_DENSITY = 0.5;
const TEASER_MAX_WORDS = 25;
/** A block of any length this much link text is a list of links ("Don't miss: A [INSIGHT] B [NEWS]"). */
const LINK_BLOCK_DENSITY = 0.65;
/** Chrome whose boxes never hold prose: a box of that name with PROSE_CHARS of prose is a wrapper of the article. */
const PROSE_KEPT: ReadonlySet<Reason> = new Set([REASONS.share, REASONS.newsletter, REASONS.cookie, REASONS.widget, REASONS.navigation, REASONS.dateline, REASONS.byline, REASONS.advertisement, REASONS.boilerplate]);
const PROSE_CHARS = 400;
/** When less than this share of the best block survives cleaning, the block was chrome: look again without it. */
const MIN_KEPT_SHARE = 0.25;
const MAX_REGRABS = 2;
/** An image box's text (caption, credit) is at most this long. */
const MAX_CAPTION_CHARS = 250;
const IMAGE_BOX_TAGS = new Set(['div', 'span', 'a', 'p']);
const REGRAB_REASONS: ReadonlySet<Reason> = new Set([REASONS.related, REASONS.comments, REASONS.navigation, REASONS.advertisement]);

export interface Block {
  text: string;
  /** The block element it came from: `p`, `h2`, `li`, `tr`, `pre`, `blockquote`, `div`, ... */
  tag: string;
  el: El;
  /** Share of the block's characters inside links. */
  linkDensity: number;
}

export interface Dropped {
  text: string;
  reason: Reason;
}

export interface MainText {
  blocks: Block[];
  /** Chrome cut from inside and around the article, with its reason. */
  dropped: Dropped[];
  /** The byline element's text, when the page marks one. */
  byline: string | null;
  /** Whether an article container was found (false: the whole page was taken). */
  found: boolean;
  /** The reason the DOM gives for leaving an element out (its own or its nearest ancestor's), if any. */
  reasonOf: (el: El) => Reason | null;
}

export interface ExtractOptions {
  title?: string | null;
  charThreshold?: number;
  /** The element the page marks as the article body (schema.org `itemprop=articleBody`), if any. */
  bodyHint?: El | null;
}

interface Stat {
  text: number;
  link: number;
  commas: number;
  p: number;
  img: number;
  li: number;
  input: number;
  embed: number;
  heading: number;
  /** Characters inside span/li/td/div/p/... (readability's "textish" density). */
  textish: number;
  /** Has a descendant block element (readability's DIV_TO_P_ELEMS). */
  block: boolean;
  /** Element children that are alive. */
  children: number;
  /** Block quotes inside (an embedded post is quoted text, whatever its box is called). */
  quote: number;
  /** <p> elements inside (not counting divs read as paragraphs). */
  ptag: number;
}

const FLAG_STRIP_UNLIKELYS = 1;
const FLAG_WEIGHT_CLASSES = 2;
const FLAG_CLEAN_CONDITIONALLY = 4;

const TAGS_TO_SCORE = new Set(['section', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'pre']);
const DIV_TO_P = new Set(['blockquote', 'dl', 'div', 'img', 'ol', 'p', 'pre', 'table', 'ul']);
const TEXTISH = new Set(['span', 'li', 'td', 'blockquote', 'dl', 'div', 'img', 'ol', 'p', 'pre', 'table', 'ul']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const EMBEDS = new Set(['object', 'embed', 'iframe']);

const collapsedLength = (s: string) => {
  let n = 0;
  let space = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ws = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
    if (ws) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      space = false;
    }
  }
  return n;
};
const countCommas = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2c || c === 0x60c || c === 0xfe50 || c === 0xfe10 || c === 0xfe11 || c === 0x2e41 || c === 0x2e34 || c === 0x2e32 || c === 0xff0c || c === 0x3001) n++;
  }
  return n;
};

function isProbablyHidden(el: El): boolean {
  const a = el.attrs;
  if ('hidden' in a) return true;
  if (a['aria-hidden'] === 'true' && !/fallback-image/.test(a.class ?? '')) return true;
  const style = a.style;
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  if (a['aria-modal'] === 'true' && a.role === 'dialog') return true;
  return false;
}


/** Word-overlap similarity of two texts (readability's _textSimilarity). */
export function textSimilarity(a: string, b: string): number {
  const ta = a.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const tb = b.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (!ta.length || !tb.length) return 0;
  const sa = new Set(ta);
  const uniqB = tb.filter((t) => !sa.has(t));
  const distance = uniqB.join(' ').length / tb.join(' ').length;
  return 1 - distance;
}

class Attempt {
  readonly dead = new Map<El, Reason>();
  readonly stats = new Map<El, Stat>();
  readonly score = new Map<El, number>();
  /** Wrapper divs around a single paragraph: readability replaces them by the paragraph. */
  readonly collapsed = new Set<El>();
  /** Document order of live elements. */
  readonly index = new Map<El, number>();
  byline: string | null = null;

  constructor(
    readonly page: El,
    readonly flags: number,
    readonly opts: ExtractOptions,
    preset?: ReadonlyMap<El, Reason>,
  ) {
    if (preset) for (const [el, r] of preset) this.dead.set(el, r);
  }

  isDead(el: El): boolean {
    return this.dead.has(el);
  }

  /** Pass 1 (readability's node prepping): hidden nodes, byline, title header, unlikely candidates. */
  prep(): void {
    const strip = (this.flags & FLAG_STRIP_UNLIKELYS) !== 0;
    let titleHeaderRemoved = false;
    const title = this.opts.title ?? null;
    const stack: El[] = [this.page];
    while (stack.length) {
      const el = stack.pop()!;
      if (el !== this.page) {
        if (isProbablyHidden(el)) {
          this.dead.set(el, REASONS.widget);
          continue;
        }
        const match = el.hint;
        if (this.byline === null && this.isByline(el, match)) {
          this.byline = textOf(el);
          this.dead.set(el, REASONS.byline);
          continue;
        }
        if (!titleHeaderRemoved && title && (el.tag === 'h1' || el.tag === 'h2')) {
          const t = textOf(el);
          if (textSimilarity(title, t) > 0.75) {
            titleHeaderRemoved = true;
            this.dead.set(el, REASONS.repeatedHeadline);
            continue;
          }
        }
        if (strip && el.tag !== 'body' && el.tag !== 'a' && el.tag !== 'html') {
          if (match && UNLIKELY_CANDIDATES.test(match) && !MAYBE_CANDIDATE.test(match) && !this.inside(el, 'table') && !this.inside(el, 'code') && !isEmbeddedPost(el)) {
            this.dead.set(el, chromeReason(match) ?? REASONS.boilerplate);
            continue;
          }
          const role = el.attrs.role;
          if (role && UNLIKELY_ROLES.has(role)) {
            this.dead.set(el, CHROME_ROLES.get(role) ?? REASONS.boilerplate);
            continue;
          }
        }
      }
      for (let i = el.kids.length - 1; i >= 0; i--) {
        const k = el.kids[i]!;
        if (typeof k !== 'string') stack.push(k);
      }
    }
  }

  private inside(el: El, tag: string): boolean {
    for (let p = el.parent; p; p = p.parent) if (p.tag === tag) return true;
    return false;
  }

  private isByline(el: El, match: string): boolean {
    const rel = el.attrs.rel;
    const itemprop = el.attrs.itemprop ?? '';
    if (!(rel === 'author' || itemprop.includes('author') || (match && BYLINE.test(match)))) return false;
    const t = textOf(el);
    return t.length > 0 && t.length < 100;
  }

  /** Lengths and counts of every live element, bottom-up (iterative post-order). */
  computeStats(): void {
    const order: El[] = [];
    const stack: El[] = [this.page];
    while (stack.length) {
      const el = stack.pop()!;
      order.push(el);
      for (let i = el.kids.length - 1; i >= 0; i--) {
        const k = el.kids[i]!;
        if (typeof k !== 'string' && !this.dead.has(k)) stack.push(k);
      }
    }
    order.forEach((el, i) => this.index.set(el, i));
    for (let i = order.length - 1; i >= 0; i--) {
      const el = order[i]!;
      const s: Stat = { text: 0, link: 0, commas: 0, p: 0, img: 0, li: 0, input: 0, embed: 0, heading: 0, textish: 0, block: false, children: 0, quote: 0, ptag: 0 };
      for (const k of el.kids) {
        if (typeof k === 'string') {
          s.text += collapsedLength(k);
          s.commas += countCommas(k);
          continue;
        }
        const c = this.stats.get(k);
        if (!c) continue; // dead
        s.text += c.text;
        s.link += c.link;
        s.commas += c.commas;
        // A div of phrasing content is a paragraph (readability turns it into a <p> before cleaning).
        s.p += c.p + (k.tag === 'p' || (k.tag === 'div' && !c.block) ? 1 : 0);
        s.img += c.img + (k.tag === 'img' || k.tag === 'picture' ? 1 : 0);
        s.li += c.li + (k.tag === 'li' ? 1 : 0);
        s.input += c.input + (k.tag === 'input' ? 1 : 0);
        s.embed += c.embed + (EMBEDS.has(k.tag) ? 1 : 0);
        s.heading += HEADINGS.has(k.tag) ? c.text : c.heading;
        s.textish += TEXTISH.has(k.tag) ? c.text : c.textish;
        s.block ||= c.block || DIV_TO_P.has(k.tag);
        s.children++;
        s.quote += c.quote + (k.tag === 'blockquote' ? 1 : 0);
        s.ptag += c.ptag + (k.tag === 'p' ? 1 : 0);
      }
      if (el.tag === 'a') {
        const href = el.attrs.href ?? '';
        s.link = s.text * (href.length > 1 && href.startsWith('#') ? 0.3 : 1);
      }
      this.stats.set(el, s);
    }
  }

  stat(el: El): Stat {
    return this.stats.get(el) ?? { text: 0, link: 0, commas: 0, p: 0, img: 0, li: 0, input: 0, embed: 0, heading: 0, textish: 0, block: false, children: 0, quote: 0, ptag: 0 };
  }

  linkDensity(el: El): number {
    const s = this.stat(el);
    return s.text ? s.link / s.text : 0;
  }

  classWeight(el: El): number {
    if (!(this.flags & FLAG_WEIGHT_CLASSES)) return 0;
    let w = 0;
    const cls = el.attrs.class;
    const id = el.attrs.id;
    if (cls) {
      if (NEGATIVE.test(cls)) w -= 25;
      if (POSITIVE.test(cls)) w += 25;
    }
    if (id) {
      if (NEGATIVE.test(id)) w -= 25;
      if (POSITIVE.test(id)) w += 25;
    }
    return w;
  }

  private initScore(el: El): number {
    let s = 0;
    switch (el.tag) {
      case 'div':
        s = 5;
        break;
      case 'pre':
      case 'td':
      case 'blockquote':
        s = 3;
        break;
      case 'address':
      case 'ol':
      case 'ul':
      case 'dl':
      case 'dd':
      case 'dt':
      case 'li':
      case 'form':
        s = -3;
        break;
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
      case 'th':
        s = -5;
        break;
    }
    s += this.classWeight(el);
    this.score.set(el, s);
    return s;
  }

  private liveKids(el: El): El[] {
    const out: El[] = [];
    for (const k of el.kids) if (typeof k !== 'string' && !this.dead.has(k)) out.push(k);
    return out;
  }

  private isWhitespaceText(el: El): boolean {
    for (const k of el.kids) if (typeof k === 'string' && k.trim()) return false;
    return true;
  }

  /** A paragraph-like element: a `p`, or a div readability turns into one (no block inside). */
  isParaLike(el: El): boolean {
    return el.tag === 'p' || (el.tag === 'div' && !this.stat(el).block);
  }

  private ancestors(el: El, max: number): El[] {
    const out: El[] = [];
    for (let p: El | null = el; p && out.length < max; p = p.parent) {
      if (this.collapsed.has(p)) continue;
      if (p.tag === '#root' || p.tag === 'html' || !p.parent) break;
      out.push(p);
    }
    return out;
  }

  private addUnit(units: Array<{ text: string; len: number; commas: number; from: El }>, el: El, parent: El | null): void {
    if (!parent) return;
    const s = this.stat(el);
    if (s.text < MIN_PARAGRAPH_CHARS) return;
    units.push({ text: '', len: s.text, commas: s.commas, from: parent });
  }

  /** Scores paragraphs into their ancestors and picks the article's elements. */
  grab(): { content: El[]; found: boolean } {
    const units: Array<{ text: string; len: number; commas: number; from: El }> = [];
    // Collect scoring units in document order.
    const stack: El[] = [this.page];
    while (stack.length) {
      const el = stack.pop()!;
      if (el.tag === 'div') {
        const kids = this.liveKids(el);
        if (kids.length === 1 && kids[0]!.tag === 'p' && this.isWhitespaceText(el) && this.linkDensity(el) < 0.25) {
          this.collapsed.add(el);
        } else if (!this.stat(el).block) {
          this.addUnit(units, el, el.parent);
          continue; // a div of phrasing content is one paragraph
        } else {
          // Phrasing runs between the div's blocks: each is a paragraph inside the div.
          let run: Kid[] = [];
          const flush = () => {
            if (run.length) {
              const t = run.map((k) => (typeof k === 'string' ? k : textOf(k, this.dead))).join('');
              const txt = t.replace(/\s+/g, ' ').trim();
              if (txt.length >= MIN_PARAGRAPH_CHARS) units.push({ text: txt, len: txt.length, commas: countCommas(txt), from: el });
            }
            run = [];
          };
          for (const k of el.kids) {
            if (typeof k === 'string') run.push(k);
            else if (this.dead.has(k)) continue;
            else if (BLOCK_TAGS.has(k.tag) || k.tag === 'img' || k.tag === 'table') flush();
            else run.push(k);
          }
          flush();
        }
      } else if (TAGS_TO_SCORE.has(el.tag)) {
        this.addUnit(units, el, el.parent);
      }
      for (let i = el.kids.length - 1; i >= 0; i--) {
        const k = el.kids[i]!;
        if (typeof k !== 'string' && !this.dead.has(k)) stack.push(k);
      }
    }

    const candidates: El[] = [];
    for (const u of units) {
      const ancestors = this.ancestors(u.from, 5);
      if (ancestors.length === 0) continue;
      const contentScore = 1 + (u.commas + 1) + Math.min(Math.floor(u.len / 100), 3);
      ancestors.forEach((a, level) => {
        if (!this.score.has(a)) {
          this.initScore(a);
          candidates.push(a);
        }
        const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
        this.score.set(a, this.score.get(a)! + contentScore / divider);
      });
    }

    const top: El[] = [];
    for (const c of candidates) {
      const s = this.score.get(c)! * (1 - this.linkDensity(c));
      this.score.set(c, s);
      for (let t = 0; t < N_TOP_CANDIDATES; t++) {
        const cur = top[t];
        if (!cur || s > this.score.get(cur)!) {
          top.splice(t, 0, c);
          if (top.length > N_TOP_CANDIDATES) top.pop();
          break;
        }
      }
    }

    let topCandidate = top[0] ?? null;
    if (!topCandidate || topCandidate.tag === 'body' || topCandidate === this.page) {
      return { content: [this.page], found: false };
    }
    const sc = (el: El) => this.score.get(el);
    const isTop = (el: El) => el.tag === 'body' || el === this.page || el.parent === null || el.tag === 'html';

    // Alternative candidates: an ancestor holding at least three near-best candidates.
    const alternatives: El[][] = [];
    for (let i = 1; i < top.length; i++) {
      if (sc(top[i]!)! / sc(topCandidate)! >= 0.75) alternatives.push(this.ancestors(top[i]!, Infinity));
    }
    if (alternatives.length >= 3) {
      for (let p = topCandidate.parent; p && !isTop(p); p = p.parent) {
        let n = 0;
        for (const list of alternatives) if (list.includes(p)) n++;
        if (n >= 3) {
          topCandidate = p;
          break;
        }
      }
    }
    if (!this.score.has(topCandidate)) this.initScore(topCandidate);

    // Climb while the parent scores higher (more content lurking beside the candidate).
    let lastScore = sc(topCandidate)!;
    const threshold = lastScore / 3;
    for (let p = topCandidate.parent; p && !isTop(p); p = p.parent) {
      const ps = sc(p);
      if (ps === undefined) continue;
      if (ps < threshold) break;
      if (ps > lastScore) {
        topCandidate = p;
        break;
      }
      lastScore = ps;
    }
    // An only child: use the parent, so its siblings can join.
    for (let p = topCandidate.parent; p && !isTop(p) && this.liveKids(p).length === 1; p = topCandidate.parent) topCandidate = p;
    if (!this.score.has(topCandidate)) this.initScore(topCandidate);

    const parent = topCandidate.parent;
    if (!parent) return { content: [topCandidate], found: true };
    const topScore = sc(topCandidate)!;
    const siblingThreshold = Math.max(10, topScore * 0.2);
    const content: El[] = [];
    for (const sib of this.liveKids(parent)) {
      if (sib === topCandidate) {
        content.push(sib);
        continue;
      }
      let bonus = 0;
      const cls = sib.attrs.class ?? '';
      if (cls && cls === (topCandidate.attrs.class ?? '')) bonus += topScore * 0.2;
      const s = sc(sib);
      if (s !== undefined && s + bonus >= siblingThreshold) {
        content.push(sib);
      } else if (this.isParaLike(sib)) {
        const ld = this.linkDensity(sib);
        const text = textOf(sib, this.dead);
        if (text.length > 80 && ld < 0.25) content.push(sib);
        else if (text.length < 80 && text.length > 0 && ld === 0 && /\.( |$)/.test(text)) content.push(sib);
      }
    }
    // The article in several chunks of the same class (a body split around ads and rails, in
    // different parents): the other chunks that score well join, in document order.
    const first = top[0]!;
    // Class names compared without their numbers: "outline-text-2 text-3" and "outline-text-2 text-1" are chunks of one kind.
    const shape = (el: El) => (el.attrs.class ?? '').replace(/\d+/g, '#').trim();
    const cls = shape(first);
    if (cls) {
      // The shared class is the evidence: a chunk needs only some prose of its own, and few links.
      const minScore = Math.max(3, sc(first)! * 0.05);
      const related = (a: El, b: El) => isAncestor(a, b) || isAncestor(b, a) || a === b;
      for (const c of candidates) {
        if (shape(c) !== cls || sc(c)! < minScore || this.linkDensity(c) > 0.3 || content.some((x) => related(x, c))) continue;
        content.push(c);
      }
      content.sort((a, b) => (this.index.get(a) ?? 0) - (this.index.get(b) ?? 0));
    }
    return { content, found: true };
  }

  /** Readability's data-table test (_markDataTables). */
  isDataTable(table: El): boolean {
    const a = table.attrs;
    if (a.role === 'presentation' || a.datatable === '0') return false;
    if (a.summary) return true;
    let rows = 0;
    let cols = 0;
    let nested = false;
    let header = false;
    const stack: El[] = [];
    for (const k of table.kids) if (typeof k !== 'string') stack.push(k);
    while (stack.length) {
      const el = stack.pop()!;
      if (el.tag === 'table') {
        nested = true;
        continue;
      }
      if (el.tag === 'caption' || el.tag === 'thead' || el.tag === 'tfoot' || el.tag === 'colgroup' || el.tag === 'th') header = true;
      if (el.tag === 'tr') {
        rows++;
        let c = 0;
        for (const k of el.kids) if (typeof k !== 'string' && (k.tag === 'td' || k.tag === 'th')) c += Number(k.attrs.colspan) || 1;
        cols = Math.max(cols, c);
      }
      for (const k of el.kids) if (typeof k !== 'string') stack.push(k);
    }
    if (header && !nested) return true;
    if (nested) return false;
    if (rows >= 10 || cols > 4) return true;
    return rows * cols > 10;
  }


  /**
   * Readability's _prepArticle and _cleanConditionally, and the chrome rules added here. Marks
   * dropped elements in `drop`; returns the data tables (laid out by rows).
   */
  clean(content: El[], contentText: number, features: Features): { drop: Map<El, Reason>; dataTables: Set<El> } {
    const drop = new Map<El, Reason>();
    const dataTables = new Set<El>();
    const all: El[] = [];
    const stack: El[] = [...content].reverse();
    while (stack.length) {
      const el = stack.pop()!;
      all.push(el);
      for (let i = el.kids.length - 1; i >= 0; i--) {
        const k = el.kids[i]!;
        if (typeof k !== 'string' && !this.dead.has(k)) stack.push(k);
      }
    }
    for (const el of all) if (el.tag === 'table' && this.isDataTable(el)) dataTables.add(el);
    const inDropped = (el: El) => {
      for (let p: El | null = el; p; p = p.parent) if (drop.has(p)) return true;
      return false;
    };
    const inDataTable = (el: El) => {
      for (let p = el.parent; p; p = p.parent) if (dataTables.has(p)) return true;
      return false;
    };
    const inTag = (el: El, tag: string) => {
      for (let p = el.parent; p; p = p.parent) if (p.tag === tag) return true;
      return false;
    };
    const roots = new Set(content);

    // Chrome by tag, role and class/id (dom-rules.ts), unless it holds most of the article.
    for (const el of all) {
      if (roots.has(el) && content.length === 1) continue;
      if (inDropped(el)) continue;
      const s = this.stat(el);
      const big = s.text >= MAX_CHROME_SHARE * contentText && contentText > 0;
      const tagReason = CHROME_TAGS.get(el.tag);
      if (tagReason && !(el.tag === 'form' || el.tag === 'fieldset')) {
        if (!big || el.tag === 'figcaption' || el.tag === 'nav') drop.set(el, tagReason);
        continue;
      }
      // An image with a line or two of text and no paragraph: a caption box (not always a <figure>).
      if (features.figures && IMAGE_BOX_TAGS.has(el.tag) && s.img > 0 && s.ptag === 0 && s.quote === 0 && s.text > 0 && s.text <= MAX_CAPTION_CHARS && !big) {
        drop.set(el, REASONS.caption);
        continue;
      }
      if (el.tag === 'figure' && features.figures) {
        // A figure's text is its caption and credit; a figure holding paragraphs is a layout box.
        if (s.p === 0 && !big) {
          drop.set(el, REASONS.caption);
          continue;
        }
      }
      const role = el.attrs.role;
      if (role && CHROME_ROLES.has(role) && !big) {
        drop.set(el, CHROME_ROLES.get(role)!);
        continue;
      }
      if (features.chrome && el.hint && !big && !inDataTable(el)) {
        const reason = chromeReason(el.hint);
        const embed = reason === REASONS.share && (el.tag === 'blockquote' || s.quote > 0);
        if (reason && !embed && !(reason === REASONS.caption && s.p > 0) && !(PROSE_KEPT.has(reason) && this.holdsProse(el))) {
          drop.set(el, reason);
          continue;
        }
      }
      // A heading, or a short line set as one (a div or p of a few words), naming a related or comments block.
      if (features.relatedHeadings && (HEADINGS.has(el.tag) || ((el.tag === 'p' || el.tag === 'div') && !s.block && s.text < 60))) {
        const t = textOf(el, this.dead).replace(/[\s:.…»›>|-]+$/u, '');
        if (t && t.length < 80 && (RELATED_HEADING.test(t) || COMMENTS_HEADING.test(t))) {
          const reason = COMMENTS_HEADING.test(t) ? REASONS.comments : REASONS.related;
          this.dropHeadedBlock(el, reason, drop, contentText);
        }
      }
    }

    if (!(this.flags & FLAG_CLEAN_CONDITIONALLY)) {
      // Still drop the tags readability always removes.
      return { drop, dataTables };
    }

    // Readability's _cleanHeaders: h1/h2 with a negative class weight.
    for (const el of all) {
      if ((el.tag === 'h1' || el.tag === 'h2') && this.classWeight(el) < 0 && !inDropped(el)) drop.set(el, REASONS.boilerplate);
    }
    // Share elements (readability: /share|sharedaddy/ under 500 characters).
    for (const el of all) {
      if (!roots.has(el) && el.hint && /(?:\b|_)(?:share|sharedaddy)(?:\b|_)/i.test(el.hint) && this.stat(el).text < 500 && !this.holdsProse(el) && !inDropped(el)) drop.set(el, REASONS.share);
    }
    // _cleanConditionally on form, fieldset, table, ul, div (and ol, which readability lets through).
    const order = ['form', 'fieldset', 'table', 'ul', 'ol', 'div', 'section', 'aside'];
    for (const tag of order) {
      // Deepest first (readability removes from the end of the node list).
      for (let i = all.length - 1; i >= 0; i--) {
        const el = all[i]!;
        if (el.tag !== tag || roots.has(el) || inDropped(el)) continue;
        if (tag === 'div' && !this.stat(el).block) continue; // a paragraph, to readability
        const reason = this.conditional(el, tag, dataTables, inDataTable, inTag, features);
        if (reason) drop.set(el, reason);
      }
    }
    return { drop, dataTables };
  }

  /**
   * Real paragraphs with few links: no share bar, newsletter box or byline holds them, so an element
   * named after one ("share-wrapper" around a story) is kept when it does.
   */
  private holdsProse(el: El): boolean {
    const s = this.stat(el);
    return s.text >= PROSE_CHARS && s.link / Math.max(1, s.text) < 0.3 && s.commas + s.p >= 2;
  }

  /** The heading of a related or comments block: drop it and the block it heads. */
  private dropHeadedBlock(heading: El, reason: Reason, drop: Map<El, Reason>, contentText: number): void {
    drop.set(heading, reason);
    // The smallest ancestor that holds more than the heading: when it is small or link-dense, it is the block.
    let box: El = heading;
    for (let p = heading.parent; p; p = p.parent) {
      const s = this.stat(p);
      if (s.text > this.stat(heading).text + 20) {
        box = p;
        break;
      }
    }
    if (box !== heading) {
      const s = this.stat(box);
      const ld = s.text ? s.link / s.text : 0;
      if (s.text < 0.3 * contentText && (ld > 0.3 || reason === REASONS.comments)) {
        drop.set(box, reason);
        return;
      }
    }
    // Otherwise the siblings after the heading, while they are lists or link-dense blocks (or, for
    // comments, everything up to the next heading of the same rank).
    const parent = heading.parent;
    if (!parent) return;
    let after = false;
    for (const k of parent.kids) {
      if (typeof k === 'string') continue;
      if (k === heading) {
        after = true;
        continue;
      }
      if (!after || this.dead.has(k)) continue;
      if (HEADINGS.has(k.tag) && k.tag <= heading.tag) break;
      const s = this.stat(k);
      const ld = s.text ? s.link / s.text : 0;
      if (reason === REASONS.comments || ld > 0.4 || ((k.tag === 'ul' || k.tag === 'ol') && ld > 0.25)) drop.set(k, reason);
      else break;
    }
  }

  private conditional(
    el: El,
    tag: string,
    dataTables: Set<El>,
    inDataTable: (el: El) => boolean,
    inTag: (el: El, tag: string) => boolean,
    features: Features,
  ): Reason | null {
    const s = this.stat(el);
    let isList = tag === 'ul' || tag === 'ol';
    if (!isList) {
      let listLen = 0;
      for (const k of el.kids) if (typeof k !== 'string' && (k.tag === 'ul' || k.tag === 'ol') && !this.dead.has(k)) listLen += this.stat(k).text;
      isList = s.text > 0 && listLen / s.text > 0.9;
    }
    if (tag === 'table' && dataTables.has(el)) return null;
    if (inDataTable(el)) return null;
    if (inTag(el, 'code')) return null;
    if (this.containsDataTable(el, dataTables)) return null;
    if (isEmbeddedPost(el)) return null;
    const weight = this.classWeight(el);
    if (weight < 0) return chromeReason(el.hint) ?? REASONS.boilerplate;
    if (s.commas >= 10) return null;

    const linkDensity = s.text ? s.link / s.text : 0;
    const text = s.text;
    if (isList && features.teaserLists && this.isTeaserList(el)) return REASONS.related;
    if (isList && features.keepProseLists && this.isProseList(el)) return null;

    const p = s.p;
    const img = s.img;
    const li = s.li - 100;
    const input = s.input;
    const headingDensity = text ? s.heading / text : 0;
    const textDensity = text ? s.textish / text : 0;
    const isFigureChild = inTag(el, 'figure');
    if (text < 40) {
      const t = textOf(el, this.dead);
      if (AD_WORDS.test(t)) return REASONS.advertisement;
      if (LOADING_WORDS.test(t)) return REASONS.widget;
    }
    const errs: Reason[] = [];
    if (!isFigureChild && img > 1 && p / img < 0.5) errs.push(REASONS.boilerplate);
    if (!isList && li > p) errs.push(REASONS.navigation);
    if (input > Math.floor(p / 3)) errs.push(REASONS.widget);
    if (!isList && !isFigureChild && headingDensity < 0.9 && text < 25 && (img === 0 || img > 2) && linkDensity > 0) errs.push(REASONS.boilerplate);
    if (!isList && weight < 25 && linkDensity > 0.2) errs.push(REASONS.related);
    if (weight >= 25 && linkDensity > 0.5) errs.push(REASONS.related);
    if ((s.embed === 1 && text < 75) || s.embed > 1) errs.push(REASONS.widget);
    if (img === 0 && textDensity === 0) errs.push(REASONS.boilerplate);
    if (!errs.length) return null;
    if (isList) {
      // Readability keeps simple lists of images.
      for (const k of this.liveKids(el)) if (this.liveKids(k).length > 1) return errs[0]!;
      if (img === s.li) return null;
    }
    // Recovery: a block quote, or a box of real paragraphs with few links, is article text.
    if (features.recover && linkDensity < 0.1 && text > 200 && (el.tag === 'blockquote' || p >= 2)) return null;
    return errs[0]!;
  }

  private containsDataTable(el: El, dataTables: Set<El>): boolean {
    if (!dataTables.size) return false;
    for (const t of dataTables) for (let p = t.parent; p; p = p.parent) if (p === el) return true;
    return false;
  }

  /** Lists of teaser links: most items are mostly one link (related articles, more stories). */
  isTeaserList(el: El): boolean {
    const items = this.liveKids(el).filter((k) => k.tag === 'li');
    if (items.length < 2) return false;
    let linky = 0;
    for (const li of items) if (this.linkDensity(li) > 0.6) linky++;
    return linky / items.length >= 0.6 && this.linkDensity(el) > 0.5;
  }

  /** Lists whose items are sentences with few links: part of the article (readability drops some). */
  isProseList(el: El): boolean {
    const items = this.liveKids(el).filter((k) => k.tag === 'li');
    if (items.length === 0) return false;
    const s = this.stat(el);
    return s.text / items.length >= 40 && this.linkDensity(el) < 0.2;
  }
}

export interface Features {
  chrome: boolean;
  relatedHeadings: boolean;
  teaserLists: boolean;
  keepProseLists: boolean;
  figures: boolean;
  recover: boolean;
  teaserBlocks: boolean;
}

export const DEFAULT_FEATURES: Features = {
  chrome: true,
  relatedHeadings: true,
  teaserLists: true,
  keepProseLists: true,
  figures: true,
  recover: true,
  teaserBlocks: true,
};

/** Turns the article's elements into text blocks: one per paragraph, list item, heading, table row. */
export function blocksOf(content: El[], skip: (el: El) => boolean, dataTables: ReadonlySet<El>, max = Infinity): Block[] {
  const out: Block[] = [];
  let buf = '';
  let linkChars = 0;
  let owner: El | null = null;
  const flush = () => {
    const text = buf.replace(/[ \t\f\r\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{2,}/g, '\n').trim();
    if (text && owner) {
      const len = collapsedLength(text);
      out.push({ text, tag: owner.tag, el: owner, linkDensity: len ? Math.min(1, linkChars / len) : 0 });
    }
    buf = '';
    linkChars = 0;
  };
  type Frame = { k: Kid; exit?: El; link?: boolean };
  for (const root of content) {
    if (out.length >= max) break;
    owner = root;
    const stack: Frame[] = [{ k: root }];
    let linkDepth = 0;
    const owners: El[] = [];
    while (stack.length && out.length < max) {
      const f = stack.pop()!;
      if (f.exit) {
        if (f.link) linkDepth--;
        const cell = f.exit.tag === 'td' || f.exit.tag === 'th';
        if (cell ? !inRowMode(f.exit, dataTables) : BLOCK_TAGS.has(f.exit.tag)) {
          flush();
          owners.pop();
          owner = owners[owners.length - 1] ?? root;
        } else if (cell && buf && !/\s$/.test(buf)) {
          buf += ' ';
        }
        continue;
      }
      const k = f.k;
      if (typeof k === 'string') {
        const pre = owner?.tag === 'pre';
        const t = pre ? k : k.replace(/\s+/g, ' ');
        buf += t;
        if (linkDepth > 0) linkChars += collapsedLength(t);
        continue;
      }
      if (skip(k)) continue;
      if (k.tag === 'br') {
        buf += '\n';
        continue;
      }
      if (k.tag === 'img' || k.tag === 'hr') continue;
      const isLink = k.tag === 'a';
      // In a data table, a row is one block and its cells are separated by a space.
      const cell = k.tag === 'td' || k.tag === 'th';
      const blockish = cell ? !inRowMode(k, dataTables) : BLOCK_TAGS.has(k.tag);
      if (blockish) {
        flush();
        owners.push(k);
        owner = k;
        stack.push({ k, exit: k });
      } else if (cell) {
        stack.push({ k, exit: k });
      } else if (isLink) {
        linkDepth++;
        stack.push({ k, exit: k, link: true });
      }
      for (let i = k.kids.length - 1; i >= 0; i--) stack.push({ k: k.kids[i]! });
    }
    flush();
  }
  return out;
}

/** Cells of a data table are laid out in their row; cells of a layout table are blocks of their own. */
function inRowMode(cell: El, dataTables: ReadonlySet<El>): boolean {
  for (let p = cell.parent; p; p = p.parent) if (p.tag === 'table') return dataTables.has(p);
  return false;
}

/**
 * Finds the article in a page. `page` is the body (or the root of a fragment). Runs readability's
 * attempts (all filters, then without unlikely-candidate stripping, class weights, conditional
 * cleaning) until one gives `charThreshold` characters, else takes the longest.
 */
export function extractMain(page: El, opts: ExtractOptions = {}, features: Features = DEFAULT_FEATURES): MainText {
  const threshold = opts.charThreshold ?? DEFAULT_CHAR_THRESHOLD;
  const flagSets = [
    FLAG_STRIP_UNLIKELYS | FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY,
    FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY,
    FLAG_CLEAN_CONDITIONALLY,
    0,
  ];
  let best: (MainText & { length: number }) | null = null;
  for (const flags of flagSets) {
    // Elements found to be chrome in an earlier round: when most of the best-scoring block was
    // chrome (a teaser list, a comment section), it is taken out and the article looked for again.
    const preset = new Map<El, Reason>();
    for (let round = 0; round <= MAX_REGRABS; round++) {
      const a = new Attempt(page, flags, opts, preset);
      a.prep();
      a.computeStats();
      let { content, found } = a.grab();
      // The page names its article body (itemprop=articleBody): trust it when it holds real text.
      const hint = opts.bodyHint;
      if (hint && !a.isDead(hint) && a.stat(hint).text >= threshold && !content.some((c) => c === hint || isAncestor(hint, c))) {
        content = [hint];
        found = true;
      }
      const contentText = content.reduce((n, c) => n + a.stat(c).text, 0);
      const { drop, dataTables } = a.clean(content, contentText, features);
      const dropped: Dropped[] = [];
      for (const [el, reason] of drop) {
        const t = textOf(el, a.dead);
        if (t) dropped.push({ text: t, reason });
      }
      const skip = (el: El) => a.dead.has(el) || drop.has(el);
      let blocks = blocksOf(content, skip, dataTables);
      const teasers: Block[] = [];
      if (features.teaserBlocks) blocks = dropTeasers(blocks, dropped, teasers);
      const length = blocks.reduce((n, b) => n + b.text.length, 0);
      if (found && round < MAX_REGRABS && length < MIN_KEPT_SHARE * contentText && contentText >= 2 * threshold) {
        let added = 0;
        for (const [el, reason] of drop) {
          if (REGRAB_REASONS.has(reason) && !preset.has(el)) {
            preset.set(el, reason);
            added++;
          }
        }
        for (const b of teasers) if (!preset.has(b.el) && !content.includes(b.el)) {
          preset.set(b.el, REASONS.related);
          added++;
        }
        if (added) continue;
      }
      const reasonOf = (el: El): Reason | null => {
        for (let p: El | null = el; p; p = p.parent) {
          const r = drop.get(p) ?? a.dead.get(p);
          if (r) return r;
        }
        return null;
      };
      const result = { blocks, dropped, byline: a.byline, found, length, reasonOf };
      if (length >= threshold) return result;
      if (!best || length > best.length) best = result;
      break;
    }
  }
  return best!;
}

/**
 * An embedded post (a tweet, an Instagram caption) in a box named "social-embed": its text is a
 * quote in the article, though readability's unlikely-candidate pattern matches the box.
 */
function isEmbeddedPost(el: El): boolean {
  if (!/embed|tweet|instagram/i.test(el.hint)) return false;
  const stack: El[] = [el];
  let seen = 0;
  while (stack.length && seen++ < 200) {
    const e = stack.pop()!;
    if (e.tag === 'blockquote') return true;
    for (const k of e.kids) if (typeof k !== 'string') stack.push(k);
  }
  return false;
}

function isAncestor(a: El, b: El): boolean {
  for (let p = b.parent; p; p = p.parent) if (p === a) return true;
  return false;
}

/** Short blocks that are mostly one link: teaser headlines, "Read more" links, tag rows. */
function dropTeasers(blocks: Block[], dropped: Dropped[], teasers: Block[]): Block[] {
  return blocks.filter((b) => {
    if (b.linkDensity <= TEASER_LINK_DENSITY) return true;
    const words = b.text.split(/\s+/).length;
    if (words > TEASER_MAX_WORDS && b.linkDensity <= LINK_BLOCK_DENSITY) return true;
    dropped.push({ text: b.text, reason: REASONS.related });
    teasers.push(b);
    return false;
  });
}

