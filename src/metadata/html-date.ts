/**
 * Publication (and update) dates from HTML, searched in order of trust:
 *   1. `<meta>` tags (OpenGraph `article:published_time`, Dublin Core, `pubdate`, parsely ...);
 *   2. the JSON-LD record of the article (`datePublished`, `dateCreated`; `dateModified` is the
 *      update), read with a pattern when the JSON-LD is not valid JSON;
 *   3. marked-up elements: `itemprop=datePublished`, `<time datetime>`, `<abbr title>`;
 *   4. the URL, only when the input gives one;
 *   5. other JSON-LD records that date the page (a WebPage, a video's upload date);
 *   6. the URL the page declares for itself (canonical link, og:url), as a `/2020/03/14/` path;
 *   7. the visible text: the shown side of marked dates, elements whose class or id says date
 *      (htmldate's DATE_EXPRESSIONS), then the lines right under the headline (its byline list
 *      and links included, a <time> read by its machine value when it shows no date; never a
 *      profile date such as "Joined May 11, 2017", nor a date inside a caption or standfirst).
 * Published and updated dates are kept apart (by key, class, itemprop and the words beside them);
 * the update comes last, for the metadata stage to fall back on. When the best date is a machine
 * timestamp in UTC and the page shows a date one day off, the shown (local) date goes first.
 * A date is never taken from a script (scripts are dropped before parsing; JSON-LD is read apart),
 * nor from related-article blocks, comment sections, navigation, asides, or the site's header and
 * footer.
 *
 * After adbar/htmldate (Barbaresi 2020, "htmldate: A Python package to extract publication dates
 * from web pages", JOSS 5(51) 2439): header meta first, then marked elements, then text patterns
 * with a plausibility window (no date before 1995, none after today); ambiguous numeric dates are
 * read day first unless the page is in American English, as htmldate's parser does (DMY order).
 * Every pattern is in the tables below.
 */
import { type El, type PageIndex, elements, textOf } from '../clean/dom.ts';
import { chromeReason } from '../clean/dom-rules.ts';
import { REASONS } from '../clean/rules.ts';
import type { JsonObject, MetaTags } from './html-meta.ts';

export type DateKind = 'published' | 'updated';

export interface DateCandidate {
  /** `YYYY-MM-DD`. */
  value: string;
  kind: DateKind;
  /** Where it was found and what it said, for the report. */
  evidence: string;
}

/** Earliest plausible publication date (htmldate's default minimum). */
export const MIN_DATE = '1995-01-01';

// ---------------------------------------------------------------------------- the tables

/** `<meta>` keys (name, property, itemprop; lower case) that state the publication date (htmldate's DATE_ATTRIBUTES). */
export const META_PUBLISHED: ReadonlySet<string> = new Set([
  'article:published_time', 'article:published', 'og:published_time', 'og:article:published_time', 'article.published', 'article.created',
  'article_date_original', 'article:publicationdate', 'bt:pubdate', 'citation_date', 'citation_publication_date', 'citation_online_date',
  'cxenseparse:recs:publishtime', 'date', 'date_published', 'datecreated', 'dateposted', 'datepublished', 'dc.date', 'dc.created',
  'dc.date.created', 'dc.date.issued', 'dc.date.publication', 'dcterms.created', 'dcterms.date', 'dcterms.issued', 'dc:created',
  'dc:date', 'originalpublicationdate', 'parsely-pub-date', 'pubdate', 'publishdate', 'publish_date', 'publish-date',
  'published-date', 'publication_date', 'publication-date', 'rnews:datepublished', 'sailthru.date', 'shareaholic:article_published_time',
  'article:post_date', 'published_time', 'publishdatetime', 'release_date', 'live_date', 'firstpublishedtime',
  'eomportal-lastupdate-skip', 'pub_date', 'publish-time', 'ptime', 'dcsext.articlefirstpublished', 'og:pubdate', 'prism.publicationdate',
]);

/** `<meta>` keys that state the last update (htmldate's PROPERTY_MODIFIED). */
export const META_UPDATED: ReadonlySet<string> = new Set([
  'article:modified_time', 'article:modified', 'datemodified', 'dc.modified', 'dcterms.modified', 'modified_time', 'og:article:modified_time',
  'og:updated_time', 'updated_time', 'lastmodified', 'last-modified', 'article:updated_time', 'lastupdatedtime', 'mtime', 'dateupdated',
]);

