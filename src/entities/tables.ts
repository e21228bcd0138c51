/**
 * Every hand-written word list of the entity extractor, in one place.
 *
 * The general lexicon comes from installed packages (see `lexicon.ts`): compromise's lexicon
 * (first names, surnames, countries, cities, regions, organisations, demonyms, honorifics) and its
 * organisation / place head words, and SUBTLEX-US word frequencies (which words are common
 * lowercase English). What is below is what those lack: the news-specific aliases that map many
 * names to one entity (DPRK = North Korea), capitals that stand for their state, demonym → country,
 * wire agencies, and the small closed word classes the rules need (titles, role modifiers,
 * prepositions). Keys are lowercase; multi-word keys use single spaces.
 */

/**
 * Names of states and unions that differ from the name we display, lowercase → display name.
 * Covers official long forms, acronyms and common short forms; the display name is also the
 * canonical key (lowercased). Kept small on purpose: only names that news writes interchangeably.
 */
export const PLACE_ALIASES: Record<string, string> = {
  'north korea': 'North Korea',
  dprk: 'North Korea',
  'd.p.r.k.': 'North Korea',
  "democratic people's republic of korea": 'North Korea',
  'south korea': 'South Korea',
  'republic of korea': 'South Korea',
  rok: 'South Korea',
  russia: 'Russia',
  'russian federation': 'Russia',
  'united states': 'United States',
  'united states of america': 'United States',
  us: 'United States',
  usa: 'United States',
  'u.s.': 'United States',
  'u.s.a.': 'United States',
  america: 'United States',
  'united kingdom': 'United Kingdom',
  uk: 'United Kingdom',
  'u.k.': 'United Kingdom',
  britain: 'United Kingdom',
  'great britain': 'United Kingdom',
  china: 'China',
  "people's republic of china": 'China',
  prc: 'China',
  'european union': 'European Union',
  eu: 'European Union',
  'e.u.': 'European Union',
  'united arab emirates': 'United Arab Emirates',
  uae: 'United Arab Emirates',
  'soviet union': 'Soviet Union',
  ussr: 'Soviet Union',
  ukraine: 'Ukraine',
  'the netherlands': 'Netherlands',
  holland: 'Netherlands',
  'czech republic': 'Czechia',
  'ivory coast': "Côte d'Ivoire",
  burma: 'Myanmar',
  'kiev': 'Kyiv',
};

/**
 * Acronyms that are places, not organisations (an unknown all-caps word is taken for an
 * organisation otherwise). Their full names are in PLACE_ALIASES.
 */
export const PLACE_ACRONYMS = new Set(['us', 'usa', 'uk', 'eu', 'dprk', 'rok', 'prc', 'uae', 'ussr']);

/**
 * Capitals that news uses for their government ("Pyongyang has supplied Moscow with shells"):
 * capital → state display name. Used only when the context makes the city an actor (see
 * `metonymy` in detect.ts); "in Pyongyang" stays the city.
 */
export const CAPITALS: Record<string, string> = {
  moscow: 'Russia',
  pyongyang: 'North Korea',
  seoul: 'South Korea',
  kyiv: 'Ukraine',
  kiev: 'Ukraine',
  washington: 'United States',
  beijing: 'China',
  tokyo: 'Japan',
  london: 'United Kingdom',
  paris: 'France',
  berlin: 'Germany',
  tehran: 'Iran',
  damascus: 'Syria',
  minsk: 'Belarus',
  ankara: 'Turkey',
  'new delhi': 'India',
  islamabad: 'Pakistan',
  kabul: 'Afghanistan',
  baghdad: 'Iraq',
  cairo: 'Egypt',
  riyadh: 'Saudi Arabia',
  ottawa: 'Canada',
  canberra: 'Australia',
  rome: 'Italy',
  madrid: 'Spain',
  warsaw: 'Poland',
  budapest: 'Hungary',
  havana: 'Cuba',
  caracas: 'Venezuela',
  taipei: 'Taiwan',
  hanoi: 'Vietnam',
  jerusalem: 'Israel',
  brussels: 'European Union',
  tbilisi: 'Georgia',
  yerevan: 'Armenia',
  baku: 'Azerbaijan',
};

