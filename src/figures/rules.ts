/**
 * Every hand-written pattern of the figures extractor, in one place, each with the reason it exists.
 *
 * Why by hand: compromise's `numbers()` finds the number but not its qualifier, range, unit or counted
 * noun, and takes ~50 ms per article (this module must stay well under 1 ms); wink-nlp tags numbers
 * (NUM, CARDINAL/MONEY/PERCENT entities) but does not give values, ranges, units or bounds; chrono-node
 * finds dates only. So the values, units and qualifiers below are ours; wink-nlp is used only for
 * sentence splitting and for the part of speech of the words after a number (the counted noun).
 *
 * All lookups are lower case unless a table says otherwise.
 */
import type { Bound } from './types.ts';

// ---------------------------------------------------------------- written numbers

/** Units and teens: "three", "eleven". "zero" is rare in claims but harmless. */
export const SMALL_NUMBERS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};

/** Tens: "twenty", "twenty-five" (the hyphen joins a unit). */
export const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/**
 * Scale words after a number ("1.6 million", "three thousand", "4 hundred million"), and after "a"
 * ("a million dollar house", "a dozen"). "dozen" multiplies like a scale word ("two dozen" = 24).
 */
export const SCALES: Readonly<Record<string, number>> = {
  hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, dozen: 12,
  lakh: 1e5, crore: 1e7,
};

/**
 * Abbreviated scales right after digits. `always`: unambiguous ("$1.762bn", "4.3M", "800k").
 * `money`: only after a currency, because alone they are units ("37m" is metres, "16 b" bits, "5 B" a
 * grade): "$13.6m", "USD10m", "PS2.7m".
 */
export const SCALE_ABBREVIATIONS: Readonly<Record<string, { value: number; money: boolean }>> = {
  bn: { value: 1e9, money: false }, bln: { value: 1e9, money: false }, mn: { value: 1e6, money: false },
  mln: { value: 1e6, money: false }, tn: { value: 1e12, money: false }, trn: { value: 1e12, money: false },
  M: { value: 1e6, money: false }, k: { value: 1e3, money: false }, K: { value: 1e3, money: false },
  m: { value: 1e6, money: true }, b: { value: 1e9, money: true }, B: { value: 1e9, money: true },
};

/**
 * Vague plural scales, as NewsQuant reads them: "dozens of people" = 12-120, "hundreds of miles" =
 * 100-1,000, "millions of Americans" = 1-10 million, "tens of thousands" = 10,000-100,000. Only taken
 * before "of" (or another scale: "tens of millions"), where they count something.
 */
export const VAGUE_SCALES: Readonly<Record<string, number>> = {
  tens: 10, dozens: 12, hundreds: 1e2, thousands: 1e3, millions: 1e6, billions: 1e9, trillions: 1e12,
};

/**
 * Fraction words. Only read as figures with a numerator ("two-thirds", "a third", "one in three") or,
 * for "half", before "of"/"a"/"an" or after a qualifier ("more than half"): elsewhere "third" is an
 * ordinal and "quarter" a period ("the third quarter").
 */
export const FRACTIONS: Readonly<Record<string, number>> = {
  half: 1 / 2, halves: 1 / 2, third: 1 / 3, thirds: 1 / 3, quarter: 1 / 4, quarters: 1 / 4,
  fifth: 1 / 5, fifths: 1 / 5, sixth: 1 / 6, sixths: 1 / 6, seventh: 1 / 7, sevenths: 1 / 7,
  eighth: 1 / 8, eighths: 1 / 8, ninth: 1 / 9, ninths: 1 / 9, tenth: 1 / 10, tenths: 1 / 10,
};

/** Ratios written as words: "doubled", "twice as", "tripled", "halved". */
export const WORD_RATIOS: Readonly<Record<string, number>> = {
  doubled: 2, doubling: 2, doubles: 2, tripled: 3, trebled: 3, tripling: 3, triples: 3, quadrupled: 4,
  halved: 0.5, halving: 0.5, twice: 2, double: 2, triple: 3, thrice: 3,
};

/**
 * After "N times" these make it a ratio ("three times higher", "6.5 times earnings"); without one of
 * them "three times" is a count of occasions ("visited three times").
 */
export const RATIO_AFTER_TIMES = new Set([
  'higher', 'more', 'larger', 'greater', 'bigger', 'lower', 'smaller', 'less', 'fewer', 'as', 'the',
  'that', 'faster', 'slower', 'stronger', 'cheaper', 'earnings', 'book', 'sales', 'revenue', 'over',
  'above', 'below', 'what', 'its', 'their', 'his', 'her', 'normal', 'average',
]);

/** Comparatives that belong to a ratio's text: "three times higher", "twice as many". */
export const RATIO_COMPARATIVES = new Set([
  'higher', 'more', 'larger', 'greater', 'bigger', 'lower', 'smaller', 'less', 'fewer', 'faster', 'slower',
  'stronger', 'cheaper', 'longer', 'shorter', 'heavier', 'wider', 'deadlier',
]);

// ---------------------------------------------------------------- qualifiers (bounds)

/**
 * Words before a number that hedge or bound it, longest first when matched (the matcher sorts them).
 * `>=`/`<=` are the inclusive bounds ("at least", "up to"); NewsQuant files those under `>`/`<`.
 * "as many as" bounds from above: it stresses the size of a maximum. "just"/"only"/"exactly" are kept
 * in the figure's text but leave it exact.
 */