/** Class/id words of elements holding the date as text (htmldate's DATE_EXPRESSIONS, in its order of trust). */
export const DATE_ELEMENT_HINTS: ReadonlyArray<RegExp> = [
  /date|datum|fecha|data-pub|time(?!line|out|r)|zeit/i,
  /post-?meta|entry-?meta|entry-date|article__date|post_detail|article-?metadata|postmeta|dateline|byline|subline|published|posted|submitted|created-post|updated|publication|parution/i,
  /^meta$|^meta-before$|^asset-meta$|author|autor|fa-clock|fa-calendar|info/i,
];

/** Words that mark a stated date as an update rather than the publication. */
export const UPDATED_WORDS =
  /\b(?:updated?|last (?:updated|modified)|modified|revised|edited|aktualisiert|geändert|stand|mis à jour|mise à jour|actualizad[oa]|actualización|aggiornat[oa]|atualizad[oa]|bijgewerkt|zaktualizowano|обновлено)\b/i;
/** Words that mark a stated date as the publication. */
export const PUBLISHED_WORDS =
  /\b(?:published|posted|first published|publication date|released|erschienen|veröffentlicht|publiziert|datum|publié|publiée|publicado|publicada|pubblicato|gepubliceerd|opublikowano|опубликовано|yayınlanma)\b/i;

const MONTHS: ReadonlyArray<[number, string]> = [
  [1, 'january jan janvier janv janeiro jan enero ene gennaio genn januar jänner jänn januari styczeń stycznia ocak oca январь января يناير كانون_الثاني'],
  [2, 'february feb février févr fevereiro fev febrero febbraio febr februar feber februari luty lutego şubat şub февраль февраля فبراير شباط'],
  [3, 'march mar mars março marzo märz maart marzec marca mart март марта مارس آذار'],
  [4, 'april apr avril avr abril abr aprile aprilie kwiecień kwietnia nisan nis апрель апреля أبريل ابريل نيسان'],
  [5, 'may mai maio mayo maggio mei maj maja mayıs май мая مايو أيار'],
  [6, 'june jun juin junho junio giugno juni czerwiec czerwca haziran haz июнь июня يونيو حزيران'],
  [7, 'july jul juillet juil julho julio luglio juli lipiec lipca temmuz tem июль июля يوليو تموز'],
  [8, 'august aug août agosto ago augustus sierpień sierpnia ağustos ağu август августа أغسطس اغسطس آب'],
  [9, 'september sep sept septembre setembro set septiembre settembre sett wrzesień września eylül eyl сентябрь сентября سبتمبر أيلول'],
  [10, 'october oct octobre outubro out octubre ottobre ott oktober okt październik października ekim eki октябрь октября أكتوبر اكتوبر تشرين_الأول'],
  [11, 'november nov novembre novembro noviembre novemb listopad listopada kasım kas ноябрь ноября نوفمبر تشرين_الثاني'],
  [12, 'december dec décembre déc dezembro dez diciembre dic dicembre dezember desember grudzień grudnia aralık ara декабрь декабря ديسمبر كانون_الأول'],
];
const MONTH_NUMBER = new Map<string, number>();
// Names of several words (Levantine Arabic "كانون الثاني") are written with `_` in the table.
for (const [n, names] of MONTHS) for (const name of names.split(' ')) if (!MONTH_NUMBER.has(name.replace(/_/g, ' '))) MONTH_NUMBER.set(name.replace(/_/g, ' '), n);
const MONTH_RE = [...MONTH_NUMBER.keys()].sort((a, b) => b.length - a.length).map((m) => m.replace(/ /g, '\\s+')).join('|');

type Parts = { y: number; m: number; d: number };
type Order = 'dmy' | 'mdy';

/**
 * Date patterns, tried in order on a short text. Each returns the parts or null. `order` settles
 * numeric dates that could be either way round ("03/04/2020").
 */