/**
 * Demonym (adjective) → country. compromise lists demonyms but not the country they belong to;
 * roles ("South Korean Defense Minister") and actor phrases need the country.
 */
export const DEMONYMS: Record<string, string> = {
  american: 'United States',
  british: 'United Kingdom',
  english: 'United Kingdom',
  chinese: 'China',
  russian: 'Russia',
  soviet: 'Soviet Union',
  ukrainian: 'Ukraine',
  'north korean': 'North Korea',
  'south korean': 'South Korea',
  korean: 'Korea',
  japanese: 'Japan',
  german: 'Germany',
  french: 'France',
  italian: 'Italy',
  spanish: 'Spain',
  dutch: 'Netherlands',
  irish: 'Ireland',
  polish: 'Poland',
  swedish: 'Sweden',
  turkish: 'Turkey',
  israeli: 'Israel',
  palestinian: 'Palestine',
  iranian: 'Iran',
  iraqi: 'Iraq',
  syrian: 'Syria',
  saudi: 'Saudi Arabia',
  egyptian: 'Egypt',
  indian: 'India',
  pakistani: 'Pakistan',
  afghan: 'Afghanistan',
  belarusian: 'Belarus',
  georgian: 'Georgia',
  canadian: 'Canada',
  mexican: 'Mexico',
  brazilian: 'Brazil',
  australian: 'Australia',
  indonesian: 'Indonesia',
  singaporean: 'Singapore',
  thai: 'Thailand',
  vietnamese: 'Vietnam',
  taiwanese: 'Taiwan',
  european: 'European Union',
  qatari: 'Qatar',
  emirati: 'United Arab Emirates',
};

/**
 * Wire services and state news agencies: one-word organisation names that no general lexicon
 * knows but that news cites constantly (and that the quote/provenance work needs typed).
 */
export const NEWS_AGENCIES = new Set([
  'reuters', 'tass', 'ap', 'afp', 'kcna', 'xinhua', 'yonhap', 'interfax', 'ria novosti', 'upi',
  'kyodo', 'efe', 'ansa', 'dpa', 'bloomberg', 'ani', 'pti', 'ians', 'anadolu', 'bernama',
  'associated press', 'agence france-presse', 'ukrinform', 'unian', 'sputnik', 'al jazeera',
]);

/**
 * Institutions named by one word, which no lexicon marks as organisations ("Congress passed ...").
 */
export const INSTITUTIONS = new Set([
  'congress', 'parliament', 'senate', 'pentagon', 'kremlin', 'knesset', 'duma', 'bundestag',
  'treasury', 'fed', 'politburo', 'rada', 'sejm', 'storting', 'riksdag', 'eurogroup', 'interpol',
  'europol', 'hamas', 'hezbollah', 'taliban', 'nato', 'opec', 'asean', 'unesco', 'unicef',
]);

/**
 * Role head nouns: a person name right after one of these (possibly with modifiers before it)
 * gets the phrase as its role ("Defense Minister Andrei Belousov"). Institutional and occupational
 * titles only — evaluative words an outlet uses ("dictator") are not roles the text *gives*.
 */
export const TITLES = new Set([
  'president', 'vice-president', 'president-elect', 'minister', 'secretary', 'undersecretary',
  'under-secretary', 'leader', 'chief', 'chairman', 'chairwoman', 'chairperson', 'chair', 'ceo',
  'cfo', 'coo', 'cto', 'director', 'director-general', 'spokesman', 'spokeswoman', 'spokesperson',
  'governor', 'senator', 'sen', 'mayor', 'ambassador', 'envoy', 'general', 'admiral', 'colonel',
  'commander', 'marshal', 'lieutenant', 'sergeant', 'captain', 'judge', 'justice', 'king', 'queen',
  'prince', 'princess', 'pope', 'emperor', 'sheikh', 'emir', 'premier', 'chancellor', 'officer',
  'executive', 'founder', 'co-founder', 'cofounder', 'head', 'representative', 'rep',
  'congressman', 'congresswoman', 'lawmaker', 'legislator', 'mp', 'diplomat', 'analyst',
  'economist', 'correspondent', 'editor', 'professor', 'prosecutor', 'attorney', 'counsel',
  'commissioner', 'inspector', 'sheriff', 'bishop', 'archbishop', 'cardinal', 'rabbi', 'imam',
  'ayatollah', 'speaker', 'treasurer', 'adviser', 'advisor', 'aide', 'official', 'manager',
  'boss', 'owner', 'coach', 'gen', 'lt', 'col', 'capt', 'sgt', 'gov', 'premier', 'pm',
  'superintendent', 'chieftain', 'monarch', 'regent', 'dean', 'provost', 'rector', 'principal',
  'nominee', 'candidate', 'challenger', 'incumbent', 'democrat', 'republican', 'presidents',
  'ministers', 'senators',
]);

