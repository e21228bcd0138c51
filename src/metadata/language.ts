/**
 * Language identification with franc (trigram profiles, ships its data: no download). franc answers
 * in ISO 639-3; the report uses ISO 639-1, so the languages franc knows that have a 639-1 code are
 * mapped here (codes from ISO 639-2/RA's table).
 */
import { franc } from 'franc';

/** Below this many characters franc's guesses are unreliable (its own docs use 10 as a floor; news needs more). */
export const MIN_LANGUAGE_CHARS = 60;
/** Only the first part of a long text is needed to identify its language; bounds the cost. */
const SAMPLE_CHARS = 1200;

const ISO6393_TO_1: Record<string, string> = {
  eng: 'en', deu: 'de', fra: 'fr', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', rus: 'ru', ukr: 'uk', pol: 'pl',
  ces: 'cs', slk: 'sk', slv: 'sl', hrv: 'hr', srp: 'sr', bos: 'bs', bul: 'bg', mkd: 'mk', ron: 'ro', hun: 'hu',
  fin: 'fi', swe: 'sv', dan: 'da', nob: 'nb', nno: 'nn', isl: 'is', est: 'et', lav: 'lv', lit: 'lt', ell: 'el',
  tur: 'tr', ara: 'ar', arb: 'ar', heb: 'he', pes: 'fa', urd: 'ur', hin: 'hi', ben: 'bn', tam: 'ta', tel: 'te',
  mar: 'mr', guj: 'gu', pan: 'pa', kan: 'kn', mal: 'ml', tha: 'th', vie: 'vi', ind: 'id', zlm: 'ms', msa: 'ms',
  cmn: 'zh', jpn: 'ja', kor: 'ko', cat: 'ca', eus: 'eu', glg: 'gl', cym: 'cy', gle: 'ga', sqi: 'sq', als: 'sq',
  bel: 'be', kaz: 'kk', uzn: 'uz', azj: 'az', hye: 'hy', kat: 'ka', swh: 'sw', afr: 'af', tgl: 'tl', epo: 'eo',
};

/**
 * franc compares the sample with every language it knows (187); only those we can report matter, so
 * it is asked about them alone. A language outside the list came out as null before and still does
 * (or as its nearest listed neighbour); the cost falls by the share of languages skipped.
 */
const ONLY = Object.keys(ISO6393_TO_1);

export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (sample.replace(/\s+/g, '').length < MIN_LANGUAGE_CHARS) return null;
  const code = franc(sample, { minLength: MIN_LANGUAGE_CHARS, only: ONLY });
  return ISO6393_TO_1[code] ?? null;
}
