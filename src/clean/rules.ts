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
    'by taboola', 'sponsored links', 'promoted links', 'you may like', 'advertisement', 'advertisements', 'ad', 'advert', 'adverts',
    'sponsored', 'sponsored content', 'paid content', 'partner content', 'story continues below this ad',
    'story continues below advertisement', 'article continues below advertisement', 'continue reading below',
    'recommended by outbrain', 'from our partners', 'buy now', 'shop now', 'undo',
    // Call-to-action buttons of ad units ("Learn More" under an ad headline and its advertiser).
    'learn more', 'get offer', 'get quote', 'click here', 'apply now', 'order now', 'book now', 'install now',
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
    // Buttons under and between readers' comments.
    'reply', 'report', 'report abuse', 'report comment', 'leave a reply',
  ].map((l) => [l, REASONS.comments] as const),
  ...[
    'hashtags', 'tags', 'topics', 'show more', 'show less', 'show more show less', 'load more', 'live events',
    'skip to content', 'skip to main content', 'menu', 'search', 'home', 'close', 'print', 'listen', 'listen to this article',
    'copy link', 'link copied', 'font size', 'text size', 'bookmark', 'save', 'follow us', 'follow',
  ].map((l) => [l, REASONS.widget] as const),
  ...['share', 'share this', 'share this article', 'share this story', 'share article', 'tweet', 'share on facebook', 'share on twitter', 'share on x']
    .map((l) => [l, REASONS.share] as const),
  // Consent-banner buttons. "Got it" and "I agree" close cookie banners; no article paragraph is only that.
  ...['accept cookies', 'accept all cookies', 'accept all', 'reject all', 'cookie settings', 'manage cookies', 'cookie policy',
    'accept', 'i accept', 'i agree', 'got it', 'accept and close', 'reject and close', 'manage preferences', 'cookie preferences',
    'privacy settings', 'manage options', 'necessary cookies only', 'only necessary cookies', 'allow all', 'allow all cookies']
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

/**
 * Labels that close one ad unit ("Undo" hides the ad; "Learn More" is its button). A short line after one
 * may open the next ad or be the article's own subheading; the text cleaner tells them apart by what follows.
 */