/**
 * Honorifics: evidence that a person name follows, but not a role ("Comrade Putin").
 */
export const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'lord', 'lady', 'comrade', 'madam',
  'monsieur', 'herr', 'rev', 'reverend', 'prof', 'mme', 'mlle',
]);

/**
 * Lowercase words that modify a title inside a role ("security council secretary", "top army
 * chief", "deputy defense minister"). Capitalised common words and names are accepted too.
 */
export const ROLE_MODIFIERS = new Set([
  'security', 'council', 'defense', 'defence', 'foreign', 'interior', 'finance', 'economy',
  'economic', 'trade', 'justice', 'health', 'education', 'transport', 'energy', 'army', 'military',
  'top', 'deputy', 'vice', 'former', 'acting', 'chief', 'executive', 'senior', 'state', 'national',
  'supreme', 'general', 'prime', 'intelligence', 'navy', 'naval', 'air', 'force', 'forces', 'party',
  'opposition', 'regional', 'presidential', 'parliamentary', 'press', 'communications',
  'operating', 'financial', 'technology', 'marketing', 'managing', 'first', 'assistant',
  'associate', 'special', 'high', 'commercial', 'research', 'defence', 'armed', 'joint', 'staff',
  'cabinet', 'government', 'foreign-affairs', 'affairs', 'home', 'environment', 'agriculture',
  'labor', 'labour', 'culture', 'sports', 'information', 'digital', 'industry', 'development',
  'planning', 'emergency', 'emergencies', 'public', 'policy', 'legal', 'general', 'interim',
  'outgoing', 'incoming', 'longtime', 'veteran', 'exiled', 'ousted', 'late', 'then', 'current',
  'co', 'and', 'presiding', 'division', 'program', 'product', 'sales', 'operations', 'global',
  'international', 'industry', 'aviation', 'aerospace', 'defense-industry', 'secretary',
  'minister', 'director', 'president', 'officer', 'head', 'analyst', 'spokesman', 'spokeswoman',
  'worldwide', 'foreign', 'attorney', 'solicitor', 'surgeon', 'lord', 'privy', 'majority',
  'minority', 'deputy', 'prime', 'under', 'permanent', 'principal', 'corporate', 'group', 'ex',
]);

/**
 * Lowercase nouns that introduce an organisation name ("aircraft manufacturer Boeing", "German
 * airline Lufthansa", "the state news agency KCNA").
 */
export const ORG_DESCRIPTORS = new Set([
  'company', 'firm', 'corporation', 'group', 'airline', 'carrier', 'manufacturer', 'maker',
  'airframer', 'automaker', 'carmaker', 'retailer', 'agency', 'broadcaster', 'newspaper', 'daily',
  'magazine', 'outlet', 'network', 'bank', 'lender', 'insurer', 'rival', 'subsidiary', 'startup',
  'start-up', 'giant', 'conglomerate', 'label', 'studio', 'publisher', 'chain', 'brand', 'operator',
  'supplier', 'contractor', 'developer', 'producer', 'distributor', 'consortium', 'party',
  'militia', 'faction', 'organization', 'organisation', 'institute', 'university', 'club', 'team',
  'band', 'website', 'site', 'blog', 'service', 'tabloid', 'paper', 'union', 'charity', 'ngo',
  'think-tank', 'tank', 'watchdog', 'regulator', 'ministry', 'exchange', 'fund', 'ally',
]);

/**
 * Head words that make a capitalised phrase an organisation, in addition to compromise's
 * `orgWords` (which has agency, ministry, airlines, inc, ...). Some of its words are too loose as
 * heads ("comprehensive", "mobile", "international" alone) — see ORG_HEAD_EXCLUDE.
 */
