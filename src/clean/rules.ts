/**
 * Every pattern the text cleaner uses, in one table (after mozilla/readability's REGEXPS), each with
 * the reason code it records on the article's `removed` list. Patterns describe kinds of page chrome,
 * never particular pages: they were written from the seed corpus and the chrome seen across the
 * extraction sets in ../shared/data, and the golden cases in `cases/` pin each one down.
 */

/** Reason codes recorded on `Article.removed`; docs/report.md lists them for users. */
export const REASONS = {
  languageSwitcher: 'language-switcher',
  navigation: 'navigation',
  paywall: 'paywall',
  caption: 'caption',
  credit: 'credit',
  related: 'related',
  advertisement: 'advertisement',
  widget: 'widget',
  comments: 'comments',
  share: 'share',
  newsletter: 'newsletter',
  cookie: 'cookie',
  byline: 'byline',
  dateline: 'dateline',
  timestamp: 'timestamp',
  repeatedHeadline: 'repeated-headline',
  duplicate: 'duplicate',
  markup: 'markup-residue',
  trailingChrome: 'trailing-chrome',
  boilerplate: 'boilerplate',
} as const;

export type Reason = (typeof REASONS)[keyof typeof REASONS];

/** Lines longer than this many words are never treated as chrome by the "short line" heuristics. */
export const DEFAULT_SHORT_LINE_WORDS = 12;

/**
 * Whole-line labels of widgets, compared after lower-casing and folding white space and trailing
 * ellipses. A line is removed only when it is exactly one of these, so a real sentence that starts
 * with the same word ("Comments by the minister were ...") is kept.
 */
export const LABELS: ReadonlyMap<string, Reason> = new Map<string, Reason>([
  ...[
    'by taboola', 'sponsored links', 'promoted links', 'you may like', 'advertisement', 'advertisements', 'ad',
    'sponsored', 'sponsored content', 'paid content', 'partner content', 'story continues below this ad',
    'story continues below advertisement', 'article continues below advertisement', 'continue reading below',
    'recommended by outbrain', 'from our partners', 'buy now', 'shop now', 'undo',
  ].map((l) => [l, REASONS.advertisement] as const),
  ...[
    'related articles', 'related stories', 'related news', 'related', 'see also', 'more stories', 'more news',
    'read next', 'read more', 'more from this section', 'recommended', 'recommended for you', 'recommended stories',
    'trending', 'trending now', 'most read', 'most popular', 'top stories', 'latest news', 'also read', 'you might also like',
    'next article', 'previous article', 'more on this story', 'in other news', 'editor\u2019s picks', "editor's picks",
  ].map((l) => [l, REASONS.related] as const),
  ...[
    'comments', 'comment', 'no comments yet', 'leave a comment', 'add a comment', 'join the conversation',
    'show comments', 'view comments', 'post a comment', 'be the first to comment',
  ].map((l) => [l, REASONS.comments] as const),
  ...[
    'hashtags', 'tags', 'topics', 'show more', 'show less', 'show more show less', 'load more', 'live events',
    'skip to content', 'skip to main content', 'menu', 'search', 'home', 'close', 'print', 'listen', 'listen to this article',
    'copy link', 'link copied', 'font size', 'text size', 'bookmark', 'save', 'follow us', 'follow',
  ].map((l) => [l, REASONS.widget] as const),
  ...['share', 'share this', 'share this article', 'share this story', 'share article', 'tweet', 'share on facebook', 'share on twitter', 'share on x']
    .map((l) => [l, REASONS.share] as const),
  ...['accept cookies', 'accept all cookies', 'accept all', 'reject all', 'cookie settings', 'manage cookies', 'cookie policy']
    .map((l) => [l, REASONS.cookie] as const),
  ...['sign up', 'subscribe', 'subscribe now', 'newsletter', 'sign up for our newsletter', 'subscribe to our newsletter']
    .map((l) => [l, REASONS.newsletter] as const),
  ...['log in', 'login', 'sign in', 'register', 'subscribe to read', 'subscribers only']
    .map((l) => [l, REASONS.paywall] as const),
]);