export const AD_UNIT_ENDS: ReadonlySet<string> = new Set([
  'undo', 'buy now', 'shop now', 'learn more', 'get offer', 'get quote', 'click here', 'apply now', 'order now', 'book now', 'install now',
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

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
/** A clock time: "10:42", "10.42" (British style), "10:42:15", with "a.m."/"PM" and a zone ("EST", "GMT+1"). */
const CLOCK = String.raw`\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}(?:[+-]\d{1,2})?)?`;
/** What separates a date from its time on a date line: a comma, a pipe, a slash, a bullet, "at". */
const DATE_TIME_SEP = String.raw`(?:\s*[,|/\u2022\u00b7-]\s*|\s+)(?:at\s+)?`;
/** The date itself: "March 3, 2025", "3 March 2025", "2025-03-03T10:42Z", "03/03/2025". */
const DATE = String.raw`(?:${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+${MONTH},?\s+\d{4}|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}[./]\d{1,2}[./]\d{2,4})`;

export const PATTERNS = {
  /**
   * Paywall notices: "Already a subscriber?", "Already have an account? Sign in", "Subscribe to continue
   * reading", "The rest of this article is for subscribers only", "You have 2 free articles left",
   * "Subscribe for £1 a week", "Continue reading with a free trial". "Already a member" must be a
   * question or lead to a log-in: "Already a member of the board, she ..." is prose.
   */
  paywall:
    /^(?:already (?:a (?:subscriber|member)|have an account|registered)(?:\s*\?|[\s,:]+(?:log ?in|sign in)\b)|(?:subscribe|sign in|log ?in|register)\b.{0,40}\b(?:to (?:continue|read|access|unlock|view)|for (?:full|unlimited) access)|to continue reading\b|(?:the rest of )?this (?:article|content|story|page) is (?:only )?(?:for|available (?:exclusively |only )?(?:to|for)|reserved for|exclusive to) (?:our )?(?:paying )?(?:subscribers|members|premium)|you have reached your (?:free )?(?:article )?limit|you've reached your (?:free )?(?:article )?limit|create a free account to (?:continue|read)|you have (?:\d+|one|two|three) free (?:articles?|stories|reads) (?:left|remaining)|this is your last free (?:article|story)|subscribe (?:now |today )?(?:for|from) (?:just |only )?[£$€¥]\s?\d|continue reading (?:with|for)\b.{0,40}\b(?:trial|subscription|membership|account))/i,
  /** Sentences that only make sense as a paywall notice, anywhere in a short paragraph. */
  paywallBody: /\b(?:log (?:in)?to your account|hitting the .{0,20}login.{0,20} button|your card on file|subscription has expired|unlock this article|get (?:unlimited|full|complete) (?:digital )?access)\b/i,
  /** "Images source: © KCNA", "Photo: Reuters", "Archive photo: X and Y (", "Image credit: ...", "Photograph: ...", "Pictured: ...". */
  caption: /^(?:(?:archive|file|main|top|lead|feature|cover|representational|representative)\s+)?(?:photos?|photographs?|images?|pictures?|pics?|picture|pictured|video|illustration)(?:\s+(?:source|sources|credit|credits|courtesy))?\s*(?::|\||-\s)/i,
  /** "Photo by Jane Roe for the Courier": a caption credit when the line is no sentence ("Photos by residents spread ..." is). */
  photoBy: /^(?:photo(?:graph)?s?|images?|pictures?|video)\s+by\s+\p{Lu}/iu,
  /** Lines that are a credit alone: "© KCNA", "(AP Photo/Ahn Young-joon)", "Getty Images", "Getty.", "Credit: ...". */
  credit: /^(?:©|credits?\s*:\s*\S|\(c\)\s|copyright\s+©?|\((?:AP|AFP|Reuters|EPA|Getty)[^)]{0,60}\)$|(?:Getty(?: Images)?|Shutterstock|AP Photo|Reuters\/[\w ]+|AFP via Getty Images)\.?$)/i,
  /** A caption line ends with a parenthesised agency credit: "X shakes hands with Y (AP)". */
  captionCredit: /\((?:AP|AFP|Reuters|EPA|Getty(?: Images)?|Xinhua|Yonhap|KCNA|TASS|Sputnik|Bloomberg|Shutterstock|Anadolu|PTI|ANI|IANS|dpa|[A-Z]{2,6} Photo|(?:AP|AFP|Reuters|EPA) ?(?:Photo|Images)?(?:\/[^)]{1,40})?)\)\s*$/,
  /**
   * A caption line ends with a wire photographer's credit, agency in capitals then a slash:
   * "Residents wait at a shelter, August 9, 2025. REUTERS/Jane Roe", "... EPA-EFE/JOHN ROE".
   */
  captionWireCredit: /(?:^|\s)(?:REUTERS|AFP|AP|EPA(?:-EFE)?|XINHUA|ANADOLU|GETTY IMAGES)\/[\p{L} .'\u2019-]{2,40}$/u,
  /**
   * "Also Read | Headline", "Read also: Headline", "See also - Headline", "READ MORE: ...". `sep` is the
   * separator: after a dash the line must not read as a sentence ("More – much more – is needed.").
   */
  relatedLink: /^(?:also read|read also|see also|read more|related|more|watch|also see|must read|don't miss|also watch|read)\s*(?<sep>[|:\u2013\u2014-])\s*\S/i,
  /** A byline's opening: "By " and the names and affiliations that isByline() checks word by word. */
  byline: /^(?:by|By|BY)\s+(?<names>.+)$/u,
  /** "Reporting by Jane Roe in Oslo; Editing by John Doe": the credits line under wire copy, one clause per role. */
  creditClause: /^(?:(?:additional|further|contributing)\s+)?(?:reporting|writing|editing|research|graphics|compiled|edited|written|produced|photos|video)(?:\s+and\s+(?:reporting|writing|editing|research))?\s+by\s+(?<names>.+)$/i,
  /** Date or time stamps alone on a line: "6:56 AM EDT, July 19, 2024", "Published: 3 March 2025", "March 3, 2025 | 10:42 AM". */
  dateline: new RegExp(
    String.raw`^(?:(?:published|updated|posted|last updated|first published|modified)(?:\s+on)?\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:${CLOCK},?\s*)?${DATE}(?:${DATE_TIME_SEP}${CLOCK})?\.?$`,
    'i',
  ),
  /**
   * A video's running time glued to its repeated title in a playlist ("Title" then "Title 01:31"). Not
   * chrome on a line of its own: there it may be a live blog's entry time.
   */
  duration: /^\(?\d{1,2}:\d{2}(?::\d{2})?\)?$/,
  /** "22 minutes ago", "3 hrs ago", "an hour ago", "2h ago", "Last updated 2 days ago", "just now". */
  timestamp: /^(?:(?:last updated|updated|posted|published)\s*:?\s+)?(?:(?:\d{1,3}|an?|one)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|\d{1,3}\s?[smhdw] ago|just now|yesterday|today)$/i,
  /** URL query residue left by a broken image tag ("&w=3840&q=100)"), lone tags, bare URLs, markdown images and links. */
  markup: /^[&?]?[\w%.-]+=[^\s]*(?:&[\w%.-]+=[^\s]*)*\)?$|^[\p{P}\p{S}\s]+$|^<\/?[a-z][^>]*>$|^https?:\/\/\S+$|^!?\[[^\]]*\]\([^)\s]*\)$/u,
  /** Cookie banners: "We use cookies to ...", "We and our partners use cookies", "By clicking “Accept all”, you agree ...". */
  cookie: /\b(?:we|this (?:site|website)|our (?:site|website))(?: and our (?:\d+ )?(?:partners|vendors))? (?:use|uses) cookies\b|\bby (?:continuing|using) (?:to (?:use|browse) )?(?:this|our) (?:site|website),? you (?:agree|consent)\b|\bby clicking\b.{0,40}\byou (?:agree|consent)\b.{0,60}\bcookies\b/i,
  /**
   * Newsletter prompts. A line that only mentions a newsletter ("Readers who subscribe to the union's
   * newsletter learned ...") is prose: classify() also wants the prompt's imperative or its address to
   * the reader ("our", "your") when the line reads as a sentence.
   */
  newsletter: /\b(?:sign up|subscribe)\b.{0,40}\bnewsletters?\b|\bnewsletters?\b.{0,40}\b(?:sign up|subscribe)\b|\b(?:delivered|straight|direct) to your inbox\b|^get (?:the|our) .{0,40} (?:in|to) your inbox/i,
  /** A newsletter prompt's call or address to the reader. */
  newsletterAddress: /(?:^|[.!?:]\s+)(?:sign up|subscribe|get|join|don't miss|never miss|want)\b|\b(?:you|your|our|us)\b/i,
  /** The sign-up form around a newsletter prompt: "Enter your email address", "By signing up, you agree to ...", "Thanks for signing up!". */
  newsletterForm: /^(?:(?:enter )?your e-?mail(?: address)?(?: here)?|e-?mail address|thanks?(?: you)? for (?:signing up|subscribing)!?|you(?:'re|\u2019re| are) (?:now )?(?:signed up|subscribed)!?|by (?:signing up|subscribing|submitting your e-?mail)\b.{0,40}\byou (?:agree|acknowledge|consent)\b.*)$/i,
  /** Product promotions of the hosting site: "Try our AI features", "Download our app", "Explore what X can do for you". */
  promo: /^(?:try (?:our|the) .{0,40}(?:features?|app|tools?|for free)|download (?:our|the) (?:free )?app\b.{0,40}|explore what .{1,40} can do for you:?|get the app|open in app|install (?:our|the) app)$/i,
  /** Comment widgets: "12 Comments", "Comments (12)", "Log in to comment", "Comments are closed.", "Sort by Newest". */
  comments: /^(?:\d+\s+comments?|comments?\s*\(\d+\)|\d+\s+repl(?:y|ies)|(?:log ?in|sign in|register)\s+(?:to|and)\s+(?:comment|reply|join the (?:conversation|discussion)|leave a comment)|comments (?:are|have been) (?:now )?(?:closed|disabled|turned off)|sort by:?(?:\s+(?:newest|oldest|best|top|popular|most (?:liked|popular|recent)))?|(?:show|view|load|read|see) (?:all )?(?:\d+ )?(?:more )?comments)\.?$/i,
  /**
   * A dateline that opens the first paragraph: "SEOUL:", "Moscow:", "WASHINGTON (Reuters) —", "PARIS — ",
   * "GENEVA, May 14 (Reuters) -". Groups: `place`, `date`, `agency`.
   */
  datelinePrefix: new RegExp(
    String.raw`^((?<place>[\p{Lu}][\p{L}.'-]*(?:[ ,]+[\p{Lu}][\p{L}.'-]*){0,3}(?:,\s*[\p{Lu}][\p{L}.]+)?)(?<date>,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?(?:\s*\((?<agency>AP|AFP|Reuters|UPI|dpa|Xinhua|Yonhap|TASS|IANS|PTI|ANI|Bloomberg|CNN|\w+)\))?\s*(?::|\u2014|\u2013|--| - ))\s*(?=[\p{Lu}\p{N}"\u201c'])`,
    'u',
  ),
  /** Sentence-final punctuation, optionally followed by closing quotes or brackets. */
  sentenceEnd: /[.!?\u2026]["'\u201d\u2019)\]]*$|[.!?]["'\u201d\u2019)\]]*\s*$/,
} as const;

/**
 * Runs of widget text glued into a paragraph (when a scraper flattened a page): removed in place.
 * Each is anchored at a sentence boundary so words inside a real sentence are never cut.
 * `needs`: strings one of which the line must hold for the pattern to match (a cheap test before the regex).
 */
export const INLINE = [
  {
    // A Taboola/Outbrain block flattened into one line: its headers, an ad headline and the "Undo" button.
    pattern: /(?:\b(?:by Taboola|Sponsored Links|Promoted Links|You May Like)\b\s*)+(?:[^.!?"\u201c\u201d]{0,160}?\bUndo\b)?\s*/g,
    reason: REASONS.advertisement,
    needs: ['by Taboola', 'Sponsored Links', 'Promoted Links', 'You May Like'],
  },
  { pattern: /\bSTORY CONTINUES BELOW (?:THIS )?(?:AD|ADVERTISEMENT)\b\s*/g, reason: REASONS.advertisement, needs: ['STORY CONTINUES BELOW'] },
  { pattern: /(?<=[.!?"\u201d\u2019]\s)(?:Advertisement|ADVERTISEMENT)\s*(?=["\u201c\p{Lu}]|$)/gu, reason: REASONS.advertisement, needs: ['Advertisement', 'ADVERTISEMENT'] },
  { pattern: /(?<=[.!?"\u201d\u2019]\s)(?:Live Events|Show more Show less|Show more|Show less)\s*(?=["\u201c\p{Lu}]|$)/gu, reason: REASONS.widget, needs: ['Live Events', 'Show more', 'Show less'] },
  { pattern: /\s+(?:Show more Show less|Show more|Show less)\s*$/g, reason: REASONS.widget, needs: ['Show more', 'Show less'] },
  // A teaser's "read more" link glued between two texts. Not after a word that makes it a verb phrase:
  // "want children to read more Dickens" is prose.
  {
    pattern: /(?<=\S)(?<!\b(?:to|will|would|should|could|can|must|might|may|I|we|you|they|did|do|does|don't|never|also|and|or))\s+read more\s+(?=\p{Lu})/gu,
    reason: REASONS.widget,
    needs: ['read more'],
  },
] as const;

/** Normalises a line for label lookup: lower case, folded white space, no trailing dots or ellipsis. */
export function labelKey(line: string): string {
  return memo(LABEL_KEYS, line, computeLabelKey);
}

/**
 * Results of the pure per-line functions, kept per string: the cleaner asks for the same line's
 * key and word count many times over (classify, the ad-block and headline passes, trailing chrome).
 */
const LABEL_KEYS = new Map<string, string>();
const WORD_COUNTS = new Map<string, number>();
const MEMO_SIZE = 20_000;
function memo<T>(cache: Map<string, T>, key: string, f: (s: string) => T): T {
  if (key.length > 2000) return f(key); // long paragraphs are asked about less, and not worth keeping
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const v = f(key);
  if (cache.size >= MEMO_SIZE) cache.clear();
  cache.set(key, v);
  return v;
}

function computeLabelKey(line: string): string {
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
  return memo(WORD_COUNTS, line, countWords);
}

function countWords(line: string): number {
  const m = line.match(/[\p{L}\p{N}][\p{L}\p{N}'\u2019.-]*/gu);
  return m ? m.length : 0;
}

/** True when a line reads as a sentence (ends with sentence punctuation), not as a label or heading. */
export function looksLikeSentence(line: string): boolean {
  return PATTERNS.sentenceEnd.test(line.trim());
}

/** Paragraphs this long are never paywall or cookie notices, whatever words they contain. */
export const MAX_NOTICE_WORDS = 80;

/** Lower-case words a byline may hold besides names: name particles ("Ana de la Cruz"), joiners and staff roles. */
const BYLINE_LOWER = new Set(
  'de da del della der den di do dos du la le van von al el bin ibn ter ten y and for in at of the with from staff senior chief special political foreign news business sports reporter reporters writer writers correspondent correspondents editor editors contributor columnist journalist photographer agencies desk bureau wire services'.split(' '),
);

/** Names and affiliations as a byline gives them: capitalised words, particles, roles ("Jane Roe and Raj Iyer, Reuters"). */
function isNameRun(text: string): boolean {
  const words = text.split(/[\s,|/&;\u2014\u2013]+|\s-\s/).filter(Boolean);
  if (words.length === 0 || words.length > DEFAULT_SHORT_LINE_WORDS || !/^\p{Lu}/u.test(words[0]!)) return false;
  return words.every((w) => /^[\p{Lu}][\p{L}.'\u2019-]*$/u.test(w) || BYLINE_LOWER.has(w));
}

/**
 * "By Jane Roe", "By Ana de la Cruz and Raj Iyer, Reuters", "By JANE ROE | Staff Reporter", and wire
 * credit lines ("Reporting by Jane Roe; Editing by John Doe"). Every word after "by" must be part of a
 * name or an affiliation, so "By Tuesday, the river had crested." is prose.
 */
export function isByline(line: string): boolean {
  const t = line.trim().replace(/\.$/, '');
  if (wordCount(t) > DEFAULT_SHORT_LINE_WORDS * 2) return false;
  const by = PATTERNS.byline.exec(t);
  if (by) return wordCount(t) <= DEFAULT_SHORT_LINE_WORDS && isNameRun(by.groups!.names!);
  return t.split(/\s*;\s*/).every((clause) => {
    const m = PATTERNS.creditClause.exec(clause);
    return m !== null && isNameRun(m.groups!.names!);
  });
}

/**
 * Breadcrumb trails: "Home › News › Business", "News / World / Europe". Each step is one to three
 * capitalised words; with "/" or "|" as separator at least three steps ("Budget 2025 | Explained" may be a headline).
 */
export function isBreadcrumb(line: string): boolean {
  const t = line.trim();
  const arrows = /[›»>\u2192]/.test(t);
  const parts = t.split(arrows ? /\s*[›»>\u2192]\s*/ : /\s+[/|]\s+/);
  if (parts.length < (arrows ? 2 : 3) || parts.length > 8) return false;
  return parts.every((p) => /^[\p{Lu}\p{N}]/u.test(p) && wordCount(p) <= 3 && !/[.!?,;:]$/.test(p));
}

/** The reason a whole line is chrome, or null when it is (possibly) article text. */
export function classify(text: string): Reason | null {
  const line = text.trim();
  const key = labelKey(line);
  const words = wordCount(line);
  const label = LABELS.get(key);
  if (label) return label;
  if (isLanguageSwitcher(line)) return REASONS.languageSwitcher;
  if (isBreadcrumb(line)) return REASONS.navigation;
  if (PATTERNS.markup.test(line)) return REASONS.markup;
  const related = PATTERNS.relatedLink.exec(line);
  if (related && !(/[\u2013\u2014-]/.test(related.groups!.sep!) && looksLikeSentence(line))) return REASONS.related;
  if (PATTERNS.comments.test(line)) return REASONS.comments;
  if (words <= MAX_NOTICE_WORDS && (PATTERNS.paywall.test(line) || PATTERNS.paywallBody.test(line))) return REASONS.paywall;
  if (words <= MAX_NOTICE_WORDS && PATTERNS.cookie.test(line)) return REASONS.cookie;
  if (words <= 40 && PATTERNS.newsletter.test(line) && (!looksLikeSentence(line) || PATTERNS.newsletterAddress.test(line))) return REASONS.newsletter;
  if (PATTERNS.newsletterForm.test(line)) return REASONS.newsletter;
  if (PATTERNS.promo.test(line)) return REASONS.advertisement;
  if (isShareRow(line)) return REASONS.share;
  if (PATTERNS.caption.test(line)) return REASONS.caption;
  if (PATTERNS.credit.test(line)) return REASONS.credit;
  if (!looksLikeSentence(line) && (PATTERNS.captionCredit.test(line) || PATTERNS.captionWireCredit.test(line) || PATTERNS.photoBy.test(line))) return REASONS.caption;
  if (isByline(line)) return REASONS.byline;
  if (PATTERNS.dateline.test(line)) return REASONS.dateline;
  if (PATTERNS.timestamp.test(line)) return REASONS.timestamp;
  return null;
}
