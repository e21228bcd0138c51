/**
 * Every DOM-level pattern of the HTML path in one table, as rules.ts is for text: what marks an
 * element as page chrome (class/id tokens, ARIA roles, tags), with the reason code it is recorded
 * under on `Article.removed`. Patterns describe kinds of chrome, never particular sites. Sources:
 * mozilla/readability's REGEXPS (unlikelyCandidates, positive, negative, byline, shareElements),
 * trafilatura's xpaths.py (BOILERPLATE, COMMENTS, PAYWALL, TEASER, related/"more" blocks) and the
 * chrome seen across the development sets in ../shared/data.
 */
import { REASONS, type Reason } from './rules.ts';

// ------------------------------------------------------------ readability's scoring hints

/** Readability's unlikely candidates: removed before scoring unless `MAYBE_CANDIDATE` also matches. */
export const UNLIKELY_CANDIDATES =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
export const MAYBE_CANDIDATE = /and|article|body|column|content|main|shadow/i;
/** Class/id words that raise (+25) or lower (-25) a candidate's score (readability's weights). */
export const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
export const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;
/** ARIA roles of page chrome (readability's UNLIKELY_ROLES, plus the landmarks of site chrome). */
export const UNLIKELY_ROLES: ReadonlySet<string> = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog', 'banner', 'contentinfo', 'search', 'toolbar', 'tablist']);
/** Byline containers (readability's byline pattern). */
export const BYLINE = /byline|author|dateline|writtenby|p-author/i;

// ------------------------------------------------------------ chrome inside the article

/**
 * Class/id tokens of chrome that sits inside or next to the article, with their reason. A token is
 * one class name or the id; it matches when one of its hyphen/underscore/camelCase parts is the
 * word (or, for the `prefix` words, begins with it), so `post-share-bar` is share chrome but
 * `sharepoint-guide` is not, and `related-posts` is related but `unrelated` is not.
 */