export const QUALIFIERS: ReadonlyArray<readonly [phrase: string, bound: Bound]> = [
  ['about', '~'], ['approximately', '~'], ['approx.', '~'], ['approx', '~'], ['around', '~'],
  ['roughly', '~'], ['nearly', '~'], ['almost', '~'], ['some', '~'], ['circa', '~'], ['ca.', '~'],
  ['close to', '~'], ['an estimated', '~'], ['estimated', '~'], ['an average of', '~'],
  ['on average', '~'], ['averaging', '~'], ['more or less', '~'], ['~', '~'], ['≈', '~'], ['c.', '~'],
  ['nigh on', '~'], ['the equivalent of', '~'],
  ['more than', '>'], ['over', '>'], ['above', '>'], ['well over', '>'], ['just over', '>'],
  ['upwards of', '>'], ['in excess of', '>'], ['greater than', '>'], ['higher than', '>'],
  ['exceeding', '>'], ['north of', '>'], ['over than', '>'], ['well above', '>'], ['beyond', '>'],
  ['at least', '>='], ['no fewer than', '>='], ['no less than', '>='], ['a minimum of', '>='],
  ['not less than', '>='], ['not fewer than', '>='],
  ['less than', '<'], ['fewer than', '<'], ['under', '<'], ['below', '<'], ['just under', '<'],
  ['just below', '<'], ['lower than', '<'], ['shy of', '<'], ['short of', '<'], ['sub', '<'],
  ['up to', '<='], ['as many as', '<='], ['as much as', '<='], ['at most', '<='], ['no more than', '<='],
  ['not more than', '<='], ['a maximum of', '<='], ['as high as', '<='], ['as few as', '>='],
  ['as little as', '>='], ['as low as', '>='],
  ['just', '='], ['only', '='], ['exactly', '='], ['precisely', '='], ['a total of', '='],
  ['a record', '='], ['fully', '='],
];

/** Qualifiers after the value: "5,000 or more", "10,000-plus", "a dozen or so", "500+". */
export const POST_QUALIFIERS: ReadonlyArray<readonly [phrase: string, bound: Bound]> = [
  ['or more', '>='], ['or older', '>='], ['or younger', '<='], ['and older', '>='], ['and over', '>='],
  ['and above', '>='], ['and up', '>='], ['and under', '<='], ['and younger', '<='], ['or later', '>='], ['or over', '>='], ['or higher', '>='], ['or above', '>='], ['plus', '>='],
  ['-plus', '>='], ['+', '>='], ['or so', '~'], ['or less', '<='], ['or fewer', '<='], ['or under', '<='],
  ['odd', '~'], ['-odd', '~'],
];

/**
 * Words after which "over" is a preposition, not "more than": "control over 82 settlements",
 * "victory over 3 rivals", "concerns over 5G".
 */
export const OVER_AS_PREPOSITION = new Set([
  'control', 'authority', 'power', 'powers', 'sovereignty', 'jurisdiction', 'victory', 'victories', 'win',
  'wins', 'lead', 'advantage', 'edge', 'dominance', 'concern', 'concerns', 'worries', 'worry', 'dispute',
  'disputes', 'fight', 'fights', 'fought', 'row', 'clash', 'clashes', 'debate', 'influence', 'supremacy',
  'rule', 'command', 'hand', 'handed', 'took', 'take', 'taken', 'takes', 'taking', 'presided', 'prevailed',
  'triumph', 'spread', 'spreads', 'split', 'divided', 'argued', 'arguing', 'stood', 'hovered', 'flew',
  'fly', 'flying', 'watch', 'watched', 'leverage', 'say', 'preference', 'priority', 'precedence',
]);

// ---------------------------------------------------------------- change direction

/**
 * A verb or adverb right before the figure that makes it a change ("rose 9.4 per cent", "down 1%"),
 * or a noun right after it ("a 3 percent drop", "a 5% increase"). "to"/"at" between the verb and the
 * number marks the level reached instead ("rose to $84"), which is not a change.
 */
export const CHANGE_UP = new Set([
  'up', 'rose', 'rise', 'rises', 'rising', 'risen', 'gained', 'gain', 'gains', 'climbed', 'climb',
  'climbs', 'jumped', 'jump', 'jumps', 'advanced', 'advances', 'increased', 'increase', 'increases',
  'grew', 'grow', 'grows', 'growing', 'surged', 'surge', 'surges', 'soared', 'soar', 'added', 'adding',
  'rallied', 'higher', 'boosted', 'raised', 'raise', 'rebound', 'rebounded', 'improved', 'widened',
  'expanded', 'increasing', 'spiked', 'gaining', '+',
]);
export const CHANGE_DOWN = new Set([
  'down', 'fell', 'fall', 'falls', 'falling', 'fallen', 'dropped', 'drop', 'drops', 'slid', 'slide',
  'slides', 'lost', 'lose', 'loses', 'declined', 'decline', 'declines', 'decreased', 'decrease',
  'decreases', 'plunged', 'plunge', 'plummeted', 'slumped', 'slump', 'sank', 'sink', 'tumbled',
  'tumble', 'lower', 'shed', 'sheds', 'eased', 'ease', 'dipped', 'dip', 'cut', 'cuts', 'reduced',
  'shrank', 'shrunk', 'contracted', 'retreated', 'slipped', 'slip', 'declining', 'narrowed', 'crashed',
  'losing', 'dropping',
]);
/** Nouns after a figure that make it a change: "a 3 percent drop", "a 35% increase". */
export const CHANGE_NOUN_UP = new Set(['increase', 'rise', 'gain', 'jump', 'growth', 'hike', 'boost', 'surge', 'rebound', 'improvement', 'uptick', 'higher']);
export const CHANGE_NOUN_DOWN = new Set(['drop', 'decline', 'decrease', 'fall', 'cut', 'loss', 'reduction', 'slump', 'plunge', 'dip', 'lower', 'contraction']);