export const ORG_HEADS_EXTRA = new Set([
  'forces', 'force', 'navy', 'parliament', 'congress', 'senate', 'assembly', 'court', 'courts',
  'party', 'front', 'movement', 'brigade', 'brigades', 'regiment', 'battalion', 'command', 'guard',
  'guards', 'cabinet', 'kremlin', 'pentagon', 'secretariat', 'league', 'alliance', 'federation',
  'ministry', 'department', 'office', 'council', 'committee', 'commission', 'agency', 'bureau',
  'authority', 'service', 'services', 'institute', 'foundation', 'airlines', 'airways', 'air',
  'corp', 'corporation', 'inc', 'ltd', 'llc', 'plc', 'gmbh', 'ag', 'nv', 'sa', 'co', 'company',
  'group', 'holdings', 'times', 'post', 'news', 'journal', 'herald', 'tribune', 'gazette',
  'telegraph', 'guardian', 'monitor', 'review', 'daily', 'weekly', 'network', 'broadcasting',
  'studios', 'records', 'labs', 'technologies', 'technology', 'systems', 'motors', 'aviation',
  'research', 'analytics', 'consulting', 'consultancy', 'ventures', 'airline', 'bancorp',
  'aerospace', 'airplanes', 'aircraft', 'industries', 'electronics', 'computer', 'computers',
  'software', 'pharmaceuticals', 'bank', 'university', 'college', 'school', 'academy', 'union',
  'association', 'society', 'club', 'team', 'committee', 'centre', 'center', 'program',
  'programme', 'project', 'initiative', 'coalition', 'consortium', 'organization', 'organisation',
  'house', 'hall', 'police', 'army', 'military', 'directorate', 'politburo', 'duma', 'knesset',
  'rada', 'bundestag', 'diet', 'exchange',
]);

/** compromise orgWords that are too general to make a phrase an organisation on their own. */
export const ORG_HEAD_EXCLUDE = new Set([
  'comprehensive', 'mobile', 'international', 'capital', 'power', 'care', 'design', 'data',
  'development', 'education', 'energy', 'gas', 'oil', 'estate', 'financial', 'marine', 'media',
  'military', 'community', 'collective', 'crew', 'boys', 'girls', 'coffee', 'pizza', 'cafe',
  'workers', 'investors', 'partners', 'management', 'markets', 'resources', 'house', 'hall',
]);

/**
 * Head words that make a phrase a place, in addition to compromise's `placeWords`. Lowercase
 * ones may trail a name ("the Kursk region"); they are dropped from the canonical key so "Kursk"
 * and "the Kursk region" are one entity.
 */
export const PLACE_HEADS_EXTRA = new Set([
  'oblast', 'krai', 'governorate', 'emirate', 'canton', 'republic', 'kingdom', 'states',
  'emirates', 'islands', 'peninsula', 'sea', 'ocean', 'strait', 'straits', 'airport', 'airbase',
  'base', 'border', 'square', 'plaza', 'channel', 'gulf', 'steppe', 'front', 'factory', 'plant',
  'shipyard', 'works', 'terminal', 'port', 'harbour', 'harbor', 'station',
]);

/**
 * Words before "Center"/"Centre"/"Hall" that make it a venue (a place), not an institution:
 * "Moscone West Convention Center" vs "Center for Advanced Defense Studies".
 */
export const VENUE_MODIFIERS = new Set([
  'convention', 'exhibition', 'shopping', 'trade', 'sports', 'conference', 'community', 'visitor',
  'visitors', 'delivery', 'distribution', 'events', 'arts', 'congress', 'expo', 'city',
]);

/** First words that make a name an organisation: airlines are "Air <place>" (Air France, Air China). */
export const ORG_LEADING = new Set(['air']);

/**
 * Nouns after "X's" that make X an organisation: "Apple's board", "Airbus's chief executive".
 */