export const CHROME_WORDS: ReadonlyArray<{ words: string[]; reason: Reason }> = [
  { words: ['related', 'relatedposts', 'relatedarticles', 'relatedstories', 'recommended', 'recommendations', 'recirc', 'recirculation', 'more-stories', 'morestories', 'more-news', 'morenews', 'read-more', 'readmore', 'read-next', 'readnext', 'also-read', 'mostread', 'most-read', 'mostpopular', 'most-popular', 'popular', 'trending', 'teaser', 'teasers', 'outbrain', 'taboola', 'zergnet', 'further-reading', 'see-also', 'seealso', 'next-article', 'next-post', 'prev-post', 'previous-post', 'post-navigation', 'postnav', 'nav-links', 'yarpp', 'jp-relatedposts', 'crp_related'], reason: REASONS.related },
  { words: ['share', 'sharing', 'shares', 'sharebar', 'sharethis', 'share-buttons', 'social', 'socials', 'sociable', 'social-links', 'addthis', 'sharedaddy', 'shariff', 'dpsp', 'jp-sharing', 'a2a', 'follow-us', 'followus'], reason: REASONS.share },
  { words: ['newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'sign-up', 'optin', 'opt-in', 'mailchimp', 'mc4wp', 'inline-signup'], reason: REASONS.newsletter },
  { words: ['comment', 'comments', 'commentlist', 'comment-list', 'commentform', 'disqus', 'respond', 'replies', 'discussion', 'talkback', 'reactions'], reason: REASONS.comments },
  { words: ['cookie', 'cookies', 'consent', 'gdpr', 'cmp', 'cookiebanner', 'cookie-banner', 'cookie-notice'], reason: REASONS.cookie },
  { words: ['paywall', 'regwall', 'meter', 'metered', 'piano', 'tp-container', 'subscriber-only', 'premium-box', 'paywall-prompt'], reason: REASONS.paywall },
  { words: ['ad', 'ads', 'advert', 'adverts', 'advertisement', 'advertising', 'adslot', 'ad-slot', 'adunit', 'ad-unit', 'adsense', 'dfp', 'gpt-ad', 'sponsor', 'sponsored', 'promo', 'promoted', 'promotion', 'affiliate', 'commercial', 'banner-ad', 'google-ad'], reason: REASONS.advertisement },
  { words: ['caption', 'captions', 'figcaption', 'credit', 'credits', 'photo-credit', 'image-credit', 'wp-caption-text', 'media-caption', 'img-caption', 'image-caption', 'photo-caption', 'gallery'], reason: REASONS.caption },
  { words: ['breadcrumb', 'breadcrumbs', 'crumbs', 'nav', 'navbar', 'navigation', 'menu', 'submenu', 'subnav', 'skip-link', 'skiplink', 'pagination', 'pager', 'toc', 'table-of-contents'], reason: REASONS.navigation },
  { words: ['byline', 'bylines', 'author-info', 'author-bio', 'authorbio', 'author-box', 'authorbox', 'about-author', 'about-the-author', 'contributor', 'article-author', 'post-author', 'author-card'], reason: REASONS.byline },
  { words: ['dateline', 'timestamp', 'published-date', 'publish-date', 'post-date', 'entry-date', 'article-date', 'date-published', 'post-meta', 'entry-meta', 'article-meta', 'meta-data', 'metadata', 'postmeta', 'article-info', 'article-details'], reason: REASONS.dateline },
  { words: ['tags', 'tag-list', 'taglist', 'tagcloud', 'tag-cloud', 'post-tags', 'article-tags', 'entry-tags', 'keywords', 'topics', 'categories', 'post-categories', 'cat-links', 'tags-links'], reason: REASONS.widget },
  { words: ['sidebar', 'widget', 'widgets', 'aside', 'rail', 'right-rail', 'rightrail', 'toolbar', 'tools', 'utility', 'print', 'rating', 'ratings', 'vote', 'votes', 'poll', 'modal', 'popup', 'overlay', 'lightbox', 'rollover', 'tooltip', 'popover', 'hovercard', 'hidden', 'sr-only', 'visually-hidden', 'screen-reader-text', 'offscreen'], reason: REASONS.widget },
  { words: ['footer', 'site-footer', 'masthead', 'site-header', 'header', 'topbar', 'top-bar', 'copyright', 'disclaimer'], reason: REASONS.boilerplate },
];

const WORD_REASON = new Map<string, Reason>();
for (const { words, reason } of CHROME_WORDS) for (const w of words) if (!WORD_REASON.has(w)) WORD_REASON.set(w, reason);


/**
 * The chrome reason of an element's class/id, or null. Each class name is split on `-`, `_` and
 * camelCase; the whole name, and every run of two adjacent parts, is looked up in CHROME_WORDS.
 */
export function chromeReason(hint: string): Reason | null {
  if (!hint) return null;
  const known = REASON_CACHE.get(hint);
  if (known !== undefined) return known;
  const reason = findChromeReason(hint);
  if (REASON_CACHE.size > 50_000) REASON_CACHE.clear();
  REASON_CACHE.set(hint, reason);
  return reason;
}

/** Class strings repeat across a page and across pages: their reasons are looked up once. */
const REASON_CACHE = new Map<string, Reason | null>();

function findChromeReason(hint: string): Reason | null {
  for (const token of hint.split(/\s+/)) {
    if (!token || token.length > 60) continue;
    const direct = WORD_REASON.get(token.toLowerCase());
    if (direct) return direct;
    const parts = token.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase().split(/[-_]+/).filter(Boolean);
    for (let i = 0; i < parts.length; i++) {
      const one = WORD_REASON.get(parts[i]!);
      if (one) return one;
      if (i + 1 < parts.length) {
        const two = WORD_REASON.get(`${parts[i]}-${parts[i + 1]}`);
        if (two) return two;
      }
    }
  }
  return null;
}

/** Tags that are chrome wherever they stand inside the article. */
export const CHROME_TAGS: ReadonlyMap<string, Reason> = new Map<string, Reason>([
  ['nav', REASONS.navigation],
  ['aside', REASONS.related],
  ['footer', REASONS.boilerplate],
  ['figcaption', REASONS.caption],
  ['form', REASONS.widget],
  ['fieldset', REASONS.widget],
  ['menu', REASONS.navigation],
]);

/** ARIA roles inside the article that are chrome. */
export const CHROME_ROLES: ReadonlyMap<string, Reason> = new Map<string, Reason>([
  ['navigation', REASONS.navigation], ['menu', REASONS.navigation], ['menubar', REASONS.navigation], ['complementary', REASONS.related],
  ['contentinfo', REASONS.boilerplate], ['banner', REASONS.boilerplate], ['alert', REASONS.widget], ['alertdialog', REASONS.widget],
  ['dialog', REASONS.widget], ['search', REASONS.widget], ['toolbar', REASONS.widget], ['tablist', REASONS.widget],
]);

/**
 * Headings that open a block of other content ("Related articles", "More from ...", "Read next",
 * "Weitere Artikel", "Lire aussi"): the block they head is related content. Several languages,
 * as the development sets are.
 */
export const RELATED_HEADING =
  /^(?:related(?: (?:articles?|stories|news|posts|content|coverage|links|topics|reading|videos?))?|(?:more|other|latest|recent|top|popular|trending|recommended|similar|further)(?: [\w'’&-]+){0,4} (?:stories|articles|news|posts|reads|videos|headlines|reading|coverage|content)|more (?:from|on|in|about|like this)\b.{0,40}|more|read (?:next|more|also)|also read|see also|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended(?: for you)?|most (?:read|popular|viewed|shared|emailed|commented)|trending(?: now)?|editor[’']?s picks|don[’']?t miss|in (?:other|case you missed)|what to read next|up next|keep reading|from (?:around the web|our partners)|sponsored(?: content| stories)?|weitere (?:artikel|beiträge|nachrichten|themen)|mehr (?:zum thema|aus|zu|von|artikel|themen)\b.{0,40}|das könnte sie (?:auch )?interessieren|auch interessant|lesen sie auch|ähnliche (?:artikel|beiträge)|verwandte (?:artikel|beiträge|themen)|meistgelesen|lire aussi|à lire aussi|sur le même sujet|articles? (?:liés|similaires|connexes)|dans la même rubrique|leer también|lea también|también te puede interesar|noticias relacionadas|artículos relacionados|leggi anche|articoli correlati|leia (?:também|mais)|notícias relacionadas|lees ook|gerelateerde artikelen|czytaj (?:też|także)|zobacz (?:też|także)|читайте (?:также|еще|ещё)|смотрите также|похожие(?: статьи| новости| материалы)?|самые популярные(?: [\p{L}-]+){0,2}|популярное|рекомендуем|другие новости|(?:ещё|еще) по теме|новости по теме)$/iu;

/** Headings of comment sections ("12 Comments", "Leave a Reply", "Kommentare"). */
export const COMMENTS_HEADING =
  /^(?:\d+\s+)?(?:comments?|responses?|replies|reader comments|discussion|leave a (?:reply|comment)|post a comment|join the (?:conversation|discussion)|kommentare?|kommentieren|schreibe(?:n sie)? einen kommentar|commentaires?|comentarios?|commenti|komentarze|reacties)(?:\s*\(\d+\))?$/iu;

/** Text of an element that only a widget shows ("Loading...", "Advertisement"): readability's adWords and loadingWords. */
export const AD_WORDS = /^(?:ad(?:vert|verts|vertising|vertisement)?|pub(?:licité)?|werb(?:ung)?|anzeige|广告|Реклама|anuncio|publicidad)$/iu;
export const LOADING_WORDS = /^(?:loading|正在加载|Загрузка|chargement|cargando|wird geladen)(?:…|\.\.\.)?$/iu;

/** Itemprop / class names of the article body (schema.org `articleBody`, hAtom `entry-content`). */
export const ARTICLE_BODY_PROP = /\barticlebody\b|\btext\b/i;