export const DATE_PATTERNS: ReadonlyArray<{ name: string; re: RegExp; parts: (m: RegExpExecArray, order: Order) => Parts | null }> = [
  { name: 'iso', re: /\b((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?!\d)/, parts: (m) => ({ y: +m[1]!, m: +m[2]!, d: +m[3]! }) },
  { name: 'ymd-compact', re: /(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?:T?\d{2}:?\d{2}|(?!\d))/, parts: (m) => ({ y: +m[1]!, m: +m[2]!, d: +m[3]! }) },
  { name: 'ymd-slash-dot', re: /(?<!\d)((?:19|20)\d{2})[/.]\s?(\d{1,2})[/.]\s?(\d{1,2})(?!\d)/, parts: (m) => ({ y: +m[1]!, m: +m[2]!, d: +m[3]! }) },
  { name: 'cjk', re: /((?:19|20)\d{2})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/, parts: (m) => ({ y: +m[1]!, m: +m[2]!, d: +m[3]! }) },
  {
    name: 'day-month-name-year',
    // "24 نيسان / أبريل 2020": a month given in two calendars' names is read by the first.
    re: new RegExp(String.raw`(?<![\p{L}\d])(\d{1,2})(?:st|nd|rd|th|er|º|\.)?\s*(?:de\s+|of\s+|-)?(${MONTH_RE})(?:\s*/\s*(?:${MONTH_RE}))?\.?,?\s*(?:de\s+|-)?'?((?:19|20)\d{2})(?!\d)`, 'iu'),
    parts: (m) => monthParts(m[3]!, m[2]!, m[1]!),
  },
  {
    name: 'month-name-day-year',
    re: new RegExp(String.raw`(?<![\p{L}])(${MONTH_RE})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})(?!\d)`, 'iu'),
    parts: (m) => monthParts(m[3]!, m[1]!, m[2]!),
  },
  {
    name: 'numeric',
    re: /(?<![\d.])(\d{1,2})([./-])\s?(\d{1,2})\2\s?((?:19|20)?\d{2})(?![\d])/,
    parts: (m, order) => {
      const a = +m[1]!;
      const b = +m[3]!;
      let y = +m[4]!;
      if (m[4]!.length === 2) y += 2000;
      // Dots are day first everywhere; slashes and dashes follow the page's convention unless a part is > 12.
      const dayFirst = m[2] === '.' ? true : a > 12 ? true : b > 12 ? false : order === 'dmy';
      return dayFirst ? { y, m: b, d: a } : { y, m: a, d: b };
    },
  },
];

function monthParts(year: string, month: string, day: string): Parts | null {
  const m = MONTH_NUMBER.get(month.toLowerCase().replace(/\.$/, ''));
  return m ? { y: +year, m, d: +day } : null;
}

function valid({ y, m, d }: Parts, max: string): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  const iso = date.toISOString().slice(0, 10);
  return iso >= MIN_DATE && iso <= max ? iso : null;
}

/** Words and patterns that tell a date from the rest, and the blocks whose dates are foreign. */
/** Tags whose dates belong to other content. */
const FOREIGN_TAGS = new Set(['aside', 'nav', 'li', 'figcaption', 'option', 'select', 'a']);
/**
 * The same, in the lines right under the headline: there a list item or a link is the article's
 * own byline ("<li>By Jane Roe</li><li><a href=permalink><time>...</time></a></li>" in forum and
 * blog templates), not a teaser of another item.
 */
const HEADER_FOREIGN_TAGS = new Set([...FOREIGN_TAGS].filter((t) => t !== 'li' && t !== 'a'));
/**
 * Labels of a person's profile dates in a byline or a forum post's user box ("Joined May 11, 2017",
 * "Member since 2017"): the date after them is the person's, never the article's.
 */
/** How far after a profile label its date is looked for, and how far from the label it may start. */
const PROFILE_DATE_SPAN = 40;
const PROFILE_DATE_GAP = 3;
const PROFILE_DATE_LABEL = /\b(?:joined|member since|registered(?: on)?|mitglied seit|dabei seit|registriert seit|inscrit(?:e)? (?:le|depuis)|membre depuis|miembro desde|registrado desde|iscritto dal|membro dal)\s*:?\s*/gi;
/** Chrome whose dates belong to other items (related stories, comments, menus, ads). */
const FOREIGN_REASONS = new Set<string>([REASONS.related, REASONS.comments, REASONS.navigation, REASONS.advertisement]);
/** Ancestors looked at for a foreign block (wrappers far up say little about a date). */
const FOREIGN_DEPTH = 10;