// ---------------------------------------------------------------- money

/**
 * Currency signs and codes before a number, mapped to the symbol a figure reports. Codes are matched
 * case-sensitively and may touch the digits ("USD10m", "RM23.50"). "PS" is how NewsQuant's scraped
 * text renders "£" ("PS2.7m"), and "Y=" is Reuters' yen; "PS" alone before a bare small integer is a
 * PlayStation, so it is only money with a comma, decimals or a scale ("PS21,700", "PS8.1bn").
 */
export const CURRENCY_PREFIXES: Readonly<Record<string, string>> = {
  '$': '$', 'US$': 'US$', 'US $': 'US$', '$US': 'US$', 'USD': 'US$', 'US dollars': 'US$',
  'A$': 'A$', '$A': 'A$', 'AU$': 'A$', 'AUD': 'A$', 'C$': 'C$', 'CA$': 'C$', 'CAD': 'C$', 'HK$': 'HK$',
  'HK $': 'HK$', 'HKD': 'HK$', 'NZ$': 'NZ$', 'NZD': 'NZ$', 'S$': 'S$', 'SGD': 'S$', 'R$': 'R$',
  'Mex$': 'Mex$', '€': '€', 'EUR': '€', '£': '£', 'GBP': '£', 'PS': '£', '¥': '¥', 'Y=': '¥', 'JPY': '¥',
  'CN¥': 'CN¥', 'CNY': 'CN¥', 'RMB': 'CN¥', '₹': '₹', 'Rs': '₹', 'Rs.': '₹', 'INR': '₹', '₪': '₪',
  'NIS': '₪', 'ILS': '₪', '₩': '₩', 'KRW': '₩', '₽': '₽', 'RUB': '₽', 'CHF': 'CHF', 'SFr': 'CHF',
  'RM': 'RM', 'MYR': 'RM', 'R': 'R', 'ZAR': 'R', '₺': '₺', 'TRY': '₺', '₦': '₦', 'NGN': '₦', 'kr': 'kr',
  'SEK': 'kr', 'NOK': 'kr', 'DKK': 'kr', 'zł': 'zł', 'PLN': 'zł', 'Tk': '৳', '৳': '৳', 'UAH': '₴', '₴': '₴',
};

/**
 * Currency words after a number ("10.5 million Australian dollars", "333.6 million yen", "1,200€").
 * Longest first when matched. "pounds" alone is left out: after a number it is a weight as often as
 * money ("dropping from 208 pounds"); "pounds sterling" is money.
 */
export const CURRENCY_SUFFIXES: Readonly<Record<string, string>> = {
  'us dollars': 'US$', 'u.s. dollars': 'US$', 'american dollars': 'US$', 'australian dollars': 'A$',
  'canadian dollars': 'C$', 'hong kong dollars': 'HK$', 'new zealand dollars': 'NZ$',
  'singapore dollars': 'S$', 'dollars': '$', 'dollar': '$', 'usd': 'US$', 'euros': '€', 'euro': '€',
  'eur': '€', '€': '€', 'pounds sterling': '£', 'sterling': '£', 'gbp': '£', 'yen': '¥', 'jpy': '¥',
  'yuan': 'CN¥', 'renminbi': 'CN¥', 'rupees': '₹', 'rupee': '₹', 'shekels': '₪', 'shekel': '₪',
  'new shekels': '₪', 'roubles': '₽', 'rubles': '₽', 'hryvnias': '₴', 'hryvnia': '₴', 'francs': 'CHF',
  'swiss francs': 'CHF', 'ringgit': 'RM', 'rand': 'R', 'naira': '₦', 'lira': '₺', 'liras': '₺',
  'danish crowns': 'kr', 'danish kroner': 'kr', 'swedish crowns': 'kr', 'swedish kronor': 'kr',
  'norwegian crowns': 'kr', 'norwegian kroner': 'kr', 'crowns': 'kr', 'kronor': 'kr', 'kroner': 'kr',
  'krona': 'kr', 'krone': 'kr', 'pesos': 'Mex$', 'dirhams': 'AED', 'riyals': 'SAR', 'dinars': 'dinar',
  'baht': '฿', 'won': '₩', 'zloty': 'zł', 'cents': '¢', 'cent': '¢', 'pence': 'p', 'sen': 'sen',
  'bitcoin': '₿', 'bitcoins': '₿',
};

/** Currency prefixes that are also ordinary letters: money only with a comma, decimals or a scale ("PS21,700", not "PS5"). */
export const AMBIGUOUS_PREFIXES = new Set(['PS', 'R', 'kr', 'Tk']);

/** Nouns and time words that may follow "per"/"a" in a rate: "$3500 a month", "$1,271.2 an ounce". */
export const RATE_AFTER_A = new Set(['day', 'week', 'month', 'year', 'hour', 'minute', 'second', 'share', 'barrel', 'ounce', 'gallon', 'litre', 'liter', 'tonne', 'ton', 'head', 'piece', 'person', 'night', 'kilogram', 'kilo', 'pound', 'gram', 'unit', 'session', 'game', 'season', 'semester', 'term', 'quarter', 'mile', 'kilometre', 'kilometer', 'seat', 'ticket', 'pop']);

// ---------------------------------------------------------------- units of measurement