export const ORG_POSSESSIONS = new Set([
  'board', 'shares', 'share', 'stock', 'profits', 'profit', 'revenue', 'revenues', 'sales',
  'earnings', 'headquarters', 'employees', 'staff', 'customers', 'products', 'subsidiary',
  'subsidiaries', 'factory', 'factories', 'plant', 'chief', 'ceo', 'founder', 'executives',
  'executive', 'spokesman', 'spokeswoman', 'spokesperson', 'brand', 'logo', 'website', 'stores',
  'store', 'fleet', 'orders', 'order', 'quarterly', 'shareholders', 'investors', 'chairman',
  'president', 'vice-president', 'management', 'engineers', 'developers', 'lawyers', 'rival',
  'rivals', 'parent', 'division', 'unit', 'deal', 'bid', 'offer', 'lineup', 'line-up',
]);

/** Nouns after a name that make it a product (type other): "the MacBook line", "iPod range". */
export const PRODUCT_NOUNS = new Set([
  'line', 'range', 'model', 'models', 'series', 'version', 'device', 'devices', 'phone', 'phones',
  'player', 'players', 'laptop', 'laptops', 'software', 'jet', 'jets', 'aircraft', 'airliner',
  'airliners', 'plane', 'planes', 'processor', 'processors', 'chip', 'chips', 'app', 'update',
  'operating', 'handset', 'handsets', 'tablet', 'tablets', 'console', 'engine', 'engines',
  'superjumbo', 'tanker', 'tankers', 'users',
]);

/** compromise placeWords that are too general to make a phrase a place on their own. */
export const PLACE_HEAD_EXCLUDE = new Set([
  'bar', 'way', 'landing', 'field', 'site', 'complex', 'house', 'building', 'hall', 'state', 'camp',
  'crossing', 'junction', 'zone', 'ward', 'country', 'tower', 'farm', 'garden', 'library', 'arch',
  'park', 'memorial', 'museum', 'gallery', 'centre', 'theater', 'front', 'republic', 'kingdom',
  'st', 'cr', 'tr', 'rd', 'ave', 'lane', 'trail', 'trails', 'pits', 'acres', 'estates',
]);

/** Lowercase place nouns that may follow a name as part of it: "the Kursk region". */
export const TRAILING_PLACE_NOUNS = new Set([
  'region', 'province', 'oblast', 'district', 'county', 'prefecture', 'governorate', 'state',
  'river', 'valley', 'peninsula', 'island', 'islands', 'mountains', 'strait', 'sea',
]);

/** Product/event/document heads: such a phrase is a named thing of type `other`. */
export const OTHER_HEADS = new Set([
  'treaty', 'agreement', 'accord', 'accords', 'pact', 'act', 'convention', 'protocol', 'charter',
  'declaration', 'doctrine', 'plan', 'war', 'wars', 'revolution', 'games', 'olympics', 'cup',
  'championship', 'festival', 'summit', 'award', 'prize', 'operation', 'conference', 'forum',
  'day', 'prize', 'bill', 'law', 'index', 'awards', 'show', 'expo', 'fair', 'week', 'marathon',
  'tournament', 'league-cup', 'election', 'elections', 'referendum', 'crisis', 'scandal',
]);

/**
 * Capitalised common nouns that, before a number, make the pair a designation of its own ("Flight
 * 447", "Terminal 3"); the name before them is separate ("Air France Flight 447").
 */
export const DESIGNATION_NOUNS = new Set([
  'flight', 'terminal', 'gate', 'route', 'highway', 'platform', 'pier', 'stage', 'level', 'article',
  'section', 'chapter', 'resolution', 'phase', 'unit', 'block', 'building', 'room', 'hall', 'runway',
]);

/** Legal suffixes dropped from organisation keys ("Apple Inc." = "Apple"). */
export const LEGAL_SUFFIXES = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'ltd', 'limited', 'llc', 'plc', 'nv', 'n.v',
  'ag', 'sa', 's.a', 'gmbh', 'bv', 'ab', 'spa', 'oyj', 'pjsc', 'ojsc', 'jsc',
]);

/**
 * Generic words that may extend an organisation's short name without making it another
 * organisation: "Apple" ~ "Apple Computer", "AirTran" ~ "AirTran Airways", "NPD" ~ "NPD Group".
 */
export const ORG_GENERIC_TAIL = new Set([
  'group', 'company', 'corporation', 'corp', 'inc', 'ltd', 'plc', 'holdings', 'airlines', 'airways',
  'computer', 'computers', 'systems', 'technologies', 'industries', 'international', 'motors',
  'aviation', 'aircraft', 'electronics', 'software', 'entertainment', 'media', 'networks',
  'communications', 'pharmaceuticals', 'energy', 'bank', 'commercial', 'airplanes', 'co', 'llc',
]);