/** A machine timestamp in UTC with a time of day: its date may be a day off the local one the page shows. */
const UTC_STAMP = /\d{1,2}:?\d{2}(?::?\d{1,2}(?:\.\d+)?)?\s*(?:Z|[+-]00:?00|\s*GMT|\s*UTC)\s*$/i;

/** "datePublished": "..." in JSON-LD that is not valid JSON (htmldate's JSON_PATTERN, limited to JSON-LD blocks). */
const JSON_LD_DATE = /"(datePublished|dateCreated|dateModified)"\s*:\s*"([^"]{6,40})"/g;

/** Words that stand beside a date in a date stamp: labels, weekdays, "at", time zones (several languages). */
const STAMP_WORDS = new Set(
  ('published updated posted modified last first created on at by am pm a.m p.m edt est cdt cst mdt mst pdt pst gmt utc bst cet cest ist et pt ' +
    'mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday today yesterday ' +
    'veröffentlicht aktualisiert erstellt geändert stand am um uhr montag dienstag mittwoch donnerstag freitag samstag sonntag ' +
    'publié publiée mis à jour le lundi mardi mercredi jeudi vendredi samedi dimanche h ' +
    'publicado publicada actualizado actualizada atualizado atualizada em às a las el de del lunes martes miércoles jueves viernes sábado domingo ' +
    'segunda terça quarta quinta sexta feira ' +
    'pubblicato aggiornato alle il lunedì martedì mercoledì giovedì venerdì sabato domenica ore')
    .split(' '),
);

/** Every table of the date search, in one place. */
export const DATE_RULES = {
  metaPublished: META_PUBLISHED,
  metaUpdated: META_UPDATED,
  elementHints: DATE_ELEMENT_HINTS,
  updatedWords: UPDATED_WORDS,
  publishedWords: PUBLISHED_WORDS,
  months: MONTHS,
  patterns: DATE_PATTERNS,
  foreignTags: FOREIGN_TAGS,
  headerForeignTags: HEADER_FOREIGN_TAGS,
  profileDateLabel: PROFILE_DATE_LABEL,
  foreignReasons: FOREIGN_REASONS,
  utcStamp: UTC_STAMP,
  jsonLdDate: JSON_LD_DATE,
  stampWords: STAMP_WORDS,
} as const;

/** The first plausible date in a short text, as `YYYY-MM-DD`, or null. */
export function parseDate(text: string, order: Order = 'dmy', max = today()): string | null {
  return firstDateAt(text.slice(0, 200), order, max)?.value ?? null;
}

/** The first plausible date in a text, with where it stands. */
function firstDateAt(t: string, order: Order, max: string): { index: number; end: number; value: string } | null {
  if (!/\d{2}/.test(t)) return null;
  let best: { index: number; end: number; value: string } | null = null;
  for (const p of DATE_PATTERNS) {
    const m = p.re.exec(t);
    if (!m) continue;
    const parts = p.parts(m, order);
    const v = parts ? valid(parts, max) : null;
    // The earliest match in the text wins; patterns are tried in order of precision for ties.
    if (v && (!best || m.index < best.index)) best = { index: m.index, end: m.index + m[0].length, value: v };
  }
  return best;
}