/**
 * Units after a number, each spelling mapped to the one a figure reports. Matched longest first, on
 * whole words, case-insensitively except the `CASED_UNITS` symbols below; a hyphen may join them to the
 * number ("6.1-inch", "a five-year"). Durations are measures too: "in the last three months" is a
 * figure of 3 months (NewsQuant annotates them). Spellings are explicit (no stemming) so that "m" or
 * "in" never match by accident.
 */
export const UNITS: Readonly<Record<string, string>> = {
  // percent and points (kind `percent` is decided by the canonical "%" / "percentage points")
  '%': '%', 'percent': '%', 'per cent': '%', 'per-cent': '%', 'pct': '%', 'percentage': '%',
  'percentage points': 'percentage points', 'percentage point': 'percentage points',
  'percent-owned': '%',
  'basis points': 'basis points', 'basis point': 'basis points', 'bps': 'basis points', 'bp': 'basis points',
  // area (before length so that "square kilometers" wins over "kilometers")
  'square kilometers': 'km²', 'square kilometres': 'km²', 'square kilometer': 'km²', 'square kilometre': 'km²',
  'sq km': 'km²', 'sq. km': 'km²', 'km²': 'km²', 'km2': 'km²', 'square miles': 'sq mi', 'square mile': 'sq mi',
  'sq mi': 'sq mi', 'square meters': 'm²', 'square metres': 'm²', 'square meter': 'm²', 'square metre': 'm²',
  'sq m': 'm²', 'sqm': 'm²', 'm²': 'm²', 'm2': 'm²', 'square feet': 'sq ft', 'square foot': 'sq ft',
  'sq ft': 'sq ft', 'sq. ft.': 'sq ft', 'sq. ft': 'sq ft', 'hectares': 'ha', 'hectare': 'ha', 'ha': 'ha',
  'acres': 'acres', 'acre': 'acres',
  // volume
  'cubic feet': 'cu ft', 'cubic foot': 'cu ft', 'cubic meters': 'm³', 'cubic metres': 'm³', 'm³': 'm³',
  'litres': 'l', 'liters': 'l', 'litre': 'l', 'liter': 'l', 'ml': 'ml', 'millilitres': 'ml',
  'milliliters': 'ml', 'gallons': 'gallons', 'gallon': 'gallons', 'barrels': 'barrels', 'barrel': 'barrels',
  'barrels of oil': 'barrels', 'bpd': 'barrels per day', 'barrels per day': 'barrels per day',
  'barrel-a-day': 'barrels per day', 'barrels a day': 'barrels per day', 'tcf': 'tcf',
  'bcm': 'bcm', 'cubic metres of gas': 'm³',
  // length
  'kilometers': 'km', 'kilometres': 'km', 'kilometer': 'km', 'kilometre': 'km', 'km': 'km', 'kms': 'km',
  'meters': 'm', 'metres': 'm', 'meter': 'm', 'metre': 'm', 'centimeters': 'cm', 'centimetres': 'cm',
  'centimeter': 'cm', 'centimetre': 'cm', 'cm': 'cm', 'millimeters': 'mm', 'millimetres': 'mm',
  'millimeter': 'mm', 'millimetre': 'mm', 'mm': 'mm', 'micrometers': 'µm', 'micrometres': 'µm',
  'microns': 'µm', 'micron': 'µm', 'μm': 'µm', 'µm': 'µm', 'nanometers': 'nm', 'nanometres': 'nm',
  'nanometer': 'nm', 'nanometre': 'nm', 'nm': 'nm', 'miles': 'miles', 'mile': 'miles', 'mi': 'miles',
  'nautical miles': 'nautical miles', 'yards': 'yards', 'yard': 'yards', 'yds': 'yards', 'feet': 'feet',
  'foot': 'feet', 'ft': 'feet', 'inches': 'inches', 'inch': 'inches', '″': 'inches', 'light-years': 'light-years',
  'light years': 'light-years',
  // mass
  'kilograms': 'kg', 'kilogram': 'kg', 'kilos': 'kg', 'kilo': 'kg', 'kg': 'kg', 'kgs': 'kg', 'grams': 'g',
  'gram': 'g', 'milligrams': 'mg', 'milligram': 'mg', 'mg': 'mg', 'micrograms': 'µg', 'tonnes': 't',
  'tonne': 't', 'metric tons': 't', 'metric tonnes': 't', 'tons': 'tons', 'ton': 'tons', 'lbs': 'lb',
  'lb': 'lb', 'ounces': 'oz', 'ounce': 'oz', 'oz': 'oz', 'carats': 'carats',
  // speed
  'mph': 'mph', 'miles per hour': 'mph', 'miles an hour': 'mph', 'km/h': 'km/h', 'km/hr': 'km/h',
  'kph': 'km/h', 'kmh': 'km/h', 'kilometers per hour': 'km/h', 'kilometres per hour': 'km/h',
  'kilometres an hour': 'km/h', 'kilometers an hour': 'km/h', 'knots': 'knots', 'm/s': 'm/s',
  'mpg': 'mpg', 'miles per gallon': 'mpg', 'rpm': 'rpm',
  // energy, power, electricity
  'kilowatts': 'kW', 'kilowatt': 'kW', 'kw': 'kW', 'megawatts': 'MW', 'megawatt': 'MW', 'mw': 'MW',
  'gigawatts': 'GW', 'gigawatt': 'GW', 'gw': 'GW', 'watts': 'W', 'watt': 'W', 'kwh': 'kWh',
  'kilowatt-hours': 'kWh', 'kilowatt hours': 'kWh', 'mwh': 'MWh', 'megawatt-hours': 'MWh', 'gwh': 'GWh',
  'gigawatt-hours': 'GWh', 'gigawatt hours': 'GWh', 'twh': 'TWh', 'terawatt-hours': 'TWh',
  'horsepower': 'hp', 'hp': 'hp', 'bhp': 'hp', 'volts': 'V', 'volt': 'V', 'kv': 'kV', 'amps': 'A',
  'mah': 'mAh', 'hz': 'Hz', 'hertz': 'Hz', 'khz': 'kHz', 'mhz': 'MHz', 'ghz': 'GHz', 'nm torque': 'Nm',
  'newton-metres': 'Nm', 'newton metres': 'Nm', 'lb-ft': 'lb-ft', 'pound-feet': 'lb-ft',
  'calories': 'kcal', 'kcal': 'kcal', 'megatons': 'Mt', 'kilotons': 'kt', 'btu': 'BTU', 'mmbtu': 'MMBtu',
  // data
  'gigabytes': 'GB', 'gigabyte': 'GB', 'gb': 'GB', 'megabytes': 'MB', 'mb': 'MB', 'terabytes': 'TB',
  'tb': 'TB', 'kilobytes': 'KB', 'kb': 'KB', 'gbps': 'Gbps', 'mbps': 'Mbps', 'megapixels': 'MP', 'mp': 'MP',
  // temperature and angles
  'degrees celsius': '°C', 'degrees centigrade': '°C', 'degree celsius': '°C', '°c': '°C', 'celsius': '°C',
  'degrees fahrenheit': '°F', 'degree fahrenheit': '°F', '°f': '°F', 'fahrenheit': '°F',
  'degrees': 'degrees', 'degree': 'degrees', '°': 'degrees',
  // concentration, pressure, sound, radiation
  'ppm': 'ppm', 'parts per million': 'ppm', 'ppb': 'ppb', 'parts per billion': 'ppb', 'psi': 'psi',
  'gigapascals': 'GPa', 'gpa': 'GPa', 'decibels': 'dB', 'db': 'dB', 'millisieverts': 'mSv', 'msv': 'mSv',
  'mg/l': 'mg/l',
  // time (durations)
  'milliseconds': 'ms', 'ms': 'ms', 'seconds': 'seconds', 'second': 'seconds', 'secs': 'seconds',
  'sec': 'seconds', 'minutes': 'minutes', 'minute': 'minutes', 'mins': 'minutes', 'min': 'minutes',
  'hours': 'hours', 'hour': 'hours', 'hrs': 'hours', 'hr': 'hours', 'days': 'days', 'day': 'days',
  'nights': 'nights', 'night': 'nights', 'weeks': 'weeks', 'week': 'weeks', 'months': 'months',
  'month': 'months', 'years': 'years', 'year': 'years', 'yrs': 'years', 'decades': 'decades',
  'decade': 'decades', 'centuries': 'centuries', 'century': 'centuries', 'quarters': 'quarters',
  'seasons': 'seasons', 'season': 'seasons',
  // ages: "a 50 year-old man", "a 2,900 year-old site"
  'year-old': 'years old', 'years-old': 'years old', 'years old': 'years old', 'year old': 'years old',
  'month-old': 'months old', 'months old': 'months old', 'week-old': 'weeks old', 'day-old': 'days old',
  'million-year-old': 'million years old',
  // ratios
  'times': 'times', 'fold': 'times', '-fold': 'times',
  // scores and market indices
  'points': 'points', 'point': 'points', 'pts': 'points',
};

