/**
 * Unit spellings: the canonical unit a figure reports, and `unitKey` / `unitsMatch`, a lenient
 * comparison of two unit strings (case, plural, synonyms, modifiers) used to group figures and by the
 * NewsQuant evaluation.
 */
import { CURRENCY_PREFIXES, CURRENCY_SUFFIXES, IRREGULAR_PLURALS, UNITS } from './rules.ts';

/**
 * Extra spellings met only when comparing units written by others: NewsQuant's `normalized_unit`
 * names ("kilometre per hour", "pound-mass", "year of age") and the currency names behind the symbols.
 * Each maps to the canonical unit of `UNITS` or to a currency symbol.
 */
const ALIASES: Readonly<Record<string, string>> = {
  'percentage': '%', 'pound-mass': 'lb', 'pound': 'lb', 'pounds': 'lb', 'pound-foot': 'lb-ft',
  'foot pound-force': 'lb-ft', 'newton metre': 'Nm', 'newton meter': 'Nm', 'nm': 'Nm',
  'brake horsepower': 'hp', 'revolutions per minute': 'rpm', 'parts-per-billion': 'ppb',
  'parts-per-million': 'ppm', 'milliampere-hour': 'mAh', 'milliampere hour': 'mAh',
  'kilowatt hour': 'kWh', 'megawatt hour': 'MWh', 'gigawatt hour': 'GWh', 'terawatt hour': 'TWh',
  'mega british thermal unit': 'MMBtu', 'british thermal unit': 'BTU', 'square metre': 'm²',
  'square meter': 'm²', 'square kilometre': 'km²', 'square mile': 'sq mi', 'square foot': 'sq ft',
  'cubic foot': 'cu ft', 'cubic metre': 'm³', 'ampere': 'A', 'amp': 'A', 'farad': 'F', 'watt': 'W',
  'volt': 'V', 'hertz': 'Hz', 'gigabyte': 'GB', 'megabyte': 'MB', 'terabyte': 'TB', 'bit': 'bits',
  'micrometre': 'µm', 'micrometer': 'µm', 'millilitre': 'ml', 'milliliter': 'ml', 'milligram': 'mg',
  'litre': 'l', 'liter': 'l', 'gigapascal': 'GPa', 'decibel': 'dB', 'degree celsius': '°C',
  'degree fahrenheit': '°F', 'year of age': 'years old', 'month of age': 'months old',
  'week of age': 'weeks old', 'count': 'times', 'kilometre per hour': 'km/h', 'kilometer per hour': 'km/h',
  'mile per hour': 'mph', 'mile per gallon': 'mpg', 'metre per second': 'm/s', 'barrel per day': 'barrels per day',
  'h': 'hours', 'hr': 'hours', 's': 'seconds', 'sec': 'seconds', 'min': 'minutes', 'kilowatt': 'kW',
  'megawatt': 'MW', 'gigawatt': 'GW', 'horsepower': 'hp', 'ps': 'hp', 'mah': 'mAh', 'gpa': 'GPa',
  'us': 'US$', 'us$': 'US$', '$us': 'US$', '$ us': 'US$', 'us $': 'US$', 'united states dollar': 'US$',
  'us dollar': 'US$', 'japanese yen': '¥', 'y': '¥', 'y=': '¥', 'pound sterling': '£', 'pounds sterling': '£',
  'malaysian ringgit': 'RM', 'rm': 'RM', 'australian dollar': 'A$', '$a': 'A$', 'a$': 'A$',
  'hong kong dollar': 'HK$', 'hk$': 'HK$', 'danish krone': 'kr', 'swedish krona': 'kr',
  'norwegian krone': 'kr', 'euro': '€', 'eur': '€', 'sen': 'sen', 'cent': '¢', 'penny': 'p', 'pence': 'p',
  'croatian kuna': 'kn', 'kuna': 'kn', 'kn': 'kn', 'dollar': '$', 'usd': 'US$',
};

/** Currency symbols that all mean "dollar" to a lenient comparison (news rarely says which). */
const DOLLARS = new Set(['$', 'US$']);

/** Dimension words that qualify a length without changing its unit: "90 miles wide", "121ft-long". */
const DIMENSION = /(?:[\s-](?:wide|long|deep|high|tall|thick|away|across|in diameter|in length|apart))+$/;