function today(): string {
  const d = new Date(Date.now() + 36 * 3600 * 1000); // time zones ahead of UTC
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------- the search

export interface DateSearch {
  jsonLd: JsonObject[];
  /** JSON-LD blocks that are not valid JSON: their dates are read with a pattern. */
  brokenJsonLd?: string[];
  article: JsonObject | null;
  meta: MetaTags;
  /** The page's URL when the input gives one. */
  url: string | null;
  /** The URL the page declares for itself (canonical link, og:url). */
  canonicalUrl?: string | null;
  /** The page's language as declared (`en-US` makes numeric dates month first). */
  language?: string | null;
  /** The headline, to find the article's header (the lines under it carry the date). */
  title?: string | null;
}

/** Where a date was found, most trusted first. */
type Source = 'jsonld' | 'meta' | 'marked' | 'url' | 'jsonld-other' | 'page-url' | 'text';

interface Found extends DateCandidate {
  source: Source;
  raw: string;
}

/**
 * True when a date in this element belongs to another item: a related block, a comment, a teaser,
 * a menu, or the page's header and footer (a "today is ..." line, a copyright year).
 */
function inForeignBlock(el: El, headlinePath?: ReadonlySet<El>, foreignTags: ReadonlySet<string> = FOREIGN_TAGS): boolean {
  let inArticle = false;
  for (let p: El | null = el; p; p = p.parent) {
    if (p.tag === 'article' || p.tag === 'main' || /\barticle(?:body)?\b|\bblogposting\b/i.test(`${p.attrs.itemprop ?? ''} ${p.attrs.itemtype ?? ''}`)) inArticle = true;
  }
  let depth = 0;
  for (let p: El | null = el; p && depth < FOREIGN_DEPTH; p = p.parent, depth++) {
    if (p.tag === 'body' || p.tag === 'html' || p.tag === '#root') break;
    // A box that holds the headline is the article's (or the page's wrapper), whatever its class says.
    if (headlinePath?.has(p)) continue;
    if (foreignTags.has(p.tag) && p !== el) return true;
    if ((p.tag === 'footer' || p.tag === 'header') && !inArticle && !hasHeadline(p)) return true;
    const reason = p.hint ? chromeReason(p.hint) : null;
    if (reason && FOREIGN_REASONS.has(reason)) return true;
    if (reason === REASONS.boilerplate && !inArticle && !hasHeadline(p)) return true;
    const role = p.attrs.role;
    if (role === 'complementary' || role === 'navigation' || role === 'contentinfo' || role === 'banner') return true;
  }
  return false;
}

/** A page header that holds the h1 is the article's header, not the site's. */
function hasHeadline(el: El): boolean {
  for (const e of elements(el)) if (e.tag === 'h1') return true;
  return false;
}

/**
 * All dates the page states, most trusted first: published ones, then at most one update. The
 * metadata stage takes the first published date it can parse.
 */
export function findDates(index: PageIndex, search: DateSearch): DateCandidate[] {
  const max = today();
  const lang = (search.language ?? '').toLowerCase().replace('_', '-');
  const order: Order = lang === 'en-us' ? 'mdy' : 'dmy';
  const headline = findHeadline(index, search.title ?? null);
  const path = new Set<El>();
  for (let p = headline; p; p = p.parent) path.add(p);
  const out: Found[] = [];
  const add = (raw: string | null | undefined, kind: DateKind, source: Source, where: string, parseOrder: Order = order): boolean => {
    if (!raw) return false;
    const r = raw.replace(/\s+/g, ' ').trim();
    const value = parseDate(r, parseOrder, max);
    if (!value) return false;
    out.push({ value, kind, source, raw: r, evidence: `${where}: ${r.slice(0, 80)}` });
    return true;
  };

  // 1. Meta tags, in document order. Before JSON-LD, as in htmldate (the page's head, then JSON
  //    data): when the two disagree, the meta tag is the one that matches the day the page gives.
  for (const { key, content } of search.meta.all) {
    if (META_PUBLISHED.has(key)) add(content, 'published', 'meta', `<meta ${key}>`);
    else if (META_UPDATED.has(key)) add(content, 'updated', 'meta', `<meta ${key}>`);
  }

  // 2. JSON-LD of the article (machine dates: ISO, read month first if ever ambiguous).
  const record = (o: JsonObject, source: Source, label: string) => {
    for (const k of ['datePublished', 'dateCreated']) if (typeof o[k] === 'string') add(o[k] as string, 'published', source, `${label} ${k}`, 'mdy');
    if (typeof o.dateModified === 'string') add(o.dateModified as string, 'updated', source, `${label} dateModified`, 'mdy');
  };
  if (search.article) record(search.article, 'jsonld', 'JSON-LD');
  if (search.brokenJsonLd?.length) {
    // JSON-LD that is not valid JSON: its date fields, read with a pattern.
    for (const text of search.brokenJsonLd) {
      for (const m of text.matchAll(JSON_LD_DATE)) add(m[2], m[1] === 'dateModified' ? 'updated' : 'published', 'jsonld', `JSON-LD (malformed) ${m[1]}`, 'mdy');
    }
  }

  // 3. Marked-up elements of the article: microdata, <time>, <abbr>; and the date-hinted elements
  //    and the header under the headline for step 7.
  const marked: Found[] = [];
  const timeEls: El[] = [];
  for (const el of index.all) {
    if (el.tag === 'meta' || el.tag === 'head' || el.tag === 'link') continue;
    const prop = (el.attrs.itemprop ?? '').toLowerCase();
    if (prop === 'datepublished' || prop === 'datecreated' || prop === 'datemodified') {
      if (inForeignBlock(el, path)) continue;
      const raw = el.attrs.datetime ?? el.attrs.content ?? textOf(el);
      const kind: DateKind = prop === 'datemodified' ? 'updated' : 'published';
      const r = raw.replace(/\s+/g, ' ').trim();
      const value = parseDate(r, el.attrs.datetime || el.attrs.content ? 'mdy' : order, max);
      if (value) marked.push({ value, kind, source: 'marked', raw: r, evidence: `itemprop=${el.attrs.itemprop}: ${r.slice(0, 80)}` });
      // The text a reader sees beside the machine value.
      const shown = textOf(el);
      const local = shown && shown !== r ? parseDate(shown, order, max) : null;
      if (local) marked.push({ value: local, kind, source: 'text', raw: shown, evidence: `itemprop=${el.attrs.itemprop} (as shown): ${shown.slice(0, 80)}` });
    } else if (el.tag === 'time' || (el.tag === 'abbr' && /published|updated|date/i.test(el.hint))) {
      timeEls.push(el);
    }
  }
  for (const el of timeEls) {
    if (inForeignBlock(el, path)) continue;
    const context = `${el.hint} ${el.attrs.itemprop ?? ''} ${el.parent?.hint ?? ''} ${precedingText(el)}`;
    const kind: DateKind = UPDATED_WORDS.test(context) && !/publish|pubdate|posted|created/i.test(`${el.hint} ${el.parent?.hint ?? ''}`) ? 'updated' : 'published';
    const machine = el.attrs.datetime ?? el.attrs.title;
    const shown = textOf(el);
    const label = `<${el.tag}${el.attrs.datetime ? ` datetime="${el.attrs.datetime}"` : ''}>${kind === 'updated' ? ' (update)' : ''}`;
    if (machine) {
      const r = machine.trim();
      const value = parseDate(r, el.attrs.datetime ? 'mdy' : order, max);
      if (value) marked.push({ value, kind, source: 'marked', raw: r, evidence: `${label}: ${shown.slice(0, 60)}` });
    }
    const local = shown ? parseDate(shown, order, max) : null;
    if (local) marked.push({ value: local, kind, source: machine ? 'text' : 'marked', raw: shown, evidence: `${label} as shown: ${shown.slice(0, 60)}` });
  }
  // microdata and <time pubdate> / class "published" before plain <time>s.
  marked.sort((a, b) => rankMarked(b) - rankMarked(a));
  out.push(...marked.filter((m) => m.source === 'marked'));

  // 4. The URL, when the input gives one: /2020/03/14/ or 2020-03-14.
  const urlDate = (url: string | null | undefined, source: Source, label: string) => {
    const m = url ? /(?:^|\D)((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:\D|$)/.exec(url) : null;
    if (m) add(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`, 'published', source, `${label} ${url!.slice(0, 100)}`, 'dmy');
  };
  urlDate(search.url, 'url', 'the input URL');

  // 5. Other JSON-LD records that date the page (a WebPage, a video's upload).
  for (const o of search.jsonLd) if (o !== search.article) record(o, 'jsonld-other', `JSON-LD ${String(o['@type'] ?? '')}`.trim());
  for (const o of search.jsonLd) if (o !== search.article && typeof o.uploadDate === 'string') add(o.uploadDate, 'published', 'jsonld-other', 'JSON-LD uploadDate', 'mdy');

  // 6. The URL the page declares for itself.
  urlDate(search.canonicalUrl, 'page-url', "the page's canonical URL");

  // 7. Visible text: the shown side of marked dates, date elements by class/id (htmldate's
  //    DATE_EXPRESSIONS), then the lines under the headline.
  out.push(...marked.filter((m) => m.source === 'text'));
  for (const hint of DATE_ELEMENT_HINTS) {
    let found = false;
    for (const el of index.all) {
      if (!el.hint || el.tag === 'body' || el.tag === 'html' || !hint.test(el.hint)) continue;
      if (inForeignBlock(el, path)) continue;
      const text = textOf(el);
      const candidates = text.length >= 6 && text.length <= 200 ? [text] : [];
      if (el.attrs.title) candidates.push(el.attrs.title);
      for (const t of candidates) {
        const value = parseDate(t, order, max);
        if (!value) continue;
        const kind: DateKind = UPDATED_WORDS.test(t) && !PUBLISHED_WORDS.test(t.slice(0, Math.max(0, t.search(UPDATED_WORDS)))) ? 'updated' : 'published';
        out.push({ value, kind, source: 'text', raw: t, evidence: `date in <${el.tag} class="${el.hint.slice(0, 40)}">: ${t.slice(0, 80)}` });
        found = true;
        break;
      }
      if (found) break;
    }
  }
  const header = headline ? headerDate(headline, path, order, max) : null;
  if (header) out.push(header);

  const published = out.filter((d) => d.kind === 'published');
  const updated = out.filter((d) => d.kind === 'updated');
  const ranked = preferLocal(published);
  const result: DateCandidate[] = dedupe(ranked).map(({ value, kind, evidence }) => ({ value, kind, evidence }));
  // The update, last: the metadata stage falls back to it only when nothing states the publication.
  if (updated[0]) result.push({ value: updated[0].value, kind: 'updated', evidence: updated[0].evidence });
  return result;
}

/**
 * A machine timestamp in UTC ("2020-02-18T02:18:11Z") is often a day off the date the page shows
 * its readers in its own time zone ("17 de Febrero 2020"). When the best date is such a timestamp
 * and the page shows, or its URL carries, a date one day off, the shown date goes first.
 */
function preferLocal(list: Found[]): Found[] {
  const top = list[0];
  if (!top || !UTC_STAMP.test(top.raw)) return list;
  const dayMs = 86_400_000;
  const local = list.find(
    (d) => d !== top && (d.source === 'text' || d.source === 'url' || (/[+-](?!00:?00)\d{2}:?\d{2}$/.test(d.raw) && d.source !== 'jsonld-other')) &&
      d.value !== top.value && Math.abs(Date.parse(d.value) - Date.parse(top.value)) === dayMs,
  );
  if (!local) return list;
  const moved: Found = { ...local, evidence: `${local.evidence} (the page's local date; ${top.evidence} is in UTC)` };
  return [moved, ...list.filter((d) => d !== local)];
}

/**
 * The lines right under the headline (the article's header: byline, date, source) hold its date
 * on pages that mark nothing: the first date within HEADER_CHARS of text after the h1.
 */
const HEADER_CHARS = 400;
/**
 * A text run under the headline longer than this is prose, not a byline or a date line: a caption
 * ("... near Orleans, France, January 16, 2020. Julien De Rosa/Reuters") or a standfirst. Bylines
 * with their date ("By Jane Roe, Harbour Gazette | Updated 14 March 2020, 10:42 GMT") stay under it.
 */
const HEADER_PROSE_CHARS = 150;

/** The page's headline element: the heading that holds the title, else the first h1. */
function findHeadline(index: PageIndex, title: string | null): El | null {
  const key = title ? title.toLowerCase().replace(/\s+/g, ' ').trim() : null;
  if (key) {
    for (const el of [...index.byTag('h1'), ...index.byTag('h2'), ...index.byTag('h3')]) {
      const t = textOf(el).toLowerCase();
      // The heading holds the title, or the title holds the heading (plus a site name).
      if (t.length >= 10 && (t.includes(key.slice(0, 40)) || key.includes(t))) return el;
    }
  }
  return index.byTag('h1')[0] ?? null;
}

function headerDate(h1: El, path: ReadonlySet<El>, order: Order, max: string): Found | null {
  if (inForeignBlock(h1, path)) return null;
  // Walk the document after the h1, in order, collecting text until HEADER_CHARS: the later
  // siblings of the h1, then those of its parent, and so on (pushed farthest first).
  let text = '';
  let seen = 0;
  const levels: Array<Array<El | string>> = [];
  for (let cur: El | null = h1; cur && cur.parent && levels.length < 8; cur = cur.parent) {
    const sibs = cur.parent.kids;
    levels.push(sibs.slice(sibs.indexOf(cur) + 1));
  }
  const walk: Array<El | string> = [];
  for (let l = levels.length - 1; l >= 0; l--) for (let j = levels[l]!.length - 1; j >= 0; j--) walk.push(levels[l]![j]!);
  while (walk.length && seen < HEADER_CHARS) {
    const k = walk.pop()!;
    if (typeof k === 'string') {
      const t = k.replace(/\s+/g, ' ');
      seen += t.trim().length;
      // A run of prose (a photo caption, a standfirst): a date in it is what it talks about.
      text += t.trim().length > HEADER_PROSE_CHARS ? ' \u2026 ' : t;
      continue;
    }
    if (k.tag === 'p' && textOf(k).length > 200) break; // the article's first paragraph: the header is over
    if (inForeignBlock(k, path, HEADER_FOREIGN_TAGS)) continue;
    text += ' ';
    // A <time> that shows no date ("1 minute ago", "12:22"): its machine value, in its place.
    if (k.tag === 'time' && k.attrs.datetime && !parseDate(textOf(k), order, max)) {
      text += `${k.attrs.datetime} `;
      seen += k.attrs.datetime.length;
      continue;
    }
    for (let i = k.kids.length - 1; i >= 0; i--) walk.push(k.kids[i]!);
  }
  const t = withoutProfileDates(text.replace(/\s+/g, ' ').trim(), order, max);
  // The whole header, not parseDate's first 200 characters: a standfirst can come before the date.
  const value = firstDateAt(t, order, max)?.value;
  if (!value) return null;
  return { value, kind: 'published', source: 'text', raw: t, evidence: `date under the headline: ${t.slice(0, 80)}` };
}

/** The text with each profile date ("Joined May 11, 2017") blanked: the label and the date right after it. */
function withoutProfileDates(text: string, order: Order, max: string): string {
  if (!PROFILE_DATE_LABEL.test(text)) return text;
  PROFILE_DATE_LABEL.lastIndex = 0;
  return text.replace(new RegExp(`${PROFILE_DATE_LABEL.source}(.{0,${PROFILE_DATE_SPAN}})`, 'gi'), (_m, after: string) => {
    const at = firstDateAt(after, order, max);
    return at && at.index <= PROFILE_DATE_GAP ? ` ${after.slice(at.end)}` : ` ${after}`;
  });
}

function rankMarked(d: Found): number {
  if (d.kind === 'updated') return 0;
  if (/itemprop=/i.test(d.evidence)) return 3;
  return 1;
}

function dedupe<T extends DateCandidate>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const k = `${d.value} ${d.evidence}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The few words of text right before an element ("Updated" before a <time>). */
function precedingText(el: El): string {
  const parent = el.parent;
  if (!parent) return '';
  const i = parent.kids.indexOf(el);
  const before = parent.kids.slice(Math.max(0, i - 2), i).map((k) => (typeof k === 'string' ? k : textOf(k))).join(' ');
  return before.slice(-40);
}

/**
 * A block that is only a date stamp ("PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05",
 * "11/18/19 11:04 PM EST", "segunda-feira, 22 de janeiro de 2018 às 0:13", "Updated at 1:23 p.m."):
 * once its dates, clock times, labels and weekdays are taken out, nothing is left.
 */
const GLOBAL_PATTERNS = DATE_PATTERNS.map((p) => new RegExp(p.re.source, `${p.re.flags.replace('g', '')}g`));

export function isDateStamp(text: string): boolean {
  const t = text.trim();
  if (t.length > 160 || !/\d/.test(t)) return false;
  let rest = t;
  for (const re of GLOBAL_PATTERNS) rest = rest.replace(re, ' ');
  rest = rest
    .replace(/\b\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?\b/gi, ' ')
    .replace(/\b\d{1,2}\/\d{1,2}\/\d{2}\b/g, ' ')
    .replace(/[|•·,:;()[\]\-–—/]+/g, ' ');
  const words = rest.toLowerCase().split(/\s+/).filter(Boolean).filter((w) => !STAMP_WORDS.has(w.replace(/\.$/, '')));
  const hadDate = rest !== t;
  return hadDate && words.length === 0;
}
