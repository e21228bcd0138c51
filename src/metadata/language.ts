/**
 * Language identification with franc (trigram profiles, ships its data: no download). franc answers
 * in ISO 639-3; the report uses ISO 639-1, so the languages franc knows that have a 639-1 code are
 * mapped here (codes from ISO 639-2/RA's table).
 */
import { francAll } from 'franc';

/** Below this many characters franc's guesses are unreliable (its own docs use 10 as a floor; news needs more). */
export const MIN_LANGUAGE_CHARS = 60;
/** Only the first part of a long text is needed to identify its language; bounds the cost. */
const SAMPLE_CHARS = 1200;
/**
 * A first guess is made on this much of the text, and kept when it leads the runner-up by
 * QUICK_MARGIN in franc's normalised score; otherwise the full sample decides. Most news is
 * told apart in 300 characters: on 3,205 texts (the bench corpus, the extraction and date pages,
 * the quotes and entities sets; 37 languages) the two-step answer was the same as the full
 * sample's for every one, 93 needed the second step, and the cost fell from 1.12 to 0.39 ms a
 * text (docs/benchmarks.md, 2026-12-07). A margin of 0.05 keeps room: at 200 characters two English texts
 * slipped through as French and Tagalog, and 0.03 already agreed everywhere.
 */
const QUICK_SAMPLE_CHARS = 300;
const QUICK_MARGIN = 0.05;

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
  const quick = ranked(text.slice(0, QUICK_SAMPLE_CHARS));
  if (quick) {
    const [first, second] = quick;
    // `und` (no letters to go on in the first part: a table of figures, say) leaves it to the full sample.
    if (first![0] !== 'und' && (!second || first![1] - second[1] >= QUICK_MARGIN)) return code(first![0]);
  }
  const full = ranked(text.slice(0, SAMPLE_CHARS));
  return full ? code(full[0]![0]) : null;
}

/** franc's languages for a sample, best first, or null when the sample is too short to judge. */
function ranked(sample: string): ReturnType<typeof francAll> | null {
  if (sample.replace(/\s+/g, '').length < MIN_LANGUAGE_CHARS) return null;
  return francAll(sample, { minLength: MIN_LANGUAGE_CHARS, only: ONLY });
}

/** franc's answer as ISO 639-1; `und` (undetermined) and languages without a code are null. */
function code(iso6393: string): string | null {
  return ISO6393_TO_1[iso6393] ?? null;
}
