/**
 * `storyline eval quantities`: the figures extractor scored on NewsQuant (../shared/data/README.md,
 * `quantities/newsquant-dev.json`) the way CQE's evaluation does (satya77/CQE_Evaluation,
 * evaluate_models.py), with the matching choices below.
 *
 * Input: `[{ text, quantities: [{ value, unit, normalized_unit, change, referred_concepts }] }]`, one
 * sentence per item. The system sees the text only, as one sentence (no re-splitting: the gold is per
 * sentence).
 *
 * Matching, per sentence:
 * - Values. Gold values are strings: "1600000.0", "-130", "1.99E-29", or a range "10000-12000" /
 *   "3.0 - 4.0" (CQE: a "-" that is not a leading minus and not in an exponent separates the two ends).
 *   A figure's value is its low = high, or the [low, high] pair for a range; an open bound ("more than
 *   70": low 70, high null) gives its one finite end. Numbers match as numpy.isclose does (relative
 *   1e-5, absolute 1e-8). A range matches a range only, and a single value a single value (CQE). Ranges
 *   compare as unordered pairs: NewsQuant writes them in text order ("from 4.8 to 4.7 percent" →
 *   "4.8-4.7") while a figure's low ≤ high. Percentages are in percent on both sides (5% → 5), fractions
 *   a share (half → 0.5), ratios the factor.
 * - Units. A figure's unit matches when it matches the gold `unit` or `normalized_unit` under
 *   `unitsMatch` (figures/units.ts): case, singular/plural, synonyms ("percent" = "%" = "percentage",
 *   "dollar" = "$" = "USD" = "US$"), and the head noun with its modifiers dropped ("different bosses" ~
 *   "bosses"). No unit on either side is "" ("-" in the gold), and two empty units match.
 * - Counting. Each gold quantity is matched at most once and each figure at most once (CQE caps the
 *   value count per sentence at the number of gold quantities but may let one prediction match two
 *   gold values; a one-to-one matching is stricter). Greedy, in two passes: first value-and-unit pairs,
 *   then value-only pairs among what is left, each gold taking the first free figure in text order.
 *   Value TP = pairs of both passes; value+unit TP = pairs of the first pass.
 * - P = TP / figures, R = TP / gold quantities, F1 their harmonic mean (CQE's get_fscores), over the
 *   whole file.
 * - Which figures count: all that `extractFigures` returns, except ratios written without a number
 *   ("doubled", "twice as"): NewsQuant annotates a quantity only where a number is written (digits or
 *   number words), and "6.5 times earnings" is one while "twice as loud" is not.
 */
import { readFileSync } from 'node:fs';
import { extractFigures, unitsMatch, type Figure } from '../figures/index.ts';
import { prf, type PRF } from './metrics.ts';

export interface GoldQuantity {
  value: string;
  unit: string;
  normalized_unit: string;
  change: string;
  referred_concepts?: string;
}

export interface QuantityItem {
  text: string;
  quantities: GoldQuantity[];
}

export interface QuantityScores extends PRF {
  task: 'quantities';
  items: number;
  gold: number;
  predicted: number;
  value: PRF;
  valueUnit: PRF;
  /** Milliseconds per item (one sentence) for `extractFigures`, model loading excluded. */
  msPerItem: number;
}

export type QuantityValue = number | readonly [number, number];

/** A gold value string as CQE's decode_dictionary reads it: a number, or a "low-high" range. */
export function parseGoldValue(v: string): QuantityValue | null {
  const s = v.trim();
  if (!s.includes('E') && !s.startsWith('-') && s.includes('-')) {
    const [a, b] = s.split('-').map((x) => Number(x.trim()));
    return Number.isFinite(a) && Number.isFinite(b) ? [a!, b!] : null;
  }
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A figure's value in the same shape: a single number, or the pair of a range. */
export function figureValue(f: Figure): QuantityValue | null {
  if (f.low !== null && f.high !== null && f.low !== f.high) return [f.low, f.high];
  return f.low ?? f.high;
}

/** numpy.isclose with its defaults (rtol 1e-5, atol 1e-8), as CQE compares values. */
function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-8 + 1e-5 * Math.abs(b);
}