/** Singular form of an English plural noun, good enough for unit heads ("shells", "bosses", "feet"). */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (w === 'feet') return 'foot';
  if (w === 'people') return 'people';
  if (w === 'men' || w === 'women') return w.replace(/men$/, 'man');
  if (w === 'children') return 'child';
  if (w === 'teeth') return 'tooth';
  if (IRREGULAR_PLURALS.has(w)) return w;
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && /(?:ches|shes|sses|xes|zes|oes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** Every canonical unit and currency symbol maps to itself ("¢", "V", "km²"). */
const CANONICAL = new Set<string>([...Object.values(UNITS), ...Object.values(CURRENCY_PREFIXES), ...Object.values(CURRENCY_SUFFIXES), ...Object.values(ALIASES)]);

/** The canonical unit of one unit spelling, or null when no table knows it. */
export function canonicalUnit(spelling: string): string | null {
  const s = spelling.trim();
  if (CANONICAL.has(s)) return s;
  const lower = s.toLowerCase().replace(/\s+/g, ' ');
  return UNITS[lower] ?? CURRENCY_PREFIXES[s] ?? CURRENCY_SUFFIXES[lower] ?? ALIASES[lower]
    ?? UNITS[lower + 's'] ?? CURRENCY_SUFFIXES[lower + 's'] ?? ALIASES[lower.replace(/s$/, '')] ?? null;
}

function partKey(part: string): string {
  let p = part.trim().replace(/^%\s+/, '').replace(/\s+of\s.*$/, '').replace(DIMENSION, '').trim();
  if (!p || p === '-') return '';
  const known = canonicalUnit(p);
  if (known) return DOLLARS.has(known) ? '$' : known;
  // Modifiers before a counted noun do not change what is counted: compare the words, singular.
  p = p.replace(/[-‐]/g, ' ').replace(/[^\p{L}\p{N}$%€£¥ ]/gu, '').trim();
  return p.split(/\s+/).map(singular).join(' ');
}

/**
 * A comparable form of a unit: lower case, singular, synonyms merged ("percent" = "%" = "per cent",
 * "USD" = "$" = "dollars", "kilometres per hour" = "km/h"), parts of a rate joined by " per ".
 * Null or "-" (no unit) gives "".
 */
export function unitKey(unit: string | null | undefined): string {
  if (!unit) return '';
  const u = unit.trim().replace(/\s+/g, ' ');
  if (u === '-' || u === '') return '';
  const whole = canonicalUnit(u);
  if (whole) return DOLLARS.has(whole) ? '$' : whole;
  const parts = u.split(/\s+(?:per|a|an|each)\s+|\s*\/\s*(?=[\p{L}])/u);
  const keys = parts.map(partKey).filter((k) => k !== '');
  if (keys.length === 2) {
    // A rate whose two parts are known units may have a name of its own ("mile per hour" = "mph").
    const named = canonicalUnit(`${keys[0]} per ${keys[1]}`) ?? RATE_NAMES[`${keys[0]}/${keys[1]}`];
    if (named) return named;
  }
  return keys.join(' per ');
}

/** Rates with a name of their own, by canonical parts. */
const RATE_NAMES: Readonly<Record<string, string>> = {
  'km/hours': 'km/h', 'miles/hours': 'mph', 'miles/gallons': 'mpg', 'm/seconds': 'm/s',
  'barrels/days': 'barrels per day', 'revolution/minutes': 'rpm',
};

/**
 * Lenient unit comparison: the same key, or the same head noun once modifiers are dropped ("3,000
 * additional troops" ~ "troops", "different bosses" ~ "bosses", "pound-feet of torque" ~ "pound-feet").
 * Rates must agree part by part. Both empty (no unit) match.
 */
export function unitsMatch(a: string | null | undefined, b: string | null | undefined): boolean {
  const ka = unitKey(a);
  const kb = unitKey(b);
  if (ka === kb) return true;
  if (!ka || !kb) return false;
  const pa = ka.split(' per ');
  const pb = kb.split(' per ');
  if (pa.length !== pb.length) return false;
  return pa.every((x, i) => {
    const y = pb[i]!;
    if (x === y) return true;
    const hx = x.split(' ').at(-1)!;
    const hy = y.split(' ').at(-1)!;
    return hx === hy || canonicalUnit(hx) !== null && canonicalUnit(hx) === canonicalUnit(hy);
  });
}