/**
 * Unit symbols matched case-sensitively, because lower- or upper-case they are ordinary words or
 * other units: "W" (watts, not "w"), "A" (amps, not "a"), "V", "F" (farads, not "f"), "C"/"F" as
 * temperature scales after a number ("12 C"), "G" ("5G" is a network, left out), "mL", "g" (grams only
 * when glued to the digits: "45g"), "m" (metres only when glued: "37m"), "p" (pence: "118.5p"), "s".
 */
export const CASED_UNITS: Readonly<Record<string, { unit: string; glued: boolean }>> = {
  W: { unit: 'W', glued: false }, kW: { unit: 'kW', glued: false }, MW: { unit: 'MW', glued: false },
  GW: { unit: 'GW', glued: false }, V: { unit: 'V', glued: false }, A: { unit: 'A', glued: true },
  mL: { unit: 'ml', glued: false }, C: { unit: '°C', glued: false }, F: { unit: '°F', glued: true },
  g: { unit: 'g', glued: true }, m: { unit: 'm', glued: true }, p: { unit: 'p', glued: true },
  PS: { unit: 'hp', glued: false }, Nm: { unit: 'Nm', glued: false }, l: { unit: 'l', glued: true },
  L: { unit: 'l', glued: true }, s: { unit: 'seconds', glued: false }, h: { unit: 'hours', glued: true },
  t: { unit: 't', glued: true }, lbs: { unit: 'lb', glued: false }, GB: { unit: 'GB', glued: false },
  TB: { unit: 'TB', glued: false }, MB: { unit: 'MB', glued: false },
};

/** The second half of a compound unit: "$ per barrel", "$3500 a month", "10.4 cents per share". */
export const PER_WORDS = new Set(['per', 'a', 'an', 'each', '/']);

// ---------------------------------------------------------------- numbers that are not figures