/** Abbreviations whose period belongs to the token (and does not end the sentence). */
export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'gen', 'sen', 'rep',
  'gov', 'lt', 'col', 'capt', 'sgt', 'prof', 'rev', 'no', 'vs', 'mt', 'ft', 'messrs', 'bros',
  'adm', 'maj', 'cmdr', 'supt', 'dept', 'univ', 'assn', 'est', 'approx',
]);

/** Name particles that may appear lowercase inside a person name ("Ludwig van Beethoven"). */
export const NAME_PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'la', 'le',
  'bin', 'ibn', 'al', 'el', 'ben', 'bint', 'ter', 'op', 'zu',
]);

/** Hyphen suffixes that turn a name into an adjective: "EADS-led", "Intel-based". */
export const HYPHEN_ADJ_SUFFIXES = new Set([
  'led', 'based', 'owned', 'backed', 'made', 'run', 'funded', 'controlled', 'linked', 'related',
  'born', 'style', 'era', 'type', 'class', 'designed', 'built', 'allied', 'occupied', 'held',
  'annexed', 'friendly', 'bound', 'wide', 'specific', 'affiliated', 'aligned', 'sponsored',
  'supported', 'brokered', 'inspired', 'produced', 'operated', 'listed', 'registered', 'headed',
]);

/** All-caps words that are not names (units, times, titles, shouting). */
export const NON_NAME_ACRONYMS = new Set([
  'am', 'pm', 'tv', 'ai', 'id', 'ok', 'ceo', 'cfo', 'coo', 'cto', 'gdp', 'edt', 'est', 'gmt',
  'utc', 'bst', 'cet', 'cest', 'pst', 'pdt', 'cst', 'cdt', 'mst', 'mdt', 'kst', 'msk', 'vip',
  'diy', 'faq', 'pdf', 'url', 'usd', 'eur', 'gbp', 'rub', 'km', 'mph', 'kg', 'mw', 'gw', 'ii',
  'iii', 'iv', 'vi', 'vii', 'viii', 'ix', 'xi', 'xii', 'dc', 'ad', 'bc', 'ce', 'bce', 'aka',
  'ps', 'pr', 'hq', 'rip', 'asap', 'etc', 'faqs', 'lol', 'omg', 'mr', 'mrs', 'dr', 'ms', 'jr',
  'sr', 'st', 'no', 'op', 'ed', 'photo', 'video', 'read', 'more', 'update', 'updated', 'watch',
  'breaking', 'live', 'exclusive', 'opinion', 'analysis', 'news', 'the', 'and', 'of', 'a', 'i',
  'sdk', 'gb', 'mb', 'tb', 'lcd', 'led', 'usb', 'cpu', 'gpu', 'os', 'pc', 'mp', 'hd', 'dvd', 'cd',
  'faq', 'app', 'apps', 'pin', 'gps', 'sms', 'rrp', 'msrp', 'ipo', 'm', 'bn', 'mn', 'pct',
]);

/** Month and weekday names: capitalised but never entities on their own. */
export const CALENDAR_WORDS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'sunday', 'christmas', 'easter',
]);

/** Capitalised words that are never names on their own ("No. 1", "I"). */
export const NON_NAME_WORDS = new Set(['no', 'nos', 'i', 'ok', 'okay', 'vs', 'etc']);

/** Words right after a country acronym that make it part of a currency: "US dollars", "US$". */
export const CURRENCY_WORDS = new Set(['dollar', 'dollars', 'cents', '$', 'pounds', 'pound']);

/** Prepositions after which an unknown name is a place ("in Kursk"), and a capital the city. */
export const LOCATIVE_PREPOSITIONS = new Set([
  'in', 'at', 'near', 'outside', 'inside', 'around', 'across', 'within', 'into', 'via', 'through',
  'throughout', 'off', 'onto', 'beyond', 'downtown', 'central', 'northern',
  'southern', 'eastern', 'western', 'north-eastern', 'south-eastern', 'north-western',
  'south-western', 'northeastern', 'southeastern', 'northwestern', 'southwestern', 'greater',
]);