/** Labels that open a block of advertising: the short lines that follow them are ads too. */
export const AD_BLOCK_OPENERS: ReadonlySet<string> = new Set([
  'by taboola', 'sponsored links', 'promoted links', 'you may like', 'sponsored', 'sponsored content',
  'paid content', 'partner content', 'recommended by outbrain', 'from our partners',
]);

/** Labels after which the rest of the page is other content (related items, more stories): the article ends there. */
export const END_OF_ARTICLE_MARKERS: ReadonlySet<string> = new Set([
  'related articles', 'related stories', 'related news', 'more stories', 'more news', 'read next', 'more from this section',
  'recommended stories', 'recommended for you', 'you might also like', 'more on this story', 'in other news', 'top stories',
  'latest news', 'trending now', 'most read', 'most popular',
]);

/** ISO 639-1 codes (plus `ua`, the code sites use for Ukrainian) that make up language-switcher rows. */
const LANGUAGE_CODES = new Set(
  'ar bg bn cs cy da de el en es et fa fi fr ga he hi hr hu hy id is it ja ka kk ko lt lv mk ms mt nl no pl pt ro ru sk sl sq sr sv sw th tr ua uk ur uz vi zh'.split(' '),
);
const LANGUAGE_NAMES = new Set(
  'english español espanol français francais deutsch italiano português portugues русский українська polski türkçe 中文 日本語 한국어 العربية'.split(' '),
);

/** Social networks and share actions that make up share-button rows. */
const SHARE_WORDS = new Set(
  'share facebook twitter x whatsapp linkedin telegram reddit email e-mail mail print pinterest messenger copy link vk viber tumblr flipboard threads bluesky sms'.split(' '),
);