/** Phone numbers ("(555) 123-4567", "+44 20 7946 0958") are never figures: their digits are skipped. */
export const PHONE = /(?:\+\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\+\d{1,3}(?:[\s.-]\d{2,4}){2,4}\b/g;
/** "Group of 20", "Group of Seven": names. */
export const GROUP_OF = /\b(?:Group|Club) of (?:\d+|Seven|Eight|Twenty)\b/g;


/** Month names and abbreviations: a number next to one is a day or a year ("July 6", "29 October"). */
export const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Words after which a number from 1000 to 2100 is a year even without a comma ("in 1907", "since 1991"). */
export const YEAR_CONTEXT = new Set([
  'in', 'since', 'from', 'between', 'by', 'until', 'till', 'through', 'of', 'circa', 'during', 'before',
  'after', 'year', 'and', 'to', 'early', 'late', 'mid', 'summer', 'spring', 'autumn', 'fall', 'winter',
  'around', 'c', 'ca',
]);

/**
 * Words after which a number is a name or a label, not a figure: "No. 1", "number 10", "Game 7",
 * "category 4", "Channel 5", "route 66", "chapter 11", "page 3", "flight 370", "room 101", "grade 9".
 */
export const LABEL_BEFORE = new Set([
  'no', 'no.', 'nos', 'number', '#', 'game', 'category', 'channel', 'route', 'chapter', 'page', 'flight',
  'room', 'grade', 'level', 'phase', 'stage', 'section', 'article', 'act', 'episode', 'season', 'week',
  'day', 'round', 'lane', 'gate', 'platform', 'district', 'ward', 'unit', 'apartment', 'suite', 'highway',
  'interstate', 'exit', 'pier', 'terminal', 'version', 'v', 'model', 'type', 'class', 'tier', 'division',
  'group', 'figure', 'fig', 'table', 'step', 'item', 'paragraph', 'clause', 'resolution', 'title', 'vol',
  'volume', 'issue', 'part', 'series', 'psalm', 'verse', 'line', 'row', 'box', 'block', 'sector', 'zone',
  'area', 'camp', 'base', 'hangar', 'bay', 'dock', 'track', 'cell', 'bus', 'train', 'covid', 'covid-',
  'magnitude',
]);

/**
 * Pronoun uses of "one" are not counts: "the same one", "no one", "one another", "this one".
 * Checked on the word before / after "one".
 */
export const ONE_PRONOUN_BEFORE = new Set([
  'no', 'any', 'every', 'each', 'the', 'this', 'that', 'which', 'another', 'same', 'someone', 'anyone',
  'everyone', 'only', 'last', 'first', 'next', 'new', 'old', 'big', 'little', 'right', 'wrong', 'good',
  'bad', 'such',
]);
export const ONE_PRONOUN_AFTER = new Set(['another', 'day', 'time', 'way', 'thing', 'hand', 'side', 'point']);

// ---------------------------------------------------------------- the counted noun

/**
 * Function words that end the noun phrase after a number ("12,000 troops to Russia"), used with or
 * without part-of-speech tags; tags catch the verbs ("seven European countries conducted ...").
 */
export const NP_STOP = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'without', 'into', 'onto',
  'and', 'or', 'but', 'nor', 'so', 'yet', 'as', 'than', 'that', 'which', 'who', 'whom', 'whose', 'what',
  'when', 'where', 'while', 'if', 'because', 'since', 'after', 'before', 'until', 'during', 'over',
  'under', 'above', 'below', 'between', 'among', 'across', 'against', 'about', 'around', 'per', 'each',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will',
  'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'it', 'its', 'they', 'them',
  'their', 'he', 'him', 'his', 'she', 'her', 'we', 'us', 'our', 'you', 'your', 'i', 'me', 'my', 'this',
  'these', 'those', 'there', 'here', 'then', 'now', 'also', 'only', 'just', 'even', 'still',
  'most', 'least', 'very', 'too', 'not', 'no', 'ago', 'earlier', 'later', 'apiece', 'each',
  'respectively', 'overall', 'altogether', 'total', 'worth', 'long', 'wide', 'deep', 'high', 'tall',
  'old', 'away', 'off', 'out', 'up', 'down', 'back', 'left', 'ahead', 'behind', 'via', 'like', 'unlike',
  'including', 'excluding', 'plus', 'minus', 'versus', 'vs', 'vs.', 'through', 'throughout', 'toward',
  'towards', 'upon', 'within', 'beyond', 'near', 'next', 'last', 'this', 'every', 'all', 'both', 'either',
  'neither', 'some', 'any', 'many', 'much', 'such', 'own', 'same', 'another', 'again', 'already',
  'yesterday', 'today', 'tomorrow', 'tonight', 'instead', 'however', 'according', 'ended', 'ending',
  'compared', 'versus', 'times', 'percent',
]);

/**
 * Adjectives dropped from the front of a counted noun ("3,000 additional troops" → troops), for when
 * part-of-speech tags are off or say NOUN. Suffixes catch most ("eligible", "commercial", "different").
 */
export const NP_ADJECTIVES = new Set([
  'new', 'old', 'additional', 'extra', 'further', 'more', 'fewer', 'less', 'other', 'top', 'big', 'small', 'large', 'major',
  'minor', 'key', 'total', 'few', 'many', 'several', 'straight', 'previous', 'first', 'last', 'next',
  'same', 'high', 'low', 'young', 'senior', 'junior', 'full', 'long', 'short', 'wide', 'best', 'worst',
  'good', 'bad', 'great', 'record', 'recorded', 'confirmed', 'reported', 'registered', 'unnamed',
  'separate', 'distinct', 'known', 'estimated', 'remaining', 'active', 'armed', 'wounded', 'injured',
  'missing', 'dead', 'fresh', 'former', 'current', 'potential', 'possible', 'likely', 'only', 'whole',
  'entire', 'average', 'median', 'typical', 'main', 'real', 'actual', 'individual', 'single', 'double',
  'daily', 'weekly', 'monthly', 'annual', 'yearly', 'key', 'prime', 'so-called',
]);
export const ADJECTIVE_SUFFIXES = /(?:al|ous|ive|ful|ic|able|ible|ary|less|ish|ant|ent|est|ier|ese|ian|ern)$/;