/**
 * Words before "to"/"from" that make the following capital a destination (the city), not the
 * state: "Putin's visit to Pyongyang", "flew to Moscow".
 */
export const MOVEMENT_WORDS = new Set([
  'visit', 'visits', 'visited', 'visiting', 'trip', 'trips', 'travel', 'travels', 'travelled',
  'traveled', 'travelling', 'traveling', 'flight', 'flights', 'flew', 'fly', 'flying', 'arrived',
  'arrive', 'arrives', 'arriving', 'returned', 'return', 'returns', 'returning', 'moved', 'move',
  'came', 'come', 'went', 'go', 'going', 'back', 'route', 'road', 'train', 'trains', 'drove',
  'drive', 'journey', 'headed', 'heading', 'relocated', 'evacuated', 'fled', 'way', 'tour',
]);

/**
 * Relation prepositions and conjunctions after which a capital is the state acting or acted on:
 * "aligned itself with Moscow", "cooperation between Moscow and Pyongyang".
 */
export const ACTOR_PREPOSITIONS = new Set(['with', 'against', 'between', 'by', 'for', 'on', 'versus', 'vs']);

/** Auxiliaries and modals: a capital followed by one is the subject of a verb (the state). */
export const AUXILIARIES = new Set([
  'has', 'have', 'had', 'is', 'was', 'are', 'were', 'will', 'would', 'could', 'can', 'may', 'might',
  'must', 'should', 'shall', 'did', 'does', 'do', 'says', 'said', 'claims', 'claimed', 'denies',
  'denied', 'deny', 'insists', 'insisted', 'wants', 'wanted', 'warned', 'warns', 'accused',
  'accuses', 'rejected', 'rejects', 'supplied', 'supplies', 'sent', 'sends', 'agreed', 'signed',
  'announced', 'confirmed', 'responded', 'hit', 'struck', 'launched', 'supports', 'supported',
  "hasn't", "haven't", "won't", "didn't", "doesn't", "isn't", "wasn't",
]);

/**
 * Words after which "of"/"for" continues a name: institution and place heads that take a
 * complement ("Republic of Korea", "Bank of England", "Gulf of Mexico"), besides the org/place heads.
 */
export const OF_HEAD_EXTRA = new Set([
  'republic', 'kingdom', 'states', 'federation', 'emirates', 'union', 'commonwealth', 'isle',
  'islands', 'gulf', 'bay', 'cape', 'lake', 'mount', 'sea', 'strait', 'straits', 'bank',
  'university', 'museum', 'church', 'order', 'house', 'court', 'courts', 'palace',
]);

/** Of those, the ones that make "<head> of X" an organisation ("Bank of England"), not a place. */
export const ORG_OF_HEADS = new Set(['bank', 'university', 'museum', 'church', 'order', 'court', 'courts', 'house']);

/**
 * Surname endings common in Slavic and Caucasian names: evidence that two or three unknown
 * capitalised words are a person ("Alexei Krivoruchko", "Oleksandr Syrskyi").
 */
export const SLAVIC_SURNAME = /(?:ov|ova|ev|eva|yov|in|ina|enko|sky|skyi|skiy|ski|ska|vich|uk|chuk|yan|dze|shvili|ko)$/u;

/** Words that end a role phrase when walking left from the title ("the", "with", "said"). */
export const ROLE_STOP = new Set(['the', 'a', 'an', 'and', 'of', 'with', 'by', 'to', 'from', 'as', 'said', 'says', 'told']);

/** Lowercase words allowed inside an appositive role ("chairman of AirTran Airways"). */
export const ROLE_CONNECTORS = new Set(['of', 'for', 'at', 'in', 'and', 'the', 'to']);

/** Words skipped when taking a name's initials ("Center for Advanced Defense Studies" → CADS). */
export const INITIALS_SKIP = new Set(['of', 'for', 'and', 'the', 'on', 'in', '&', 'de']);

/** Capitalised sentence openers that are no names, besides function words and verbs. */
export const SENTENCE_OPENERS = new Set([
  'today', 'yesterday', 'tomorrow', 'tonight', 'now', 'then', 'meanwhile', 'also', 'many', 'some',
  'most', 'several', 'another',
]);