export const PATTERNS = {
  /** "Already a subscriber? ...", "Subscribe to continue reading", "This article is for subscribers". */
  paywall:
    /^(?:already (?:a )?(?:subscriber|member)\b|(?:subscribe|sign in|log ?in|register)\b.{0,40}\b(?:to (?:continue|read|access|unlock|view)|for (?:full|unlimited) access)|to continue reading\b|this (?:article|content|story) is (?:only )?(?:for|available (?:to|for)|reserved for) (?:our )?(?:subscribers|members|premium)|you have reached your (?:free )?(?:article )?limit|you've reached your (?:free )?(?:article )?limit|create a free account to (?:continue|read))/i,
  /** Sentences that only make sense as a paywall notice, anywhere in a short paragraph. */
  paywallBody: /\b(?:log (?:in)?to your account|hitting the .{0,20}login.{0,20} button|your card on file|subscription has expired|unlock this article)\b/i,
  /** "Images source: © KCNA", "Photo: Reuters", "Archive photo: X and Y (", "Image credit: ...". */
  caption: /^(?:(?:archive|file|main|top|lead|feature|cover|representational|representative)\s+)?(?:photos?|images?|pictures?|pics?|picture|video|illustration)(?:\s+(?:source|sources|credit|credits|courtesy))?\s*(?::|\||-\s)/i,
  /** Lines that are a credit alone: "© KCNA", "(AP Photo/Ahn Young-joon)", "Getty Images". */
  credit: /^(?:©|\(c\)\s|copyright\s+©?|\((?:AP|AFP|Reuters|EPA|Getty)[^)]{0,60}\)$|(?:Getty Images|Shutterstock|AP Photo|Reuters\/[\w ]+|AFP via Getty Images)$)/i,
  /** A caption line ends with a parenthesised agency credit: "X shakes hands with Y (AP)". */
  captionCredit: /\((?:AP|AFP|Reuters|EPA|Getty(?: Images)?|Xinhua|Yonhap|KCNA|TASS|Sputnik|Bloomberg|Shutterstock|Anadolu|PTI|ANI|IANS|dpa|[A-Z]{2,6} Photo|(?:AP|AFP|Reuters|EPA) ?(?:Photo|Images)?(?:\/[^)]{1,40})?)\)\s*$/,
  /** "Also Read | Headline", "Read also: Headline", "See also - Headline", "READ MORE: ...". */
  relatedLink: /^(?:also read|read also|see also|read more|related|more|watch|also see|must read|don't miss|also watch|read)\s*[|:\u2013\u2014-]\s*\S/i,
  /** "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Jane Doe | Reuters". */
  byline: /^by\s+(?:[\p{Lu}][\p{L}.'\u2019-]*\.?\s*){1,4}(?:(?:,|and|&|\|)\s*[\p{L}.'\u2019 &-]{1,60})*$/u,
  /** Date or time stamps alone on a line: "6:56 AM EDT, July 19, 2024", "Published: 3 March 2025", "Updated 10:15 GMT". */
  dateline:
    /^(?:(?:published|updated|posted|last updated|first published|modified)(?:\s+on)?\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?,?\s*)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}[./]\d{1,2}[./]\d{2,4})(?:,?\s*(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?)?\.?$/i,
  /** "22 minutes ago", "3 hrs ago", "Updated 2 days ago", "just now". */
  timestamp: /^(?:(?:updated|posted|published)\s+)?(?:\d{1,3}\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|just now|yesterday|today)$/i,
  /** URL query residue left by a broken image tag: "&w=3840&q=100)". */
  markup: /^[&?]?[\w%.-]+=[^\s]*(?:&[\w%.-]+=[^\s]*)*\)?$|^[\p{P}\p{S}\s]+$|^<\/?[a-z][^>]*>$|^https?:\/\/\S+$/u,
  /** Cookie banners: "We use cookies to ...", "This site uses cookies". */
  cookie: /\b(?:we|this (?:site|website)|our (?:site|website)) (?:use|uses) cookies\b|\bby (?:continuing|using) (?:to (?:use|browse) )?(?:this|our) (?:site|website),? you (?:agree|consent)\b/i,
  /** Newsletter prompts. */
  newsletter: /\b(?:sign up|subscribe)\b.{0,40}\bnewsletters?\b|\bnewsletters?\b.{0,40}\b(?:sign up|subscribe)\b|\b(?:delivered|straight|direct) to your inbox\b|^get (?:the|our) .{0,40} (?:in|to) your inbox/i,
  /** Product promotions of the hosting site: "Try our AI features", "Download our app", "Explore what X can do for you". */
  promo: /^(?:try (?:our|the) .{0,40}(?:features?|app|tools?|for free)|download (?:our|the) (?:free )?app\b.{0,40}|explore what .{1,40} can do for you:?|get the app|open in app|install (?:our|the) app)$/i,
  /** A dateline that opens the first paragraph: "SEOUL:", "Moscow:", "WASHINGTON (Reuters) —", "PARIS — ". */
  datelinePrefix:
    /^((?:[\p{Lu}][\p{L}.'-]*(?:[ ,]+[\p{Lu}][\p{L}.'-]*){0,3})(?:,\s*[\p{Lu}][\p{L}.]+)?(?:\s*\((?:AP|AFP|Reuters|UPI|dpa|Xinhua|Yonhap|TASS|IANS|PTI|ANI|Bloomberg|CNN|\w+)\))?\s*(?::|\u2014|\u2013|--| - ))\s*(?=[\p{Lu}\p{N}"\u201c'])/u,
  /** Sentence-final punctuation, optionally followed by closing quotes or brackets. */
  sentenceEnd: /[.!?\u2026]["'\u201d\u2019)\]]*$|[.!?]["'\u201d\u2019)\]]*\s*$/,
} as const;

/**
 * Runs of widget text glued into a paragraph (when a scraper flattened a page): removed in place.
 * Each is anchored at a sentence boundary so words inside a real sentence are never cut.
 */
export const INLINE = [
  {
    // A Taboola/Outbrain block flattened into one line: its headers, an ad headline and the "Undo" button.
    pattern: /(?:\b(?:by Taboola|Sponsored Links|Promoted Links|You May Like)\b\s*)+(?:[^.!?"\u201c\u201d]{0,160}?\bUndo\b)?\s*/g,
    reason: REASONS.advertisement,
  },
  { pattern: /\bSTORY CONTINUES BELOW (?:THIS )?(?:AD|ADVERTISEMENT)\b\s*/g, reason: REASONS.advertisement },
  { pattern: /(?<=[.!?"\u201d\u2019]\s)(?:Live Events|Advertisement|ADVERTISEMENT|Show more Show less|Show more|Show less)\s*(?=["\u201c\p{Lu}]|$)/gu, reason: REASONS.widget },
  { pattern: /\s+(?:Show more Show less|Show more|Show less)\s*$/g, reason: REASONS.widget },
  { pattern: /(?<=\S)\s+read more\s+(?=\p{Lu})/gu, reason: REASONS.widget },
] as const;

/** Normalises a line for label lookup: lower case, folded white space, no trailing dots or ellipsis. */
export function labelKey(line: string): string {
  return line
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.\u2026:|>»›\u2192-]+$/u, '')
    .replace(/^[\s\u2022•·|>»›-]+/u, '')
    .trim();
}

export function isLanguageSwitcher(line: string): boolean {
  const tokens = line.toLowerCase().split(/[\s|/·,•]+/).filter(Boolean);
  if (tokens.length < 2 || tokens.length > 12) return false;
  return tokens.every((t) => LANGUAGE_CODES.has(t) || LANGUAGE_NAMES.has(t));
}

export function isShareRow(line: string): boolean {
  const tokens = line.toLowerCase().replace(/\bcopy link\b/g, 'copy').split(/[\s|/·,•]+/).filter(Boolean);
  if (tokens.length < 2 || tokens.length > 12) return false;
  return tokens.every((t) => SHARE_WORDS.has(t) || t === 'copy' || t === 'on' || t === 'via');
}

export function wordCount(line: string): number {
  const m = line.match(/[\p{L}\p{N}][\p{L}\p{N}'\u2019.-]*/gu);
  return m ? m.length : 0;
}

/** True when a line reads as a sentence (ends with sentence punctuation), not as a label or heading. */
export function looksLikeSentence(line: string): boolean {
  return PATTERNS.sentenceEnd.test(line.trim());
}

/** Paragraphs this long are never paywall or cookie notices, whatever words they contain. */
export const MAX_NOTICE_WORDS = 80;

/** The reason a whole line is chrome, or null when it is (possibly) article text. */
export function classify(text: string): Reason | null {
  const line = text.trim();
  const key = labelKey(line);
  const words = wordCount(line);
  const label = LABELS.get(key);
  if (label) return label;
  if (isLanguageSwitcher(line)) return REASONS.languageSwitcher;
  if (PATTERNS.markup.test(line)) return REASONS.markup;
  if (PATTERNS.relatedLink.test(line)) return REASONS.related;
  if (words <= MAX_NOTICE_WORDS && (PATTERNS.paywall.test(line) || PATTERNS.paywallBody.test(line))) return REASONS.paywall;
  if (words <= MAX_NOTICE_WORDS && PATTERNS.cookie.test(line)) return REASONS.cookie;
  if (words <= 40 && PATTERNS.newsletter.test(line)) return REASONS.newsletter;
  if (PATTERNS.promo.test(line)) return REASONS.advertisement;
  if (isShareRow(line)) return REASONS.share;
  if (PATTERNS.caption.test(line)) return REASONS.caption;
  if (PATTERNS.credit.test(line)) return REASONS.credit;
  if (!looksLikeSentence(line) && PATTERNS.captionCredit.test(line)) return REASONS.caption;
  if (words <= DEFAULT_SHORT_LINE_WORDS && PATTERNS.byline.test(line)) return REASONS.byline;
  if (PATTERNS.dateline.test(line)) return REASONS.dateline;
  if (PATTERNS.timestamp.test(line)) return REASONS.timestamp;
  return null;
}