/** Plurals that do not end in -s: the counted noun stops at the first plural ("troops", "people"). */
export const IRREGULAR_PLURALS = new Set([
  'people', 'men', 'women', 'children', 'feet', 'teeth', 'mice', 'geese', 'police', 'personnel', 'staff',
  'cattle', 'livestock', 'sheep', 'deer', 'fish', 'aircraft', 'data', 'offspring', 'clergy', 'folk',
]);
/** Words ending in -s that are not plural nouns. */
export const NOT_PLURAL = /(?:ss|us|is|ous|'s|’s|ics)$|^(?:as|has|was|is|its|this|thus|yes|plus|always|perhaps|less|across|unless|news|series|species|headquarters|whereas|besides|towards|afterwards|sometimes)$/;

// ---------------------------------------------------------------- period (time the figure covers)

const MONTH_RE = String.raw`(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)`;
const YEAR_RE = String.raw`(?:1[6-9]\d\d|20\d\d)`;
const REL_YEAR_RE = String.raw`(?:last|this|next|the previous|the following) year`;
const POINT_RE = String.raw`(?:${MONTH_RE}(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+(?:${YEAR_RE}|${REL_YEAR_RE}))?|\d{1,2}\s+${MONTH_RE}(?:\s+${YEAR_RE})?|${YEAR_RE}|${REL_YEAR_RE}|(?:early|mid|late)[- ]${YEAR_RE}|the (?:start|end|beginning) of (?:${YEAR_RE}|${REL_YEAR_RE}|the year))`;
const COUNT_RE = String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a|a few|few|several|a couple of|a number of|many)`;
const SPAN_UNIT_RE = String.raw`(?:days?|weeks?|months?|years?|decades?|quarters?|hours?|sessions?|seasons?)`;
const SEASON_RE = String.raw`(?:spring|summer|fall|autumn|winter)`;

/**
 * The phrases that say what time a figure covers, tried on its sentence; the one nearest to the
 * figure wins. Each is a regular expression source (case-insensitive, whole words).
 */
export const PERIOD_PATTERNS: ReadonlyArray<readonly [name: string, source: string]> = [
  // "between August 2023 and January 2024"
  ['between', String.raw`between ${POINT_RE} and ${POINT_RE}`],
  // "from August last year to January 2024"
  ['from-to', String.raw`from ${POINT_RE} (?:to|until|till|through|thru) ${POINT_RE}`],
  // "in the span of one week", "over the course of two days"
  ['span', String.raw`(?:in|over|during|within) the (?:span|course) of (?:${COUNT_RE} )?${SPAN_UNIT_RE}`],
  // "in the last few months", "over the past three years", "in the first six months"
  ['last-n', String.raw`(?:in|over|during|within|for|throughout) the (?:last|past|previous|next|coming|first|following|preceding|final) (?:${COUNT_RE} )?${SPAN_UNIT_RE}`],
  // "$1.2 trillion over 10 years", "within two weeks"
  ['over-n', String.raw`(?:over|within|during) (?:${COUNT_RE} )${SPAN_UNIT_RE}`],
  // "the past two years" without a preposition
  ['past-n', String.raw`(?:the )?(?:past|last) (?:${COUNT_RE} )${SPAN_UNIT_RE}`],
  // "for the year ending Oct. 31", "in the quarter ended June 30"
  ['ending', String.raw`(?:for|in) the (?:fiscal )?(?:year|quarter|month|week|half|period|six months|three months|nine months) (?:ending|ended|to|through) ${MONTH_RE}(?:\s+\d{1,2})?(?:,?\s+${YEAR_RE})?`],
  // "in the first quarter", "in the fourth quarter of 2019", "in the first half"
  ['quarter', String.raw`(?:in|during|for) (?:the )?(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last) (?:quarter|half)(?: of (?:${YEAR_RE}|${REL_YEAR_RE}|the year))?`],
  // "last fall", "earlier this year", "late last year", "so far this year"
  ['relative', String.raw`(?:(?:earlier|later|early|late|so far|since the start of|at the start of|at the end of) )?(?:last|this|next|the previous|the past) (?:${SEASON_RE}|year|month|week|quarter|decade|season)`],
  ['year-ago', String.raw`(?:a|one) year (?:ago|earlier|before)|year[- ](?:over|on)[- ]year|a year earlier`],
  // "in June 2024", "since February 2022", "by 2030", "in 2023", "in the summer of 2023"
  ['point', String.raw`(?:in|since|by|during|until|through|throughout|for|as of) (?:(?:early|mid|late)[- ])?(?:${POINT_RE}|the (?:${SEASON_RE}|spring) of ${YEAR_RE}|${SEASON_RE} ${YEAR_RE})`],
  // "in the autumn", "this summer"
  ['season', String.raw`(?:in|during|over) the ${SEASON_RE}`],
];

// ---------------------------------------------------------------- attribution (who says so)

/**
 * Reporting verbs: the words before one, back to the start of the clause, name the source
 * ("South Korean intelligence suggests that ...", "US, South Korean and Ukraine intelligence officials
 * earlier said ..."). Also matched after the figure (", the ministry said").
 */
export const REPORTING_VERBS = new Set([
  'said', 'says', 'say', 'reported', 'reports', 'report', 'estimated', 'estimates', 'estimate',
  'suggests', 'suggested', 'suggest', 'believes', 'believed', 'believe', 'claimed', 'claims', 'claim',
  'told', 'tells', 'stated', 'states', 'announced', 'announces', 'found', 'finds', 'showed', 'shows',
  'show', 'indicates', 'indicated', 'indicate', 'warned', 'warns', 'warn', 'noted', 'notes', 'added',
  'predicts', 'predicted', 'predict', 'forecasts', 'forecast', 'projects', 'projected', 'calculated',
  'calculates', 'counted', 'counts', 'confirmed', 'confirms', 'alleged', 'alleges', 'acknowledged',
  'wrote', 'writes', 'tallied', 'revealed', 'reveals', 'disclosed', 'discloses', 'assessed', 'assesses',
  'put', 'puts', 'recorded', 'records', 'documented', 'documents', 'concluded', 'concludes',
  'argued', 'argues', 'insisted', 'insists', 'maintains', 'maintained', 'expects', 'expected', 'thinks',
  'according',
]);

/**
 * Words that may sit between a source and its verb ("officials earlier said", "Tesla says", "Dell on
 * Monday announced") and are skipped when looking back for the source.
 */
export const SOURCE_GAP_WORDS = new Set([
  'earlier', 'recently', 'also', 'previously', 'have', 'has', 'had', 'now', 'later', 'separately',
  'further', 'first', 'initially', 'originally', 'reportedly', 'repeatedly', 'publicly', 'privately',
  'officially', 'once', 'again', 'then', 'last', 'week', 'month', 'year', 'this', 'on', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today',
  'would', 'will', 'may', 'might', 'could', 'did', 'does', 'do', 'widely', 'long', 'still', 'themselves',
]);

/** Words that end a source when looking back from a reporting verb. */
export const SOURCE_STOP = new Set([
  'that', 'which', 'who', 'but', 'and', 'when', 'while', 'if', 'as', 'because', 'since', 'after',
  'before', 'so', 'then', 'however', 'although', 'though', 'whereas', 'where', 'yet', 'meanwhile',
  'also', 'still', 'what', 'how', 'why', 'whether', 'than', 'in', 'on', 'at', 'to', 'for', 'with',
  'from', 'by', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'not', 'it',
]);

/** Sources that are pronouns or empty words are not attributions ("he said", "it is believed"). */
export const NON_SOURCES = new Set([
  'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'there', 'one', 'who', 'which', 'some',
  'others', 'many', 'most', 'all', 'both', 'each', 'him', 'her', 'them', 'us', 'his', 'their',
]);

/** Sources that are real but anonymous ("reports indicate", "reportedly"): used only when no named one. */
export const GENERIC_SOURCES = /^(?:reports?|media reports?|sources?|officials?|analysts?|experts?|estimates?|studies|data|figures|statistics|observers|critics|scientists|researchers|it is (?:believed|estimated|thought|reported|said))$/i;

/** Prepositions: a phrase after one is an object ("workers in the United Kingdom"), never a source. */
export const PREPOSITIONS = new Set(['in', 'on', 'at', 'to', 'for', 'with', 'from', 'by', 'of', 'into', 'about', 'than']);
/** Joiners allowed inside a name: "Center for Advanced Defense Studies", "US, South Korean and Ukraine". */
export const NAME_JOINERS = new Set(['and', 'of', 'for', 'de', 'the', '&', ',']);
/** Abbreviations whose full stop does not end a name: "Rep. Chris Van Hollen", "Sen. Dick Durbin". */
export const TITLE_ABBREVIATIONS = /^(?:Rep|Reps|Sen|Sens|Gov|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Capt|Sgt|Adm|St|Jr|Sr|Prof|Rev|Hon|Pres|Supt|Insp|Maj|Cmdr|Atty|[A-Z])$/;
/** Verbs after which a capitalised name is the speaker: `"...," said Montana`. */
export const INVERTED_VERBS = new Set(['said', 'says', 'added', 'wrote', 'noted', 'stated', 'reported']);
/** Phrases after which a source follows: "according to X", "as reported by X", "citing X". */
export const FORWARD_CUES: ReadonlyArray<readonly string[]> = [
  ['according', 'to'], ['reported', 'by'], ['cited', 'by'], ['quoted', 'by'], ['citing'], ['as', 'per'],
  ['estimates', 'by'], ['estimates', 'from'], ['data', 'from'], ['figures', 'from'], ['a', 'report', 'by'],
  ['a', 'study', 'by'], ['a', 'survey', 'by'], ['an', 'analysis', 'by'], ['a', 'report', 'from'],
];
/** Reporting verbs that are also common nouns. */
export const NOUN_OR_VERB = new Set([
  'report', 'reports', 'estimate', 'estimates', 'claim', 'claims', 'count', 'counts', 'record', 'records',
  'forecast', 'forecasts', 'project', 'projects', 'show', 'shows', 'state', 'states', 'note', 'notes',
  'find', 'finds', 'put', 'puts', 'document', 'documents', 'say', 'says', 'warn',
]);

/** Adverbs that credit an unnamed source. */
export const ANONYMOUS_ADVERBS: Readonly<Record<string, string>> = {
  reportedly: 'reportedly', allegedly: 'allegedly', purportedly: 'purportedly', supposedly: 'supposedly',
};