export function valuesMatch(gold: QuantityValue, predicted: QuantityValue): boolean {
  if (typeof gold === 'number' || typeof predicted === 'number') {
    return typeof gold === 'number' && typeof predicted === 'number' && close(predicted, gold);
  }
  return close(predicted[0], gold[0]) && close(predicted[1], gold[1])
    || close(predicted[0], gold[1]) && close(predicted[1], gold[0]);
}

function unitOk(f: Figure, g: GoldQuantity): boolean {
  return unitsMatch(f.unit, g.unit) || unitsMatch(f.unit, g.normalized_unit);
}

/** Figures NewsQuant would annotate: not the ratios written without a number ("doubled"). */
export function scoredFigures(text: string): Figure[] {
  return extractFigures(text, { sentences: [{ text, start: 0, end: text.length }] })
    .filter((f) => !(f.kind === 'ratio' && !/\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)\b/i.test(f.text)));
}

/** Matches one sentence: [value TP, value+unit TP]. */
export function matchSentence(gold: GoldQuantity[], figures: Figure[]): { value: number; valueUnit: number } {
  const golds = gold.map((g) => parseGoldValue(g.value));
  const values = figures.map(figureValue);
  const goldUsed = new Array<boolean>(gold.length).fill(false);
  const figUsed = new Array<boolean>(figures.length).fill(false);
  let valueUnit = 0;
  let value = 0;
  for (const withUnit of [true, false]) {
    for (let g = 0; g < gold.length; g++) {
      const gv = golds[g];
      if (goldUsed[g] || gv === null || gv === undefined) continue;
      for (let f = 0; f < figures.length; f++) {
        const fv = values[f];
        if (figUsed[f] || fv === null || fv === undefined || !valuesMatch(gv, fv)) continue;
        if (withUnit && !unitOk(figures[f]!, gold[g]!)) continue;
        goldUsed[g] = true;
        figUsed[f] = true;
        value++;
        if (withUnit) valueUnit++;
        break;
      }
    }
  }
  return { value, valueUnit };
}

export function readQuantityItems(file: string): QuantityItem[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(data)) throw new Error(`${file}: expected a JSON array of { text, quantities }`);
  return data.map((x, i) => {
    const item = x as Partial<QuantityItem>;
    if (typeof item.text !== 'string' || !Array.isArray(item.quantities)) throw new Error(`${file}: item ${i} has no text / quantities`);
    return { text: item.text, quantities: item.quantities };
  });
}

export interface QuantityDetail {
  text: string;
  gold: GoldQuantity[];
  figures: Figure[];
  value: number;
  valueUnit: number;
}

/** Scores a NewsQuant-format file; `details` receives each sentence's gold, figures and matches. */
export function evalQuantities(file: string, details?: QuantityDetail[]): QuantityScores {
  const items = readQuantityItems(file);
  let gold = 0;
  let predicted = 0;
  let tpValue = 0;
  let tpUnit = 0;
  let ms = 0;
  scoredFigures('Warm-up: loads the part-of-speech model, about 12,000 additional troops.'); // not timed
  for (const item of items) {
    const t0 = performance.now();
    const figures = scoredFigures(item.text);
    ms += performance.now() - t0;
    const m = matchSentence(item.quantities, figures);
    gold += item.quantities.length;
    predicted += figures.length;
    tpValue += m.value;
    tpUnit += m.valueUnit;
    details?.push({ text: item.text, gold: item.quantities, figures, ...m });
  }
  const value = prf(tpValue, predicted - tpValue, gold - tpValue);
  const valueUnit = prf(tpUnit, predicted - tpUnit, gold - tpUnit);
  return {
    task: 'quantities',
    items: items.length,
    gold,
    predicted,
    ...value,
    value,
    valueUnit,
    msPerItem: items.length ? Math.round((ms / items.length) * 1000) / 1000 : 0,
  };
}
