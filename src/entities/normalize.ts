/**
 * Normalisation of names into comparison keys.
 *
 * `nameKey` is what two spellings of one name share: case, diacritics, hyphens, dots, apostrophes,
 * a leading "the", a possessive, a legal suffix ("Inc.") and a trailing generic place noun
 * ("region") do not matter, and table aliases map to one name ("DPRK" → "north korea").
 * `translitKey` is looser, for names transliterated from other scripts: "Zelenskyy" / "Zelensky" /
 * "Zelenskiy" and "Syrskyi" / "Syrsky" share it.
 */
import { INITIALS_SKIP, LEGAL_SUFFIXES, PLACE_ACRONYMS, PLACE_ALIASES, TRAILING_PLACE_NOUNS } from './tables.ts';

/** Lowercase, no diacritics, no dots, hyphens and apostrophes as separators, single spaces. */
export function plainKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/\./g, '')
    .replace(/[-‐‑–—_'"“”()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The comparison key of a name (see the module comment). */
export function nameKey(text: string): string {
  // Alias tables are keyed on the plain lowercase form with dots ("u.s.") and without ("us").
  const lower = text.toLowerCase().replace(/[’‘]/g, "'").replace(/^the\s+/, '').trim();
  const direct = PLACE_ALIASES[lower];
  if (direct) return plainKey(direct);
  let words = plainKey(text).split(' ').filter(Boolean);
  if (words[0] === 'the' && words.length > 1) words = words.slice(1);
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1]!)) words = words.slice(0, -1);
  if (words.length > 1 && TRAILING_PLACE_NOUNS.has(words[words.length - 1]!)) words = words.slice(0, -1);
  // A country acronym leading a longer name is the country: "US Air Force" = "United States Air Force".
  if (words.length > 1 && PLACE_ACRONYMS.has(words[0]!)) words = [...plainKey(PLACE_ALIASES[words[0]!]!).split(' '), ...words.slice(1)];
  const key = words.join(' ');
  const alias = PLACE_ALIASES[key];
  return alias ? plainKey(alias) : key;
}

/** A looser key for transliterated names: doubled letters and -iy/-yi/-yy/-ij endings folded. */
export function translitKey(key: string): string {
  return key
    .split(' ')
    .map((w) =>
      w
        .replace(/(iy|yi|yy|ij|ii|y)$/u, 'y')
        .replace(/(.)\1+/gu, '$1')
        .replace(/kh/g, 'h')
        .replace(/ts/g, 'c'),
    )
    .join(' ');
}

/** Initials of the capitalised content words of a name ("Korean Central News Agency" → "kcna"). */
export function initials(name: string, withFunctionWords = false): string {
  const out: string[] = [];
  for (const w of name.split(/[\s-]+/)) {
    if (!w) continue;
    const lw = w.toLowerCase();
    if (!withFunctionWords && INITIALS_SKIP.has(lw)) continue;
    const c = w.charAt(0);
    if (/\p{L}/u.test(c)) out.push(c.toLowerCase());
  }
  return out.join('');
}

/**
 * Whether `acronym` abbreviates `name`: its letters are the name's word initials (with or without
 * "of"/"for"). When the text defines it ("Center for Advanced Defense Studies (C4ADS)", `defined`),
 * looser: the first letters agree and the acronym's letters are initials in order, or it is short
 * ("Singapore Airlines (SIA)").
 */
export function abbreviates(acronym: string, name: string, defined = false): boolean {
  const letters = acronym.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return false;
  const strict = initials(name);
  const withFn = initials(name, true);
  if (letters === strict || letters === withFn) return true;
  if (!defined || letters[0] !== withFn[0]) return false;
  let k = 0;
  for (const ch of withFn) if (k < letters.length && ch === letters[k]) k++;
  return k === letters.length || letters.length <= 4;
}
